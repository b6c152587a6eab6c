import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deleteJourney,
  type EditResult,
  endJourney,
  mergeJourneys,
  moveTouchpoints,
  pauseJourney,
  renameJourney,
  reorderTouchpoint,
  resumeJourney,
  splitJourney,
  undoDelete,
  updateJourneyDetails,
} from '@/lib/journey/edits';
import { journeyRecordsArb } from './arbitraries';
import { J2, journey, T, uuid } from './records';
import { applyEdit, emptyRecords, written } from './store';

type Generated = typeof journeyRecordsArb extends fc.Arbitrary<infer R> ? R : never;
type Op = (r: Generated, now: number, pick: number) => EditResult;

const tpId = (r: Generated, pick: number) => r.touchpoints[pick % Math.max(1, r.touchpoints.length)]?.id ?? uuid(2, 1);
const other = journey({ id: J2, title: 'Other', updatedAt: new Date(T(200)).toISOString() });

/** Every edit, with arguments drawn from the records. */
const OPS: Record<string, Op> = {
  rename: (r, now) => renameJourney(r.journey, 'Renamed', now, 'Leo'),
  details: (r, now) => updateJourneyDetails(r.journey, { scenario: 'Under 100 EUR', stages: ['a', 'b'] }, now, 'Leo'),
  pause: (r, now) => pauseJourney(r.journey, now, 'Leo'),
  resume: (r, now) => resumeJourney(r.journey, now, 'Leo'),
  end: (r, now) => endJourney(r.journey, now, 'Leo'),
  move: (r, now, pick) => moveTouchpoints(r.touchpoints, [tpId(r, pick), tpId(r, pick + 1)], J2, now, 'Leo'),
  reorder: (r, now, pick) => reorderTouchpoint(r.touchpoints, tpId(r, pick), tpId(r, pick + 1), null, now, 'Leo'),
  split: (r, now, pick) =>
    splitJourney(
      r.journey,
      r.touchpoints,
      r.interactions,
      { atTouchpointId: tpId(r, pick), newJourneyId: J2, title: 'Part 2' },
      now,
      'Leo',
    ),
  mergeInto: (r, now) => mergeJourneys(other, r.journey, r.touchpoints, r.interactions, now, 'Leo'),
  delete: (r, now) => deleteJourney(r.journey, r.touchpoints, r.interactions, now, 'Leo'),
  undo: (r, now) => undoDelete(deleteJourney(r.journey, r.touchpoints, r.interactions, now, 'Ana').undo, now - 3_600_000, 'Leo'),
};

describe('edits (properties)', () => {
  it('write valid records, each newer than the version it replaces or stands for, by the editor', () => {
    fc.assert(
      fc.property(
        journeyRecordsArb,
        fc.constantFrom(...Object.keys(OPS)),
        fc.integer({ min: T(-60), max: T(120) }),
        fc.nat(),
        (r, op, now, pick) => {
          const edit = OPS[op]!(r, now, pick);
          applyEdit(emptyRecords(), edit); // parses every record written
          const previous = new Map<string, string>(
            [r.journey, other, ...r.touchpoints, ...r.interactions].map((x) => [x.id, x.updatedAt]),
          );
          if (op === 'split') previous.set(J2, r.journey.updatedAt); // the new journey is a copy of this one
          for (const record of written(edit)) {
            expect(record.author).toBe('Leo');
            expect(Date.parse(record.updatedAt)).toBeGreaterThan(Date.parse(previous.get(record.id)!));
          }
        },
      ),
    );
  });

  it('write restored records newer than the tombstones they undo', () => {
    fc.assert(
      fc.property(
        journeyRecordsArb,
        fc.integer({ min: T(-60), max: T(120) }),
        fc.integer({ min: -1e7, max: 1e7 }),
        (r, now, skew) => {
          const deletion = deleteJourney(r.journey, r.touchpoints, r.interactions, now, 'Ana');
          const deletedAt = new Map(deletion.put.tombstones.map((t) => [t.id, Date.parse(t.updatedAt)]));
          for (const record of written(undoDelete(deletion.undo, now + skew, 'Leo'))) {
            expect(Date.parse(record.updatedAt)).toBeGreaterThan(deletedAt.get(record.id)!);
          }
        },
      ),
    );
  });
});
