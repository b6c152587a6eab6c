import type { IDBPTransaction } from 'idb';
import type { EditResult } from '../journey/edit-result';
import { Interaction } from '../model/interaction';
import { Journey } from '../model/journey';
import { orderKeysLike } from '../model/key-order';
import { Tombstone } from '../model/tombstone';
import { Touchpoint } from '../model/touchpoint';
import type { WaymarkDatabase, WaymarkDb } from './schema';

/** The stores an edit may touch, opened together so an edit lands whole or not at all. */
export const EDIT_STORES = ['journeys', 'touchpoints', 'interactions', 'tombstones', 'screenshots', 'runtime'] as const;
export type EditTransaction = IDBPTransaction<
  WaymarkDb,
  typeof EDIT_STORES extends readonly (infer S)[] ? S[] : never,
  'readwrite'
>;

/** A journey and everything in it, as stored. */
export interface JourneyRecords {
  journey: Journey;
  touchpoints: Touchpoint[];
  interactions: Interaction[];
}

/** Reads a journey with its touchpoints and interactions (through their journey indexes) inside `tx`. */
export async function readJourney(
  tx: Pick<EditTransaction, 'objectStore'>,
  journeyId: string,
): Promise<JourneyRecords | undefined> {
  const journey = await tx.objectStore('journeys').get(journeyId);
  if (!journey) return undefined;
  const range = IDBKeyRange.bound([journeyId, ''], [journeyId, '\uffff']);
  const [touchpoints, interactions] = await Promise.all([
    tx.objectStore('touchpoints').index('byJourney').getAll(journeyId),
    tx.objectStore('interactions').index('byJourneyAt').getAll(range),
  ]);
  return { journey, touchpoints, interactions };
}

/**
 * Applies an edit inside `tx`: deletes first, then puts. Deleting a touchpoint
 * drops its screenshot blob too, except when the same edit puts it back.
 * Records are stored with their keys in schema order, so an export can take
 * them as they are (lib/model/key-order.ts) instead of copying each.
 */
export async function applyEdit(tx: EditTransaction, edit: EditResult): Promise<void> {
  const work: Promise<unknown>[] = [];
  const keptTouchpoints = new Set(edit.put.touchpoints.map((tp) => tp.id));
  for (const id of edit.remove.journeys) work.push(tx.objectStore('journeys').delete(id));
  for (const id of edit.remove.touchpoints) {
    work.push(tx.objectStore('touchpoints').delete(id));
    if (!keptTouchpoints.has(id)) work.push(tx.objectStore('screenshots').delete(id));
  }
  for (const id of edit.remove.interactions) work.push(tx.objectStore('interactions').delete(id));
  for (const id of edit.remove.tombstones) work.push(tx.objectStore('tombstones').delete(id));
  await Promise.all(work);
  await Promise.all([
    ...edit.put.journeys.map((r) => tx.objectStore('journeys').put(orderKeysLike(Journey, r))),
    ...edit.put.touchpoints.map((r) => tx.objectStore('touchpoints').put(orderKeysLike(Touchpoint, r))),
    ...edit.put.interactions.map((r) => tx.objectStore('interactions').put(orderKeysLike(Interaction, r))),
    ...edit.put.tombstones.map((r) => tx.objectStore('tombstones').put(orderKeysLike(Tombstone, r))),
  ]);
}

/**
 * Runs `step` in one read-write transaction over every store an edit touches:
 * it reads what it needs, decides (pure code), and returns the edit to apply
 * and a value. Settles only after the transaction commits, so a reply means
 * the edit is on disk. `step` must await nothing but requests of `tx`.
 */
export async function editInTransaction<T>(
  db: WaymarkDatabase,
  step: (tx: EditTransaction) => Promise<{ edit: EditResult; value: T }>,
): Promise<T> {
  const tx = db.transaction([...EDIT_STORES], 'readwrite') as EditTransaction;
  try {
    const { edit, value } = await step(tx);
    await applyEdit(tx, edit);
    await tx.done;
    return value;
  } catch (error) {
    // Abort so nothing half-done commits; `done` then rejects with the abort, which the original error explains better.
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    tx.done.catch(() => undefined);
    throw error;
  }
}

/** Reads one value the worker keeps in the `runtime` store. */
export async function readRuntime<T>(tx: Pick<EditTransaction, 'objectStore'>, key: string): Promise<T | undefined> {
  const entry = await tx.objectStore('runtime').get(key);
  return entry?.value as T | undefined;
}

/** Writes (or with `undefined`, deletes) one value in the `runtime` store. */
export async function writeRuntime(tx: EditTransaction, key: string, value: unknown): Promise<void> {
  if (value === undefined) await tx.objectStore('runtime').delete(key);
  else await tx.objectStore('runtime').put({ key, value });
}
