import type { Interaction } from '../model/interaction';
import type { Journey } from '../model/journey';
import type { RecordType, Tombstone } from '../model/tombstone';
import type { Touchpoint } from '../model/touchpoint';
import { bump, type EditResult, noEdit, stamped } from './edit-result';

/**
 * Deleting a journey with everything in it, and taking that back. Deletion
 * writes tombstones, so it travels through exports and merges; the undo
 * writes the records again, newer than their tombstones, so the restore
 * travels the same way and wins over the deletion everywhere.
 */

/**
 * What `undoDelete` needs: the records as they were and the tombstones that
 * replaced them. Plain JSON, for the UI to hold while it offers "Undo".
 */
export interface DeleteUndo {
  journey: Journey;
  touchpoints: Touchpoint[];
  interactions: Interaction[];
  tombstones: Tombstone[];
}

const tombstoneOf = (record: { id: string; updatedAt: string }, recordType: RecordType, now: number, author: string) => ({
  id: record.id,
  recordType,
  updatedAt: bump(record.updatedAt, now),
  author,
});

/**
 * Deletes a journey and its touchpoints and interactions (those passed in
 * that belong to it): each record is removed and a tombstone written in its
 * place. Screenshot blobs are the store's to keep or drop.
 */
export function deleteJourney(
  journey: Journey,
  touchpoints: readonly Touchpoint[],
  interactions: readonly Interaction[],
  now: number,
  author: string,
): EditResult & { undo: DeleteUndo } {
  const ownTouchpoints = touchpoints.filter((tp) => tp.journeyId === journey.id);
  const ownInteractions = interactions.filter((ia) => ia.journeyId === journey.id);
  const tombstones: Tombstone[] = [
    tombstoneOf(journey, 'journey', now, author),
    ...ownTouchpoints.map((tp) => tombstoneOf(tp, 'touchpoint', now, author)),
    ...ownInteractions.map((ia) => tombstoneOf(ia, 'interaction', now, author)),
  ];
  const edit = noEdit();
  edit.put.tombstones = tombstones;
  edit.remove.journeys = [journey.id];
  edit.remove.touchpoints = ownTouchpoints.map((tp) => tp.id);
  edit.remove.interactions = ownInteractions.map((ia) => ia.id);
  return { ...edit, undo: { journey, touchpoints: ownTouchpoints, interactions: ownInteractions, tombstones } };
}

/**
 * Restores what `deleteJourney` deleted: the records again, each stamped
 * newer than its tombstone (and by `author`), and the tombstones removed.
 */
export function undoDelete(payload: DeleteUndo, now: number, author: string): EditResult {
  const deletedAt = new Map(payload.tombstones.map((t) => [t.id, t.updatedAt]));
  const restore = <T extends { id: string; updatedAt: string; author: string }>(record: T): T => {
    const deleted = deletedAt.get(record.id) ?? record.updatedAt;
    const newest = Date.parse(deleted) > Date.parse(record.updatedAt) ? deleted : record.updatedAt;
    return stamped({ ...record, updatedAt: newest }, {}, now, author);
  };
  const edit = noEdit();
  edit.put.journeys = [restore(payload.journey)];
  edit.put.touchpoints = payload.touchpoints.map(restore);
  edit.put.interactions = payload.interactions.map(restore);
  edit.remove.tombstones = payload.tombstones.map((t) => t.id);
  return edit;
}
