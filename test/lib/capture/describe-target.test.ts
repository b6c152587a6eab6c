// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  cssSelectorFor,
  describePage,
  describeTarget,
  structuralSelector,
  textQuoteFor,
  xpathFor,
} from '@/lib/capture/describe-target';
import { Anchor } from '@/lib/model/touchpoint';

const XHTML = 'http://www.w3.org/1999/xhtml';

/**
 * Resolves the absolute XPaths `xpathFor` writes (`/html[1]/body[1]/div[2]`,
 * `*[local-name()='svg'][1]`): happy-dom has no `document.evaluate`.
 */
function resolveXPath(xpath: string): Element | null {
  let context: ParentNode = document;
  for (const step of xpath.slice(1).split('/')) {
    const match = /^(?:\*\[local-name\(\)='([^']+)'\]|([a-z][\w-]*))\[(\d+)\]$/.exec(step);
    if (!match) throw new Error(`Unexpected step ${step}`);
    const [, foreign, html, index] = match;
    const siblings = Array.from(context.children).filter((el) =>
      foreign ? el.localName === foreign : el.localName === html && el.namespaceURI === XHTML,
    );
    const next = siblings[Number(index) - 1];
    if (!next) return null;
    context = next;
  }
  return context as Element;
}

const SHOP = `
  <header><a href="/" id="logo">Waymark Shop</a><nav><a href="/cart" class="nav-link">Cart</a></nav></header>
  <main>
    <h1>Running shoes</h1>
    <ul class="css-1x2y3z">
      <li class="css-4a5b6c"><span class="css-7d8e9f">Trail runner</span><button class="css-0g1h2i">Add to cart</button></li>
      <li class="css-4a5b6c"><span class="css-7d8e9f">Road runner</span><button class="css-0g1h2i">Add to cart</button></li>
      <li class="css-4a5b6c"><span class="css-7d8e9f">Track spike</span><button class="css-0g1h2i">Add to cart</button></li>
    </ul>
    <div class="sc-bdVaJa product-card"><h2 class="product-card__title">Trail runner</h2><p>€34.00</p></div>
    <div class="sc-bdVaJa product-card"><h2 class="product-card__title">Road runner</h2><p>€54.00</p></div>
    <table><tr><td>Size</td><td>42</td></tr><tr><td>Colour</td><td>Red</td></tr></table>
    <button id="checkout" class="btn btn-primary">Checkout</button>
    <button data-testid="help">Help</button>
    <svg viewBox="0 0 10 10"><circle r="1"></circle><circle r="2"></circle></svg>
  </main>
  <footer><p>© 2026 Waymark</p></footer>`;

describe('cssSelectorFor', () => {
  beforeEach(() => {
    document.body.innerHTML = SHOP;
  });

  it('resolves to the same element, and only that one, for every element of the page', () => {
    const elements = Array.from(document.body.querySelectorAll('*'));
    expect(elements.length).toBeGreaterThan(30);
    for (const el of elements) {
      const selector = cssSelectorFor(el);
      expect(document.querySelectorAll(selector), selector).toHaveLength(1);
      expect(document.querySelector(selector), selector).toBe(el);
    }
  });

  it.each([
    ['the second of three identical list buttons', 'li:nth-child(2) > button'],
    ['the third list item', 'li:nth-child(3)'],
    ['a span inside a generated-class list item', 'li:nth-child(1) > span'],
    ['the second card with a generated class', 'div.product-card:nth-of-type(2) h2'],
  ])('never uses generated class names (css-*, sc-*) for %s', (_name, query) => {
    const el = document.querySelector(query)!;
    const selector = cssSelectorFor(el);
    expect(selector).not.toMatch(/\.(css|sc)-/);
    expect(document.querySelector(selector)).toBe(el);
  });

  it.each([
    ['an element with a readable id', '#checkout', '#checkout'],
    ['an element with a readable data attribute', 'button[data-testid]', '[data-testid="help"]'],
  ])('uses a short, stable selector for %s', (_name, query, expected) => {
    expect(cssSelectorFor(document.querySelector(query)!)).toBe(expected);
  });

  it('still resolves when the search has no time at all', () => {
    const el = document.querySelector('li:nth-child(2) > button')!;
    const selector = cssSelectorFor(el, 0);
    expect(document.querySelector(selector)).toBe(el);
  });
});

