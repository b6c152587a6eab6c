import { assignSession, DEFAULT_GAP_MS, EMPTY_SESSION_STATE, type SessionState } from './assemble';

/**
 * Which journey a capture belongs to, as the background worker decides it.
 * Pure: the worker reads `RoutingState` from storage, calls these, and writes
 * the state back in the same transaction as the records, so a worker killed
 * between two events loses nothing and a retried event lands in the same
 * journey.
 *
 * - While a journey started by the researcher is running or paused, every
 *   tag goes to it, and the tab it was made in joins it; tabs opened from its
 *   tabs join it too (tab lineage), and the passive recorder runs in them.
 * - With none, tags are grouped into automatic journeys by `assignSession`
 *   (inactivity gap and tab lineage); a session closed by the gap ends its
 *   journey at its last event.
 */
export interface RoutingState {
  version: 1;
  /** Tabs of the researcher's running or paused journey: tab id (as a string key) → journey id. */
  tabs: Record<string, string>;
  /** Open automatic sessions. */
  sessions: SessionState;
  /** Automatic session id → the journey made for it. */
  autoJourneys: Record<string, string>;
  /** The last page address seen in each journey tab, so its close can say which page was left. */
  tabUrls?: Record<string, string>;
}

export const EMPTY_ROUTING_STATE: RoutingState = { version: 1, tabs: {}, sessions: EMPTY_SESSION_STATE, autoJourneys: {} };

/** A tag or interaction, where and when it happened. */
export interface CaptureEvent {
  id: string;
  /** ms since the epoch. */
  at: number;
  /** `-1` when it did not come from a tab. */
  tabId: number;
  openerTabId: number | null;
}

/** Where a tag goes, and what else must change with it. */
export interface Route {
  journeyId: string;
  /** The journey does not exist yet: create an automatic journey with this id. */
  createAuto: boolean;
  /** Automatic journeys whose session the gap closed, with the time of their last event: end them then. */
  endAuto: { journeyId: string; at: number }[];
  state: RoutingState;
}

/**
 * Routes a tag. `active` is the researcher's journey that is running or
 * paused, if any; `newJourneyId` is used when an automatic journey must be
 * made (the caller makes it, so a retry with the same event and id is safe).
 */
export function routeTag(
  state: RoutingState,
  event: CaptureEvent,
  active: { id: string } | undefined,
  newJourneyId: string,
  gapMs: number = DEFAULT_GAP_MS,
): Route {
  if (active) {
    const tabs = event.tabId >= 0 ? { ...state.tabs, [String(event.tabId)]: active.id } : state.tabs;
    return { journeyId: active.id, createAuto: false, endAuto: [], state: { ...state, tabs } };
  }
  const placed = assignSession(state.sessions, event, gapMs);
  const stillOpen = new Set(placed.state.open.map((s) => s.id));
  const endAuto = state.sessions.open
    .filter((s) => !stillOpen.has(s.id) && state.autoJourneys[s.id])
    .map((s) => ({ journeyId: state.autoJourneys[s.id]!, at: s.lastAt }));
  const autoJourneys: Record<string, string> = {};
  for (const id of stillOpen) {
    const journeyId = state.autoJourneys[id];
    if (journeyId) autoJourneys[id] = journeyId;
  }
  const existing = autoJourneys[placed.sessionId];
  const journeyId = existing ?? newJourneyId;
  autoJourneys[placed.sessionId] = journeyId;
  return { journeyId, createAuto: !existing, endAuto, state: { ...state, sessions: placed.state, autoJourneys } };
}

/** The researcher started a journey in `tabId`: it owns that tab; automatic sessions are over. */
export function startedJourney(journeyId: string, tabId: number | undefined): RoutingState {
  return { ...EMPTY_ROUTING_STATE, tabs: tabId === undefined ? {} : { [String(tabId)]: journeyId } };
}

/** The researcher's journey ended (or was deleted): its tabs are free. */
export function endedJourney(state: RoutingState, journeyId: string): RoutingState {
  return { ...state, tabs: Object.fromEntries(Object.entries(state.tabs).filter(([, id]) => id !== journeyId)) };
}

/** The journey a tab belongs to, if the researcher's journey holds it. */
export function journeyOfTab(state: RoutingState, tabId: number): string | undefined {
  return state.tabs[String(tabId)];
}

/** A tab was opened: it joins its opener's journey (returns the new state and that journey, if any). */
export function openedTab(
  state: RoutingState,
  tabId: number,
  openerTabId: number | undefined,
): { state: RoutingState; journeyId: string | undefined } {
  const journeyId = openerTabId === undefined ? undefined : state.tabs[String(openerTabId)];
  if (!journeyId) return { state, journeyId: undefined };
  return { state: { ...state, tabs: { ...state.tabs, [String(tabId)]: journeyId } }, journeyId };
}

/**
 * A tab was closed: it leaves its journey. Returns the journey it was in and
 * the last page it showed, if any (a tab that never showed a page closes
 * silently).
 */
export function closedTab(
  state: RoutingState,
  tabId: number,
): { state: RoutingState; journeyId: string | undefined; lastUrl: string | undefined } {
  const key = String(tabId);
  const journeyId = state.tabs[key];
  if (!journeyId) return { state, journeyId: undefined, lastUrl: undefined };
  const { [key]: _closed, ...tabs } = state.tabs;
  const { [key]: lastUrl, ...tabUrls } = state.tabUrls ?? {};
  return { state: { ...state, tabs, tabUrls }, journeyId, lastUrl };
}

/** A journey tab shows a new address: remember it (for its close). Other tabs change nothing. */
export function visitedUrl(state: RoutingState, tabId: number, url: string): RoutingState {
  const key = String(tabId);
  if (!state.tabs[key] || state.tabUrls?.[key] === url) return state;
  return { ...state, tabUrls: { ...state.tabUrls, [key]: url } };
}

/** Accepts a state read from storage only if it has this version's shape; anything else starts afresh. */
export function routingStateOf(stored: unknown): RoutingState {
  const s = stored as Partial<RoutingState> | undefined;
  const ok =
    s?.version === 1 &&
    typeof s.tabs === 'object' &&
    s.tabs !== null &&
    s.sessions?.version === 1 &&
    Array.isArray(s.sessions.open) &&
    typeof s.autoJourneys === 'object' &&
    s.autoJourneys !== null;
  return ok ? (s as RoutingState) : EMPTY_ROUTING_STATE;
}
