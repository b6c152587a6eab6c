import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/**
 * Test builds (`wxt build --mode e2e`) get host access to every page, because
 * `activeTab` is never granted to an automated browser (nobody clicks the
 * toolbar button) and `tabs.captureVisibleTab` needs `activeTab` or
 * `<all_urls>`. Product builds ask for nothing more than `activeTab`: a page is
 * touched only after the researcher acts on it. In Firefox's MV2 build WXT
 * moves these into `permissions`, where they are granted at install.
 */
const e2eHosts = ['<all_urls>'];

/**
 * Firefox's `browser_specific_settings`: a fixed id (so storage and the
 * `moz-extension://` address survive reinstalls, and AMO knows the add-on)
 * and the data-collection declaration AMO requires of new add-ons: Waymark
 * collects nothing (https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/).
 * `data_collection_permissions` exists from Firefox 140 (the oldest ESR we
 * support) and Firefox for Android 142: older minimums make `web-ext lint`
 * warn. WXT 0.21's manifest type does not know the key yet; WXT copies
 * `browser_specific_settings` into the manifest as it is.
 */
const firefoxSettings = {
  gecko: {
    id: 'waymark@waymark.dev',
    strict_min_version: '140.0',
    data_collection_permissions: { required: ['none'] },
  },
  gecko_android: { strict_min_version: '142.0' },
};

/**
 * Firefox puts new add-on buttons in the Extensions menu; `navbar` shows
 * Waymark's button on the toolbar from the start (the researcher can still
 * move it). Chrome has no such key: its users pin the button themselves.
 */
const firefoxAction = { default_title: '__MSG_extName__', default_area: 'navbar' };

/**
 * Keyboard shortcuts for capture (entrypoints/background/triggers.ts). Like a
 * context menu click, a shortcut grants `activeTab` on the tab it is pressed in.
 */
const captureCommands = {
  'tag-element': { suggested_key: { default: 'Alt+Shift+T' }, description: '__MSG_commandTagElement__' },
  'tag-page': { suggested_key: { default: 'Alt+Shift+P' }, description: '__MSG_commandTagPage__' },
  // No default key: Chrome allows four suggested keys, and this one is used less.
  'show-pins': { description: '__MSG_commandShowPins__' },
};

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    build: {
      // `WAYMARK_SOURCEMAP=1 npx wxt build`: source maps, to see which modules make a bundle's size.
      sourcemap: process.env.WAYMARK_SOURCEMAP === '1',
      rollupOptions: {
        // zod ships `@__PURE__` comments Rollup cannot place; harmless noise.
        onwarn(warning, warn) {
          if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
          warn(warning);
        },
      },
    },
  }),
  manifest: ({ mode, browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // `contextMenus` is Chrome's name; Firefox accepts it as an alias of `menus`.
    // `unlimitedStorage`: a long study with screenshots must not hit the origin quota, and it keeps the data from eviction.
    // `alarms`: team sync's schedule and closing the idle offscreen document (entrypoints/background/); no install warning.
    // `offscreen` (Chrome): findings work (edits, studies, import, export, team sync) runs in an
    // offscreen document, so the service worker that wakes for every capture stays small; no install warning.
    permissions: [
      'activeTab',
      'scripting',
      'downloads',
      'storage',
      'unlimitedStorage',
      'contextMenus',
      'alarms',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    commands: captureCommands,
    host_permissions: mode === 'e2e' ? e2eHosts : [],
    // Asked for when a journey starts, with a word on why (the popup): the
    // passive recorder follows the researcher across the journey's tabs and
    // sites, where `activeTab` covers only the page clicked on. Firefox MV2
    // takes it in `optional_permissions` (WXT moves it there).
    optional_host_permissions: ['<all_urls>'],
    // WXT builds MV2's `browser_action` from its own key, not from `action`.
    ...(browser === 'firefox'
      ? { action: firefoxAction, browser_action: firefoxAction }
      : { action: { default_title: '__MSG_extName__' } }),
    // Chrome warns about keys it does not know; only Firefox gets these.
    ...(browser === 'firefox' ? { browser_specific_settings: firefoxSettings } : {}),
  }),
  // `wxt zip -b firefox` also packs the sources AMO reviewers rebuild from;
  // leave out what local runs write (gitignored, but WXT does not read .gitignore).
  zip: { excludeSources: ['out/**', 'test-results/**'] },
  hooks: {
    // WXT writes `content_scripts: []` even when every script is injected at
    // runtime; an empty key only invites the question "what runs on pages?".
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.content_scripts?.length === 0) delete manifest.content_scripts;
    },
  },
});
