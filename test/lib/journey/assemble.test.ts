import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assembleSessions,
  assignSession,
  DEFAULT_GAP_MS,
  EMPTY_SESSION_STATE,
  MAX_OPENER_LINKS,
  type SessionEvent,
  SessionState,
} from '@/lib/journey/assemble';
import { GAP, sessionEventsArb } from './arbitraries';

const event = (id: string, at: number, tabId = 1, openerTabId: number | null = null): SessionEvent => ({
  id,
  at,
  tabId,
  openerTabId,
});
const byTimeThenId = (a: SessionEvent, b: SessionEvent) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Feeds events to `assignSession` one by one, the state through JSON and its schema, as the worker stores it. */
function fold(events: readonly SessionEvent[], gapMs = GAP, start: SessionState = EMPTY_SESSION_STATE) {
  let state = start;
  const sessionOf = new Map<string, string>();
  const news: boolean[] = [];
  for (const e of events) {
    const result = assignSession(state, e, gapMs);
    sessionOf.set(e.id, result.sessionId);
    news.push(result.isNew);
    state = SessionState.parse(JSON.parse(JSON.stringify(result.state)));
  }
  return { sessionOf, news, state };
}

/** Two sessions open at once: only a state from elsewhere holds that, and where rule 1 (tab lineage) decides. */
const twoOpen: SessionState = {
  version: 1,
  open: [
    { id: 'A', lastAt: 1_000, tabIds: [1] },
    { id: 'B', lastAt: 2_000, tabIds: [2] },
  ],
  openers: [[6, 1]],
};

describe('assembleSessions', () => {
  it('has no sessions for no events', () => {
    expect(assembleSessions([])).toEqual([]);
  });

  it('makes one session of one event, named after it', () => {
    expect(assembleSessions([event('e1', 5, 3)])).toEqual([{ id: 'e1', eventIds: ['e1'], startAt: 5, endAt: 5, tabIds: [3] }]);
  });

  it('splits at a gap longer than 30 minutes by default', () => {
    const sessions = assembleSessions([event('a', 0), event('b', DEFAULT_GAP_MS), event('c', 2 * DEFAULT_GAP_MS + 1)]);
    expect(sessions.map((s) => s.eventIds)).toEqual([['a', 'b'], ['c']]);
  });

  it.each([
    ['exactly the gap', 1, GAP],
    ['one ms more than the gap', 2, GAP + 1],
  ])('with events %s apart makes %i session(s)', (_, count, delta) => {
    expect(assembleSessions([event('a', 0), event('b', delta)], { gapMs: GAP })).toHaveLength(count);
  });

  it('orders events by time, then id, and names the session after the first', () => {
    const [session] = assembleSessions([event('z', 10), event('b', 0), event('a', 0)]);
    expect(session).toMatchObject({ id: 'a', eventIds: ['a', 'b', 'z'], startAt: 0, endAt: 10 });
  });

  it('collects the tabs of a session in the order they joined', () => {
    const [session] = assembleSessions([event('a', 0, 4), event('b', 1, 2, 4), event('c', 2, 4), event('d', 3, 7)]);
    expect(session!.tabIds).toEqual([4, 2, 7]);
  });

  it('starts a new session after a gap even for a tab opened from the old one (lineage never bridges a gap)', () => {
    const sessions = assembleSessions([event('a', 0, 1), event('b', GAP + 1, 2, 1)], { gapMs: GAP });
    expect(sessions.map((s) => s.id)).toEqual(['a', 'b']);
  });

  it('handles a long run of sessions in time order', () => {
    const events = Array.from({ length: 1_000 }, (_, i) =>
      event(`e${String(i).padStart(4, '0')}`, i * 60 + Math.floor(i / 10) * 1e6),
    );
    const sessions = assembleSessions(events.toReversed(), { gapMs: 1_000 });
    expect(sessions).toHaveLength(100);
    expect(sessions.flatMap((s) => s.eventIds)).toEqual(events.map((e) => e.id));
  });
});

