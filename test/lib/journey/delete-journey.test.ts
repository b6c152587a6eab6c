import { describe, expect, it } from 'vitest';
import { deleteJourney, undoDelete } from '@/lib/journey/edits';
import { interaction, iso, J2, journey, T, touchpoint, uuid } from './records';
import { applyEdit, emptyRecords, type Records } from './store';

const NOW = T(60);
const records = (): Records => ({
  ...emptyRecords(),
  journeys: [journey(), journey({ id: J2 })],
  touchpoints: [touchpoint(1), touchpoint(2), touchpoint(3, { journeyId: J2 })],
  interactions: [interaction(1), interaction(2, { journeyId: J2 })],
});
const remove = (r: Records, now = NOW) => deleteJourney(r.journeys[0]!, r.touchpoints, r.interactions, now, 'Leo');
/** The records by id, without the stamp an edit changes. */
const unstamped = (records: readonly { id: string; updatedAt: string; author: string }[]) =>
  records.map(({ updatedAt: _u, author: _a, ...rest }) => rest).toSorted((a, b) => (a.id < b.id ? -1 : 1));

describe('deleteJourney', () => {
  it('replaces the journey and its records by tombstones, leaving other journeys alone', () => {
    const after = applyEdit(records(), remove(records()));
    expect(after.journeys.map((j) => j.id)).toEqual([J2]);
    expect(after.touchpoints.map((tp) => tp.id)).toEqual([uuid(2, 3)]);
    expect(after.interactions.map((ia) => ia.id)).toEqual([uuid(3, 2)]);
    expect(after.tombstones).toEqual([
      { id: journey().id, recordType: 'journey', updatedAt: iso(NOW), author: 'Leo' },
      { id: uuid(2, 1), recordType: 'touchpoint', updatedAt: iso(NOW), author: 'Leo' },
      { id: uuid(2, 2), recordType: 'touchpoint', updatedAt: iso(NOW), author: 'Leo' },
      { id: uuid(3, 1), recordType: 'interaction', updatedAt: iso(NOW), author: 'Leo' },
    ]);
  });

  it('dates each tombstone after its record, even with a clock that is behind', () => {
    const edit = remove(records(), T(-30));
    expect(edit.put.tombstones.map((t) => t.updatedAt)).toEqual([iso(T(0) + 1), iso(T(1) + 1), iso(T(2) + 1), iso(T(1) + 1)]);
  });

  it('deletes an empty journey', () => {
    const edit = deleteJourney(journey(), [], [], NOW, 'Leo');
    expect(edit.put.tombstones).toHaveLength(1);
    expect(edit.undo).toMatchObject({ touchpoints: [], interactions: [] });
  });

  it('hands back plain JSON to undo with', () => {
    const { undo } = remove(records());
    expect(JSON.parse(JSON.stringify(undo))).toEqual(undo);
  });
});

describe('undoDelete', () => {
  it('restores the records as they were, newer than their tombstones, and removes the tombstones', () => {
    const before = records();
    const deletion = remove(before);
    const deleted = applyEdit(before, deletion);
    const restored = applyEdit(deleted, undoDelete(deletion.undo, NOW, 'Ana'));
    expect(restored.tombstones).toEqual([]);
    for (const kind of ['journeys', 'touchpoints', 'interactions'] as const) {
      expect(unstamped(restored[kind])).toEqual(unstamped(before[kind]));
    }
    const stamps = undoDelete(deletion.undo, NOW, 'Ana').put.touchpoints.map((tp) => [tp.updatedAt, tp.author]);
    expect(stamps).toEqual([
      [iso(NOW + 1), 'Ana'],
      [iso(NOW + 1), 'Ana'],
    ]);
  });

  it('is newer than the tombstones however far behind the clock is', () => {
    const deletion = remove(records(), T(500));
    const undone = undoDelete(deletion.undo, T(0), 'Ana');
    expect(undone.put.journeys[0]!.updatedAt).toBe(iso(T(500) + 1));
    expect(undone.remove.tombstones).toEqual(deletion.put.tombstones.map((t) => t.id));
  });
});
