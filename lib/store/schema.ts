import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Interaction } from '../model/interaction';
import type { Journey } from '../model/journey';
import type { Study } from '../model/study';
import type { Tombstone } from '../model/tombstone';
import type { Screenshot, Touchpoint } from '../model/touchpoint';

/** The database name; one database holds everything Waymark stores. */
export const DB_NAME = 'waymark';

/** The shape of the database at its current version. */
export interface WaymarkDb extends DBSchema {
  /** Studies: the frame journeys belong to (v4). */
  studies: {
    key: string;
    value: Study;
    indexes: { byUpdatedAt: string };
  };
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
  /** Passively logged interactions, by journey and time (v3). */
  interactions: {
    key: string;
    value: Interaction;
    indexes: { byJourneyAt: [string, string]; byUpdatedAt: string };
  };
  /** The worker's own state that must outlive it (open sessions, journey tabs), by key (v3). */
  runtime: {
    key: string;
    value: { key: string; value: unknown };
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
