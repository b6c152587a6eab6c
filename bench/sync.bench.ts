/**
 * Team sync at scale: 20 members with 5,000 touchpoints each (100,000 in all),
 * their files in a real folder on disk (the folder backend over Node's file
 * system, as in the tests). Run with `npx tsx bench/sync.bench.ts`.
 *
 * - full pull: a member joining the team syncs for the first time: list,
 *   read and validate 20 files, merge them, apply to the local store, write
 *   their own file. Floor: `JSON.parse` of the same 20 files.
 * - incremental (own change): a member who is up to date captures one
 *   touchpoint and syncs: list (nothing else changed, nothing is read), build
 *   and write their own file of 5,001 touchpoints.
 * - incremental (teammate's change): one teammate's file changed by one
 *   touchpoint: read and merge that one file.
 *
 * The local store is an in-memory one applying the same `planImport` as
 * IndexedDB's import, so the figures are sync's own cost, not fake-indexeddb's
 * (see export.bench.ts for the store's read cost). Best of 5 after a warm-up.
 * Goal: incremental under 1 s and under a tenth of the full pull.
 * Prints figures and a `BENCH_RESULT` line (bench/README.md); never fails on time.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeExportFile } from '../lib/exchange/export-json';
import { type LocalRecords, planImport } from '../lib/exchange/merge';
import type { ExportFile } from '../lib/model/export-file';
import type { Interaction } from '../lib/model/interaction';
import type { Journey } from '../lib/model/journey';
import type { Tombstone } from '../lib/model/tombstone';
import type { Touchpoint } from '../lib/model/touchpoint';
import { memberFileName, type SyncBackend } from '../lib/sync/backend';
import { createFolderBackend } from '../lib/sync/folder-backend';
import { buildMemberFile } from '../lib/sync/member-file';
import { runSync, type SyncLocal } from '../lib/sync/run-sync';
import { INITIAL_SYNC_STATE, type SyncState } from '../lib/sync/sync-state';
import { journeyFixture, touchpointFixture } from '../test/fixtures/records';
import { nodeDirectoryHandle } from '../test/lib/sync/node-directory';

const MEMBERS = 20;
const TOUCHPOINTS = 5_000;
const PER_JOURNEY = 40;
const RUNS = 5;

const uuid = (kind: number, member: number, n: number) =>
  `${kind.toString(16).padStart(8, '0')}-0000-4000-8${member.toString(16).padStart(3, '0')}-${n.toString(16).padStart(12, '0')}`;
const memberId = (m: number) => uuid(0, m, 0);
const author = (m: number) => `Researcher ${m}`;
const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 9) + minute * 60_000).toISOString();

function touchpoint(m: number, n: number): Touchpoint {
  const capturedAt = at(m * 10_000 + n);
  return touchpointFixture({
    id: uuid(2, m, n),
    journeyId: uuid(1, m, Math.min(Math.floor(n / PER_JOURNEY), TOUCHPOINTS / PER_JOURNEY - 1)),
    author: author(m),
    capturedAt,
    updatedAt: capturedAt,
    position: Date.parse(capturedAt),
    url: `https://shop${m}.example/product?id=${n}`,
    note: `Touchpoint ${n} of researcher ${m}: the delivery fee appears late in checkout`,
  });
}

function memberRecords(m: number): LocalRecords {
  const journeys: Journey[] = [];
  for (let j = 0; j < TOUCHPOINTS / PER_JOURNEY; j++) {
    journeys.push(
      journeyFixture({
        id: uuid(1, m, j),
        title: `Run ${j}`,
        author: author(m),
        researcher: author(m),
        startedAt: at(m * 10_000 + j * PER_JOURNEY),
        updatedAt: at(m * 10_000 + j * PER_JOURNEY),
      }),
    );
  }
  const touchpoints = Array.from({ length: TOUCHPOINTS }, (_, n) => touchpoint(m, n));
  return { journeys, touchpoints, interactions: [], tombstones: [] };
}

/** A local store in memory, merging with the same plan as IndexedDB's import. */
function memoryLocal(): SyncLocal {
  const stores = {
    journeys: new Map<string, Journey>(),
    touchpoints: new Map<string, Touchpoint>(),
    interactions: new Map<string, Interaction>(),
    tombstones: new Map<string, Tombstone>(),
  };
  const readAll = async (): Promise<LocalRecords> => ({
    journeys: [...stores.journeys.values()],
    touchpoints: [...stores.touchpoints.values()],
    interactions: [...stores.interactions.values()],
    tombstones: [...stores.tombstones.values()],
  });
  return {
    readAll,
    async merge(file: ExportFile) {
      const { writes, report } = planImport(await readAll(), file);
      for (const id of writes.deleteIds) for (const store of Object.values(stores)) store.delete(id);
      for (const j of writes.journeys) stores.journeys.set(j.id, j);
      for (const t of writes.touchpoints) stores.touchpoints.set(t.id, t);
      for (const i of writes.interactions) stores.interactions.set(i.id, i);
      for (const t of writes.tombstones) stores.tombstones.set(t.id, t);
      return report;
    },
  };
}

