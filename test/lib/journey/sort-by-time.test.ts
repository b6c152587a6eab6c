import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortByTime, type Timed } from '@/lib/journey/sort-by-time';

const event = (id: string, at: number): Timed => ({ id, at });
const byTimeThenId = (a: Timed, b: Timed) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe('sortByTime', () => {
  it('orders like a comparator sort by (at, id), for any finite times', () => {
    const time = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1, -1, 1e12, 1e12 + 1));
    fc.assert(
      fc.property(fc.array(fc.tuple(time, fc.integer({ min: 1, max: 5 })), { maxLength: 60 }), (pairs) => {
        const events = pairs.map(([at, tab], i) => ({ ...event(`id${(i * 7919) % 101}-${i}`, at), tab }));
        expect(sortByTime(events)).toEqual(events.toSorted(byTimeThenId));
      }),
    );
  });

  it('handles no events and one event', () => {
    expect(sortByTime([])).toEqual([]);
    expect(sortByTime([event('a', 1)])).toEqual([event('a', 1)]);
  });

  it('orders a run of equal times by id, and -0 with 0', () => {
    const events = [event('c', 0), event('a', -0), event('b', 0), event('z', -1)];
    expect(sortByTime(events).map((e) => e.id)).toEqual(['z', 'a', 'b', 'c']);
  });

  it('keeps what else the events carry', () => {
    const events = [
      { ...event('b', 2), tabId: 7 },
      { ...event('a', 1), tabId: 3 },
    ];
    expect(sortByTime(events)).toEqual([events[1], events[0]]);
  });

  it('leaves the input alone', () => {
    const events = [event('b', 2), event('a', 1)];
    sortByTime(events);
    expect(events.map((e) => e.id)).toEqual(['b', 'a']);
  });
});
