import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeJourneys, noEdit, splitJourney } from '@/lib/journey/edits';
import { orderTouchpoints, positionBetween } from '@/lib/journey/order';
import type { Journey } from '@/lib/model/journey';
import { journeyRecordsArb } from './arbitraries';
import { ids, interaction, iso, J1, J2, journey, T, touchpoint, uuid } from './records';
import { applyEdit, emptyRecords, type Records } from './store';

const NOW = T(90);
const J3 = uuid(1, 3);
const split = (records: Records, atTouchpointId: string, j: Journey = records.journeys[0]!) =>
  splitJourney(j, records.touchpoints, records.interactions, { atTouchpointId, newJourneyId: J3, title: 'Part 2' }, NOW, 'Leo');
const journeyOf = (records: Records, id: string) => records.journeys.find((j) => j.id === id)!;
const inJourney = (records: Records, id: string) => ({
  touchpoints: ids(orderTouchpoints(records.touchpoints.filter((tp) => tp.journeyId === id))),
  interactions: ids(records.interactions.filter((ia) => ia.journeyId === id)).toSorted(),
});

const sample = (): Records => ({
  ...emptyRecords(),
  journeys: [journey({ pauses: [{ start: iso(T(4)), end: iso(T(6)) }] })],
  touchpoints: [1, 3, 7, 9].map((n) => touchpoint(n)),
  interactions: [0, 2, 5, 7, 8].map((n) => interaction(n)),
});

describe('splitJourney', () => {
  it('moves the touchpoint and everything after it to a new journey', () => {
    const after = applyEdit(sample(), split(sample(), uuid(2, 7)));
    expect(inJourney(after, J1)).toEqual({
      touchpoints: [uuid(2, 1), uuid(2, 3)],
      interactions: [0, 2, 5].map((n) => uuid(3, n)),
    });
    expect(inJourney(after, J3)).toEqual({ touchpoints: [uuid(2, 7), uuid(2, 9)], interactions: [7, 8].map((n) => uuid(3, n)) });
  });

  it('ends the old journey where the new one starts; the new one goes on as the old one was', () => {
    const after = applyEdit(sample(), split(sample(), uuid(2, 7)));
    expect(journeyOf(after, J1)).toMatchObject({ status: 'ended', endedAt: iso(T(7)), updatedAt: iso(NOW), author: 'Leo' });
    expect(journeyOf(after, J3)).toMatchObject({
      ...journey(),
      id: J3,
      title: 'Part 2',
      status: 'running',
      startedAt: iso(T(7)),
      endedAt: null,
      pauses: [],
      updatedAt: iso(NOW),
      author: 'Leo',
    });
  });

  it('shares pauses out by time, cutting one that spans the split', () => {
    const records = {
      ...sample(),
      journeys: [
        journey({
          status: 'paused',
          pauses: [
            { start: iso(T(1)), end: iso(T(2)) },
            { start: iso(T(6)), end: null },
          ],
        }),
      ],
    };
    const after = applyEdit(records, split(records, uuid(2, 7)));
    expect(journeyOf(after, J1).pauses).toEqual([
      { start: iso(T(1)), end: iso(T(2)) },
      { start: iso(T(6)), end: iso(T(7)) },
    ]);
    expect(journeyOf(after, J3)).toMatchObject({ status: 'paused', pauses: [{ start: iso(T(7)), end: null }] });
  });

  it('follows the display order: a touchpoint moved past the split point goes along', () => {
    const records = sample();
    records.touchpoints[0] = touchpoint(1, { position: positionBetween(T(7), T(9)) });
    const after = applyEdit(records, split(records, uuid(2, 7)));
    expect(inJourney(after, J3).touchpoints).toEqual([uuid(2, 7), uuid(2, 1), uuid(2, 9)]);
    expect(journeyOf(after, J3).startedAt).toBe(iso(T(1)));
  });

  it('writes nothing at the first thing on the timeline (nothing would be left)', () => {
    const records = { ...sample(), interactions: sample().interactions.filter((ia) => ia.id !== uuid(3, 0)) };
    expect(split(records, uuid(2, 1))).toEqual(noEdit());
  });

  it('writes nothing at a touchpoint it does not know, or one of another journey', () => {
    expect(split(sample(), uuid(2, 5))).toEqual(noEdit());
    const records = { ...sample(), touchpoints: [touchpoint(1), touchpoint(3, { journeyId: J2 })] };
    expect(split(records, uuid(2, 3))).toEqual(noEdit());
  });
});

