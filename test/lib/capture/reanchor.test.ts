// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { describeTarget } from '@/lib/capture/describe-target';
import { reanchor, resolveXPath, textSimilarity } from '@/lib/capture/reanchor';
import type { Anchor } from '@/lib/model/touchpoint';

const SHOP = `
  <header><a href="/" id="logo">Waymark Shop</a><nav><a href="/cart" class="nav-link">Cart</a></nav></header>
  <main>
    <h1>Monstera deliciosa</h1>
    <p class="price-tag" id="price">EUR 39.00</p>
    <p class="stock">In stock, ships in 2 days</p>
    <button class="btn btn-primary" type="button">Add to cart</button>
    <section class="reviews">
      <h2>Reviews</h2>
      <ul>
        <li class="review"><span>Beautiful plant, arrived well packed.</span></li>
        <li class="review"><span>Leaves were damaged in transit.</span></li>
        <li class="review"><span>Write to jane.doe@example.com for help</span></li>
      </ul>
    </section>
    <footer><a href="/terms">Terms</a> <a href="/privacy">Privacy</a></footer>
  </main>`;

/** Tags the element at `selector` in the shop as it is now: the anchor stored with a touchpoint. */
function tag(selector: string): Anchor {
  return describeTarget(document.querySelector(selector)!);
}

/** The element a placement found, by its text, or `'could not place'`. */
function placedText(anchor: Anchor): string {
  const placement = reanchor(document, anchor);
  return placement.placed ? (placement.element.textContent ?? '').trim() : 'could not place';
}

beforeEach(() => {
  document.body.innerHTML = SHOP;
});

describe('textSimilarity', () => {
  it.each([
    ['Add to cart', 'Add to cart', 1],
    ['Add  to\ncart', 'add to cart', 1],
    ['', '', 1],
    ['a', 'b', 0],
    ['Add to cart', 'Remove from wishlist', 0],
  ])('compares %j with %j', (a, b, expected) => {
    expect(textSimilarity(a, b)).toBeCloseTo(expected, 1);
  });

  it('scores a small edit high and a different text low', () => {
    expect(textSimilarity('In stock, ships in 2 days', 'In stock, ships in 3 days')).toBeGreaterThan(0.85);
    expect(textSimilarity('Beautiful plant, arrived well packed.', 'Leaves were damaged in transit.')).toBeLessThan(0.4);
  });
});

describe('resolveXPath', () => {
  it('finds the element an XPath from describeTarget names', () => {
    const button = document.querySelector('button')!;
    expect(resolveXPath(document, tag('button').xpath)).toBe(button);
  });

  it.each(['', 'html/body', '/html[1]/body[1]/div[9]', '//button', '/html[1]/body[1]/main[1]/p[position()=1]'])(
    'returns null for %j',
    (xpath) => {
      expect(resolveXPath(document, xpath)).toBeNull();
    },
  );
});

