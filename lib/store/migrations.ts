import type { UpgradeTransaction, WaymarkDatabase } from './schema';

/**
 * One upgrade step per database version: `MIGRATIONS[n - 1]` takes the
 * database from version `n - 1` to `n`. Steps are never edited once released;
 * a change of shape is a new step at the end.
 */
export type Migration = (db: WaymarkDatabase, tx: UpgradeTransaction) => void;

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
    for (const name of ['journeys', 'touchpoints'] as const) {
      const store = tx.objectStore(name);
      // Cursor steps run inside the version-change transaction; idb queues them.
      void store.openCursor().then(async function backfill(cursor): Promise<void> {
        if (!cursor) return;
        const record = cursor.value as Record<string, unknown>;
        const backfilled = { author: '', ...(name === 'touchpoints' ? { screenshot: null } : {}), ...record };
        if (Object.keys(backfilled).length !== Object.keys(record).length) await cursor.update(backfilled as never);
        return backfill(await cursor.continue());
      });
    }
  },
];

/** The version the code expects: one per migration step. */
export const DB_VERSION = MIGRATIONS.length;

/** Runs every step between `oldVersion` and `newVersion`, in order. */
export function runMigrations(db: WaymarkDatabase, tx: UpgradeTransaction, oldVersion: number, newVersion: number): void {
  for (let version = oldVersion + 1; version <= newVersion; version++) {
    const step = MIGRATIONS[version - 1];
    if (!step) throw new Error(`No migration to database version ${version}`);
    step(db, tx);
  }
}