describe('mergeJourneys', () => {
  const keep = journey({
    status: 'ended',
    startedAt: iso(T(10)),
    endedAt: iso(T(20)),
    pauses: [{ start: iso(T(12)), end: iso(T(13)) }],
  });
  const absorb = journey({
    id: J2,
    title: 'Earlier try',
    status: 'ended',
    startedAt: iso(T(0)),
    endedAt: iso(T(30)),
    pauses: [
      { start: iso(T(1)), end: iso(T(2)) },
      { start: iso(T(25)), end: null },
    ],
  });
  const tps = [touchpoint(1, { journeyId: J2 }), touchpoint(35, { journeyId: J2 }), touchpoint(11)];
  const ias = [interaction(2, { journeyId: J2 })];

  it('moves the absorbed records in and replaces the absorbed journey by a tombstone', () => {
    const edit = mergeJourneys(keep, absorb, tps, ias, NOW, 'Leo');
    expect(ids(edit.put.touchpoints)).toEqual([uuid(2, 1), uuid(2, 35)]);
    expect(edit.put.touchpoints.every((tp) => tp.journeyId === J1 && tp.author === 'Leo')).toBe(true);
    expect(edit.put.interactions).toMatchObject([{ id: uuid(3, 2), journeyId: J1 }]);
    expect(edit.put.tombstones).toEqual([{ id: J2, recordType: 'journey', updatedAt: iso(NOW), author: 'Leo' }]);
    expect(edit.remove.journeys).toEqual([J2]);
  });

  it("widens the kept journey's span to both and takes the finished pauses of the other", () => {
    const [merged] = mergeJourneys(keep, absorb, tps, ias, NOW, 'Leo').put.journeys;
    expect(merged).toMatchObject({
      id: J1,
      title: keep.title,
      startedAt: iso(T(0)),
      endedAt: iso(T(35)),
      pauses: [
        { start: iso(T(1)), end: iso(T(2)) },
        { start: iso(T(12)), end: iso(T(13)) },
      ],
    });
  });

  it('leaves a kept journey that has not ended without an end', () => {
    const running = journey({ startedAt: iso(T(10)) });
    expect(mergeJourneys(running, absorb, tps, ias, NOW, 'Leo').put.journeys[0]).toMatchObject({
      startedAt: iso(T(0)),
      endedAt: null,
    });
  });

  it('writes nothing when merging a journey with itself', () => {
    expect(mergeJourneys(keep, keep, tps, ias, NOW, 'Leo')).toEqual(noEdit());
  });
});

describe('split, then merge back (property)', () => {
  it('gives the same touchpoints, in the same order, in the same journey', () => {
    fc.assert(
      fc.property(journeyRecordsArb, fc.nat(), (generated, pick) => {
        const records: Records = { ...emptyRecords(), ...generated, journeys: [generated.journey] };
        const before = inJourney(records, J1);
        const at = before.touchpoints[pick % Math.max(1, before.touchpoints.length)];
        fc.pre(at !== undefined);
        const halves = applyEdit(records, split(records, at!));
        const parts = [journeyOf(halves, J1), halves.journeys.find((j) => j.id === J3)];
        if (parts[1] === undefined) return; // nothing before it: no split
        const merged = applyEdit(
          halves,
          mergeJourneys(parts[0]!, parts[1], halves.touchpoints, halves.interactions, NOW + 1, 'Leo'),
        );
        expect(inJourney(merged, J1)).toEqual(before);
        expect(merged.journeys.map((j) => j.id)).toEqual([J1]);
        expect(merged.tombstones.map((t) => t.id)).toEqual([J3]);
      }),
    );
  });
});
