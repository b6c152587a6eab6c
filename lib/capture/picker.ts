import { containerOf, contentRootOf, sameOriginFrames } from './frame-path';

/**
 * The element picker: follows the pointer, reports the element under it and
 * the one clicked. Listens on the window and on the windows of its same-origin
 * iframes in the capture phase, so a page that stops propagation cannot hide
 * clicks from it, and swallows the click so the page does not navigate or
 * submit. Everything stops when `signal` aborts.
 */
export interface PickerCallbacks {
  /** The pointer is over `element` (or left the page: `null`). */
  onHover: (element: Element | null) => void;
  onPick: (element: Element) => void;
  onCancel: () => void;
}

export interface PickerOptions extends PickerCallbacks {
  win: Window;
  signal: AbortSignal;
  /** Our own UI host: never offered as a target. */
  ignore: (element: Element) => boolean;
}

/**
 * The innermost element an event really hit, looking into open shadow roots;
 * `null` when it or any element around it is ignored: a click on a button in
 * our own UI hits that button (inside the host's open shadow root), not the
 * ignored host itself.
 */
export function eventTarget(event: Event, ignore: (element: Element) => boolean): Element | null {
  const elements = event.composedPath().filter((node): node is Element => (node as Node).nodeType === 1);
  if (elements.some((el) => ignore(el))) return null;
  return elements[0] ?? null;
}

/** The element around `el`: its parent, or the iframe (from its `<body>`) or shadow host it sits in. */
function outerOf(el: Element): Element | null {
  const parent = el.parentElement;
  if (parent === el.ownerDocument.documentElement) return containerOf(el);
  return parent ?? containerOf(el);
}

/** What `ArrowDown` enters: a same-origin iframe's `<body>`, a shadow root's elements, or the children. */
function innerOf(el: Element): Element[] {
  const body = el.localName === 'iframe' ? (el as HTMLIFrameElement).contentDocument?.body : null;
  return body ? [body] : Array.from((el.shadowRoot ?? el).children);
}

/**
 * Where the arrow keys (and Alt+wheel) move the highlight: `ArrowUp` to the
 * parent (the button around an icon, the card around a price; from an
 * iframe's `<body>` or a shadow root to the iframe or host), `ArrowDown` back
 * the way it came, or to the first child. Never above the top `<body>`, never
 * into our UI.
 */
export function stepTarget(
  current: Element,
  direction: 'up' | 'down',
  trail: Element[],
  ignore: (element: Element) => boolean,
): Element {
  if (direction === 'up') {
    const parent = outerOf(current);
    if (!parent || ignore(parent)) return current;
    trail.push(current);
    return parent;
  }
  const back = trail.pop();
  if (back && outerOf(back) === current) return back;
  trail.length = 0;
  return innerOf(current).find((el) => !ignore(el)) ?? current;
}

/** Pixels of a touchpad's wheel deltas that make one step (a mouse wheel's notch is about 100). */
const WHEEL_STEP = 50;

/**
 * Starts picking; returns when set up. Abort `signal` to stop. Iframes that
 * load later (or load another page) are listened in as they load.
 */
export function startPicker(options: PickerOptions): void {
  const { win, signal, ignore } = options;
  /** The highlighted element: from the pointer, or moved with the arrow keys or Alt+wheel. */
  let current: Element | null = null;
  const trail: Element[] = [];
  let wheel = 0;
  const hover = (element: Element | null) => {
    current = element;
    options.onHover(element);
  };
  const step = (direction: 'up' | 'down') => {
    if (current) hover(stepTarget(current, direction, trail, ignore));
  };
  const listen = { capture: true, signal } as const;
  const swallow = (event: Event) => {
    if (!eventTarget(event, ignore)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  const onMove = (event: Event) => {
    const target = eventTarget(event, ignore);
    // Moving within the element the keys chose keeps that choice.
    if (current && target && current.contains(target)) return;
    trail.length = 0;
    hover(target);
  };
  const onClick = (event: Event) => {
    const target = eventTarget(event, ignore);
    if (!target) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    options.onPick(target);
  };
  const onKey = (event: KeyboardEvent) => {
    const direction = event.key === 'ArrowUp' ? 'up' : event.key === 'ArrowDown' ? 'down' : null;
    if (event.key !== 'Escape' && !(current && (direction || event.key === 'Enter'))) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (event.key === 'Escape') options.onCancel();
    else if (event.key === 'Enter' && current) options.onPick(current);
    else if (direction) step(direction);
  };
  // Plain wheel still scrolls the page; Alt+wheel (whose default we cancel) steps.
  const onWheel = (event: WheelEvent) => {
    if (!event.altKey || !current) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const delta = event.deltaY || event.deltaX;
    wheel = Math.sign(wheel) === Math.sign(delta) ? wheel + delta : delta;
    // A notch (or a line or page) is one step; a touchpad's small deltas add up to one.
    if (event.deltaMode === 0 && Math.abs(wheel) < WHEEL_STEP) return;
    wheel = 0;
    step(delta < 0 ? 'up' : 'down');
  };
  // A click into a cross-origin iframe reaches only that frame; the window around it sees the focus go to the iframe.
  const onBlur = (event: Event) => {
    const view = event.target as Window;
    if (event.target !== event.currentTarget) return;
    view.setTimeout(() => {
      const frame = view.document.activeElement;
      if (signal.aborted || !frame || !/^i?frame$/.test(frame.localName) || contentRootOf(frame) || ignore(frame)) return;
      options.onPick(frame);
    }, 0);
  };
  const listening = new WeakSet<Window>();
  const listenIn = (view: Window) => {
    if (listening.has(view)) return;
    listening.add(view);
    view.addEventListener('mousemove', onMove, { ...listen, passive: true });
    for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'dblclick', 'auxclick', 'submit']) {
      view.addEventListener(type, swallow, listen);
    }
    view.addEventListener('click', onClick, listen);
    view.addEventListener('keydown', onKey, listen);
    view.addEventListener('wheel', onWheel, { ...listen, passive: false });
    view.addEventListener('blur', onBlur, listen);
    // `load` does not reach the window (https://dom.spec.whatwg.org/#ref-for-get-the-parent), but the document sees it.
    view.document.addEventListener('load', listenInFrames, listen);
  };
  const listenInFrames = (event?: Event) => {
    if (event && !/^i?frame$/.test((event.target as Element).localName)) return;
    for (const frame of sameOriginFrames(win)) listenIn(frame);
  };
  listenIn(win);
  listenInFrames();
  win.document.documentElement.addEventListener('mouseleave', () => hover(null), listen);
}
