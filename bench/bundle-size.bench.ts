/**
 * Bundle sizes (issue #7, benchmark 4): gzip bytes of the capture overlay,
 * the popup (entry chunk and the chunks it imports) and the background worker
 * of the Chrome build, against their budgets. The budgets met are also a
 * test (test/build/bundle-budget.test.ts); this prints every figure.
 *
 * Reads WAYMARK_BUILD_DIR, else `.output/chrome-mv3` (built here when missing).
 * Run: npx tsx bench/bundle-size.bench.ts
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CHROME_OUTPUT, kb, measureBundles } from '../scripts/bundle-sizes';
import { row } from './chromium';

const given = process.env.WAYMARK_BUILD_DIR;
const root = resolve(given ?? CHROME_OUTPUT);
if (!existsSync(join(root, 'manifest.json'))) {
  if (given) throw new Error(`WAYMARK_BUILD_DIR=${given} holds no build`);
  spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
const sizes = Object.values(measureBundles(root));
console.log(`bundle sizes, gzip level 9 (1 KB = 1,000 B; build: ${root})`);
for (const size of sizes) {
  const verdict = size.gzipBytes <= size.budget ? 'met' : `MISSED by ${kb(size.gzipBytes - size.budget)}`;
  row(
    `${size.name} (${size.files.length} file${size.files.length > 1 ? 's' : ''})`,
    `${kb(size.gzipBytes)}   budget ${kb(size.budget)}: ${verdict}`,
  );
}
const figures = Object.fromEntries(sizes.map((s) => [`${s.name} gzip (KB)`, Number((s.gzipBytes / 1000).toFixed(1))]));
const goal = sizes.map((s) => `${s.name} ≤ ${kb(s.budget)}`).join(', ');
console.log(
  `BENCH_RESULT ${JSON.stringify({ name: 'bundle-size', figures, goal, met: sizes.every((s) => s.gzipBytes <= s.budget) })}`,
);
