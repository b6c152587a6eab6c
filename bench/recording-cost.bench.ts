/**
 * Recording page cost (issue #7, benchmark 2): what a running journey, with
 * the passive recorder in its tab, costs the pages visited. Headless
 * Chromium: a journey is started in a demo tab (as the popup starts it, and
 * the popup then closes), then that tab, a tab of a profile without the
 * extension and one of a second such profile (the A/A control: the noise of
 * the comparison) load the demo pages in turns; then each tab takes 1,000 trusted clicks (DevTools input
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
  median,
  round,
  row,
  send,
  tabIdOf,
  timeLoadsInTurns,
} from './chromium';

const PAGES = ['/', '/product.html', '/cart.html', '/checkout.html'];
const LOADS = 60;
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
  // A/A control, as in page-cost: a second profile without Waymark gives the noise of the comparison.
  const second = await launchPlain();
  try {
    const from = await extensionPage(waymark);
    const tabs = {
      without: await plain.context.newPage(),
      with: await waymark.context.newPage(),
      secondWithout: await second.context.newPage(),
    };
    await tabs.with.goto(`${demo.origin}/?journey`);
    const tabId = await tabIdOf(from, tabs.with);
    await send(from, 'journey.start', { id: crypto.randomUUID(), title: 'Recording cost', tabId });
    // The popup that started the journey closes, as a popup does once the researcher clicks the page.
    await from.close();
    await tabs.with.bringToFront();

    const counter = await countExtensionScripts(tabs.with);
    await tabs.with.goto(`${demo.origin}/product.html?count`, { waitUntil: 'load' });
    await tabs.with.waitForTimeout(500);
    const injected = await counter.stop();

    const times = await timeLoadsInTurns(tabs, demo.origin, PAGES, LOADS);
    for (const tab of [tabs.without, tabs.with]) await tab.goto(`${demo.origin}/product.html?clicks`);
    const clicksWithout = await clickCostMs(tabs.without);
    const clicksWith = await clickCostMs(tabs.with);

    const ratio = median(times.with) / median(times.without);
    const noise = median(times.secondWithout) / median(times.without);
    const met = ratio <= RATIO_GOAL && recorderGzip <= SIZE_GOAL;
    const figures = {
      loadsPerProfile: LOADS,
      withoutMedianMs: round(median(times.without)),
      withMedianMs: round(median(times.with)),
      ratio: round(ratio, 3),
      'A/A control ratio (second profile without)': round(noise, 3),
      'main thread per 1,000 clicks, without (ms)': round(clicksWithout),
      'main thread per 1,000 clicks, with (ms)': round(clicksWith),
      'main thread added per 1,000 clicks (ms)': round(clicksWith - clicksWithout),
      injectedBytes: injected.bytes,
      recorderGzipBytes: recorderGzip,
    };
    console.log(`recording page cost: journey running, recorder ${files.map((f) => f.split('/').pop()).join(', ')}`);
    row('median load event without / with', `${figures.withoutMedianMs} / ${figures.withMedianMs} ms`);
    row('ratio with/without', `${figures.ratio}   goal ≤ ${RATIO_GOAL}: ${ratio <= RATIO_GOAL ? 'met' : 'MISSED'}`);
    row('(A/A control: another profile without)', `${round(median(times.secondWithout))} ms, ratio ${noise.toFixed(3)}`);
    row('main thread added per 1,000 clicks', `${figures['main thread added per 1,000 clicks (ms)']} ms`);
    row('script bytes injected (one page load)', `${injected.bytes} B in ${injected.scripts} scripts`);
    row('recorder gzip', `${kb(recorderGzip)}   goal ≤ ${kb(SIZE_GOAL)}: ${recorderGzip <= SIZE_GOAL ? 'met' : 'MISSED'}`);
    console.log(`BENCH_RESULT ${JSON.stringify({ name: 'recording-cost', figures, goal: GOAL, met })}`);
  } finally {
    await waymark.close();
    await plain.close();
    await second.close();
    await demo.close();
  }
}

await main();
