import type { EditResult } from '@/lib/journey/edit-result';
import type { Interaction } from '@/lib/model/interaction';
import { Interaction as InteractionSchema } from '@/lib/model/interaction';
import { type Journey, Journey as JourneySchema } from '@/lib/model/journey';
import { type Tombstone, Tombstone as TombstoneSchema } from '@/lib/model/tombstone';
import { type Touchpoint, Touchpoint as TouchpointSchema } from '@/lib/model/touchpoint';

/** An in-memory stand-in for the store, to apply edits as it will: deletes, then puts, all at once. */
export interface Records {
  journeys: Journey[];
  touchpoints: Touchpoint[];
  interactions: Interaction[];
  tombstones: Tombstone[];
}

export const emptyRecords = (): Records => ({ journeys: [], touchpoints: [], interactions: [], tombstones: [] });

function applyTo<T extends { id: string }>(records: readonly T[], remove: readonly string[], put: readonly T[]): T[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  for (const id of remove) byId.delete(id);
  for (const record of put) byId.set(record.id, record);
  return [...byId.values()];
}

/**
 * The records after an edit. Every record written is parsed with its schema
 * first, so an edit that writes something the store would refuse fails here.
 */
export function applyEdit(records: Records, edit: EditResult): Records {
  for (const r of edit.put.journeys) JourneySchema.parse(r);
  for (const r of edit.put.touchpoints) TouchpointSchema.parse(r);
  for (const r of edit.put.interactions) InteractionSchema.parse(r);
  for (const r of edit.put.tombstones) TombstoneSchema.parse(r);
  return {
    journeys: applyTo(records.journeys, edit.remove.journeys, edit.put.journeys),
    touchpoints: applyTo(records.touchpoints, edit.remove.touchpoints, edit.put.touchpoints),
    interactions: applyTo(records.interactions, edit.remove.interactions, edit.put.interactions),
    tombstones: applyTo(records.tombstones, edit.remove.tombstones, edit.put.tombstones),
  };
}

/** Every record an edit writes, of any kind. */
export const written = (edit: EditResult) => [
  ...edit.put.journeys,
  ...edit.put.touchpoints,
  ...edit.put.interactions,
  ...edit.put.tombstones,
];
