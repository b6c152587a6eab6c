// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { describeTarget } from '@/lib/capture/describe-target';
import { boxInTopWindow, CROSSING, containersOf, sameOriginFrames } from '@/lib/capture/frame-path';
import { reanchor } from '@/lib/capture/reanchor';

/** A same-origin iframe holding `html`; happy-dom leaves `frameElement` unset, so it is set here as browsers do. */
async function addFrame(id: string, html: string, parent: Document = document): Promise<HTMLIFrameElement> {
  const frame = parent.createElement('iframe');
  frame.id = id;
  // happy-dom loads `srcdoc` (not `about:blank`).
  frame.srcdoc = `<body>${html}</body>`;
  parent.body.append(frame);
  await new Promise((done) => setTimeout(done, 0));
  const doc = frame.contentDocument!;
  Object.defineProperty(doc.defaultView!, 'frameElement', { value: frame, configurable: true });
  return frame;
}

/** An open shadow root on `#id` holding `html`. */
function addShadow(host: Element, html: string): ShadowRoot {
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = html;
  return root;
}

beforeEach(() => {
  document.body.innerHTML = `
    <main><h1>Pay for your order</h1><gift-wrap id="gift"></gift-wrap><div class="offer"><span>No shadow here</span></div></main>`;
});

describe('containersOf', () => {
  it('is empty for an element of the top document', () => {
    expect(containersOf(document.querySelector('h1')!)).toEqual([]);
  });

  it('lists the iframes and shadow hosts on the way, outermost first', async () => {
    const frame = await addFrame('payment', '<widget-box id="box"></widget-box>');
    const inner = frame.contentDocument!.getElementById('box')!;
    const button = addShadow(inner, '<button id="pay">Pay</button>').getElementById('pay')!;
    expect(containersOf(button)).toEqual([frame, inner]);
  });
});

describe('describeTarget and reanchor across iframes and shadow roots', () => {
  it('writes each step of the path, joined by CROSSING, and places the element again', async () => {
    const frame = await addFrame(
      'payment',
      '<form><p id="terms">Terms of sale apply.</p><button id="pay">Pay EUR 34.00</button></form>',
    );
    const pay = frame.contentDocument!.getElementById('pay')!;
    const anchor = describeTarget(pay);
    expect(anchor.selector).toBe(`#payment${CROSSING}#pay`);
    expect(anchor.xpath).toBe(`/html[1]/body[1]/iframe[1]${CROSSING}/html[1]/body[1]/form[1]/button[1]`);
    expect(anchor.quote.exact).toBe('Pay EUR 34.00');
    expect(reanchor(document, anchor)).toEqual({ placed: true, element: pay, by: 'selector' });
  });

  it('places an element in an open shadow root by its host and its own selector', () => {
    const root = addShadow(
      document.getElementById('gift')!,
      '<p>Make it a present: <button class="wrap">Add gift wrap</button></p>',
    );
    const wrap = root.querySelector('button')!;
    const anchor = describeTarget(wrap);
    expect(anchor.selector).toBe(`#gift${CROSSING}.wrap`);
    expect(anchor.quote.exact).toBe('Add gift wrap');
    expect(reanchor(document, anchor)).toEqual({ placed: true, element: wrap, by: 'selector' });
  });

  it('falls back to the XPath and the text quote inside the shadow root', () => {
    const root = addShadow(
      document.getElementById('gift')!,
      '<p>Make it a present: <button class="wrap">Add gift wrap</button></p>',
    );
    const anchor = describeTarget(root.querySelector('button')!);
    root.querySelector('button')!.className = 'renamed';
    expect(reanchor(document, anchor)).toMatchObject({ placed: true, by: 'xpath' });
    root.innerHTML = '<div><span>Gift</span><button>Add gift wrap</button></div>';
    expect(reanchor(document, anchor)).toEqual({ placed: true, element: root.querySelector('button'), by: 'quote' });
  });

  it('finds the iframe by its XPath when its selector no longer matches', async () => {
    const frame = await addFrame('payment', '<button id="pay">Pay EUR 34.00</button>');
    const anchor = describeTarget(frame.contentDocument!.getElementById('pay')!);
    frame.id = 'checkout-frame';
    expect(reanchor(document, anchor)).toMatchObject({ placed: true, by: 'selector' });
  });

  it.each([
    ['the iframe is gone', () => document.getElementById('payment')!.remove(), [false, true]],
    [
      'the host lost its shadow root',
      () => document.getElementById('gift')!.replaceWith(document.createElement('gift-wrap')),
      [true, false],
    ],
  ])('could not place when %s', async (_, change, placed) => {
    const frame = await addFrame('payment', '<button id="pay">Pay EUR 34.00</button>');
    const root = addShadow(document.getElementById('gift')!, '<button class="wrap">Add gift wrap</button>');
    const anchors = [
      describeTarget(frame.contentDocument!.getElementById('pay')!),
      describeTarget(root.querySelector('button')!),
    ];
    change();
    expect(anchors.map((anchor) => reanchor(document, anchor).placed)).toEqual(placed);
  });

  it('never matches a crossing selector as plain CSS in the top document', () => {
    const anchor = { ...describeTarget(document.querySelector('span')!), selector: `.offer${CROSSING}span`, xpath: '' };
    expect(reanchor(document, anchor)).toEqual({ placed: false });
  });
});

describe('boxInTopWindow', () => {
  it('adds the position, border and padding of every iframe around the element', async () => {
    const outer = await addFrame('outer', '');
    const inner = await addFrame('inner', '<button id="pay">Pay</button>', outer.contentDocument!);
    const pay = inner.contentDocument!.getElementById('pay')!;
    const rect =
      (left: number, top: number, width = 10, height = 10) =>
      () =>
        DOMRect.fromRect({ x: left, y: top, width, height });
    pay.getBoundingClientRect = rect(5, 6, 40, 20);
    inner.getBoundingClientRect = rect(100, 200);
    outer.getBoundingClientRect = rect(1_000, 2_000);
    inner.style.border = '3px solid';
    inner.style.padding = '7px';
    Object.defineProperty(inner, 'clientLeft', { value: 3 });
    Object.defineProperty(inner, 'clientTop', { value: 3 });
    expect(boxInTopWindow(pay)).toEqual({ left: 5 + 100 + 3 + 7 + 1_000, top: 6 + 200 + 3 + 7 + 2_000, width: 40, height: 20 });
  });
});

describe('sameOriginFrames', () => {
  it('lists the windows of same-origin iframes at every depth', async () => {
    const outer = await addFrame('outer', '');
    const inner = await addFrame('inner', '', outer.contentDocument!);
    expect(sameOriginFrames(window)).toEqual([outer.contentWindow, inner.contentWindow]);
  });
});
