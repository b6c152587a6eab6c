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

/** Starts picking; returns when set up. Abort `signal` to stop. */
export function startPicker(options: PickerOptions): void {
  const { win, signal, ignore } = options;
  const listen = { capture: true, signal } as const;
  const swallow = (event: Event) => {
    if (!eventTarget(event, ignore)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  win.addEventListener('mousemove', (event) => options.onHover(eventTarget(event, ignore)), { ...listen, passive: true });
  win.document.documentElement.addEventListener('mouseleave', () => options.onHover(null), listen);
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
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopImmediatePropagation();
      options.onCancel();
    },
    listen,
  );
}
