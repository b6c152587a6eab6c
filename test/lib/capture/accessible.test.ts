// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { accessibleName, roleOf } from '@/lib/capture/accessible';

beforeEach(() => {
  document.body.innerHTML = '';
});

const el = (html: string) => {
  document.body.innerHTML = html;
  return document.getElementById('t')!;
};

describe('roleOf', () => {
  it.each([
    ['<button id="t">Buy</button>', 'button'],
    ['<a id="t" href="/cart">Cart</a>', 'link'],
    ['<a id="t">not a link</a>', ''],
    ['<input id="t" type="submit">', 'button'],
    ['<input id="t" type="checkbox">', 'checkbox'],
    ['<input id="t">', 'textbox'],
    ['<input id="t" type="search">', 'searchbox'],
    ['<input id="t" type="made-up">', 'textbox'],
    ['<select id="t"></select>', 'combobox'],
    ['<h2 id="t">Title</h2>', 'heading'],
    ['<div id="t" role="tab button">x</div>', 'tab'],
    ['<div id="t" role="  DIALOG ">x</div>', 'dialog'],
    ['<div id="t">plain</div>', ''],
  ])('%s has role %j', (html, role) => {
    expect(roleOf(el(html))).toBe(role);
  });
});

describe('accessibleName', () => {
  it.each([
    ['aria-label first', '<button id="t" aria-label="Close dialog">×</button>', 'Close dialog'],
    [
      'aria-labelledby',
      '<span id="a">Ship</span><span id="b">here</span><button id="t" aria-labelledby="a b">x</button>',
      'Ship here',
    ],
    ['the text of a button', '<button id="t">Add <b>to cart</b></button>', 'Add to cart'],
    ['an image alt', '<img id="t" alt="Monstera in a pot">', 'Monstera in a pot'],
    ['a link around an image', '<a id="t" href="/"><img alt="Home"></a>', 'Home'],
    ['a field label, never its value', '<label for="t">Email</label><input id="t" value="jane@example.com">', 'Email'],
    ['a wrapping label without the typed text', '<label>Gift note <textarea id="t">SECRET</textarea></label>', 'Gift note'],
    ['a placeholder when there is no label', '<input id="t" placeholder="Search plants">', 'Search plants'],
    ['the value of a submit input', '<input id="t" type="submit" value="Place order">', 'Place order'],
    ['a title as the last resort', '<div id="t" title="Help"></div>', 'Help'],
    ['masked personal data', '<button id="t">Email jane@example.com</button>', 'Email j***@***.com'],
  ])('reads %s', (_name, html, name) => {
    expect(accessibleName(el(html))).toBe(name);
  });

  it('never reads text typed into an editable region', () => {
    const target = el('<div contenteditable="true"><span id="t">hunter2</span></div>');
    expect(accessibleName(target)).toBe('');
  });

  it('never reads a masked element', () => {
    expect(accessibleName(el('<div class="secret"><b id="t">hunter2</b></div>'), '.secret')).toBe('');
  });

  it('never reads the value of a field without a label', () => {
    const input = el('<input id="t">') as HTMLInputElement;
    input.value = 'hunter2';
    expect(accessibleName(input)).toBe('');
  });

  it('cuts long names', () => {
    expect(accessibleName(el(`<button id="t">${'word '.repeat(100)}</button>`)).length).toBeLessThanOrEqual(120);
  });
});
