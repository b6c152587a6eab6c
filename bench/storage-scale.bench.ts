/**
 * Storage scale (issue #7, benchmark 5): with 100,000 touchpoints in 5,000
 * journeys in the extension's own IndexedDB, how long the popup takes to show
 * its data, and the journeys page its list. Headless Chromium with the
 * extension: the records are written from an extension page straight into
 * the `waymark` database the extension created (same name and version, so
 * the extension's own code reads them), each kind checked against its zod
 * schema first. Each page is then opened `OPENS` times; its time is from
 * navigation start to the moment it drops `aria-busy` (data shown), read on
 * the page's own clock.
 *
 * Issue #7 sets no goal for these figures; the line reports them.
 * Run: npx tsx bench/storage-scale.bench.ts (WAYMARK_EXTENSION_DIR picks the build).
 */
import type { BrowserContext } from 'playwright-core';
import { JOURNEY_DEFAULTS, Journey } from '../lib/model/journey';
import { Touchpoint } from '../lib/model/touchpoint';
import { allowNamedFunctions, benchExtensionDir, extensionPage, launchWaymark, percentile, round, row } from './chromium';

const JOURNEYS = 5_000;
const TOUCHPOINTS = 100_000;
const BATCH = 5_000;
const OPENS = 10;
const PER_JOURNEY = TOUCHPOINTS / JOURNEYS;

/**
 * Journey `i` and its touchpoints, as stored. Self-contained (it also runs in
 * the extension page, serialized): `defaults` is `JOURNEY_DEFAULTS`.
 */
function recordsOf({ i, perJourney, defaults }: { i: number; perJourney: number; defaults: object }) {
  const iso = (ms: number) => new Date(ms).toISOString();
  const startMs = Date.parse('2026-01-05T09:00:00.000Z') + i * 3_600_000;
  const journey = {
    ...defaults,
    id: crypto.randomUUID(),
    title: `Checkout on competitor ${i}`,
    status: 'ended',
    startedAt: iso(startMs),
    endedAt: iso(startMs + 1_800_000),
    updatedAt: iso(startMs + 1_800_000),
    author: 'Mina',
    notes: 'Compared delivery fees and coupon fields.',
    origin: 'explicit',
    researcher: 'Mina',
  };
  const touchpoints = Array.from({ length: perJourney }, (_, n) => {
    const at = iso(startMs + n * 60_000);
    return {
      id: crypto.randomUUID(),
      journeyId: journey.id,
      capturedAt: at,
      updatedAt: at,
      author: 'Mina',
      url: `https://shop.example.com/plants/monstera-${n}?variant=${String(i).padStart(4, '0')}`,
      pageTitle: 'Monstera Deliciosa – Indoor Plants – Shop',
      target: 'element',
      emotion: (n % 5) - 2,
      effort: (n % 7) + 1,
      namedEmotion: null,
      stage: '',
      channel: 'web-desktop',
      note: 'The delivery fee only shows at the last step; unclear whether the coupon applies to it.',
      tags: n % 3 === 0 ? ['checkout', 'pricing'] : [],
      anchor: {
        selector: `#product-${n} > .actions > button.add-to-cart`,
        xpath: `/html[1]/body[1]/main[1]/section[${(n % 4) + 1}]/div[2]/button[1]`,
        quote: { exact: 'Add to cart', prefix: '€34.00 incl. VAT', suffix: 'Go to cart' },
        tagName: 'button',
        role: 'button',
        name: 'Add to cart',
      },
      viewport: { width: 1280, height: 800, scrollX: 0, scrollY: (n % 40) * 60, devicePixelRatio: 1 },
      context: { language: 'en', loadMs: 840.2, lcpMs: 612.4 },
      position: Date.parse(at),
      interactionId: null,
      screenshot: null,
      owner: null,
    };
  });
  return { journey, touchpoints };
}

/**
 * In an extension page: writes `count` journeys from `first` on, with their
 * touchpoints, into the extension's database, in one transaction.
 */
async function fillInPage(arg: { first: number; count: number; perJourney: number; defaults: object; make: string }) {
  const make = new Function(`return (${arg.make})`)() as typeof recordsOf;
  const db = await new Promise<IDBDatabase>((ok, fail) => {
    const open = indexedDB.open('waymark');
    open.onsuccess = () => ok(open.result);
    open.onerror = () => fail(open.error);
  });
  await new Promise<void>((ok, fail) => {
    const tx = db.transaction(['journeys', 'touchpoints'], 'readwrite');
    for (let i = arg.first; i < arg.first + arg.count; i++) {
      const { journey, touchpoints } = make({ i, perJourney: arg.perJourney, defaults: arg.defaults });
      tx.objectStore('journeys').put(journey);
      for (const tp of touchpoints) tx.objectStore('touchpoints').put(tp);
    }
    tx.oncomplete = () => ok();
    tx.onerror = () => fail(tx.error);
  });
  db.close();
}

