import { type ComponentChild, render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import controlsCss from '@/assets/controls.css?inline';
import themeCss from '@/assets/theme.css?inline';
import { I18nContext } from '@/components/i18n';
import { watchLcp } from '@/lib/capture/page-context';
import { type ContentCommand, isContentCommand } from '@/lib/messages/content-command';
import { translate, uiDirection } from '@/lib/platform/i18n';
import { Overlay } from './Overlay';
import overlayCss from './overlay.css?inline';
import { PinsLayer } from './PinsLayer';

/** Marks the page as having a live capture script (it is injected on demand, maybe twice). */
const LIVE = Symbol.for('waymark.capture');

/** Styles are bundled as text: no fetch, no web-accessible resources, and page CSS cannot reach inside the shadow root. */
const CSS = `${themeCss}\n${controlsCss}\n${overlayCss}`;

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

/** A shadow-root UI named `name` (its host element's tag) showing `view(close)`. */
async function mountUi(ctx: ContentScriptContext, name: string, view: (close: () => void, host: Element) => ComponentChild) {
  const ui = await createShadowRootUi(ctx, {
    name,
    position: 'inline',
    anchor: document.documentElement,
    append: 'last',
    css: CSS,
    isolateEvents: ['keydown', 'keyup', 'keypress'],
    onMount(container, _shadow, host) {
      container.setAttribute('dir', uiDirection());
      container.classList.add('wm-root');
      render(<I18nContext.Provider value={translate}>{view(() => ui.remove(), host)}</I18nContext.Provider>, container);
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  ui.mount();
  return ui;
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
    const isOwnHost = (el: Element) => hosts.has(el);

    let session = 0;
    let current: { remove: () => void } | undefined;
    let pins: { remove: () => void } | undefined;
    let refreshPins: () => void = () => undefined;

    const showPins = async () => {
      if (pins) return refreshPins();
      let generation = 0;
      const ui = await mountUi(ctx, 'waymark-pins', (close, host) => {
        hosts.add(host);
        return <PinsLayer key={generation} generation={generation} onHide={close} signal={ctx.signal} />;
      });
      pins = ui;
      refreshPins = () => {
        generation += 1;
        ui.remove();
        ui.mount();
      };
    };

    const open = async (command: ContentCommand) => {
      void showPins();
      const { mode, hint, journey } = command.payload;
      if (mode === 'pins') return;
      session += 1;
      const id = session;
      const ui = await mountUi(ctx, 'waymark-capture', (close, host) => {
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
            onSaved={() => refreshPins()}
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
