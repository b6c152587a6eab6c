import type { Interaction } from '../model/interaction';
import type { Journey } from '../model/journey';
import type { Tombstone } from '../model/tombstone';
import type { Touchpoint } from '../model/touchpoint';

/**
 * What an edit asks the store to do. The edits are pure: they take records
 * and return this; the store applies it in one transaction (first delete the
 * ids in `remove`, then put the records in `put`), so an edit lands whole or
 * not at all. An edit that changes nothing returns empty lists, so applying
 * an edit twice writes nothing the second time.
 */
export interface EditResult {
  /** Records to write, whole: each replaces the record with its id. */
  put: {
    journeys: Journey[];
    touchpoints: Touchpoint[];
    interactions: Interaction[];
    tombstones: Tombstone[];
  };
  /** Ids to delete from each store: records replaced by tombstones, tombstones undone. */
  remove: {
    journeys: string[];
    touchpoints: string[];
    interactions: string[];
    tombstones: string[];
  };
}

/** An edit that writes nothing. */
export function noEdit(): EditResult {
  return {
    put: { journeys: [], touchpoints: [], interactions: [], tombstones: [] },
    remove: { journeys: [], touchpoints: [], interactions: [], tombstones: [] },
  };
}

/** Whether an edit writes nothing. */
export function isNoEdit(edit: EditResult): boolean {
  return [...Object.values(edit.put), ...Object.values(edit.remove)].every((list) => list.length === 0);
}

/** An ISO timestamp from ms. */
export const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * The `updatedAt` of a record changed at `now` (ms) that was last changed at
 * `prev`: `now`, or 1 ms after `prev` when this device's clock is behind the
 * one that wrote `prev`. So an edit always wins the last-writer-wins merge
 * against the version it was made from, even with a skewed clock.
 */
export function bump(prev: string, now: number): string {
  return iso(Math.max(now, Date.parse(prev) + 1));
}

/** The record with `changes` applied, stamped as changed by `author` at `now`. */
export function stamped<T extends { updatedAt: string; author: string }>(
  record: T,
  changes: Partial<T>,
  now: number,
  author: string,
): T {
  return { ...record, ...changes, updatedAt: bump(record.updatedAt, now), author };
}
