import { createIsolatedElement } from '@webext-core/isolated-element';
import { type ComponentChild, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import controlsCss from '@/assets/controls.css?inline';
import shadowRootCss from '@/assets/shadow-root.css?inline';
import themeCss from '@/assets/theme.css?inline';
import { I18nContext } from '@/components/i18n';
import { translate, uiDirection } from './i18n';

/** An in-page UI: shown again with `mount`, taken off the page with `remove`. */
export interface ShadowUi {
  mount: () => void;
  remove: () => void;
}

/**
 * Mounts a shadow-root UI named `name` (its host element's tag) at the end of
 * the page, showing `view(close, host)` in the UI language. Styles are bundled
 * as text (`css` after the shared theme, controls and host rules): no fetch,
 * no web-accessible resources, and page CSS cannot reach inside the shadow
 * root. Removed when the content script is invalidated. Shared by the capture
 * overlay and the pins.
 *
 * What WXT's `createShadowRootUi` does for an inline UI, on the same
 * `@webext-core/isolated-element` it is built on, without its `autoMount`
 * machinery (`@1natsu/wait-element`, `many-keys-map`, `defu`): about 2 KB gzip
 * of the overlay's 25 KB budget (issue #7), for a feature we do not use.
 */
export async function mountShadowUi(
  ctx: ContentScriptContext,
  name: string,
  css: string,
  view: (close: () => void, host: Element) => ComponentChild,
): Promise<ShadowUi> {
  const { parentElement: host, isolatedElement: container } = await createIsolatedElement({
    name,
    mode: 'open',
    css: { textContent: `${themeCss}\n${controlsCss}\n${shadowRootCss}\n${css}` },
    // Typing in the card must not reach the page's shortcuts.
    isolateEvents: ['keydown', 'keyup', 'keypress'],
  });
  container.setAttribute('dir', uiDirection());
  container.classList.add('wm-root');
  const remove = () => {
    render(null, container);
    host.remove();
  };
  const mount = () => {
    document.documentElement.append(host);
    render(<I18nContext.Provider value={translate}>{view(remove, host)}</I18nContext.Provider>, container);
  };
  ctx.onInvalidated(remove);
  mount();
  return { mount, remove };
}
