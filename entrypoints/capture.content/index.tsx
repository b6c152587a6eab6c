import { render } from 'preact';
import { browser } from 'wxt/browser';
import controlsCss from '@/assets/controls.css?inline';
import themeCss from '@/assets/theme.css?inline';
import { I18nContext } from '@/components/i18n';
import { ContentCommand } from '@/lib/messages/content-command';
import { translate, uiDirection } from '@/lib/platform/i18n';
import { Overlay } from './Overlay';
import overlayCss from './overlay.css?inline';

/** Marks the page as having a live capture script (it is injected on demand, maybe twice). */
const LIVE = Symbol.for('waymark.capture');

export default defineContentScript({
  // Not in the manifest: injected by the background with `scripting`, only
  // when the researcher asks, so pages pay nothing until then.
  registration: 'runtime',
  cssInjectionMode: 'manual',
  main(ctx) {
    const scope = globalThis as { [LIVE]?: { isValid: boolean } };
    if (scope[LIVE]?.isValid) return;
    scope[LIVE] = ctx;

    let session = 0;
    const open = async () => {
      session += 1;
      const ui = await createShadowRootUi(ctx, {
        name: 'waymark-capture',
        position: 'inline',
        anchor: document.documentElement,
        append: 'last',
        // Styles are bundled as text: no fetch, no web-accessible resources,
        // and page CSP or CSS cannot touch them inside the shadow root.
        css: `${themeCss}\n${controlsCss}\n${overlayCss}`,
        isolateEvents: ['keydown', 'keyup', 'keypress'],
        onMount(container, _shadow, host) {
          container.setAttribute('dir', uiDirection());
          container.classList.add('wm-root');
          const close = () => ui.remove();
          render(
            <I18nContext.Provider value={translate}>
              <Overlay
                key={session}
                host={host}
                onClose={close}
                setTimeout={(fn, ms) => ctx.setTimeout(fn, ms)}
                signal={ctx.signal}
              />
            </I18nContext.Provider>,
            container,
          );
          return container;
        },
        onRemove(container) {
          if (container) render(null, container);
        },
      });
      ui.mount();
      current?.remove();
      current = ui;
    };
    let current: { remove: () => void } | undefined;

    const onMessage = (message: unknown) => {
      const command = ContentCommand.safeParse(message);
      if (!command.success) return undefined;
      void open();
      return Promise.resolve(null);
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
