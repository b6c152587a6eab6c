import * as z from 'zod/mini';
import { sortByTime } from './sort-by-time';

/**
 * Automatic sessions: touchpoints and interactions captured with no journey
 * running are grouped into sessions, which become `origin: 'auto'` journeys.
 *
 * The rules, applied to events in (at, id) order. A session is *open* for an
 * event when the session's last event is at most `gapMs` before it. The
 * event joins
 *   1. the open session its tab belongs to, else the open session holding
 *      its nearest ancestor tab (opener, opener's opener, ... as learnt from
 *      earlier events: a tab opened from a session's tab belongs to it); else
 *   2. the most recently active open session; else
 *   3. a new session, whose id is the event's id.
 *
 * What that guarantees (and the tests check):
 * - every event is in exactly one session, and the sessions of a set of
 *   events do not depend on the order they are given in (batch form);
 * - consecutive events of a session, in (at, id) order, are never more than
 *   `gapMs` apart. Tab lineage never stretches that: it only chooses among
 *   sessions that are open anyway;
 * - rule 2 means a new session starts only when no session is open, so at
 *   most one session is open at a time and the sessions are exactly the runs
 *   of events split at gaps longer than `gapMs`. Rule 1 decides only when
 *   several sessions are open, which these rules never produce from nothing;
 *   it is kept so a state holding several (from an older version, or if rule
 *   2 is narrowed to keep unrelated tabs apart) still follows tab lineage.
 */

/** What the assembler needs to know of a touchpoint or interaction. */
export interface SessionEvent {
  id: string;
  /** When it happened, in ms since the epoch. */
  at: number;
  tabId: number;
  /** The tab this tab was opened from, when the browser says so. */
  openerTabId: number | null;
}

/** Thirty minutes, the usual web-analytics session timeout. */
export const DEFAULT_GAP_MS = 30 * 60 * 1000;

/** How many tab → opener links the state remembers; older ones are forgotten first. */
export const MAX_OPENER_LINKS = 500;

/** How far up a chain of openers rule 1 looks (also what stops a cycle of reused tab ids). */
const MAX_LINEAGE = 32;

const OpenSession = z.strictObject({
  id: z.string(),
  /** The time of its latest event, in ms. */
  lastAt: z.number(),
  /** Its tabs, in the order they joined. */
  tabIds: z.array(z.int()),
});

/**
 * What `assignSession` carries from one event to the next: plain JSON, small
 * (sessions closed by the gap are dropped, opener links are capped), and
 * versioned like everything persisted. Parse it when reading it back.
 */
export const SessionState = z.strictObject({
  version: z.literal(1),
  /** Open sessions, oldest first. */
  open: z.array(OpenSession),
  /** Tab → opener links learnt from events, oldest first. */
  openers: z.array(z.tuple([z.int(), z.int()])),
});
export type SessionState = z.infer<typeof SessionState>;

/** The state before the first event. */
export const EMPTY_SESSION_STATE: SessionState = { version: 1, open: [], openers: [] };

/** A session assembled from a batch of events. */
export interface Session {
  /** The id of its first event. */
  id: string;
  /** Its events' ids, in (at, id) order. */
  eventIds: string[];
  startAt: number;
  endAt: number;
  /** Its tabs, in the order they joined. */
  tabIds: number[];
}

/** A session while events are placed: the incremental and batch forms share it. */
interface Live {
  id: string;
  startAt: number;
  lastAt: number;
  tabs: Set<number>;
  eventIds: string[];
}

interface Work {
  open: Live[];
  openers: Map<number, number>;
  /** Where sessions closed by the gap go (the batch keeps them; the incremental form drops them). */
  closed: Live[];
}

/** Moves the sessions closed for an event at `at` from `open` to `closed`. */
function closeStale(work: Work, at: number, gapMs: number): void {
  let kept = 0;
  for (const session of work.open) {
    if (at - session.lastAt > gapMs) work.closed.push(session);
    else work.open[kept++] = session;
  }
  work.open.length = kept;
}

