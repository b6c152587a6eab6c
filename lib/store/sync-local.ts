import type { SyncLocal } from '../sync/run-sync';
import { exportAll } from './export-all';
import { applyImport } from './import';
import type { WaymarkDatabase } from './schema';

/**
 * The local store as sync sees it: one consistent read of every record, and
 * a merge applied in one transaction (the import's). Synced files carry no
 * screenshots, so none are stored with the merge.
 */
export function storeSyncLocal(db: WaymarkDatabase): SyncLocal {
  return {
    readAll: () => exportAll(db),
    merge: (file) => applyImport(db, file, new Map()),
  };
}
