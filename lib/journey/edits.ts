import { type Journey, JourneyDetails, type Pause } from '../model/journey';
import type { Touchpoint } from '../model/touchpoint';
import { type EditResult, iso, noEdit, stamped } from './edit-result';
import { hasRoomBetween, orderTouchpoints, positionBetween, renumber } from './order';

/**
 * Edits a researcher makes to journeys and touchpoints, as pure functions:
 * records in, an `EditResult` out (see edit-result.ts). Every changed record
 * gets a bumped `updatedAt` and the editing `author`; `now` is ms since the
 * epoch. Records of other journeys passed in by mistake are left alone.
 */

export { type DeleteUndo, deleteJourney, undoDelete } from './delete-journey';
export { bump, type EditResult, isNoEdit, noEdit } from './edit-result';
export { mergeJourneys, splitJourney } from './merge-split';

const withJourneys = (journeys: Journey[]): EditResult => {
  const edit = noEdit();
  edit.put.journeys = journeys;
  return edit;
};

const withTouchpoints = (touchpoints: Touchpoint[]): EditResult => {
  const edit = noEdit();
  edit.put.touchpoints = touchpoints;
  return edit;
};

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields `updateJourneyDetails` may change; any other key it is handed is ignored. */
const DETAIL_KEYS: ReadonlySet<string> = new Set(Object.keys(JourneyDetails.shape));

/**
 * Sets the given details (a `JourneyDetails`: title, notes, persona, scenario,
 * site, researcher, stages, screenshots); fields left out or `undefined` stay.
 * Writes nothing when no field changes. Values are validated by the schema
 * where the request enters the worker, not here.
 */
export function updateJourneyDetails(journey: Journey, details: JourneyDetails, now: number, author: string): EditResult {
  const changes = Object.fromEntries(
    Object.entries(details).filter(
      ([key, value]) => DETAIL_KEYS.has(key) && value !== undefined && !sameValue(value, journey[key as keyof Journey]),
    ),
  ) as Partial<Journey>;
  return Object.keys(changes).length === 0 ? noEdit() : withJourneys([stamped(journey, changes, now, author)]);
}

/** Renames a journey (`updateJourneyDetails` with only the title). */
export function renameJourney(journey: Journey, title: string, now: number, author: string): EditResult {
  return updateJourneyDetails(journey, { title }, now, author);
}

/** The pauses with every open one closed at `now` (never before it started). */
const closePauses = (pauses: readonly Pause[], now: number): Pause[] =>
  pauses.map((p) => (p.end === null ? { start: p.start, end: iso(Math.max(now, Date.parse(p.start))) } : p));

/**
 * Pauses a running journey: its status becomes `paused` and a pause opens at
 * `now`, so the time until it resumes is left out of its duration. Writes
 * nothing unless the journey is running. (A journey holds at most 1,000
 * pauses; the schema refuses more, so the UI should stop offering pause.)
 */
export function pauseJourney(journey: Journey, now: number, author: string): EditResult {
  if (journey.status !== 'running') return noEdit();
  const pauses = [...journey.pauses, { start: iso(now), end: null }];
  return withJourneys([stamped(journey, { status: 'paused', pauses }, now, author)]);
}

/** Resumes a paused journey, closing its open pause at `now`. Writes nothing unless it is paused. */
export function resumeJourney(journey: Journey, now: number, author: string): EditResult {
  if (journey.status !== 'paused') return noEdit();
  return withJourneys([stamped(journey, { status: 'running', pauses: closePauses(journey.pauses, now) }, now, author)]);
}

/** Ends a journey at `now` (never before it started), closing any open pause. Writes nothing if it has ended. */
export function endJourney(journey: Journey, now: number, author: string): EditResult {
  if (journey.status === 'ended') return noEdit();
  const endedAt = iso(Math.max(now, Date.parse(journey.startedAt)));
  return withJourneys([stamped(journey, { status: 'ended', endedAt, pauses: closePauses(journey.pauses, now) }, now, author)]);
}

/**
 * Moves touchpoints to another journey. Positions are kept: they are times,
 * so the moved touchpoints fall in among the target's by when they happened.
 * Touchpoints already in the target, or not in `ids`, are not written.
 */
export function moveTouchpoints(
  touchpoints: readonly Touchpoint[],
  ids: readonly string[],
  targetJourneyId: string,
  now: number,
  author: string,
): EditResult {
  const moving = new Set(ids);
  return withTouchpoints(
    touchpoints
      .filter((tp) => moving.has(tp.id) && tp.journeyId !== targetJourneyId)
      .map((tp) => stamped(tp, { journeyId: targetJourneyId }, now, author)),
  );
}

/**
 * Moves a touchpoint within its journey: right after `beforeId`, or, when
 * that is `null`, right before `afterId` (both `null`, or an id not in the
 * journey: nothing to do). Usually writes that one touchpoint with a
 * position between its new neighbours; when there is no room between them
 * (their positions tie) it renumbers and writes the touchpoints whose
 * position changes. `touchpoints` are the journey's.
 */
export function reorderTouchpoint(
  touchpoints: readonly Touchpoint[],
  id: string,
  beforeId: string | null,
  afterId: string | null,
  now: number,
  author: string,
): EditResult {
  const moving = touchpoints.find((tp) => tp.id === id);
  if (moving === undefined) return noEdit();
  const journey = orderTouchpoints(touchpoints.filter((tp) => tp.journeyId === moving.journeyId));
  const others = journey.filter((tp) => tp.id !== id);
  const anchor = beforeId ?? afterId;
  const found = others.findIndex((tp) => tp.id === anchor);
  if (anchor === null || found < 0) return noEdit();
  const at = beforeId !== null ? found + 1 : found;
  const [prev, next] = [others[at - 1], others[at]];
  const current = journey.indexOf(moving);
  if (journey[current - 1] === prev && journey[current + 1] === next) return noEdit();
  if (hasRoomBetween(prev?.position, next?.position)) {
    return withTouchpoints([stamped(moving, { position: positionBetween(prev?.position, next?.position) }, now, author)]);
  }
  // No room: tie it with a neighbour, in the new order, and spread the tie.
  const placed = { ...moving, position: prev?.position ?? next!.position };
  const order = [...others.slice(0, at), placed, ...others.slice(at)];
  const changed = new Map(renumber(order).map((p) => [p.id, p.position]));
  return withTouchpoints(
    order.flatMap((tp) => {
      const stored = tp === placed ? moving : tp;
      const position = changed.get(tp.id) ?? tp.position;
      return position === stored.position ? [] : [stamped(stored, { position }, now, author)];
    }),
  );
}
