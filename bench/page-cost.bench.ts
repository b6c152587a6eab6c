/**
 * Idle page cost (issue #7, benchmark 1): what having Waymark installed, with
 * no journey running, costs the pages a researcher visits. Loads the demo
 * shop's pages in headless Chromium, alternating between a profile with the
 * extension and one without (same flags, scripts/driver/launch.ts), and
 * compares the median time to the end of the load event. Then loads each page
 * once more under the DevTools protocol and counts the script bytes parsed in
 * the extension's isolated worlds.
 *
 * Goal: load-time ratio ≤ 1.02 and 0 bytes injected.
 * Run: npx tsx bench/page-cost.bench.ts (WAYMARK_EXTENSION_DIR picks the build).
 */
import { startDemoServer } from '../scripts/demo-server';
import {
  benchExtensionDir,
  countExtensionScripts,
  extensionPage,
  launchPlain,
  launchWaymark,
  loadCountingExtensionScripts,
  loadEventMs,
  median,
  round,
  row,
  send,
  tabIdOf,
} from './chromium';

const PAGES = ['/', '/product.html', '/cart.html', '/checkout.html'];
const LOADS = 40; // per profile, alternating; ≥ 20 as the issue asks
const RATIO_GOAL = 1.02;

async function main(): Promise<void> {
  const extensionDir = benchExtensionDir();
  const demo = await startDemoServer();
  const plain = await launchPlain();
  const waymark = await launchWaymark({ extensionDir });
  const profiles = { without: plain.context, with: waymark.context };
  const times: Record<keyof typeof profiles, number[]> = { without: [], with: [] };
  try {
    // One tab per profile, reused: a new tab's own start-up is not the page's cost.
    const tabs = { without: await profiles.without.newPage(), with: await profiles.with.newPage() };
    for (const page of PAGES) for (const tab of Object.values(tabs)) await tab.goto(`${demo.origin}${page}`); // warm-up
    for (let i = 0; i < LOADS; i++) {
      const url = `${demo.origin}${PAGES[i % PAGES.length]}?load=${i}`;
      // Alternate which profile goes first, so drift hits both alike.
      const order = i % 2 === 0 ? (['without', 'with'] as const) : (['with', 'without'] as const);
      for (const name of order) {
        await tabs[name].goto(url, { waitUntil: 'load' });
        times[name].push(await loadEventMs(tabs[name]));
      }
    }
    let bytes = 0;
    let scripts = 0;
    let plainBytes = 0;
    for (const page of PAGES) {
      const counted = await loadCountingExtensionScripts(await profiles.with.newPage(), `${demo.origin}${page}?count`);
      bytes += counted.bytes;
      scripts += counted.scripts;
      plainBytes += (await loadCountingExtensionScripts(await profiles.without.newPage(), `${demo.origin}${page}?count`)).bytes;
    }
    // Positive control: the same count sees the capture overlay when it is injected.
    const control = await profiles.with.newPage();
    await control.goto(`${demo.origin}/?control`);
    const counter = await countExtensionScripts(control);
    await send(await extensionPage(waymark), 'capture.pickElement', {
      tabId: await tabIdOf(await extensionPage(waymark), control),
    });
    await control.locator('waymark-capture .wm-picker-hint').waitFor();
    const overlay = await counter.stop();

    if (process.env.BENCH_VERBOSE) console.log(JSON.stringify(times));
    const withMs = median(times.with);
    const withoutMs = median(times.without);
    const ratio = withMs / withoutMs;
    const met = ratio <= RATIO_GOAL && bytes === 0;
    console.log(`idle page cost: ${LOADS} loads per profile of ${PAGES.length} demo pages, alternating (build: ${extensionDir})`);
    row('median load event, without Waymark', `${withoutMs.toFixed(1)} ms`);
    row('median load event, with Waymark (idle)', `${withMs.toFixed(1)} ms`);
    row('ratio with/without', `${ratio.toFixed(3)}   goal ≤ ${RATIO_GOAL}: ${ratio <= RATIO_GOAL ? 'met' : 'MISSED'}`);
    row('script bytes injected (4 pages)', `${bytes} B in ${scripts} scripts   goal 0: ${bytes === 0 ? 'met' : 'MISSED'}`);
    row('(control: same count without Waymark)', `${plainBytes} B`);
    row('(control: overlay injected on demand)', `${overlay.bytes} B in ${overlay.scripts} scripts`);
    const figures = {
      loadsPerProfile: LOADS,
      withoutMedianMs: round(withoutMs),
      withMedianMs: round(withMs),
      ratio: round(ratio, 3),
      injectedBytes: bytes,
      injectedScripts: scripts,
      controlOverlayBytes: overlay.bytes,
    };
    console.log(
      `BENCH_RESULT ${JSON.stringify({ name: 'page-cost-idle', figures, goal: `load ratio ≤ ${RATIO_GOAL}, 0 bytes injected`, met })}`,
    );
  } finally {
    await waymark.close();
    await plain.close();
    await demo.close();
  }
}

await main();
