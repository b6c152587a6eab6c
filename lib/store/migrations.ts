import { journeyV2toV3, touchpointV2toV3 } from '../model/upgrade-v3';
import { journeyV3toV4, touchpointV3toV4 } from '../model/upgrade-v4';
import { defaultStudy } from '../study/default-study';
import type { UpgradeTransaction, WaymarkDatabase } from './schema';

/**
 * One upgrade step per database version: `MIGRATIONS[n - 1]` takes the
 * database from version `n - 1` to `n`. Steps are never edited once released;
 * a change of shape is a new step at the end.
 */
export type Migration = (db: WaymarkDatabase, tx: UpgradeTransaction) => void | Promise<void>;

/**
 * Rewrites every record of a store with `step`, inside the upgrade
 * transaction (idb queues the cursor's requests there). Resolves once the
 * last record is written, so the next migration reads the rewritten records.
 */
async function rewriteAll(
  tx: UpgradeTransaction,
  name: 'journeys' | 'touchpoints',
  step: (record: Record<string, unknown>) => Record<string, unknown>,
): Promise<void> {
  for (let cursor = await tx.objectStore(name).openCursor(); cursor; cursor = await cursor.continue()) {
    await cursor.update(step(cursor.value as unknown as Record<string, unknown>) as never);
  }
}

export const MIGRATIONS: readonly Migration[] = [
  // v1: journeys and their touchpoints.
  (db) => {
    const journeys = db.createObjectStore('journeys', { keyPath: 'id' });
    journeys.createIndex('byStatus', 'status');
    journeys.createIndex('byStartedAt', 'startedAt');
    journeys.createIndex('byUpdatedAt', 'updatedAt');
    const touchpoints = db.createObjectStore('touchpoints', { keyPath: 'id' });
    touchpoints.createIndex('byJourney', 'journeyId');
    touchpoints.createIndex('byJourneyCaptured', ['journeyId', 'capturedAt']);
    touchpoints.createIndex('byUpdatedAt', 'updatedAt');
  },
  // v2: every record names its author (empty for records made before),
  // touchpoints may have a screenshot, and deletions are kept as tombstones.
  (db, tx) => {
    const tombstones = db.createObjectStore('tombstones', { keyPath: 'id' });
    tombstones.createIndex('byUpdatedAt', 'updatedAt');
    db.createObjectStore('screenshots', { keyPath: 'id' });
    return Promise.all([
      rewriteAll(tx, 'journeys', (record) => ({ author: '', ...record })),
      rewriteAll(tx, 'touchpoints', (record) => ({ author: '', screenshot: null, ...record })),
    ]).then(() => undefined);
  },
  // v3: journeys gain their study frame, touchpoints stage, channel, named
  // emotion, page context and position (see lib/model/upgrade-v3.ts);
  // interactions get their store; the worker keeps its state in `runtime`.
  (db, tx) => {
    const interactions = db.createObjectStore('interactions', { keyPath: 'id' });
    interactions.createIndex('byJourneyAt', ['journeyId', 'at']);
    interactions.createIndex('byUpdatedAt', 'updatedAt');
    db.createObjectStore('runtime', { keyPath: 'key' });
    return Promise.all([rewriteAll(tx, 'journeys', journeyV2toV3), rewriteAll(tx, 'touchpoints', touchpointV2toV3)]).then(
      () => undefined,
    );
  },
  // v4: studies (lib/model/study.ts). Every journey so far belongs to the
  // default study, the same record on every device; touchpoints gain an owner.
  (db, tx) => {
    const studies = db.createObjectStore('studies', { keyPath: 'id' });
    studies.createIndex('byUpdatedAt', 'updatedAt');
    return Promise.all([
      tx.objectStore('studies').put(defaultStudy()),
      rewriteAll(tx, 'journeys', journeyV3toV4),
      rewriteAll(tx, 'touchpoints', touchpointV3toV4),
    ]).then(() => undefined);
  },
];

/** The version the code expects: one per migration step. */
export const DB_VERSION = MIGRATIONS.length;

/**
 * Runs every step between `oldVersion` and `newVersion`, in order, each after
 * the one before has finished writing. Called from `upgrade`: the chain runs
 * in microtasks after request events, so the upgrade transaction stays active.
 */
export async function runMigrations(
  db: WaymarkDatabase,
  tx: UpgradeTransaction,
  oldVersion: number,
  newVersion: number,
): Promise<void> {
  for (let version = oldVersion + 1; version <= newVersion; version++) {
    const step = MIGRATIONS[version - 1];
    if (!step) throw new Error(`No migration to database version ${version}`);
    await step(db, tx);
  }
}
