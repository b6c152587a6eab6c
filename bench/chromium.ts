/**
 * What the browser benches share: the extension build they load, Chromium
 * launched as the e2e driver launches it (scripts/driver/launch.ts) with or
 * without Waymark, a way to send Waymark requests from one of its pages, a
 * count of the script bytes an extension runs in a page, and statistics.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, launchWaymark, type WaymarkBrowser } from '../scripts/driver/launch';
import { findChromium } from '../scripts/find-browser';

export type { WaymarkBrowser };
export { launchWaymark };

/**
 * The build the benches load: WAYMARK_EXTENSION_DIR, else the e2e build
 * (`wxt build --mode e2e`: host access to every page, because nobody clicks
 * the toolbar button to grant `activeTab` in an automated browser). Built
 * here when missing.
 */
export function benchExtensionDir(): string {
  const given = process.env.WAYMARK_EXTENSION_DIR;
  const dir = resolve(given ?? '.output/chrome-mv3-e2e');
  if (given && !existsSync(join(dir, 'manifest.json'))) throw new Error(`WAYMARK_EXTENSION_DIR=${given} holds no build`);
  if (!existsSync(join(dir, 'manifest.json'))) {
    console.log(`no build in ${dir}: wxt build --mode e2e`);
    const built = spawnSync('npx', ['wxt', 'build', '--mode', 'e2e'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (built.status !== 0 || !existsSync(join(dir, 'manifest.json'))) throw new Error(`could not build ${dir}`);
  }
  return dir;
}

/** Chromium with the same flags and viewport as the e2e driver, and no extension at all. */
export async function launchPlain(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profileDir = await mkdtemp(join(tmpdir(), 'waymark-bench-plain-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: CHROMIUM_ARGS,
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}

/** An extension page kept open to send Waymark requests from, as the popup does. */
export async function extensionPage(waymark: WaymarkBrowser): Promise<Page> {
  const page = await waymark.context.newPage();
  await page.goto(`chrome-extension://${waymark.extensionId}/popup.html`);
  return page;
}

/** Sends one request to the worker from an extension page; throws on an error reply. */
export async function send(from: Page, type: string, payload: unknown): Promise<unknown> {
  const reply = (await from.evaluate(
    (message) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }
      ).chrome.runtime.sendMessage(message),
    { type, payload },
  )) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!reply?.ok) throw new Error(`${type} failed: ${JSON.stringify(reply)}`);
  return reply.value;
}

/** The browser's tab id of `page`, asked from an extension page (urls must be unique). */
export async function tabIdOf(from: Page, page: Page): Promise<number> {
  const id = await from.evaluate(async (url) => {
    const tabs = (
      globalThis as unknown as { chrome: { tabs: { query: (q: object) => Promise<{ id?: number; url?: string }[]> } } }
    ).chrome.tabs;
    return (await tabs.query({})).find((tab) => tab.url === url)?.id;
  }, page.url());
  if (id === undefined) throw new Error(`no tab shows ${page.url()}`);
  return id;
}

/**
 * Starts counting the script an extension runs in `page`: every script parsed
 * in an execution context whose origin is `chrome-extension://` (content
 * scripts run in such isolated worlds; Playwright's own utility world has the
 * page's origin). Uses the DevTools protocol: `Runtime.executionContextCreated`
 * names each context's origin, `Debugger.scriptParsed` gives each script's
 * context and length (in characters). `stop` returns the totals so far.
 */
export async function countExtensionScripts(page: Page): Promise<{ stop: () => Promise<{ bytes: number; scripts: number }> }> {
  const cdp = await page.context().newCDPSession(page);
  const extensionContexts = new Set<number>();
  const parsed: { contextId: number; length: number }[] = [];
  // `Runtime.enable` first reports the contexts that already exist (a script injected before the
  // count began, in the document being left): only contexts made after it count.
  let replaying = true;
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (!replaying && context.origin.startsWith('chrome-extension://')) extensionContexts.add(context.id);
  });
  cdp.on('Debugger.scriptParsed', (script) => {
    parsed.push({ contextId: script.executionContextId, length: script.length ?? script.endColumn });
  });
  await cdp.send('Runtime.enable');
  replaying = false;
  await cdp.send('Debugger.enable');
  return {
    stop: async () => {
      await cdp.detach();
      const ours = parsed.filter((s) => extensionContexts.has(s.contextId));
      return { bytes: ours.reduce((sum, s) => sum + s.length, 0), scripts: ours.length };
    },
  };
}

/** Loads `url` in `page`, waits `settleMs`, and returns the extension script counted (`countExtensionScripts`). */
export async function loadCountingExtensionScripts(page: Page, url: string, settleMs = 500) {
  const counter = await countExtensionScripts(page);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(settleMs);
  return counter.stop();
}

/**
 * Lets functions from this file run in `page` with `page.evaluate`: tsx
 * (esbuild, keepNames) wraps named inner functions in a `__name` helper that
 * exists only in Node.
 */
export async function allowNamedFunctions(page: Page): Promise<void> {
  await page.evaluate('globalThis.__name ??= (fn) => fn');
}

/** Milliseconds from navigation start to the end of the load event, as the page saw it. */
export async function loadEventMs(page: Page): Promise<number> {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return nav.loadEventEnd - nav.startTime;
  });
}

/**
 * Loads `pages` (paths on `origin`) `loads` times in each of `tabs` (one tab
 * per profile, reused), the tabs taking turns at going first, second, ... so
 * drift hits all alike; returns each tab's load-event times.
 */
export async function timeLoadsInTurns<Name extends string>(
  tabs: Record<Name, Page>,
  origin: string,
  pages: readonly string[],
  loads: number,
): Promise<Record<Name, number[]>> {
  const names = Object.keys(tabs) as Name[];
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<Name, number[]>;
  for (const page of pages) for (const name of names) await tabs[name].goto(`${origin}${page}`); // warm-up
  for (let i = 0; i < loads; i++) {
    const url = `${origin}${pages[i % pages.length]}?load=${i}`;
    for (let k = 0; k < names.length; k++) {
      const name = names[(i + k) % names.length]!;
      await tabs[name].goto(url, { waitUntil: 'load' });
      times[name].push(await loadEventMs(tabs[name]));
    }
  }
  return times;
}

/** The value below which `p` percent of `values` lie (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);

/** Rounds for a `BENCH_RESULT` figure. */
export const round = (n: number, digits = 1) => Number(n.toFixed(digits));

/** Prints one row of a bench's table. */
export const row = (label: string, value: string) => console.log(`  ${label.padEnd(44)}${value}`);
