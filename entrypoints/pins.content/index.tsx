import { browser } from 'wxt/browser';
import { isPinsCommand } from '@/lib/messages/content-command';
import type { PinnedTouchpoint } from '@/lib/messages/protocol';
import { mountShadowUi, type ShadowUi } from '@/lib/platform/mount-shadow-ui';
import { PinsLayer } from './PinsLayer';
import pinsCss from './pins.css?inline';

/** Marks the page as having a live pins script (it is injected on demand, maybe many times). */
const LIVE = Symbol.for('waymark.pins');

/**
 * Pins at the elements tagged on this page in the running journey. A script
 * of its own, apart from the capture overlay, so that the overlay injected on
 * every capture stays small (issue #7's 25 KB budget): the worker injects this
 * one only when the page has something to pin (start-capture.ts), after a
 * touchpoint of an element is saved, and for the "show pins" shortcut, and
 * sends the page's pins with the command.
 */
export default defineContentScript({
  // Not in the manifest: injected by the background with `scripting`.
  registration: 'runtime',
  cssInjectionMode: 'manual',
  main(ctx) {
    const scope = globalThis as { [LIVE]?: { isValid: boolean } };
    if (scope[LIVE]?.isValid) return;
    scope[LIVE] = ctx;

    let shown: ShadowUi | undefined;
    let generation = 0;
    let latest: PinnedTouchpoint[] = [];
    const show = async (touchpoints: PinnedTouchpoint[]) => {
      // Shown already: place the new list again (a touchpoint was just saved, or the page changed).
      generation += 1;
      latest = touchpoints;
      if (shown) {
        shown.remove();
        shown.mount();
        return;
      }
      shown = await mountShadowUi(ctx, 'waymark-pins', pinsCss, (close) => (
        <PinsLayer key={generation} touchpoints={latest} onHide={close} signal={ctx.signal} />
      ));
    };

    const onMessage = (message: unknown) => {
      if (!isPinsCommand(message)) return undefined;
      void show(message.payload.touchpoints);
      return Promise.resolve(null);
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
