/**
 * Recording page cost (issue #7, benchmark 2): what a running journey, with
 * the passive recorder in its tab, costs the pages visited. Headless
 * Chromium: a journey is started in a demo tab (as the popup starts it), then
 * that tab and a tab of a profile without the extension load the demo pages
 * alternately; then each tab takes 1,000 trusted clicks (DevTools input
 * events) and the renderer's main-thread time (`Performance.getMetrics`
 * TaskDuration) is compared; the script parsed in the extension's isolated
 * worlds is counted as in page-cost; the recorder's built file is gzipped.
 *
 * When the build has no recorder (no `recorder.js`), it says "recorder not
 * built" and reports no figures.
 * Goals: load ratio ≤ 1.05; recorder ≤ 5 KB gzip.
 * Run: npx tsx bench/recording-cost.bench.ts (WAYMARK_EXTENSION_DIR picks the build).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { gzipSizeOf, kb } from '../scripts/bundle-sizes';
import { startDemoServer } from '../scripts/demo-server';
import {
  benchExtensionDir,
  countExtensionScripts,
  extensionPage,
  launchPlain,
  launchWaymark,
  loadEventMs,
  median,
  round,
  row,
  send,
  tabIdOf,
} from './chromium';

const PAGES = ['/', '/product.html', '/cart.html', '/checkout.html'];
const LOADS = 40;
const CLICKS = 1_000;
const RATIO_GOAL = 1.05;
const SIZE_GOAL = 5_000;
const GOAL = `load ratio ≤ ${RATIO_GOAL}, recorder ≤ ${kb(SIZE_GOAL)} gzip`;

/**
 * The recorder's built file: the unlisted script `recorder.js` the worker
 * injects (entrypoints/recorder.ts). The content scripts (capture overlay,
 * pins) are injected only when the researcher acts, so they are not counted.
 */
function recorderFiles(extensionDir: string): string[] {
  const recorder = join(extensionDir, 'recorder.js');
  return existsSync(recorder) ? [recorder] : [];
}

/** Main-thread milliseconds the renderer spends on `CLICKS` trusted clicks on an inert paragraph. */
async function clickCostMs(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const box = (await page.locator('#description').boundingBox())!;
  const task = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')!.value * 1000;
  const before = await task();
  for (let i = 0; i < CLICKS; i++) await page.mouse.click(box.x + 5 + (i % 50), box.y + box.height / 2);
  const after = await task();
  await cdp.detach();
  return after - before;
}

async function main(): Promise<void> {
  const extensionDir = benchExtensionDir();
  const files = recorderFiles(extensionDir);
  if (files.length === 0) {
    console.log(`recording page cost: recorder not built (no recorder.js in ${extensionDir})`);
    const figures = { recorder: 'not built' };
    console.log(`BENCH_RESULT ${JSON.stringify({ name: 'recording-cost', figures, goal: GOAL, met: false })}`);
    return;
  }
  const recorderGzip = files.reduce((sum, f) => sum + (gzipSizeOf(f) ?? 0), 0);
  const demo = await startDemoServer();
  const plain = await launchPlain();
  const waymark = await launchWaymark({ extensionDir });
  try {
    const from = await extensionPage(waymark);
    const tabs = { without: await plain.context.newPage(), with: await waymark.context.newPage() };
    await tabs.with.goto(`${demo.origin}/?journey`);
    const tabId = await tabIdOf(from, tabs.with);
    await send(from, 'journey.start', { id: crypto.randomUUID(), title: 'Recording cost', tabId });
    await tabs.with.bringToFront();

    const counter = await countExtensionScripts(tabs.with);
    await tabs.with.goto(`${demo.origin}/product.html?count`, { waitUntil: 'load' });
    await tabs.with.waitForTimeout(500);
    const injected = await counter.stop();

    const times: Record<'with' | 'without', number[]> = { with: [], without: [] };
    for (let i = 0; i < LOADS; i++) {
      const url = `${demo.origin}${PAGES[i % PAGES.length]}?load=${i}`;
      const order = i % 2 === 0 ? (['without', 'with'] as const) : (['with', 'without'] as const);
      for (const name of order) {
        await tabs[name].goto(url, { waitUntil: 'load' });
        times[name].push(await loadEventMs(tabs[name]));
      }
    }
    for (const tab of Object.values(tabs)) await tab.goto(`${demo.origin}/product.html?clicks`);
    const clicksWithout = await clickCostMs(tabs.without);
    const clicksWith = await clickCostMs(tabs.with);

    const ratio = median(times.with) / median(times.without);
    const met = ratio <= RATIO_GOAL && recorderGzip <= SIZE_GOAL;
    const figures = {
      loadsPerProfile: LOADS,
      withoutMedianMs: round(median(times.without)),
      withMedianMs: round(median(times.with)),
      ratio: round(ratio, 3),
      'main thread per 1,000 clicks, without (ms)': round(clicksWithout),
      'main thread per 1,000 clicks, with (ms)': round(clicksWith),
      'main thread added per 1,000 clicks (ms)': round(clicksWith - clicksWithout),
      injectedBytes: injected.bytes,
      recorderGzipBytes: recorderGzip,
    };
    console.log(`recording page cost: journey running, recorder ${files.map((f) => f.split('/').pop()).join(', ')}`);
    row('median load event without / with', `${figures.withoutMedianMs} / ${figures.withMedianMs} ms`);
    row('ratio with/without', `${figures.ratio}   goal ≤ ${RATIO_GOAL}: ${ratio <= RATIO_GOAL ? 'met' : 'MISSED'}`);
    row('main thread added per 1,000 clicks', `${figures['main thread added per 1,000 clicks (ms)']} ms`);
    row('script bytes injected (one page load)', `${injected.bytes} B in ${injected.scripts} scripts`);
    row('recorder gzip', `${kb(recorderGzip)}   goal ≤ ${kb(SIZE_GOAL)}: ${recorderGzip <= SIZE_GOAL ? 'met' : 'MISSED'}`);
    console.log(`BENCH_RESULT ${JSON.stringify({ name: 'recording-cost', figures, goal: GOAL, met })}`);
  } finally {
    await waymark.close();
    await plain.close();
    await demo.close();
  }
}

await main();