describe('structuralSelector', () => {
  beforeEach(() => {
    document.body.innerHTML = SHOP;
  });

  it('writes the nth-child path from html', () => {
    const el = document.querySelector('li:nth-child(2) > button')!;
    expect(structuralSelector(el)).toBe(
      'html > body:nth-child(2) > main:nth-child(2) > ul:nth-child(2) > li:nth-child(2) > button:nth-child(2)',
    );
  });

  it('resolves to the same element for every element of the page', () => {
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      expect(document.querySelector(structuralSelector(el))).toBe(el);
    }
  });
});

describe('xpathFor', () => {
  beforeEach(() => {
    document.body.innerHTML = SHOP;
  });

  it.each([
    ['the second list button', 'li:nth-child(2) > button', '/html[1]/body[1]/main[1]/ul[1]/li[2]/button[1]'],
    ['the checkout button among other buttons', '#checkout', '/html[1]/body[1]/main[1]/button[1]'],
    ['the help button', '[data-testid="help"]', '/html[1]/body[1]/main[1]/button[2]'],
    ['the second product card', 'div.product-card:nth-of-type(2)', '/html[1]/body[1]/main[1]/div[2]'],
    ['a table cell', 'tr:nth-child(2) > td:nth-child(2)', '/html[1]/body[1]/main[1]/table[1]/tbody[1]/tr[2]/td[2]'],
    ['an svg shape', 'circle:nth-of-type(2)', "/html[1]/body[1]/main[1]/*[local-name()='svg'][1]/*[local-name()='circle'][2]"],
    ['the html element', 'html', '/html[1]'],
  ])('writes %s as %s', (_name, query, expected) => {
    const el = document.querySelector(query)!;
    expect(xpathFor(el)).toBe(expected);
    expect(resolveXPath(expected)).toBe(el);
  });

  it('resolves to the same element for every element of the page', () => {
    for (const el of Array.from(document.querySelectorAll('*'))) {
      expect(resolveXPath(xpathFor(el))).toBe(el);
    }
  });
});

describe('textQuoteFor', () => {
  it.each([
    [
      'a list button',
      'li:nth-child(2) > button',
      'Add to cart',
      'Trail runner Add to cart Road runner',
      'Track spike Add to cart Trail run',
    ],
    ['a heading', 'h1', 'Running shoes', 'Waymark Shop Cart', 'Trail runner Add to cart Road run'],
    ['the logo, first on the page', '#logo', 'Waymark Shop', '', 'Cart Running shoes Trail runner A'],
    ['the footer, last on the page', 'footer', '© 2026 Waymark', 'Size 42 Colour Red Checkout Help', ''],
    [
      'a whole list item',
      'li:nth-child(3)',
      'Track spike Add to cart',
      'ner Add to cart Road runner Add to cart',
      'Trail runner €34.00 Road runner €',
    ],
    [
      'a price',
      'div.product-card:nth-of-type(2) p',
      '€54.00',
      'Add to cart Trail runner €34.00 Road runner',
      'Size 42 Colour Red Checkout Help',
    ],
  ])('quotes %s with up to 32 characters around it', (_name, query, exact, prefix, suffix) => {
    document.body.innerHTML = SHOP;
    const quote = textQuoteFor(document.querySelector(query)!);
    expect(quote).toEqual({ exact, prefix: prefix.slice(-32).trim(), suffix: suffix.slice(0, 32).trim() });
    expect(quote.prefix.length).toBeLessThanOrEqual(32);
    expect(quote.suffix.length).toBeLessThanOrEqual(32);
  });

  it('normalizes white space in the quote', () => {
    document.body.innerHTML = '<p>Before</p><button>\n   Add\n\t to <b>cart</b>  </button><p>After</p>';
    expect(textQuoteFor(document.querySelector('button')!)).toEqual({ exact: 'Add to cart', prefix: 'Before', suffix: 'After' });
  });

  it('cuts the exact text to 300 characters', () => {
    document.body.innerHTML = `<p>${'abcd'.repeat(100)}</p>`;
    expect(textQuoteFor(document.querySelector('p')!).exact).toBe('abcd'.repeat(75));
  });

  it.each([
    ['an email in the element', '<p>Mail jane.doe@example.com</p>', 'p', 'exact', 'Mail j***@***.com'],
    ['a card in the element', '<p>Card 4242 4242 4242 4242</p>', 'p', 'exact', 'Card **** **** **** 4242'],
    ['a phone before the element', '<p>Call 555-123-4567</p><button>Go</button>', 'button', 'prefix', 'Call ***-***-**67'],
    ['an email after the element', '<button>Go</button><p>or jane@example.com</p>', 'button', 'suffix', 'or j***@***.com'],
  ])('masks %s', (_name, html, query, field, expected) => {
    document.body.innerHTML = html;
    expect(textQuoteFor(document.querySelector(query)!)[field as 'exact' | 'prefix' | 'suffix']).toBe(expected);
  });

  it.each([
    ['prefix, where it is cut at its start', '<p>4000056655665556 was charged on Friday</p><button>Go</button>', 'prefix'],
    ['suffix, where it is cut at its end', '<button>Go</button><p>Charged to the card 4000056655665556</p>', 'suffix'],
    ['exact text, where it is cut at 300 characters', `<p>${'x '.repeat(145)}4000056655665556</p><button>Go</button>`, 'exact'],
  ])('never leaks part of a card number in the %s', (_name, html, field) => {
    document.body.innerHTML = html;
    const target = field === 'exact' ? document.querySelector('p')! : document.querySelector('button')!;
    const text = textQuoteFor(target)[field as 'exact' | 'prefix' | 'suffix'];
    expect(text).not.toMatch(/\d{5}/);
    expect(text).not.toContain('000566');
  });
});