/** Fills the database the extension made (opening the popup once makes the worker create it). */
async function fill(context: BrowserContext, extensionId: string): Promise<number> {
  // The generator still matches the model: check one journey and its touchpoints here, in Node.
  const sample = recordsOf({ i: 0, perJourney: PER_JOURNEY, defaults: JOURNEY_DEFAULTS });
  Journey.parse(sample.journey);
  for (const tp of sample.touchpoints) Touchpoint.parse(tp);
  const start = performance.now();
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.locator('.wm-popup[aria-busy="false"]').waitFor();
  await allowNamedFunctions(page);
  const perBatch = BATCH / PER_JOURNEY;
  for (let first = 0; first < JOURNEYS; first += perBatch) {
    await page.evaluate(fillInPage, {
      first,
      count: Math.min(perBatch, JOURNEYS - first),
      perJourney: PER_JOURNEY,
      defaults: JOURNEY_DEFAULTS,
      make: recordsOf.toString(),
    });
  }
  await page.close();
  return performance.now() - start;
}

/** Opens `url` in a new tab and returns the page's own time from navigation start to `ready` matching. */
async function timeToReady(context: BrowserContext, url: string, ready: string): Promise<{ ms: number; rows: number }> {
  const page = await context.newPage();
  // Watches from the first script on: the moment `ready` matches, on the page's clock.
  await page.addInitScript((selector) => {
    const w = window as unknown as { __ready?: number };
    const observer = new MutationObserver(() => {
      if (w.__ready === undefined && document.querySelector(selector)) {
        w.__ready = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true });
  }, ready);
  await page.goto(url);
  await page.locator(ready).waitFor({ timeout: 60_000 });
  await allowNamedFunctions(page);
  const result = await page.evaluate(() => ({
    ms: (window as unknown as { __ready: number }).__ready,
    rows: document.querySelectorAll('tbody tr, .wm-touchpoints li').length,
  }));
  await page.close();
  return result;
}

async function main(): Promise<void> {
  const extensionDir = benchExtensionDir();
  const waymark = await launchWaymark({ extensionDir });
  try {
    const fillMs = await fill(waymark.context, waymark.extensionId);
    const base = `chrome-extension://${waymark.extensionId}`;
    const popup: number[] = [];
    const list: number[] = [];
    let popupRows = 0;
    let listRows = 0;
    for (let i = 0; i < OPENS; i++) {
      const p = await timeToReady(waymark.context, `${base}/popup.html`, '.wm-popup[aria-busy="false"]');
      const l = await timeToReady(waymark.context, `${base}/journeys.html`, '.wm-page[aria-busy="false"]');
      popup.push(p.ms);
      list.push(l.ms);
      popupRows = p.rows;
      listRows = l.rows;
    }
    await (await extensionPage(waymark)).close();
    const figures = {
      journeys: JOURNEYS,
      touchpoints: TOUCHPOINTS,
      'fill (s)': round(fillMs / 1000),
      'popup data shown, first (ms)': round(popup[0]!),
      'popup data shown p50 (ms)': round(percentile(popup, 50)),
      popupTouchpointsShown: popupRows,
      'journey list shown, first (ms)': round(list[0]!),
      'journey list shown p50 (ms)': round(percentile(list, 50)),
      journeyListRows: listRows,
    };
    console.log(
      `storage scale: ${TOUCHPOINTS} touchpoints in ${JOURNEYS} journeys (filled in ${figures['fill (s)']} s; build: ${extensionDir})`,
    );
    row(
      'popup: navigation -> data shown, first / p50',
      `${figures['popup data shown, first (ms)']} / ${figures['popup data shown p50 (ms)']} ms (${popupRows} touchpoints listed)`,
    );
    row(
      'journeys page: -> list shown, first / p50',
      `${figures['journey list shown, first (ms)']} / ${figures['journey list shown p50 (ms)']} ms (${listRows} rows)`,
    );
    const goal = 'figures only: issue #7 sets no goal for storage scale';
    console.log(`BENCH_RESULT ${JSON.stringify({ name: 'storage-scale', figures, goal, met: true })}`);
  } finally {
    await waymark.close();
  }
}

await main();
