import type { Interaction } from '../model/interaction';
import type { Touchpoint } from '../model/touchpoint';

/**
 * The order a journey's touchpoints are shown in, and the one number that
 * holds it: `position`. A touchpoint starts with its capture time in ms; a
 * reorder gives it a value between its new neighbours, so one drag writes one
 * record and two people reordering different touchpoints do not conflict.
 */

/** What ordering needs of a touchpoint. */
export type Positioned = Pick<Touchpoint, 'id' | 'position' | 'capturedAt'>;

/** The gap `positionBetween` leaves past the first or last touchpoint: one second, as positions start as ms. */
export const POSITION_STEP = 1_000;

/**
 * Display order: ascending `position`, then capture time, then id, so every
 * device shows the same order even when positions tie (two touchpoints
 * captured in the same millisecond, or a record from before positions).
 */
export function compareTouchpoints(a: Positioned, b: Positioned): number {
  if (a.position !== b.position) return a.position < b.position ? -1 : 1;
  const byTime = Date.parse(a.capturedAt) - Date.parse(b.capturedAt);
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The touchpoints in display order, as a new array (the input is left alone). */
export function orderTouchpoints<T extends Positioned>(list: readonly T[]): T[] {
  return [...list].sort(compareTouchpoints);
}

// Neighbouring doubles, by stepping the bit pattern: the last resort when
// bisecting has used up the room between two positions.
const float = new Float64Array(1);
const bits = new BigInt64Array(float.buffer);

function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  float[0] = x;
  bits[0] = (bits[0] ?? 0n) + (x > 0 ? 1n : -1n);
  return float[0];
}

const nextDown = (x: number): number => -nextUp(-x);

/**
 * Whether some finite number lies strictly between the two neighbours (a
 * missing neighbour is open-ended). False when they tie, when they are
 * adjacent doubles, when `before > after`, or at the ends of the number line:
 * then use `renumber`.
 */
export function hasRoomBetween(before: number | undefined, after: number | undefined): boolean {
  if (before === undefined && after === undefined) return true;
  if (after === undefined) return before! < Number.MAX_VALUE;
  if (before === undefined) return after > -Number.MAX_VALUE;
  return before < after && nextUp(before) < after;
}

/**
 * A position for a touchpoint placed between `before` and `after` (the
 * positions of its new neighbours; `undefined` at either end).
 *
 * - both given: their midpoint, strictly between them whenever
 *   `hasRoomBetween` says there is room;
 * - one given: one `POSITION_STEP` past it (or the next double, for numbers so
 *   large that adding a step changes nothing);
 * - none: 0 (an empty journey; callers creating a touchpoint use its capture
 *   time instead).
 *
 * Always finite. When there is no room (neighbours that tie, adjacent
 * doubles after about 50 bisections at the same spot) it returns `before`
 * (or `after` when there is no `before`): a tie, which the display order
 * breaks by capture time and id, so the touchpoint may not land where it was
 * dropped. Callers check `hasRoomBetween` first and `renumber` instead.
 */
export function positionBetween(before: number | undefined, after: number | undefined): number {
  if (before === undefined && after === undefined) return 0;
  if (!hasRoomBetween(before, after)) return before ?? after!;
  if (after === undefined) return before! + POSITION_STEP > before! ? before! + POSITION_STEP : nextUp(before!);
  if (before === undefined) return after - POSITION_STEP < after ? after - POSITION_STEP : nextDown(after);
  // Halves first: `before + after` overflows near the ends of the number line.
  const mid = before / 2 + after / 2;
  return before < mid && mid < after ? mid : nextUp(before);
}

/** A new position for one touchpoint. */
export interface NewPosition {
  id: string;
  position: number;
}

/**
 * New positions that make `ordered` (touchpoints in the order they should be
 * shown) strictly increasing, changing as few as it simply can: a touchpoint
 * already above the one before it keeps its position; a run that is not is
 * spread evenly up to the next one that can stay. Positions stay close to the
 * capture times they started as, which `timeline` relies on. Only if that
 * cannot work (positions at the ends of the number line) is every touchpoint
 * renumbered 0, 1000, 2000, ... Returns only the touchpoints that change.
 */
export function renumber(ordered: readonly Pick<Touchpoint, 'id' | 'position'>[]): NewPosition[] {
  const old = ordered.map((tp) => tp.position);
  const next = spreadTies(old) ?? old.map((_, i) => i * POSITION_STEP);
  return ordered.flatMap((tp, i) => (next[i] === tp.position ? [] : [{ id: tp.id, position: next[i]! }]));
}

/** Strictly increasing positions close to `old`, or `null` when there is no room. */
function spreadTies(old: readonly number[]): number[] | null {
  const out: number[] = [];
  for (let i = 0; i < old.length; ) {
    const prev = out[i - 1];
    if (prev === undefined || old[i]! > prev) {
      out.push(old[i]!);
      i++;
      continue;
    }
    // old[i] cannot stay: spread it and its followers up to the next that can.
    let j = i + 1;
    while (j < old.length && !(old[j]! > prev)) j++;
    const hi = j < old.length ? old[j]! : prev + POSITION_STEP * (j - i + 1);
    const step = (hi - prev) / (j - i + 1);
    for (let k = i; k < j; k++) {
      const value = prev + step * (k - i + 1);
      if (!Number.isFinite(value) || !(value > out[k - 1]!) || !(value < hi)) return null;
      out.push(value);
    }
    i = j;
  }
  return out;
}

/**
 * One line of a journey's timeline: a touchpoint or a logged interaction, and
 * when it happened in ms (a touchpoint's capture time, an interaction's `at`).
 */
export type TimelineEntry =
  | { kind: 'touchpoint'; record: Touchpoint; at: number }
  | { kind: 'interaction'; record: Interaction; at: number };

const compareInteractions = (a: { at: number; record: Interaction }, b: { at: number; record: Interaction }) =>
  a.at - b.at || (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0);

/**
 * Touchpoints and interactions in one list, as the journey page shows them:
 * touchpoints in display order, interactions by time (then id), merged as
 * two sorted lists.
 *
 * Where a touchpoint sits among interactions is decided by its `position`,
 * not its capture time: an untouched touchpoint's position is its capture
 * time, so it lands where it happened; a touchpoint the researcher moved
 * lands between its new neighbours, with the interactions around them,
 * rather than dragging them along or jumping back to when it was captured.
 * On a tie the touchpoint comes first: a touchpoint promoted from an
 * interaction has the interaction's time and heads its own moment.
 * `at` is always the real time, so it need not increase down the list.
 */
export function timeline(touchpoints: readonly Touchpoint[], interactions: readonly Interaction[]): TimelineEntry[] {
  const tps = orderTouchpoints(touchpoints);
  const ias = interactions.map((record) => ({ record, at: Date.parse(record.at) })).sort(compareInteractions);
  const out: TimelineEntry[] = [];
  let i = 0;
  for (const tp of tps) {
    while (i < ias.length && ias[i]!.at < tp.position) out.push({ kind: 'interaction', ...ias[i++]! });
    out.push({ kind: 'touchpoint', record: tp, at: Date.parse(tp.capturedAt) });
  }
  while (i < ias.length) out.push({ kind: 'interaction', ...ias[i++]! });
  return out;
}
