import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteDB } from 'idb';
import { afterEach, beforeEach } from 'vitest';
import type { Journey } from '@/lib/model/journey';
import type { Touchpoint } from '@/lib/model/touchpoint';
import { openWaymarkDb } from '@/lib/store/open-db';
import type { WaymarkDatabase } from '@/lib/store/schema';
import { storeSyncLocal } from '@/lib/store/sync-local';
import type { SyncBackend } from '@/lib/sync/backend';
import { createFolderBackend } from '@/lib/sync/folder-backend';
import { runSync, type SyncReport } from '@/lib/sync/run-sync';
import type { FileSealer } from '@/lib/sync/seal';
import { INITIAL_SYNC_STATE, type SyncState } from '@/lib/sync/sync-state';
import { journeyFixture, touchpointFixture } from '../../fixtures/records';
import { nodeDirectoryHandle } from './node-directory';

/** A researcher in a test: their own database, member id, name and sync state. */
export interface Member {
  db: WaymarkDatabase;
  memberId: string;
  author: string;
  state: SyncState;
  sealer: FileSealer | null;
  sleeps: number[];
  /** Screenshots larger than this are not synced (the run's default when unset). */
  maxScreenshotBytes?: number;
  sync(backend: SyncBackend): Promise<SyncReport>;
  /** Captures a touchpoint in this member's journey (made on first use). */
  capture(id: string, overrides?: Partial<Touchpoint>): Promise<Touchpoint>;
  touchpoint(id: string): Promise<Touchpoint | undefined>;
  touchpointCount(): Promise<number>;
  dispose(): Promise<void>;
}

let clock = Date.parse('2026-11-25T12:00:00.000Z');
/** A strictly increasing clock, so every change is newer than the one before. */
export function tick(): string {
  clock += 1_000;
  return new Date(clock).toISOString();
}

/** A member with a fresh database. `n` makes the ids unique per member. */
export async function makeMember(author: string, n: number, sealer: FileSealer | null = null): Promise<Member> {
  const dbName = `waymark-sync-${author}-${n}-${Math.random()}`;
  const db = await openWaymarkDb(dbName);
  const memberId = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const journey: Journey = journeyFixture({
    id: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    title: `${author}'s run`,
    author,
    researcher: author,
  });
  const member: Member = {
    db,
    memberId,
    author,
    sealer,
    state: INITIAL_SYNC_STATE,
    sleeps: [],
    async sync(backend) {
      const { state, report } = await runSync(
        {
          backend,
          local: storeSyncLocal(db),
          memberId,
          author,
          generator: 'Waymark test',
          sealer: member.sealer,
          maxScreenshotBytes: member.maxScreenshotBytes,
          now: tick,
          sleep: async (ms) => {
            member.sleeps.push(ms);
            await new Promise((r) => setTimeout(r, ms));
          },
        },
        member.state,
      );
      member.state = state;
      return report;
    },
    async capture(id, overrides = {}) {
      if (!(await db.get('journeys', journey.id))) await db.put('journeys', journey);
      const at = tick();
      const tp = touchpointFixture({ id, journeyId: journey.id, author, capturedAt: at, updatedAt: at, ...overrides });
      await db.put('touchpoints', tp);
      return tp;
    },
    touchpoint: (id) => db.get('touchpoints', id),
    touchpointCount: () => db.count('touchpoints'),
    async dispose() {
      db.close();
      await deleteDB(dbName);
    },
  };
  return member;
}

/** A touchpoint id for tests: member n, touchpoint k. */
export const tpId = (n: number, k: number) => `20000000-0000-4000-8${String(n).padStart(3, '0')}-${String(k).padStart(12, '0')}`;

/**
 * A fresh team folder (a temporary directory behind the folder backend) for
 * each test, handed to `ready`, and the members made in the test disposed
 * after it. Returns the function that makes a member.
 */
export function withTeamFolder(
  prefix: string,
  ready: (dir: string, folder: SyncBackend) => void,
): (...args: Parameters<typeof makeMember>) => Promise<Member> {
  const members: Member[] = [];
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
    const folder = createFolderBackend(nodeDirectoryHandle(dir));
    await folder.ensureFolder();
    ready(dir, folder);
  });
  afterEach(async () => {
    for (const m of members.splice(0)) await m.dispose();
    await rm(dir, { recursive: true, force: true });
  });
  return async (...args) => {
    const m = await makeMember(...args);
    members.push(m);
    return m;
  };
}
