import type { Interaction } from '../model/interaction';
import type { Journey, Pause } from '../model/journey';
import type { Touchpoint } from '../model/touchpoint';
import { bump, type EditResult, iso, noEdit, stamped } from './edit-result';
import { timeline } from './order';

/**
 * Merging two journeys into one and splitting one in two. Touchpoints keep
 * their positions both ways, so splitting a journey and merging the parts
 * back gives the same touchpoints in the same order in the same journey.
 */

const earliest = (times: readonly number[]) => times.reduce((min, t) => Math.min(min, t), Number.POSITIVE_INFINITY);
const latest = (times: readonly number[]) => times.reduce((max, t) => Math.max(max, t), Number.NEGATIVE_INFINITY);

/**
 * Moves `absorb`'s touchpoints and interactions into `keep` and deletes
 * `absorb` (a tombstone replaces it). `keep` starts at the earlier start;
 * if it has ended, it ends at the latest of its end, `absorb`'s end and the
 * moved records' times. It takes `absorb`'s finished pauses (an open one
 * ends with `absorb`). `keep`'s status, details and stages stay; moved
 * touchpoints whose stage it does not list show under that stage in the
 * metrics. Merging a journey with itself writes nothing.
 */
export function mergeJourneys(
  keep: Journey,
  absorb: Journey,
  absorbTouchpoints: readonly Touchpoint[],
  absorbInteractions: readonly Interaction[],
  now: number,
  author: string,
): EditResult {
  if (keep.id === absorb.id) return noEdit();
  const touchpoints = absorbTouchpoints.filter((tp) => tp.journeyId === absorb.id);
  const interactions = absorbInteractions.filter((ia) => ia.journeyId === absorb.id);
  const movedTimes = [...touchpoints.map((tp) => Date.parse(tp.capturedAt)), ...interactions.map((ia) => Date.parse(ia.at))];
  const startedAt = Math.min(Date.parse(keep.startedAt), Date.parse(absorb.startedAt));
  const endedAt =
    keep.endedAt === null
      ? null
      : iso(latest([Date.parse(keep.endedAt), Date.parse(absorb.endedAt ?? absorb.startedAt), ...movedTimes]));
  const pauses = [...keep.pauses, ...absorb.pauses.filter((p) => p.end !== null)].sort(
    (a, b) => Date.parse(a.start) - Date.parse(b.start),
  );
  const edit = noEdit();
  edit.put.journeys = [stamped(keep, { startedAt: iso(startedAt), endedAt, pauses }, now, author)];
  edit.put.touchpoints = touchpoints.map((tp) => stamped(tp, { journeyId: keep.id }, now, author));
  edit.put.interactions = interactions.map((ia) => stamped(ia, { journeyId: keep.id }, now, author));
  edit.put.tombstones = [{ id: absorb.id, recordType: 'journey', updatedAt: bump(absorb.updatedAt, now), author }];
  edit.remove.journeys = [absorb.id];
  return edit;
}

/** The pauses before and after `at` (ms); a pause spanning `at` is cut in two. */
function splitPauses(pauses: readonly Pause[], at: number): { before: Pause[]; after: Pause[] } {
  const cut = iso(at);
  const before: Pause[] = [];
  const after: Pause[] = [];
  for (const p of pauses) {
    const [start, end] = [Date.parse(p.start), p.end === null ? Number.POSITIVE_INFINITY : Date.parse(p.end)];
    if (end <= at) before.push(p);
    else if (start >= at) after.push(p);
    else {
      before.push({ start: p.start, end: cut });
      after.push({ start: cut, end: p.end });
    }
  }
  return { before, after };
}

/** What `splitJourney` needs besides the records. */
export interface SplitOptions {
  /** The touchpoint the new journey starts with. */
  atTouchpointId: string;
  /** The new journey's id, made by the caller (`newId()`). */
  newJourneyId: string;
  /** The new journey's title, worded by the UI in the researcher's language. */
  title: string;
}

/**
 * Splits a journey where the researcher points: the touchpoint
 * `atTouchpointId` and everything after it on the journey's `timeline` (later
 * touchpoints in display order, and the interactions from its time on) move
 * to a new journey. The new journey copies the details, status and end of
 * the old and starts at the earliest moved record; the old one ends there.
 * Pauses are shared out by time. Writes nothing when the touchpoint is not
 * in the journey or nothing would be left before it.
 *
 * When the journey was running (or paused), the new journey is the one that
 * goes on: the worker should capture into `newJourneyId` from now on.
 */
export function splitJourney(
  journey: Journey,
  touchpoints: readonly Touchpoint[],
  interactions: readonly Interaction[],
  options: SplitOptions,
  now: number,
  author: string,
): EditResult {
  const entries = timeline(
    touchpoints.filter((tp) => tp.journeyId === journey.id),
    interactions.filter((ia) => ia.journeyId === journey.id),
  );
  const cut = entries.findIndex((e) => e.kind === 'touchpoint' && e.record.id === options.atTouchpointId);
  if (cut <= 0) return noEdit();
  const moved = entries.slice(cut);
  const splitAt = Math.max(Date.parse(journey.startedAt), earliest(moved.map((e) => e.at)));
  const { before, after } = splitPauses(journey.pauses, splitAt);
  const endedAt = journey.endedAt === null ? null : iso(Math.max(Date.parse(journey.endedAt), splitAt));
  const newJourney = stamped(
    journey,
    { id: options.newJourneyId, title: options.title, startedAt: iso(splitAt), endedAt, pauses: after },
    now,
    author,
  );
  const edit = noEdit();
  edit.put.journeys = [stamped(journey, { status: 'ended', endedAt: iso(splitAt), pauses: before }, now, author), newJourney];
  for (const entry of moved) {
    if (entry.kind === 'touchpoint') edit.put.touchpoints.push(stamped(entry.record, { journeyId: newJourney.id }, now, author));
    else edit.put.interactions.push(stamped(entry.record, { journeyId: newJourney.id }, now, author));
  }
  return edit;
}
