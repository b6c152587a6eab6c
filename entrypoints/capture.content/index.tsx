import { browser } from 'wxt/browser';
import ratingScalesCss from '@/assets/rating-scales.css?inline';
import { watchLcp } from '@/lib/capture/page-context';
import { type ContentCommand, isContentCommand } from '@/lib/messages/content-command';
import { mountShadowUi } from '@/lib/platform/mount-shadow-ui';
import { Overlay } from './Overlay';
import overlayCss from './overlay.css?inline';

/** The card's styles: the shared rating scales, then the overlay's own. */
const CARD_CSS = `${ratingScalesCss}\n${overlayCss}`;

/** Marks the page as having a live capture script (it is injected on demand, maybe twice). */
const LIVE = Symbol.for('waymark.capture');

/** The host element of the pins (entrypoints/pins.content), another script's UI the picker must not pick. */
const PINS_HOST = 'waymark-pins';

/** `90 s`, `2 min`, `3 h` in the UI language. */
function formatDuration(ms: number): string {
  const [value, unit] =
    ms < 60_000 ? [ms / 1_000, 'second'] : ms < 3_600_000 ? [ms / 60_000, 'minute'] : [ms / 3_600_000, 'hour'];
  return new Intl.NumberFormat(browser.i18n.getUILanguage(), {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: 0,
  }).format(value);
}

export default defineContentScript({
  // Not in the manifest: injected by the background with `scripting`, only
  // when the researcher asks, so pages pay nothing until then.
  registration: 'runtime',
  cssInjectionMode: 'manual',
  main(ctx) {
    const scope = globalThis as { [LIVE]?: { isValid: boolean } };
    if (scope[LIVE]?.isValid) return;
    scope[LIVE] = ctx;
    // LCP is only seen by an observer; start it now, with buffered entries from before.
    const lcpMs = watchLcp(window, ctx.signal);
    const hosts = new Set<Element>();
    const isOwnHost = (el: Element) => hosts.has(el) || el.localName === PINS_HOST;

    let session = 0;
    let current: { remove: () => void } | undefined;

    const open = async (command: ContentCommand) => {
      const { mode, hint, journey } = command.payload;
      // The pins have a script of their own; the worker no longer sends this mode here.
      if (mode === 'pins') return;
      session += 1;
      const id = session;
      const ui = await mountShadowUi(ctx, 'waymark-capture', CARD_CSS, (close, host) => {
        hosts.add(host);
        return (
          <Overlay
            key={id}
            isOwnHost={isOwnHost}
            mode={mode}
            hint={hint}
            journey={journey}
            lcpMs={lcpMs}
            formatDuration={formatDuration}
            onClose={close}
            setTimeout={(fn, ms) => ctx.setTimeout(fn, ms)}
            signal={ctx.signal}
          />
        );
      });
      current?.remove();
      current = ui;
    };

    const onMessage = (message: unknown) => {
      if (!isContentCommand(message)) return undefined;
      void open(message);
      return Promise.resolve(null);
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
