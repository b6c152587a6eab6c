import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareTouchpoints,
  hasRoomBetween,
  orderTouchpoints,
  POSITION_STEP,
  positionBetween,
  renumber,
  timeline,
} from '@/lib/journey/order';
import { ids, interaction, iso, T, touchpoint, uuid } from './records';

const position = (p: number) => ({ id: `id-${p}`, position: p, capturedAt: iso(T(0)) });

describe('compareTouchpoints', () => {
  it('orders by position first, whatever the capture time', () => {
    const early = touchpoint(1, { position: T(9) });
    const late = touchpoint(2, { position: T(5) });
    expect(ids(orderTouchpoints([early, late]))).toEqual([late.id, early.id]);
  });

  it('breaks a position tie by capture time, then by id', () => {
    const a = touchpoint(3, { position: 0, capturedAt: iso(T(1)) });
    const b = touchpoint(2, { position: 0, capturedAt: iso(T(1)) });
    const c = touchpoint(1, { position: 0, capturedAt: iso(T(2)) });
    expect(ids(orderTouchpoints([c, a, b]))).toEqual([b.id, a.id, c.id]);
  });

  it('treats two spellings of the same instant as equal times', () => {
    const a = touchpoint(2, { position: 0, capturedAt: '2026-11-25T10:00:00Z' });
    const b = touchpoint(1, { position: 0, capturedAt: '2026-11-25T10:00:00.000Z' });
    expect(compareTouchpoints(a, b)).toBeGreaterThan(0); // by id
  });

  it('returns a new array and leaves the input alone', () => {
    const list = [touchpoint(2), touchpoint(1)];
    const ordered = orderTouchpoints(list);
    expect(ordered).not.toBe(list);
    expect(ids(list)).toEqual([uuid(2, 2), uuid(2, 1)]);
  });

  it('gives the same order for any permutation', () => {
    const pool = [0, 1, 2, 3, 4, 5].map((n) => touchpoint(n, { position: n % 3, capturedAt: iso(T(n % 2)) }));
    fc.assert(
      fc.property(fc.shuffledSubarray(pool, { minLength: pool.length }), (shuffled) => {
        expect(ids(orderTouchpoints(shuffled))).toEqual(ids(orderTouchpoints(pool)));
      }),
    );
  });
});

describe('positionBetween', () => {
  it.each([
    ['both neighbours', 100, 200, 150],
    ['only the one before', 100, undefined, 100 + POSITION_STEP],
    ['only the one after', undefined, 100, 100 - POSITION_STEP],
    ['neither (an empty journey)', undefined, undefined, 0],
    ['negative neighbours', -300, -100, -200],
  ])('with %s', (_, before, after, expected) => {
    expect(positionBetween(before, after)).toBe(expected);
  });

  it('stays finite at the ends of the number line', () => {
    expect(positionBetween(-Number.MAX_VALUE, Number.MAX_VALUE)).toBe(0);
    expect(Number.isFinite(positionBetween(Number.MAX_VALUE, undefined))).toBe(true);
    expect(Number.isFinite(positionBetween(undefined, -Number.MAX_VALUE))).toBe(true);
  });

  it('steps to the next number when adding a step changes nothing', () => {
    const huge = 2 ** 70;
    expect(positionBetween(huge, undefined)).toBeGreaterThan(huge);
    expect(positionBetween(undefined, -huge)).toBeLessThan(-huge);
  });

  it('is strictly between any two finite numbers with room between them', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (x, y) => {
          const [before, after] = x < y ? [x, y] : [y, x];
          const p = positionBetween(before, after);
          expect(Number.isFinite(p)).toBe(true);
          if (hasRoomBetween(before, after)) {
            expect(p).toBeGreaterThan(before);
            expect(p).toBeLessThan(after);
          } else expect(p).toBe(before);
        },
      ),
    );
  });

  it('finds room by bisecting until the neighbours are adjacent numbers', () => {
    let after = T(1);
    let steps = 0;
    while (hasRoomBetween(T(0), after)) {
      after = positionBetween(T(0), after);
      steps++;
    }
    // A minute apart at today's timestamps (about 2^40 ms, spaced 2^-12 apart): some 28 drops at the same spot.
    expect(steps).toBeGreaterThan(20);
    expect(positionBetween(T(0), after)).toBe(T(0)); // no room: a tie, documented
  });

  it.each([
    ['tied neighbours', 5, 5],
    ['adjacent numbers', 1, 1 + Number.EPSILON],
    ['neighbours the wrong way round', 7, 3],
  ])('reports no room between %s', (_, before, after) => {
    expect(hasRoomBetween(before, after)).toBe(false);
  });

  it('reports no room past the largest number', () => {
    expect(hasRoomBetween(Number.MAX_VALUE, undefined)).toBe(false);
    expect(hasRoomBetween(undefined, -Number.MAX_VALUE)).toBe(false);
    expect(hasRoomBetween(undefined, undefined)).toBe(true);
  });
});

