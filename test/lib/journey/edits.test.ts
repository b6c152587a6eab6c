import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bump,
  endJourney,
  isNoEdit,
  moveTouchpoints,
  noEdit,
  pauseJourney,
  renameJourney,
  reorderTouchpoint,
  resumeJourney,
  updateJourneyDetails,
} from '@/lib/journey/edits';
import { orderTouchpoints } from '@/lib/journey/order';
import type { Touchpoint } from '@/lib/model/touchpoint';
import { ids, iso, J2, journey, T, touchpoint, uuid } from './records';
import { applyEdit, emptyRecords } from './store';

const NOW = T(60);
const order = (tps: readonly Touchpoint[]) => ids(orderTouchpoints(tps));

/** The journey's touchpoints after a reorder, applied as the store would. */
function reorder(tps: Touchpoint[], id: string, beforeId: string | null, afterId: string | null) {
  const edit = reorderTouchpoint(tps, id, beforeId, afterId, NOW, 'Leo');
  return { edit, after: applyEdit({ ...emptyRecords(), touchpoints: tps }, edit).touchpoints };
}

describe('bump', () => {
  it.each([
    ['now, when the record is older', iso(T(0)), T(5), iso(T(5))],
    ['1 ms after the record, when this clock is behind', iso(T(5)), T(0), iso(T(5) + 1)],
    ['1 ms after the record, at the same instant', iso(T(5)), T(5), iso(T(5) + 1)],
    ['past a time with a fraction finer than ms', '2026-11-25T10:00:00.0004Z', T(0), iso(T(0) + 1)],
    ['from a time written without a fraction', '2026-11-25T10:00:00Z', T(0), iso(T(0) + 1)],
  ])('is %s', (_, prev, now, expected) => {
    expect(bump(prev, now)).toBe(expected);
  });
});

describe('updateJourneyDetails', () => {
  it('sets the given fields, stamped by the editor', () => {
    const edit = updateJourneyDetails(journey(), { persona: 'Busy parent', stages: ['consider', 'buy'] }, NOW, 'Leo');
    expect(edit.put.journeys).toEqual([
      { ...journey(), persona: 'Busy parent', stages: ['consider', 'buy'], updatedAt: iso(NOW), author: 'Leo' },
    ]);
  });

  it('writes nothing when no field changes, or only undefined ones are given', () => {
    expect(updateJourneyDetails(journey(), { title: journey().title, stages: [...journey().stages] }, NOW, 'Leo')).toEqual(
      noEdit(),
    );
    expect(isNoEdit(updateJourneyDetails(journey(), { notes: undefined }, NOW, 'Leo'))).toBe(true);
  });

  it('ignores keys that are not details', () => {
    const details = { status: 'ended', id: J2, notes: 'hi' } as never;
    const [updated] = updateJourneyDetails(journey(), details, NOW, 'Leo').put.journeys;
    expect(updated).toMatchObject({ id: journey().id, status: 'running', notes: 'hi' });
  });

  it('renames', () => {
    expect(renameJourney(journey(), 'Buy a Fern', NOW, 'Leo').put.journeys[0]?.title).toBe('Buy a Fern');
  });
});

describe('pause, resume, end', () => {
  it('pauses a running journey with an open pause', () => {
    const [paused] = pauseJourney(journey(), NOW, 'Leo').put.journeys;
    expect(paused).toMatchObject({ status: 'paused', pauses: [{ start: iso(NOW), end: null }], author: 'Leo' });
  });

  it('resumes, closing the open pause', () => {
    const paused = journey({ status: 'paused', pauses: [{ start: iso(T(10)), end: null }] });
    const [resumed] = resumeJourney(paused, T(20), 'Leo').put.journeys;
    expect(resumed).toMatchObject({ status: 'running', pauses: [{ start: iso(T(10)), end: iso(T(20)) }] });
  });

  it('never closes a pause before it started, even with a clock that is behind', () => {
    const paused = journey({ status: 'paused', pauses: [{ start: iso(T(10)), end: null }] });
    expect(resumeJourney(paused, T(5), 'Leo').put.journeys[0]?.pauses).toEqual([{ start: iso(T(10)), end: iso(T(10)) }]);
  });

  it('ends a paused journey, closing its pause', () => {
    const paused = journey({ status: 'paused', pauses: [{ start: iso(T(10)), end: null }] });
    const [done] = endJourney(paused, T(30), 'Leo').put.journeys;
    expect(done).toMatchObject({ status: 'ended', endedAt: iso(T(30)), pauses: [{ start: iso(T(10)), end: iso(T(30)) }] });
  });

  it('never ends a journey before it started', () => {
    expect(endJourney(journey(), T(-5), 'Leo').put.journeys[0]?.endedAt).toBe(iso(T(0)));
  });

  it.each([
    ['pause a paused journey', () => pauseJourney(journey({ status: 'paused' }), NOW, 'Leo')],
    ['pause an ended journey', () => pauseJourney(journey({ status: 'ended', endedAt: iso(T(1)) }), NOW, 'Leo')],
    ['resume a running journey', () => resumeJourney(journey(), NOW, 'Leo')],
    ['end an ended journey', () => endJourney(journey({ status: 'ended', endedAt: iso(T(1)) }), NOW, 'Leo')],
  ])('writes nothing to %s (so a repeated request is harmless)', (_, edit) => {
    expect(edit()).toEqual(noEdit());
  });
});

