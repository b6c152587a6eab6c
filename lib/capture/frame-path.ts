import type { Box } from './place-card';

/**
 * Elements inside same-origin iframes and open shadow roots: the iframes and
 * shadow hosts on the way to them, their box in the top window, and the
 * frames the picker listens in. Cross-origin iframes are closed to the page's
 * scripts and to ours: only the iframe element itself can be tagged.
 */

/**
 * Joins the steps of an anchor's selector (and XPath) that lead into a
 * same-origin iframe's document or an open shadow root, outermost first:
 * `iframe#checkout >>> button.pay`. Each step is a plain CSS selector (or an
 * absolute XPath) within its own document or shadow root. The anchor model has
 * no field for the path, and `>>>` never occurs in a selector or XPath Waymark
 * writes (a selector holding it is not valid CSS, so it cannot match by accident).
 */
export const CROSSING = ' >>> ';

/** The iframe or shadow host `el`'s document or shadow root belongs to; `null` at the top. */
export function containerOf(el: Element): Element | null {
  const root = el.getRootNode();
  if (root.nodeType === 11) return (root as ShadowRoot).host;
  return el.ownerDocument.defaultView?.frameElement ?? null;
}

/** The iframes and shadow hosts from the top document down to `el`, outermost first. */
export function containersOf(el: Element): Element[] {
  const out: Element[] = [];
  for (let node = containerOf(el); node; node = containerOf(node)) out.unshift(node);
  return out;
}

/** The document of a same-origin iframe, or the open shadow root of a host; `null` otherwise. */
export function contentRootOf(el: Element): Document | ShadowRoot | null {
  if (el.localName === 'iframe' || el.localName === 'frame') return (el as HTMLIFrameElement).contentDocument;
  return el.shadowRoot;
}

/** `el`'s box in the top window's viewport: its own box moved by every iframe (border and padding) it sits in. */
export function boxInTopWindow(el: Element): Box {
  const r = el.getBoundingClientRect();
  let { left, top } = r;
  for (let frame = el.ownerDocument.defaultView?.frameElement; frame; frame = frame.ownerDocument.defaultView?.frameElement) {
    const at = frame.getBoundingClientRect();
    const css = frame.ownerDocument.defaultView!.getComputedStyle(frame);
    left += at.left + frame.clientLeft + Number.parseFloat(css.paddingLeft || '0');
    top += at.top + frame.clientTop + Number.parseFloat(css.paddingTop || '0');
  }
  return { left, top, width: r.width, height: r.height };
}

/** The windows of `win`'s same-origin iframes, at every depth. */
export function sameOriginFrames(win: Window): Window[] {
  const out: Window[] = [];
  for (const frame of Array.from(win.document.querySelectorAll('iframe, frame'))) {
    // `null` for a cross-origin frame; some browsers throw instead.
    let inner: Window | null = null;
    try {
      inner = (frame as HTMLIFrameElement).contentDocument?.defaultView ?? null;
    } catch {}
    if (inner) out.push(inner, ...sameOriginFrames(inner));
  }
  return out;
}
