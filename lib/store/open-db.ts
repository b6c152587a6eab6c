import { openDB } from 'idb';
import { DB_VERSION, runMigrations } from './migrations';
import { DB_NAME, type WaymarkDatabase } from './schema';

/**
 * Opens (creating or upgrading) the Waymark database. If another context
 * upgrades it later, this connection closes itself so the upgrade is never
 * blocked; the next call opens a fresh one.
 */
export async function openWaymarkDb(name = DB_NAME): Promise<WaymarkDatabase> {
  const db = await openDB<import('./schema').WaymarkDb>(name, DB_VERSION, {
    upgrade(database, oldVersion, newVersion, tx) {
      // A failed step aborts the upgrade transaction, so the open fails and nothing half-migrated is kept.
      runMigrations(database, tx, oldVersion, newVersion ?? DB_VERSION).catch(() => tx.abort());
    },
    blocking() {
      db.close();
    },
  });
  return db;
}
