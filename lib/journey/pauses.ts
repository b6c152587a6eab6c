import type { Pause } from '../model/journey';

/**
 * Paused time: what a journey's duration and its dwell times leave out, so a
 * lunch break in the middle of a journey does not count as a long step.
 */

/** A span of time in ms, `start <= end`. */
export interface Span {
  start: number;
  end: number;
}

/**
 * The pauses as sorted, non-overlapping spans; a pause still open ends at
 * `openEnd`. Overlapping pauses (two devices pausing at once, then merged)
 * are joined so no time is left out twice; pauses that end before they start
 * are dropped.
 */
export function pauseSpans(pauses: readonly Pause[], openEnd: number): Span[] {
  const spans = pauses
    .map((p) => ({ start: Date.parse(p.start), end: p.end === null ? openEnd : Date.parse(p.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last !== undefined && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else out.push({ ...span });
  }
  return out;
}

/** How much of `from`..`to` the spans cover, in ms (0 when `to <= from`). */
export function pausedWithin(spans: readonly Span[], from: number, to: number): number {
  let paused = 0;
  for (const span of spans) {
    const overlap = Math.min(span.end, to) - Math.max(span.start, from);
    if (overlap > 0) paused += overlap;
  }
  return paused;
}

/** Time from `from` to `to` in ms, less the paused time in between; never negative. */
export function activeMs(spans: readonly Span[], from: number, to: number): number {
  return Math.max(0, to - from - pausedWithin(spans, from, to));
}
