import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/**
 * Test builds (`wxt build --mode e2e`) get host access to every page, because
 * `activeTab` is never granted to an automated browser (nobody clicks the
 * toolbar button) and `tabs.captureVisibleTab` needs `activeTab` or
 * `<all_urls>`. Product builds ask for nothing more than `activeTab`: a page is
 * touched only after the researcher acts on it.
 */
const e2eHosts = ['<all_urls>'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    build: {
      rollupOptions: {
        // zod ships `@__PURE__` comments Rollup cannot place; harmless noise.
        onwarn(warning, warn) {
          if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
          warn(warning);
        },
      },
    },
  }),
  manifest: ({ mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['activeTab', 'scripting', 'downloads', 'storage'],
    host_permissions: mode === 'e2e' ? e2eHosts : [],
    action: { default_title: '__MSG_extName__' },
    browser_specific_settings: {
      gecko: { id: 'waymark@waymark.dev', strict_min_version: '115.0' },
    },
  }),
  hooks: {
    // WXT writes `content_scripts: []` even when every script is injected at
    // runtime; an empty key only invites the question "what runs on pages?".
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.content_scripts?.length === 0) delete manifest.content_scripts;
    },
  },
});
