// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { isPrivateElement, normalizeSpace, readableText, textWalker } from '@/lib/capture/page-text';

const SECRETS = ['hunter2', 'SECRET-TYPED'];

/** A page with typed secrets everywhere a person can type, planted as values and as text. */
function plantSecrets(): void {
  document.body.innerHTML = `
    <main id="main">
      <h1>Checkout</h1>
      <p id="intro">Enter your details</p>
      <label id="name-label">Name <input id="name" type="text" value="hunter2"></label>
      <label>Password <input id="password" type="password"></label>
      <input id="hidden" type="hidden" value="hunter2">
      <label id="note-label">Note <textarea id="note">SECRET-TYPED</textarea></label>
      <select id="country"><option>SECRET-TYPED</option><option selected>hunter2</option></select>
      <div id="editor" contenteditable="true"><p id="typed">SECRET-TYPED and hunter2</p></div>
      <div id="plain-editor" contenteditable="plaintext-only">hunter2</div>
      <div id="masked" class="wm-private">SECRET-TYPED</div>
      <script>var x = "hunter2";</script>
      <style>.hunter2 { color: red }</style>
      <template><p>SECRET-TYPED</p></template>
      <noscript>hunter2</noscript>
      <p id="outro">Thank you</p>
    </main>`;
  for (const id of ['name', 'password']) (document.getElementById(id) as HTMLInputElement).value = 'hunter2';
  (document.getElementById('note') as HTMLTextAreaElement).value = 'SECRET-TYPED';
}

describe('normalizeSpace', () => {
  it.each([
    ['  Add \n\t to   cart  ', 'Add to cart'],
    ['one', 'one'],
    ['', ''],
    ['\u00a0nbsp\u00a0', 'nbsp'],
    ['中文\n 文本', '中文 文本'],
  ])('collapses %j to %j', (input, expected) => {
    expect(normalizeSpace(input)).toBe(expected);
  });
});

describe('isPrivateElement', () => {
  beforeEach(plantSecrets);

  it.each([
    ['a text input', '#name'],
    ['a password input', '#password'],
    ['a hidden input', '#hidden'],
    ['a textarea', '#note'],
    ['a select', '#country'],
    ['an option', '#country option'],
    ['a contenteditable region', '#editor'],
    ['a contenteditable="plaintext-only" region', '#plain-editor'],
    ['a script', 'script'],
    ['a style sheet', 'style'],
    ['a template', 'template'],
    ['a noscript block', 'noscript'],
  ])('is true for %s', (_name, selector) => {
    expect(isPrivateElement(document.querySelector(selector)!)).toBe(true);
  });

  it.each([
    ['a paragraph', '#intro'],
    ['a label', '#name-label'],
    ['the main element', '#main'],
  ])('is false for %s', (_name, selector) => {
    expect(isPrivateElement(document.querySelector(selector)!)).toBe(false);
  });

  it('is true for an element matching the mask selector', () => {
    expect(isPrivateElement(document.getElementById('masked')!, '.wm-private')).toBe(true);
    expect(isPrivateElement(document.getElementById('masked')!)).toBe(false);
  });

  it('is true for an svg element', () => {
    document.body.innerHTML = '<svg><text>hunter2</text></svg>';
    expect(isPrivateElement(document.querySelector('svg')!)).toBe(true);
  });

  it('is false for contenteditable="false"', () => {
    document.body.innerHTML = '<div contenteditable="false">Read only</div>';
    expect(isPrivateElement(document.querySelector('div')!)).toBe(false);
  });
});

describe('textWalker', () => {
  beforeEach(plantSecrets);

  it('visits only the visible text outside private elements', () => {
    const walker = textWalker(document, document.body, '.wm-private');
    const texts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.nodeValue ?? '');
    const joined = normalizeSpace(texts.join(' '));
    expect(joined).toBe('Checkout Enter your details Name Password Note Thank you');
    for (const secret of SECRETS) expect(joined).not.toContain(secret);
  });
});

describe('readableText', () => {
  beforeEach(plantSecrets);

  it('reads a whole form without any typed value', () => {
    const text = readableText(document.getElementById('main')!, 1_000, '.wm-private');
    expect(text).toBe('Checkout Enter your details Name Password Note Thank you');
  });

  it.each(['#name', '#note', '#country', '#editor', '#typed', '#plain-editor'])('reads nothing from private %s', (selector) => {
    expect(readableText(document.querySelector(selector)!, 1_000)).toBe('');
  });

  it('reads nothing from an element matching the mask selector', () => {
    expect(readableText(document.getElementById('masked')!, 1_000, '.wm-private')).toBe('');
  });

  it('reads a label without the textarea inside it', () => {
    expect(readableText(document.getElementById('note-label')!, 1_000)).toBe('Note');
  });

  it.each([
    [5, 'Check'],
    [8, 'Checkout'],
    [14, 'Checkout Enter'],
  ])('cuts the text to %i characters', (limit, expected) => {
    expect(readableText(document.getElementById('main')!, limit)).toBe(expected);
  });

  it('normalizes white space across elements', () => {
    document.body.innerHTML = '<div id="d">  Red\n<b>running</b>   <i> shoes </i>\n</div>';
    expect(readableText(document.getElementById('d')!, 100)).toBe('Red running shoes');
  });
});