/** Rule 1: the open session holding the event's tab, or its nearest ancestor tab. */
function sessionByLineage(work: Work, event: SessionEvent): Live | undefined {
  let tab: number | undefined = event.tabId;
  let parent: number | undefined = event.openerTabId ?? work.openers.get(tab);
  for (let depth = 0; tab !== undefined && depth <= MAX_LINEAGE; depth++) {
    for (const session of work.open) if (session.tabs.has(tab)) return session;
    tab = parent;
    parent = tab === undefined ? undefined : work.openers.get(tab);
  }
  return undefined;
}

/** Rule 2: the open session with the latest event (the older one on a tie). */
function mostRecent(open: readonly Live[]): Live | undefined {
  let best: Live | undefined;
  for (const session of open) if (best === undefined || session.lastAt > best.lastAt) best = session;
  return best;
}

function rememberOpener(openers: Map<number, number>, event: SessionEvent): void {
  const opener = event.openerTabId;
  if (opener === null || openers.get(event.tabId) === opener) return;
  openers.delete(event.tabId);
  openers.set(event.tabId, opener);
  if (openers.size > MAX_OPENER_LINKS) openers.delete(openers.keys().next().value!);
}

/** Places one event by the rules above and returns its session. */
function place(work: Work, event: SessionEvent, gapMs: number): Live {
  closeStale(work, event.at, gapMs);
  rememberOpener(work.openers, event);
  // With one session open every rule picks it, with none none does: skip the lineage walk.
  let session = work.open.length <= 1 ? work.open[0] : (sessionByLineage(work, event) ?? mostRecent(work.open));
  if (session === undefined) {
    session = { id: event.id, startAt: event.at, lastAt: event.at, tabs: new Set(), eventIds: [] };
    work.open.push(session);
  }
  if (event.at > session.lastAt) session.lastAt = event.at;
  session.tabs.add(event.tabId);
  session.eventIds.push(event.id);
  return session;
}

/**
 * The session of one new event, for the background worker: read the state
 * from storage, call this, write `state` back, and create the session's
 * journey when `isNew` (or whenever it is missing: running it twice for the
 * same event gives the same `sessionId`).
 *
 * Events should come in time order. One that arrives late (earlier than
 * events already placed) joins a session still open for the newest event, if
 * any; so the result equals the batch form's when events arrive in (at, id)
 * order, and may differ when they do not.
 */
export function assignSession(
  state: SessionState,
  event: SessionEvent,
  gapMs: number = DEFAULT_GAP_MS,
): { sessionId: string; isNew: boolean; state: SessionState } {
  const work: Work = {
    open: state.open.map((s) => ({ id: s.id, startAt: s.lastAt, lastAt: s.lastAt, tabs: new Set(s.tabIds), eventIds: [] })),
    openers: new Map(state.openers),
    closed: [],
  };
  const session = place(work, event, gapMs);
  return {
    sessionId: session.id,
    isNew: !state.open.some((s) => s.id === session.id),
    state: {
      version: 1,
      open: work.open.map((s) => ({ id: s.id, lastAt: s.lastAt, tabIds: [...s.tabs] })),
      openers: [...work.openers],
    },
  };
}

/**
 * All sessions of a batch of events (ids unique, `at` finite), by the same
 * rules as `assignSession`; events are sorted first, so any order of the same
 * events gives the same sessions. Sessions come by start time, then id.
 */
export function assembleSessions(events: readonly SessionEvent[], options: { gapMs?: number } = {}): Session[] {
  const gapMs = options.gapMs ?? DEFAULT_GAP_MS;
  const sorted = sortByTime(events);
  const work: Work = { open: [], openers: new Map(), closed: [] };
  for (let i = 0; i < sorted.length; i++) place(work, sorted[i]!, gapMs);
  const all = work.closed.concat(work.open);
  all.sort((a, b) => a.startAt - b.startAt || (a.id < b.id ? -1 : 1));
  return all.map((s) => ({ id: s.id, eventIds: s.eventIds, startAt: s.startAt, endAt: s.lastAt, tabIds: [...s.tabs] }));
}
