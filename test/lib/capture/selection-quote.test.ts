// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { maskSensitiveText } from '@/lib/capture/mask-text';
import { textQuoteForRange } from '@/lib/capture/selection-quote';

const PAGE = `
  <h1 id="title">Monstera deliciosa</h1>
  <p id="price">EUR 39.00</p>
  <p id="description">A statement plant with <b id="bold">split leaves</b>. Likes bright, indirect light.</p>
  <p id="contact">Questions? Write to jane.doe@example.com or call us.</p>
  <form><label for="note">Note</label><textarea id="note">my secret note</textarea><input id="email" value="typed@example.com"></form>
  <div id="editor" contenteditable="true">typed in the editor</div>
  <p id="after-editor">Card 4242 4242 4242 4242 on file. Thanks for shopping.</p>
  <p class="private" id="masked">Masked by the researcher</p>
  <p id="last">The end of the page.</p>`;

/** The text node inside `#id` whose text holds `text`. */
function textIn(id: string, text: string): Text {
  const walker = document.createTreeWalker(document.getElementById(id)!, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.nodeValue!.includes(text)) return node as Text;
  throw new Error(`no "${text}" in #${id}`);
}

/** A range over `text` inside `#id` (one text node). */
function rangeOver(id: string, text: string): Range {
  const node = textIn(id, text);
  const start = node.nodeValue!.indexOf(text);
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, start + text.length);
  return range;
}

beforeEach(() => {
  document.body.innerHTML = PAGE;
});

describe('textQuoteForRange', () => {
  it.each([
    [
      'a word in the middle of a text node',
      'description',
      'statement plant',
      'Monstera deliciosa EUR 39.00 A',
      'with split leaves . Likes bright,',
    ],
    ['the start of a paragraph', 'price', 'EUR', 'Monstera deliciosa', '39.00 A statement plant with spl'],
    ['inside a bold element', 'bold', 'split', 'ia EUR 39.00 A statement plant with', 'leaves . Likes bright, indirect l'],
    ['the last words of the page', 'last', 'of the page.', 'for shopping. Masked by the researcher The end', ''],
  ])('quotes %s with up to 32 characters either side', (_, id, exact, prefix, suffix) => {
    const quote = textQuoteForRange(rangeOver(id, exact));
    expect(quote.exact).toBe(exact);
    expect(quote.prefix).toBe(prefix.slice(-32).trim());
    expect(quote.suffix).toBe(suffix.slice(0, 32).trim());
  });

  it('quotes a selection across elements, from element boundaries', () => {
    const range = document.createRange();
    const description = document.getElementById('description')!;
    range.setStart(description, 1);
    range.setEnd(description, 2);
    expect(textQuoteForRange(range)).toEqual({
      exact: 'split leaves',
      prefix: 'EUR 39.00 A statement plant with',
      suffix: '. Likes bright, indirect light.',
    });
  });

  it('quotes a selection that ends after the last child of its element', () => {
    const range = document.createRange();
    range.setStart(textIn('price', 'EUR'), 4);
    range.setEnd(document.getElementById('price')!, 1);
    expect(textQuoteForRange(range)).toMatchObject({ exact: '39.00', prefix: 'Monstera deliciosa EUR' });
  });

  it('masks an email in the suffix and a card number in the prefix', () => {
    const before = textQuoteForRange(rangeOver('contact', 'Questions?'));
    expect(before.suffix).toBe(maskSensitiveText('Write to jane.doe@example.com or call us.').slice(0, 32).trim());
    expect(before.suffix).not.toContain('jane.doe');
    const after = textQuoteForRange(rangeOver('after-editor', 'Thanks'));
    expect(after.prefix).toContain('4242');
    expect(after.prefix).not.toContain('4242 4242 4242 4242');
  });

  it('never reads a textarea, an input or an editable region around the selection', () => {
    const quote = textQuoteForRange(rangeOver('after-editor', 'on file.'));
    expect(quote.prefix).not.toMatch(/typed|secret/);
    expect(textQuoteForRange(rangeOver('contact', 'or call us.')).suffix).toBe('Note Card **** **** **** 4242 on');
  });

  it('skips elements matching the mask selector', () => {
    const quote = textQuoteForRange(rangeOver('last', 'The end'), '.private');
    expect(quote.prefix).toBe('42 on file. Thanks for shopping.');
    expect(quote.prefix).not.toContain('Masked');
  });

  it('keeps no text selected inside an editable region, and none of it in the context', () => {
    const quote = textQuoteForRange(rangeOver('editor', 'in the'));
    expect(quote.exact).toBe('');
    expect(`${quote.prefix} ${quote.suffix}`).not.toMatch(/typed|editor/);
  });

  it('leaves out the editable text inside a selection that spans it', () => {
    const range = document.createRange();
    range.setStart(textIn('contact', 'or call'), 0);
    range.setEnd(textIn('after-editor', 'Card'), 4);
    const quote = textQuoteForRange(range);
    expect(quote.exact).toBe('Questions? Write to j***@***.com or call us. Note Card');
    expect(quote.exact).not.toMatch(/typed|secret/);
  });
});