function run(backend: SyncBackend, local: SyncLocal, m: number, state: SyncState) {
  return runSync(
    {
      backend,
      local,
      memberId: memberId(m),
      author: author(m),
      generator: 'Waymark bench',
      sealer: null,
      now: () => new Date().toISOString(),
      sleep: async () => {},
    },
    state,
  );
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'waymark-sync-bench-'));
  try {
    const backend = createFolderBackend(nodeDirectoryHandle(dir));
    await backend.ensureFolder();
    let bytes = 0;
    for (let m = 1; m <= MEMBERS; m++) {
      const text = serializeExportFile(buildMemberFile(memberRecords(m), author(m), 'Waymark bench'));
      bytes += Buffer.byteLength(text);
      await writeFile(join(dir, 'members', memberFileName(memberId(m))), text);
    }
    const joiner = MEMBERS + 1;
    const best = { floor: Infinity, full: Infinity, own: Infinity, theirs: Infinity };
    for (let i = 0; i <= RUNS; i++) {
      const floor = await timed(async () => {
        for (const name of await readdir(join(dir, 'members'))) JSON.parse(await readFile(join(dir, 'members', name), 'utf8'));
      });
      // Full pull: a new member with an empty store.
      const local = memoryLocal();
      const full = await timed(() => run(backend, local, joiner, INITIAL_SYNC_STATE));
      if (full.value.state.lastError) throw new Error(full.value.state.lastError.message);
      // Incremental, teammate's change: researcher 2 adds one touchpoint; the joiner pulls it.
      const bobLocal = memoryLocal();
      await bobLocal.merge(buildMemberFile(memberRecords(2), author(2), 'x'));
      const bob = await run(backend, bobLocal, 2, INITIAL_SYNC_STATE);
      await bobLocal.merge(
        buildMemberFile({ ...memberRecords(2), touchpoints: [touchpoint(2, TOUCHPOINTS + 100 + i)] }, author(2), 'x'),
      );
      await run(backend, bobLocal, 2, bob.state);
      const theirs = await timed(() => run(backend, local, joiner, full.value.state));
      if (theirs.value.report.read !== 1) throw new Error(`expected one file read, got ${theirs.value.report.read}`);
      // Incremental, own change: researcher 1, up to date, captures one touchpoint.
      const aliceLocal = memoryLocal();
      await aliceLocal.merge(buildMemberFile(memberRecords(1), author(1), 'x'));
      let aliceState = (await run(backend, aliceLocal, 1, INITIAL_SYNC_STATE)).state;
      await aliceLocal.merge(
        buildMemberFile({ ...memberRecords(1), touchpoints: [touchpoint(1, TOUCHPOINTS + i)] }, author(1), 'x'),
      );
      const own = await timed(() => run(backend, aliceLocal, 1, aliceState));
      if (!own.value.report.wrote || own.value.report.read !== 0)
        throw new Error(
          `incremental sync did not behave: ${JSON.stringify({ ...own.value.report, merged: null })} ${JSON.stringify(own.value.state.lastError)}`,
        );
      aliceState = own.value.state;
      if (i === 0) continue; // warm-up
      best.floor = Math.min(best.floor, floor.ms);
      best.full = Math.min(best.full, full.ms);
      best.own = Math.min(best.own, own.ms);
      best.theirs = Math.min(best.theirs, theirs.ms);
    }
    const round = (n: number) => Math.round(n);
    const met = best.own < 1_000 && best.theirs < 1_000 && best.own < best.full / 10 && best.theirs < best.full / 10;
    console.log(
      `\nTeam sync: ${MEMBERS} members × ${TOUCHPOINTS.toLocaleString('en')} touchpoints, ${(bytes / 1e6).toFixed(1)} MB of member files`,
    );
    console.log(`  floor (JSON.parse of every file)      ${round(best.floor)} ms`);
    console.log(
      `  full pull + merge (a new member)       ${round(best.full)} ms (${(best.full / best.floor).toFixed(1)}x floor)`,
    );
    console.log(`  incremental, one own touchpoint        ${round(best.own)} ms`);
    console.log(`  incremental, one teammate's touchpoint ${round(best.theirs)} ms`);
    const result = {
      name: 'sync',
      figures: {
        members: MEMBERS,
        touchpointsPerMember: TOUCHPOINTS,
        filesMB: Number((bytes / 1e6).toFixed(1)),
        floorMs: round(best.floor),
        fullPullMs: round(best.full),
        incrementalOwnMs: round(best.own),
        incrementalTeammateMs: round(best.theirs),
      },
      goal: 'incremental < 1 s and < 1/10 of the full pull',
      met,
    };
    console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