describe('reanchor', () => {
  it('places by selector on an unchanged page', () => {
    const anchor = tag('#price');
    const placement = reanchor(document, anchor);
    expect(placement).toMatchObject({ placed: true, by: 'selector' });
  });

  it.each([
    ['#price', 'EUR 39.00'],
    ['button', 'Add to cart'],
    ['.review:nth-child(2) span', 'Leaves were damaged in transit.'],
    ['footer a:nth-child(2)', 'Privacy'],
    ['h1', 'Monstera deliciosa'],
  ])('places %s again after a reload (same markup)', (selector, text) => {
    const anchor = tag(selector);
    document.body.innerHTML = SHOP;
    expect(placedText(anchor)).toBe(text);
  });

  it('places an element whose classes were renamed, by XPath or quote', () => {
    const anchor = tag('button');
    document.body.innerHTML = SHOP.replace('btn btn-primary', 'css-x1y2z3');
    expect(placedText(anchor)).toBe('Add to cart');
  });

  it('places a moved element by its text quote', () => {
    const anchor = tag('.stock');
    const stock = document.querySelector('.stock')!;
    stock.className = 'availability';
    document.querySelector('header')!.append(stock);
    const placement = reanchor(document, anchor);
    expect(placement).toMatchObject({ placed: true, by: 'quote' });
    expect(placedText(anchor)).toBe('In stock, ships in 2 days');
  });

  it('places an element whose tag changed, when its text is unique', () => {
    const anchor = tag('.stock');
    document.querySelector('.stock')!.outerHTML = '<div class="x">In stock, ships in 2 days</div>';
    expect(placedText(anchor)).toBe('In stock, ships in 2 days');
  });

  it('places text that changed a little (approximate match)', () => {
    const anchor = tag('.stock');
    const stock = document.querySelector('.stock')!;
    stock.className = 'renamed';
    stock.textContent = 'In stock, ships in 3 days';
    document.querySelector('h1')!.before(stock);
    expect(placedText(anchor)).toBe('In stock, ships in 3 days');
  });

  it('reports "could not place" for a deleted element', () => {
    const anchor = tag('.review:nth-child(2) span');
    document.querySelector('.review:nth-child(2)')!.remove();
    expect(reanchor(document, anchor)).toEqual({ placed: false });
  });

  it("never pins the element that took a deleted one's place", () => {
    // The second review goes; the third moves up into its selector and XPath.
    const anchor = tag('.review:nth-child(2) span');
    document.querySelector('.review:nth-child(2)')!.remove();
    expect(placedText(anchor)).toBe('could not place');
  });

  it('refuses a selector that now matches an element with other text', () => {
    const anchor = tag('#price');
    document.querySelector('#price')!.textContent = 'Sold out, notify me';
    expect(placedText(anchor)).toBe('could not place');
  });

  it('accepts a selector match whose text changed only a little', () => {
    const anchor = tag('#price');
    document.querySelector('#price')!.textContent = 'EUR 39.50';
    expect(placedText(anchor)).toBe('EUR 39.50');
  });

  it('refuses to choose between two equal copies of the text', () => {
    const anchor = tag('button');
    document.body.innerHTML = '<div><button>Add to cart</button></div><div><button>Add to cart</button></div>';
    expect(placedText(anchor)).toBe('could not place');
  });

  it('tells two copies apart by the text around them', () => {
    document.body.innerHTML = '<p>Plan A</p><button>Choose</button><p>Plan B</p><button>Choose</button><p>End</p>';
    const anchor = describeTarget(document.querySelectorAll('button')[1]!);
    document.body.innerHTML =
      '<section><p>Plan A</p><button class="a">Choose</button></section><section><p>Plan B</p><button class="b">Choose</button></section><p>End</p>';
    const placement = reanchor(document, { ...anchor, selector: '', xpath: '' });
    expect(placement.placed && placement.element.className).toBe('b');
  });

  it('prefers the tagged tag among an element and its wrapper with the same text', () => {
    const anchor = tag('#logo');
    document.body.innerHTML = '<div class="brand"><a href="/" class="home">Waymark Shop</a></div>';
    const placement = reanchor(document, anchor);
    expect(placement.placed && placement.element.localName).toBe('a');
  });

  it('places text with masked personal data by its unmasked words', () => {
    const anchor = tag('.review:nth-child(3) span');
    expect(anchor.quote.exact).not.toContain('jane.doe');
    document.body.innerHTML = SHOP.replaceAll('class="review"', 'class="comment"').replace(
      '<h2>Reviews</h2>',
      '<h2>Reviews</h2><p>new</p>',
    );
    expect(placedText({ ...anchor, selector: '', xpath: '' })).toBe('Write to jane.doe@example.com for help');
  });

  it('does not place a quote that is nowhere on the page', () => {
    const anchor = tag('h1');
    document.body.innerHTML = '<h1>Fiddle-leaf fig</h1>';
    expect(placedText(anchor)).toBe('could not place');
  });

  it('does not place an element without text once its selector and XPath are gone', () => {
    document.body.innerHTML = '<div><img src="a.png" class="hero"></div>';
    const anchor = tag('img');
    document.body.innerHTML = '<section><p>x</p><img src="b.png" class="other"></section>';
    expect(placedText(anchor)).toBe('could not place');
  });

  it('ignores a selector that no longer parses or matches several elements', () => {
    const anchor = tag('button');
    expect(placedText({ ...anchor, selector: 'button[' })).toBe('Add to cart');
    expect(placedText({ ...anchor, selector: 'li', xpath: '' })).toBe('Add to cart');
  });

  it('never reads typed values to place an element', () => {
    document.body.innerHTML = '<label for="e">Email</label><input id="e" type="email">';
    const anchor = tag('#e');
    (document.querySelector('#e') as HTMLInputElement).value = 'Email';
    document.body.innerHTML = '<p>nothing</p><textarea>Email</textarea>';
    expect(placedText({ ...anchor, selector: '', xpath: '' })).toBe('could not place');
  });
});

describe('reanchor a selection', () => {
  it('places a selection inside an element whose other text changed', () => {
    const anchor = { ...tag('.stock'), quote: { exact: 'ships in 2 days', prefix: '', suffix: '' } };
    const stock = document.querySelector('.stock')!;
    stock.textContent = 'Only 3 left, ships in 2 days';
    expect(reanchor(document, anchor, { partOf: true })).toMatchObject({ placed: true, by: 'selector' });
  });

  it('finds a moved selection by its words', () => {
    const anchor = { ...tag('.review:nth-child(2) span'), quote: { exact: 'damaged in transit', prefix: '', suffix: '' } };
    document.body.innerHTML = '<article><p>Intro</p><p class="x">Leaves were damaged in transit.</p></article>';
    const placement = reanchor(document, { ...anchor, tagName: 'p' }, { partOf: true });
    expect(placement.placed && placement.element.className).toBe('x');
  });

  it('does not place a selection whose words are gone', () => {
    const anchor = { ...tag('.stock'), quote: { exact: 'ships in 2 days', prefix: '', suffix: '' } };
    document.querySelector('.stock')!.textContent = 'Sold out';
    expect(reanchor(document, anchor, { partOf: true })).toEqual({ placed: false });
  });
});