describe('renumber', () => {
  it('changes nothing when positions already increase', () => {
    expect(renumber([position(1), position(2), position(30)])).toEqual([]);
  });

  it('spreads a tie up to the next position that can stay', () => {
    expect(renumber([position(0), { ...position(0), id: 'b' }, { ...position(0), id: 'c' }, position(9)])).toEqual([
      { id: 'b', position: 3 },
      { id: 'c', position: 6 },
    ]);
  });

  it('steps past the last one when a tie ends the list', () => {
    expect(renumber([position(5), { ...position(5), id: 'b' }])).toEqual([{ id: 'b', position: 5 + POSITION_STEP }]);
  });

  it('makes a touchpoint dropped out of order fit', () => {
    expect(renumber([position(10), position(4), position(20)])).toEqual([{ id: 'id-4', position: 15 }]);
  });

  it('falls back to 0, 1000, 2000... at the end of the number line', () => {
    const list = [position(Number.MAX_VALUE), { ...position(Number.MAX_VALUE), id: 'b' }];
    expect(renumber(list)).toEqual([
      { id: 'id-1.7976931348623157e+308', position: 0 },
      { id: 'b', position: POSITION_STEP },
    ]);
  });

  it('always yields strictly increasing finite positions in the given order', () => {
    const positions = fc.oneof(
      fc.constantFrom(0, 1, 1 + Number.EPSILON, T(0), T(0) + 1, Number.MAX_VALUE, -Number.MAX_VALUE),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    );
    fc.assert(
      fc.property(fc.array(positions, { maxLength: 12 }), (values) => {
        const list = values.map((p, i) => ({ id: `t${i}`, position: p }));
        const changed = new Map(renumber(list).map((c) => [c.id, c.position]));
        const result = list.map((tp) => changed.get(tp.id) ?? tp.position);
        for (const [i, p] of result.entries()) {
          expect(Number.isFinite(p)).toBe(true);
          if (i > 0) expect(p).toBeGreaterThan(result[i - 1]!);
        }
      }),
    );
  });
});

describe('timeline', () => {
  it('is empty for an empty journey', () => {
    expect(timeline([], [])).toEqual([]);
  });

  it('merges touchpoints and interactions by time', () => {
    const entries = timeline([touchpoint(2), touchpoint(4)], [interaction(5), interaction(1), interaction(3)]);
    expect(entries.map((e) => `${e.kind[0]}${ids([e.record])[0]!.slice(-1)}`)).toEqual(['i1', 't2', 'i3', 't4', 'i5']);
    expect(entries.map((e) => e.at)).toEqual([1, 2, 3, 4, 5].map(T));
  });

  it('puts a touchpoint before an interaction at the same time (a promoted touchpoint heads its moment)', () => {
    const entries = timeline([touchpoint(1)], [interaction(1)]);
    expect(entries.map((e) => e.kind)).toEqual(['touchpoint', 'interaction']);
  });

  it('orders interactions at the same time by id', () => {
    const entries = timeline([], [interaction(2, { at: iso(T(1)) }), interaction(1)]);
    expect(ids(entries.map((e) => e.record))).toEqual([uuid(3, 1), uuid(3, 2)]);
  });

  it('places a moved touchpoint by its position, and reports when it was captured', () => {
    // Touchpoint 9, captured at 10:09, moved between touchpoints 2 and 4.
    const moved = touchpoint(9, { position: positionBetween(T(2), T(4)) });
    const ias = [interaction(1), interaction(3, { at: iso(T(3.5)) }), interaction(5)];
    const entries = timeline([touchpoint(2), moved, touchpoint(4)], ias);
    expect(entries.map((e) => e.record.id)).toEqual([uuid(3, 1), uuid(2, 2), uuid(2, 9), uuid(3, 3), uuid(2, 4), uuid(3, 5)]);
    expect(entries[2]!.at).toBe(T(9));
  });

  it('keeps every record exactly once, touchpoints in display order', () => {
    const tps = [touchpoint(3, { position: 0 }), touchpoint(1), touchpoint(2, { position: T(1) })];
    const ias = [interaction(1), interaction(2), interaction(2, { id: uuid(3, 9) })];
    const entries = timeline(tps, ias);
    expect(entries).toHaveLength(6);
    expect(ids(entries.filter((e) => e.kind === 'touchpoint').map((e) => e.record))).toEqual(ids(orderTouchpoints(tps)));
  });
});