describe('assembleSessions (properties)', () => {
  it('gives the same sessions for any order of the same events', () => {
    fc.assert(
      fc.property(
        sessionEventsArb.chain((events) =>
          fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length })),
        ),
        ([events, shuffled]) => {
          expect(assembleSessions(shuffled, { gapMs: GAP })).toEqual(assembleSessions(events, { gapMs: GAP }));
        },
      ),
    );
  });

  it('puts every event in exactly one session', () => {
    fc.assert(
      fc.property(sessionEventsArb, (events) => {
        const placed = assembleSessions(events, { gapMs: GAP }).flatMap((s) => s.eventIds);
        expect(placed.toSorted()).toEqual(events.map((e) => e.id).toSorted());
      }),
    );
  });

  it('never has more than the gap between consecutive events of a session', () => {
    fc.assert(
      fc.property(sessionEventsArb, (events) => {
        const at = new Map(events.map((e) => [e.id, e.at]));
        for (const session of assembleSessions(events, { gapMs: GAP })) {
          const times = session.eventIds.map((id) => at.get(id)!);
          for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeLessThanOrEqual(GAP);
        }
      }),
    );
  });

  it('starts a session only when no other is open: sessions are the runs of events split at gaps over gapMs', () => {
    fc.assert(
      fc.property(sessionEventsArb, (events) => {
        const sorted = events.toSorted(byTimeThenId);
        const runs: string[][] = [];
        sorted.forEach((e, i) => {
          if (i === 0 || e.at - sorted[i - 1]!.at > GAP) runs.push([]);
          runs.at(-1)!.push(e.id);
        });
        expect(assembleSessions(events, { gapMs: GAP }).map((s) => s.eventIds)).toEqual(runs);
      }),
    );
  });

  it('describes each session by its events: id of the first, first and last time, their tabs', () => {
    fc.assert(
      fc.property(sessionEventsArb, (events) => {
        const byId = new Map(events.map((e) => [e.id, e]));
        for (const s of assembleSessions(events, { gapMs: GAP })) {
          const own = s.eventIds.map((id) => byId.get(id)!);
          expect(own).toEqual(own.toSorted(byTimeThenId));
          expect(s).toMatchObject({ id: own[0]!.id, startAt: own[0]!.at, endAt: own.at(-1)!.at });
          expect(s.tabIds).toEqual([...new Set(own.map((e) => e.tabId))]);
        }
      }),
    );
  });

  it('agrees with assignSession fed the events in time order', () => {
    fc.assert(
      fc.property(sessionEventsArb, (events) => {
        const { sessionOf, news } = fold(events.toSorted(byTimeThenId));
        const sessions = assembleSessions(events, { gapMs: GAP });
        for (const s of sessions) for (const id of s.eventIds) expect(sessionOf.get(id)).toBe(s.id);
        expect(news.filter(Boolean)).toHaveLength(sessions.length);
      }),
    );
  });
});

describe('assignSession', () => {
  it('starts a session named after the first event', () => {
    const result = assignSession(EMPTY_SESSION_STATE, event('e1', 100, 3, 2));
    expect(result).toEqual({
      sessionId: 'e1',
      isNew: true,
      state: { version: 1, open: [{ id: 'e1', lastAt: 100, tabIds: [3] }], openers: [[3, 2]] },
    });
  });

  it('gives the same session when run twice for the same event', () => {
    const first = assignSession(EMPTY_SESSION_STATE, event('e1', 100));
    const again = assignSession(first.state, event('e1', 100));
    expect(again).toMatchObject({ sessionId: 'e1', isNew: false });
  });

  it('drops sessions closed by the gap, so the state stays small', () => {
    const { state } = fold([event('a', 0, 1, 9), event('b', 50, 2), event('c', 500, 3)]);
    expect(state.open).toEqual([{ id: 'c', lastAt: 500, tabIds: [3] }]);
  });

  it('lets a late event join the session still open', () => {
    const { sessionOf, state } = fold([event('a', 100), event('b', 150), event('late', 120, 2)]);
    expect(sessionOf.get('late')).toBe('a');
    expect(state.open[0]!.lastAt).toBe(150);
  });

  it('keeps only the latest opener links', () => {
    const events = Array.from({ length: MAX_OPENER_LINKS + 10 }, (_, i) => event(`e${i}`, i, 1_000 + i, i));
    const { state } = fold(events, GAP);
    expect(state.openers).toHaveLength(MAX_OPENER_LINKS);
    expect(state.openers[0]).toEqual([1_010, 10]);
  });

  it('leaves the state it is given alone', () => {
    const state = structuredClone(twoOpen);
    assignSession(state, event('x', 2_010, 1));
    expect(state).toEqual(twoOpen);
  });

  describe('with two sessions open', () => {
    it.each([
      ['its tab is in one (before its opener)', event('x', 2_010, 2, 1), 'B'],
      ['its opener is in one, though the other is more recent', event('x', 2_010, 3, 1), 'A'],
      ['an opener learnt earlier is in one', event('x', 2_010, 6), 'A'],
      ['its opener was opened from one (a chain)', event('x', 2_010, 7, 6), 'A'],
      ['nothing links it: the most recently active', event('x', 2_010, 8), 'B'],
      ['nothing links it but a cycle of openers', event('x', 2_010, 8, 9), 'B'],
    ])('joins by lineage when %s', (_, e, expected) => {
      const state: SessionState = { ...twoOpen, openers: [...twoOpen.openers, [9, 8]] };
      expect(assignSession(state, e, GAP * 100).sessionId).toBe(expected);
    });

    it('forgets the one the gap closed, whatever the lineage', () => {
      const result = assignSession(twoOpen, event('x', 1_000 + GAP + 1, 3, 1), GAP);
      expect(result.sessionId).toBe('B');
      expect(result.state.open.map((s) => s.id)).toEqual(['B']);
    });
  });
});
