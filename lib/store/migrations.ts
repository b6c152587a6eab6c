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
