import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Journey } from '../model/journey';
import type { Tombstone } from '../model/tombstone';
import type { Screenshot, Touchpoint } from '../model/touchpoint';

/** The database name; one database holds everything Waymark stores. */
export const DB_NAME = 'waymark';

/** The shape of the database at its current version. */
export interface WaymarkDb extends DBSchema {
  journeys: {
    key: string;
    value: Journey;
    indexes: { byStatus: string; byStartedAt: string; byUpdatedAt: string };
  };
  touchpoints: {
    key: string;
    value: Touchpoint;
    indexes: { byJourney: string; byJourneyCaptured: [string, string]; byUpdatedAt: string };
  };
  /** Screenshot images, keyed by their touchpoint's id (v2). */
  screenshots: {
    key: string;
    value: StoredScreenshot;
  };
  /** Deleted records, kept so deletions travel through exports and merges (v2). */
  tombstones: {
    key: string;
    value: Tombstone;
    indexes: { byUpdatedAt: string };
  };
}

export type WaymarkDatabase = IDBPDatabase<WaymarkDb>;
export type UpgradeTransaction = IDBPTransaction<WaymarkDb, StoreNames<WaymarkDb>[], 'versionchange'>;

/** A touchpoint's screenshot: the image, a small thumbnail, and its description. */
export interface StoredScreenshot {
  /** The touchpoint's id. */
  id: string;
  meta: Screenshot;
  image: Blob;
  thumbnail: Blob;
}
