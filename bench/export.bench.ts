/**
 * Export-all benchmark: how much an "export all" of a large database costs
 * over the least any export could cost (read the records, `JSON.stringify`).
 * Prints a table and one `BENCH_RESULT <json>` line (see bench/README.md).
 *
 * Run: npx tsx bench/export.bench.ts
 */
import 'fake-indexeddb/auto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { deleteDB } from 'idb';
import { buildExportFile, inSchemaOrder, serializeExportFile, sortedByTime } from '../lib/exchange/export-json';
import { ExportFile } from '../lib/model/export-file';
import { newId } from '../lib/model/ids';
import { JOURNEY_DEFAULTS, Journey } from '../lib/model/journey';
import { orderKeysLike } from '../lib/model/key-order';
import { Touchpoint } from '../lib/model/touchpoint';
import { type AllRecords, exportAll } from '../lib/store/export-all';
import { openWaymarkDb } from '../lib/store/open-db';
import type { WaymarkDatabase } from '../lib/store/schema';

const DB = 'waymark-bench-export';
const JOURNEYS = 100;
const TOUCHPOINTS = 100_000;
const BATCH = 5_000;
const RUNS = 5;
const GOAL = 1.5;

const T0 = Date.parse('2026-01-05T09:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

// A full GC on demand, without asking whoever runs the bench for `--expose-gc`.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Text of about `length` characters, varied so records are not all alike. */
function text(length: number, seed: number): string {
  const words = ['checkout', 'button', 'shipping', 'price', 'unclear', 'fast', 'cart', 'coupon', 'delivery', 'login', 'form'];
  let out = '';
  for (let i = seed; out.length < length; i++) out += `${words[(i * 7) % words.length]} `;
  return out.slice(0, length);
}

function journeyRecord(i: number): Journey {
  const startedAt = iso(T0 + i * 86_400_000);
  return {
    id: newId(),
    title: `Checkout on competitor ${i}`,
    status: 'ended',
    startedAt,
    endedAt: iso(T0 + i * 86_400_000 + 3_600_000),
    updatedAt: iso(T0 + i * 86_400_000 + 3_600_000),
    author: 'Mina',
    ...JOURNEY_DEFAULTS,
    notes: text(40, i),
    origin: 'explicit',
    researcher: 'Mina',
  };
}

function touchpointRecord(journey: Journey, i: number): Touchpoint {
  const at = iso(Date.parse(journey.startedAt) + i * 1_000);
  return {
    id: newId(),
    journeyId: journey.id,
    capturedAt: at,
    updatedAt: at,
    author: 'Mina',
    url: `https://shop.example.com/plants/monstera-${i % 200}?variant=${String(i).padStart(4, '0')}&ref=search`,
    pageTitle: 'Monstera Deliciosa – Indoor Plants – Shop',
    target: 'element',
    emotion: ((i % 5) - 2) as Touchpoint['emotion'],
    effort: ((i % 7) + 1) as Touchpoint['effort'],
    namedEmotion: null,
    stage: '',
    channel: 'web-desktop',
    note: text(80, i),
    tags: i % 3 === 0 ? ['checkout', 'pricing'] : [],
    anchor: {
      selector: `#product-${i % 50} > .actions > button.add-to-cart`,
      xpath: `/html[1]/body[1]/main[1]/section[${(i % 4) + 1}]/div[2]/button[1]`,
      quote: { exact: text(60, i + 3), prefix: '€34.00 incl. VAT', suffix: 'Go to cart' },
      tagName: 'button',
      role: 'button',
      name: 'Add to cart',
    },
    viewport: { width: 1280, height: 800, scrollX: 0, scrollY: (i % 40) * 60, devicePixelRatio: 1 },
    context: { language: 'en', loadMs: 840.2, lcpMs: 612.4 },
    position: Date.parse(at),
    interactionId: null,
    screenshot: null,
    owner: null,
  };
}

/** Fills the database as the store writes (keys in schema order), touchpoints in batches of one transaction each. */
async function fill(db: WaymarkDatabase): Promise<void> {
  const journeys = Array.from({ length: JOURNEYS }, (_, i) => journeyRecord(i));
  const tx = db.transaction('journeys', 'readwrite');
  await Promise.all([...journeys.map((j) => tx.store.put(orderKeysLike(Journey, j))), tx.done]);
  const perJourney = TOUCHPOINTS / JOURNEYS;
  for (let start = 0; start < TOUCHPOINTS; start += BATCH) {
    const batch = db.transaction('touchpoints', 'readwrite');
    const writes: Promise<unknown>[] = [];
    for (let n = start; n < Math.min(start + BATCH, TOUCHPOINTS); n++) {
      writes.push(
        batch.store.put(orderKeysLike(Touchpoint, touchpointRecord(journeys[Math.floor(n / perJourney)]!, n % perJourney))),
      );
    }
    await Promise.all([...writes, batch.done]);
  }
}

/** The least any export could cost: one read, one `JSON.stringify`. */
async function readFloor(db: WaymarkDatabase) {
  const tx = db.transaction(['journeys', 'touchpoints'], 'readonly');
  const [journeys, touchpoints] = await Promise.all([
    tx.objectStore('journeys').getAll(),
    tx.objectStore('touchpoints').getAll(),
    tx.done,
  ]);
  return { journeys, touchpoints };
}

const exportInput = (records: AllRecords) => ({
  ...records,
  generator: 'Waymark bench',
  emptyExportedAt: '2026-01-01T00:00:00.000Z',
});

/**
 * What "export all" does in the extension: read, build (sort, schema key
 * order; records were validated when written, so `trusted`), serialize.
 */
async function realExport(db: WaymarkDatabase): Promise<string> {
  return serializeExportFile(buildExportFile(exportInput(await exportAll(db)), { trusted: true }));
}

type Candidates = Record<string, () => unknown>;

/**
 * Best of `RUNS` after one warm-up, the candidates interleaved so drift hits
 * all alike, and a full GC before each run so none pays for another's garbage.
 */
async function bestOf(candidates: Candidates): Promise<Record<string, number>> {
  const best: Record<string, number> = {};
  for (const fn of Object.values(candidates)) await fn();
  for (let run = 0; run < RUNS; run++) {
    for (const [name, fn] of Object.entries(candidates)) {
      gc();
      const start = performance.now();
      await fn();
      best[name] = Math.min(best[name] ?? Number.POSITIVE_INFINITY, performance.now() - start);
    }
  }
  return best;
}

/** Where each path's time goes, step by step, on records read once. */
async function split(db: WaymarkDatabase): Promise<Record<string, number>> {
  const records = await exportAll(db);
  // The file the real path serializes: the records as read, not copies made by a parse (which serialize slower).
  const file = buildExportFile(exportInput(records), { trusted: true });
  // What buildExportFile did before: strings compared in the sort, every record rebuilt to check its key order.
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const byCapture = (a: Touchpoint, b: Touchpoint) => cmp(a.capturedAt, b.capturedAt) || cmp(a.id, b.id);
  return bestOf({
    'floor: read (2 stores)': () => readFloor(db),
    'floor: JSON.stringify': () => JSON.stringify({ journeys: records.journeys, touchpoints: records.touchpoints }),
    'real: read (exportAll)': () => exportAll(db),
    'real: sort touchpoints (by number)': () => sortedByTime(records.touchpoints, (t) => t.capturedAt),
    'real: key order check': () => inSchemaOrder(ExportFile, file),
    'real: buildExportFile (trusted: sort + key order)': () => buildExportFile(exportInput(records), { trusted: true }),
    'real: serializeExportFile': () => serializeExportFile(file),
    '(before) sort comparing strings': () => [...records.touchpoints].sort(byCapture),
    '(before) key order by orderKeysLike': () => orderKeysLike(ExportFile, file),
    '(not on the export path) zod ExportFile.parse': () => ExportFile.parse(file),
    '(same file, compact JSON)': () => JSON.stringify(file),
    '(before) same file pretty-printed': () => JSON.stringify(file, null, 2),
    '(not adopted) one stringify per record': () => file.touchpoints.map((r) => JSON.stringify(r)).join(',\n    '),
  });
}

const row = (label: string, value: string) => console.log(`  ${label.padEnd(40)}${value}`);
const ms = (n: number) => `${n.toFixed(0).padStart(7)} ms`;

async function main(): Promise<void> {
  await deleteDB(DB);
  const db = await openWaymarkDb(DB);
  const fillStart = performance.now();
  await fill(db);
  const fillMs = performance.now() - fillStart;
  const sizeMB = Buffer.byteLength(await realExport(db)) / 1024 / 1024;
  const best = await bestOf({
    floor: async () => JSON.stringify(await readFloor(db)),
    real: () => realExport(db),
  });
  const parts = await split(db);
  db.close();
  await deleteDB(DB);

  const floorMs = best.floor!;
  const realMs = best.real!;
  const ratio = realMs / floorMs;
  const met = ratio <= GOAL;
  console.log(`export all: ${JOURNEYS} journeys, ${TOUCHPOINTS} touchpoints (database filled in ${fillMs.toFixed(0)} ms)`);
  row('floor (getAll + JSON.stringify)', ms(floorMs));
  row('real (exportAll + build + serialize)', ms(realMs));
  row('ratio real/floor', `${ratio.toFixed(2)}x   goal ≤ ${GOAL}x: ${met ? 'met' : 'MISSED'}`);
  row('file size', `${sizeMB.toFixed(1)} MB`);
  console.log(`  split, best of ${RUNS} each:`);
  for (const [name, n] of Object.entries(parts)) row(`  ${name}`, ms(n));

  const figures = {
    floorMs: Math.round(floorMs),
    realMs: Math.round(realMs),
    ratio: Number(ratio.toFixed(2)),
    sizeMB: Number(sizeMB.toFixed(1)),
    ...Object.fromEntries(Object.entries(parts).map(([name, n]) => [`${name} (ms)`, Math.round(n)])),
  };
  console.log(`BENCH_RESULT ${JSON.stringify({ name: 'export', figures, goal: `real/floor ≤ ${GOAL}x`, met })}`);
}

await main();