describe('moveTouchpoints', () => {
  it('moves the chosen touchpoints, keeping their positions', () => {
    const tps = [touchpoint(1), touchpoint(2), touchpoint(3, { journeyId: J2 })];
    const edit = moveTouchpoints(tps, [uuid(2, 1), uuid(2, 3)], J2, NOW, 'Leo');
    expect(edit.put.touchpoints).toEqual([{ ...tps[0], journeyId: J2, updatedAt: iso(NOW), author: 'Leo' }]);
  });

  it('writes nothing for no ids', () => {
    expect(moveTouchpoints([touchpoint(1)], [], J2, NOW, 'Leo')).toEqual(noEdit());
  });
});

describe('reorderTouchpoint', () => {
  const tps = [1, 2, 3, 4].map((n) => touchpoint(n));

  it.each([
    ['after a touchpoint', uuid(2, 4), uuid(2, 1), uuid(2, 2), [1, 4, 2, 3]],
    ['to the front (before the first)', uuid(2, 3), null, uuid(2, 1), [3, 1, 2, 4]],
    ['to the end (after the last)', uuid(2, 1), uuid(2, 4), null, [2, 3, 4, 1]],
    ['after a touchpoint, whatever afterId says', uuid(2, 4), uuid(2, 1), uuid(2, 3), [1, 4, 2, 3]],
  ])('moves a touchpoint %s, writing only it', (_, id, beforeId, afterId, expected) => {
    const { edit, after } = reorder(tps, id, beforeId, afterId);
    expect(order(after)).toEqual(expected.map((n) => uuid(2, n)));
    expect(ids(edit.put.touchpoints)).toEqual([id]);
    expect(edit.put.touchpoints[0]).toMatchObject({ updatedAt: iso(NOW), author: 'Leo' });
  });

  it.each([
    ['an unknown touchpoint', uuid(2, 9), uuid(2, 1), null],
    ['an unknown neighbour', uuid(2, 1), uuid(2, 9), null],
    ['no neighbour at all', uuid(2, 1), null, null],
    ['itself as a neighbour', uuid(2, 1), uuid(2, 1), null],
    ['where it already is', uuid(2, 2), uuid(2, 1), uuid(2, 3)],
  ])('writes nothing for %s', (_, id, beforeId, afterId) => {
    expect(reorder(tps, id, beforeId, afterId).edit).toEqual(noEdit());
  });

  it('renumbers when the neighbours tie, writing only what changes', () => {
    const tied = [touchpoint(1), touchpoint(2, { position: T(1) }), touchpoint(3)];
    const { edit, after } = reorder(tied, uuid(2, 3), uuid(2, 1), uuid(2, 2));
    expect(order(after)).toEqual([uuid(2, 1), uuid(2, 3), uuid(2, 2)]);
    expect(ids(edit.put.touchpoints).toSorted()).toEqual([uuid(2, 2), uuid(2, 3)]);
  });

  it('renumbers when dropping at the same spot has used up the room', () => {
    // Move the last touchpoint right after the first, over and over: each drop halves the room.
    let list = [touchpoint(1), touchpoint(2), touchpoint(3)];
    const writes: number[] = [];
    for (let i = 0; i < 60; i++) {
      const [first, , last] = order(list);
      const { edit, after } = reorder(list, last!, first!, null);
      writes.push(edit.put.touchpoints.length);
      expect(order(after)).toEqual([first, last, order(list)[1]]);
      list = after;
    }
    expect(writes.some((n) => n > 1)).toBe(true);
    expect(new Set(list.map((tp) => tp.position)).size).toBe(3);
  });

  it('ignores touchpoints of other journeys', () => {
    const mixed = [...tps, touchpoint(9, { journeyId: J2, position: T(1) + 1 })];
    const { edit } = reorder(mixed, uuid(2, 4), uuid(2, 1), uuid(2, 2));
    expect(edit.put.touchpoints.map((tp) => tp.position)).toEqual([T(1.5)]);
  });

  it('puts any touchpoint anywhere, writing only touchpoints whose position changes (property)', () => {
    const listArb = fc
      .array(fc.constantFrom(0, 1, 1, 2, 5), { minLength: 2, maxLength: 7 })
      .map((minutes) => minutes.map((m, i) => touchpoint(i + 1, { position: T(m) })));
    fc.assert(
      fc.property(listArb, fc.nat(), fc.nat(), (list, pick, slot) => {
        const shown = order(list);
        const id = shown[pick % shown.length]!;
        const rest = shown.filter((x) => x !== id);
        const at = slot % (rest.length + 1);
        const { edit, after } = reorder(list, id, rest[at - 1] ?? null, at === 0 ? rest[0]! : (rest[at] ?? null));
        expect(order(after)).toEqual([...rest.slice(0, at), id, ...rest.slice(at)]);
        const before = new Map(list.map((tp) => [tp.id, tp.position]));
        for (const tp of edit.put.touchpoints) expect(tp.position).not.toBe(before.get(tp.id));
        // Not always the moved one: when its neighbours tie, they may be spread around it instead.
        expect(edit.put.touchpoints.length > 0).toBe(order(after).join() !== shown.join());
      }),
    );
  });
});
