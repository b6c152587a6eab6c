/**
 * The element picker: follows the pointer, reports the element under it and
 * the one clicked. Listens on the window in the capture phase, so a page that
 * stops propagation cannot hide clicks from it, and swallows the click so the
 * page does not navigate or submit. Everything stops when `signal` aborts.
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

/**
 * Where the arrow keys move the highlight: `ArrowUp` to the parent (the
 * button around an icon, the card around a price), `ArrowDown` back the way
 * it came, or to the first child. Never above `<body>`, never into our UI.
 */
export function stepTarget(
  current: Element,
  direction: 'up' | 'down',
  trail: Element[],
  ignore: (element: Element) => boolean,
): Element {
  if (direction === 'up') {
    const parent = current.parentElement;
    if (!parent || parent === current.ownerDocument.documentElement || ignore(parent)) return current;
    trail.push(current);
    return parent;
  }
  const back = trail.pop();
  if (back && back.parentElement === current) return back;
  trail.length = 0;
  const child = Array.from(current.children).find((el) => !ignore(el));
  return child ?? current;
}

/** Starts picking; returns when set up. Abort `signal` to stop. */
export function startPicker(options: PickerOptions): void {
  const { win, signal, ignore } = options;
  /** The highlighted element: from the pointer, or moved with the arrow keys. */
  let current: Element | null = null;
  const trail: Element[] = [];
  const hover = (element: Element | null) => {
    current = element;
    options.onHover(element);
  };
  const listen = { capture: true, signal } as const;
  const swallow = (event: Event) => {
    if (!eventTarget(event, ignore)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  win.addEventListener(
    'mousemove',
    (event) => {
      const target = eventTarget(event, ignore);
      // Moving within the element the keys chose keeps that choice.
      if (current && target && current.contains(target)) return;
      trail.length = 0;
      hover(target);
    },
    { ...listen, passive: true },
  );
  win.document.documentElement.addEventListener('mouseleave', () => hover(null), listen);
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'dblclick', 'auxclick', 'submit']) {
    win.addEventListener(type, swallow, listen);
  }
  win.addEventListener(
    'click',
    (event) => {
      const target = eventTarget(event, ignore);
      if (!target) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      options.onPick(target);
    },
    listen,
  );
  win.addEventListener(
    'keydown',
    (event) => {
      const step = event.key === 'ArrowUp' ? 'up' : event.key === 'ArrowDown' ? 'down' : null;
      if (event.key !== 'Escape' && !(current && (step || event.key === 'Enter'))) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (event.key === 'Escape') options.onCancel();
      else if (event.key === 'Enter' && current) options.onPick(current);
      else if (step && current) hover(stepTarget(current, step, trail, ignore));
    },
    listen,
  );
}
