/**
 * How automatic session assembly scales: `assembleSessions` on 10,000,
 * 100,000 and 1,000,000 synthetic events, handed over in random order (as a
 * store read by id returns them), against the floor of sorting their times as
 * a Float64Array (the least any assembly in time order could cost).
 *
 * The events: a browsing day after day, several tabs at once, new tabs opened
 * from open ones (and so carrying an opener), a few seconds between events,
 * now and then a break longer than the 30-minute gap, some events in the same
 * millisecond. Each size on its own (see `measure`): best of 5 runs,
 * real and floor interleaved, after a warm-up, a full GC before each. Goal: 1M events under 2 s, and growth no worse than n log n from one
 * size to the next. Prints a table and a `BENCH_RESULT` line (bench/README.md);
 * never fails on time.
 *
 * Run: npx tsx bench/assemble.bench.ts
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { assembleSessions, DEFAULT_GAP_MS, type SessionEvent } from '../lib/journey/assemble';

const SIZES = [10_000, 100_000, 1_000_000] as const;
const RUNS = 5;
const GOAL_MS = 2_000;
const TABS_OPEN = 8;

// A full GC on demand, without asking whoever runs the bench for `--expose-gc`.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** mulberry32: a seeded generator, so every run builds the same events. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `n` events as described above, shuffled. */
function syntheticEvents(n: number): SessionEvent[] {
  const random = seeded(n);
  const open = Array.from({ length: TABS_OPEN }, (_, i) => i + 1);
  let nextTab = TABS_OPEN + 1;
  let at = Date.UTC(2026, 0, 5, 9);
  const events: SessionEvent[] = [];
  for (let i = 0; i < n; i++) {
    const roll = random();
    if (roll < 0.002)
      at += DEFAULT_GAP_MS + Math.floor(random() * 8 * 3_600_000); // a break
    else if (roll > 0.05) at += Math.floor(random() * 20_000); // else: the same millisecond as the last event
    const slot = Math.floor(random() * TABS_OPEN);
    let openerTabId: number | null = null;
    if (random() < 0.03) {
      openerTabId = open[slot]!; // a new tab, opened from this one, takes the place of another
      open[(slot + 1) % TABS_OPEN] = nextTab++;
    }
    const tabId = openerTabId === null ? open[slot]! : open[(slot + 1) % TABS_OPEN]!;
    events.push({ id: `e${i.toString(36).padStart(8, '0')}-${Math.floor(random() * 1e9)}`, at, tabId, openerTabId });
  }
  for (let i = events.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [events[i], events[j]] = [events[j]!, events[i]!];
  }
  return events;
}

type Candidates = Record<string, () => unknown>;

/** Best of `RUNS` after one warm-up, candidates interleaved, a full GC before each run. */
function bestOf(candidates: Candidates): Record<string, number> {
  const best: Record<string, number> = {};
  for (const fn of Object.values(candidates)) fn();
  for (let run = 0; run < RUNS; run++) {
    for (const [name, fn] of Object.entries(candidates)) {
      gc();
      const start = performance.now();
      fn();
      best[name] = Math.min(best[name] ?? Number.POSITIVE_INFINITY, performance.now() - start);
    }
  }
  return best;
}

const nLogN = (n: number) => n * Math.log2(n);
const row = (cells: readonly string[]) =>
  console.log(`  ${cells.map((c, i) => (i === 0 ? c.padEnd(12) : c.padStart(14))).join('')}`);
const ms = (n: number) => `${n.toFixed(n < 100 ? 1 : 0)} ms`;

/**
 * One size: its events are built, measured and dropped before the next size,
 * so a small run does not pay for collecting a heap full of a larger input.
 */
function measure(n: number) {
  const events = syntheticEvents(n);
  const times = Float64Array.from(events, (e) => e.at);
  const best = bestOf({ real: () => assembleSessions(events), floor: () => times.slice().sort() });
  return { n, sessions: assembleSessions(events).length, real: best.real!, floor: best.floor! };
}

function main(): void {
  const results = SIZES.map(measure);
  const real = (n: number) => results.find((r) => r.n === n)!.real;
  const floor = (n: number) => results.find((r) => r.n === n)!.floor;

  console.log(`assembleSessions: shuffled events, gap 30 min, best of ${RUNS}`);
  row(['events', 'sessions', 'real', 'floor (sort)', 'real/floor']);
  for (const r of results) {
    row([r.n.toLocaleString('en'), String(r.sessions), ms(r.real), ms(r.floor), `${(r.real / r.floor).toFixed(1)}x`]);
  }
  const growth = SIZES.slice(1).map((n, i) => {
    const m = SIZES[i]!;
    return {
      label: `${m / 1000}k → ${n / 1000}k`,
      key: `${n}/${m}`,
      real: real(n) / real(m),
      floor: floor(n) / floor(m),
      allowed: nLogN(n) / nLogN(m),
    };
  });
  // The floor's growth shows what the machine adds (caches outgrown), beside the algorithm's n log n.
  console.log('  growth: time ratio vs n log n (and the floor, for the caches)');
  for (const g of growth) {
    row([
      g.label,
      `${g.real.toFixed(1)}x`,
      `n log n ${g.allowed.toFixed(1)}x`,
      `floor ${g.floor.toFixed(1)}x`,
      g.real <= g.allowed ? 'ok' : 'WORSE',
    ]);
  }

  const million = real(1_000_000);
  const met = million < GOAL_MS && growth.every((g) => g.real <= g.allowed);
  console.log(`  1M events: ${ms(million)}   goal < ${GOAL_MS} ms and growth ≤ n log n: ${met ? 'met' : 'MISSED'}`);

  const figures: Record<string, number> = {};
  for (const n of SIZES) {
    figures[`real ${n} (ms)`] = Number(real(n).toFixed(1));
    figures[`floor ${n} (ms)`] = Number(floor(n).toFixed(1));
  }
  for (const g of growth) {
    figures[`growth ${g.key} (x)`] = Number(g.real.toFixed(2));
    figures[`n log n ${g.key} (x)`] = Number(g.allowed.toFixed(2));
    figures[`floor growth ${g.key} (x)`] = Number(g.floor.toFixed(2));
  }
  console.log(`BENCH_RESULT ${JSON.stringify({ name: 'assemble', figures, goal: '1M under 2 s, growth ≤ n log n', met })}`);
}

main();