describe('textQuoteFor on form controls', () => {
  it.each([
    ['aria-label', '<input id="t" aria-label="Search products" value="hunter2">', 'Search products'],
    ['aria-labelledby', '<span id="l">Your email</span><input id="t" aria-labelledby="l" value="hunter2">', 'Your email'],
    ['a label with for=', '<label for="t">Card number</label><input id="t" value="hunter2">', 'Card number'],
    ['a wrapping label', '<label>Full name <input id="t" value="hunter2"></label>', 'Full name'],
    ['a placeholder', '<input id="t" placeholder="Postcode" value="hunter2">', 'Postcode'],
    ['a placeholder inside an empty wrapping label', '<label><input id="t" placeholder="Coupon code"></label>', 'Coupon code'],
    [
      'the label of a password field',
      '<label for="t">Password</label><input id="t" type="password" value="hunter2">',
      'Password',
    ],
    ['the label of a textarea', '<label for="t">Gift message</label><textarea id="t">SECRET-TYPED</textarea>', 'Gift message'],
    ['a label wrapping a textarea', '<label>Gift message <textarea id="t">SECRET-TYPED</textarea></label>', 'Gift message'],
    ['a label wrapping a select', '<label>Country <select id="t"><option>SECRET-TYPED</option></select></label>', 'Country'],
    ['a label containing another field', '<label for="t">Phone <input value="hunter2"></label><input id="t">', 'Phone'],
    ['a textarea placeholder', '<textarea id="t" placeholder="Write a review">SECRET-TYPED</textarea>', 'Write a review'],
    [
      'a contenteditable region with aria-label',
      '<div id="t" contenteditable="true" aria-label="Message">SECRET-TYPED</div>',
      'Message',
    ],
    ['the value of a submit button', '<input id="t" type="submit" value="Place order">', 'Place order'],
    ['the value of a button input', '<input id="t" type="button" value="Apply">', 'Apply'],
    ['the value of a reset input', '<input id="t" type="RESET" value="Clear">', 'Clear'],
    ['nothing for an unlabelled field', '<input id="t" value="hunter2">', ''],
  ])('quotes %s, never the value', (_name, html, exact) => {
    document.body.innerHTML = `<p>Before</p>${html}<p>After</p>`;
    const el = document.getElementById('t') as HTMLInputElement;
    if ('value' in el && el.type !== 'submit' && el.type !== 'button' && el.type !== 'reset') el.value = 'hunter2';
    const quote = textQuoteFor(el);
    expect(quote.exact).toBe(exact);
    expect(quote.prefix).toMatch(/^Before/);
    expect(quote.suffix).toMatch(/After$/);
    expect(JSON.stringify(quote)).not.toMatch(/hunter2|SECRET-TYPED/);
  });
});

describe('describeTarget', () => {
  const FORM = `
    <h1>Checkout</h1>
    <form>
      <label>Email <input id="email" type="email" value="hunter2"></label>
      <label for="pw">Password</label><input id="pw" type="password">
      <label>Note <textarea id="note">SECRET-TYPED</textarea></label>
      <label>Country <select id="country"><option>SECRET-TYPED</option><option selected>hunter2</option></select></label>
      <div id="editor" contenteditable="true"><p>SECRET-TYPED</p><p>hunter2</p></div>
      <div id="rich" contenteditable=""><span>hunter2</span></div>
      <div class="wm-mask">SECRET-TYPED</div>
      <input type="hidden" value="hunter2">
      <button type="submit">Pay now</button>
    </form>
    <p>Questions? Call us.</p>`;

  beforeEach(() => {
    document.body.innerHTML = FORM;
    for (const el of Array.from(document.querySelectorAll<HTMLInputElement>('input:not([type=hidden])'))) el.value = 'hunter2';
    (document.getElementById('note') as HTMLTextAreaElement).value = 'SECRET-TYPED';
  });

  it('never puts a typed value into the anchor of any element on the page', () => {
    const elements = Array.from(document.querySelectorAll('*'));
    for (const el of elements) {
      const anchor = JSON.stringify(describeTarget(el, { maskSelector: '.wm-mask' }));
      expect(anchor, el.outerHTML).not.toContain('hunter2');
      expect(anchor, el.outerHTML).not.toContain('SECRET-TYPED');
    }
  });

  it('describes a submit button with selector, xpath, quote and tag', () => {
    const el = document.querySelector('button')!;
    const anchor = describeTarget(el, { maskSelector: '.wm-mask' });
    expect(Anchor.parse(anchor)).toEqual(anchor);
    expect(document.querySelector(anchor.selector)).toBe(el);
    expect(anchor.xpath).toBe('/html[1]/body[1]/form[1]/button[1]');
    expect(anchor.quote).toEqual({ exact: 'Pay now', prefix: 'kout Email Password Note Country', suffix: 'Questions? Call us.' });
    expect(anchor.tagName).toBe('button');
    expect(anchor.role).toBe('button');
    expect(anchor.name).toBe('Pay now');
  });

  it.each([
    ['#email', 'Email', 'input'],
    ['#pw', 'Password', 'input'],
    ['#note', 'Note', 'textarea'],
    ['#country', 'Country', 'select'],
    ['#editor', '', 'div'],
  ])('quotes the label of %s as %j', (query, exact, tagName) => {
    const el = document.querySelector(query)!;
    const anchor = describeTarget(el);
    expect(anchor.quote.exact).toBe(exact);
    expect(anchor.tagName).toBe(tagName);
    expect(document.querySelector(anchor.selector)).toBe(el);
  });

  it('treats elements matching the mask selector as private', () => {
    document.body.innerHTML = '<p>Order for <span class="wm-mask">Jane Doe</span></p><button>Pay</button>';
    const anchor = describeTarget(document.querySelector('button')!, { maskSelector: '.wm-mask' });
    expect(anchor.quote.prefix).toBe('Order for');
    expect(JSON.stringify(anchor)).not.toContain('Jane');
    expect(describeTarget(document.querySelector('.wm-mask')!, { maskSelector: '.wm-mask' }).quote.exact).toBe('');
  });
});

describe('describePage', () => {
  it('quotes the masked h1 and has no selector', () => {
    document.body.innerHTML = '<h1>Orders of <b>jane@example.com</b></h1><h1>Second</h1><p>text</p>';
    expect(describePage(document)).toEqual({
      selector: '',
      xpath: '',
      quote: { exact: 'Orders of j***@***.com', prefix: '', suffix: '' },
      tagName: 'html',
      role: '',
      name: '',
    });
  });

  it('quotes nothing when the page has no h1', () => {
    document.body.innerHTML = '<h2>Cart</h2>';
    expect(describePage(document).quote.exact).toBe('');
  });

  it('does not leak a card number cut at the 300-character limit', () => {
    document.body.innerHTML = `<h1>${'x '.repeat(145)}4000056655665556</h1>`;
    expect(describePage(document).quote.exact).not.toMatch(/\d{5}/);
  });
});
