import type { Interaction } from '../model/interaction';
import type { Journey } from '../model/journey';
import type { Effort, Emotion, Touchpoint } from '../model/touchpoint';
import { TAG_MOMENT_OF_TRUTH, TAG_PAIN_POINT } from '../model/vocabulary';
import { orderTouchpoints } from './order';
import { activeMs, pauseSpans, type Span } from './pauses';

/**
 * The figures the journey page, the exports and the comparison table show,
 * computed in one place so they agree. Everything returned is plain JSON:
 * no `NaN`, no `Infinity`, no `Date`.
 */

/** A touchpoint rated this low or lower is a pain point. */
export const PAIN_EMOTION_MAX = -1;
/** A touchpoint rated this hard or harder is a pain point. */
export const PAIN_EFFORT_MIN = 5;

/** Interactions whose `durationMs` is time the customer waited. */
export const WAIT_KINDS: readonly Interaction['kind'][] = ['long-wait', 'load', 'long-task'];

/** One point of the emotion curve. */
export interface CurvePoint {
  touchpointId: string;
  /** The capture time, as stored. */
  at: string;
  emotion: Emotion;
  effort: Effort;
  /** Empty when the touchpoint has no stage. */
  stage: string;
}

/** How long the journey stayed at one touchpoint. */
export interface Dwell {
  touchpointId: string;
  ms: number;
}

/** The longest wait the recorder logged. */
export interface LongestWait {
  ms: number;
  interactionId: string;
  url: string;
}

/** Figures for one stage; `stage` is `''` for touchpoints with none. */
export interface StageFigures {
  stage: string;
  count: number;
  meanEmotion: number | null;
  meanEffort: number | null;
  painPoints: number;
}

/** The figures of one journey. Lists of touchpoints are in display order. */
export interface JourneyMetrics {
  /** Start to end (or to `now`, or to the last event, while not ended), less paused time. */
  durationMs: number;
  touchpointCount: number;
  interactionCount: number;
  curve: CurvePoint[];
  /** Means rounded to 2 decimals; `null` when there are no touchpoints. */
  meanEmotion: number | null;
  minEmotion: number | null;
  meanEffort: number | null;
  /** Ids of touchpoints rated low, rated hard, or tagged `pain-point`. */
  painPoints: string[];
  /** Ids of touchpoints tagged `moment-of-truth`. */
  momentsOfTruth: string[];
  /**
   * Per touchpoint: time to the next touchpoint in capture time (the last
   * one: to the journey's end, or its last interaction while it runs), less
   * paused time.
   */
  dwell: Dwell[];
  longestWait: LongestWait | null;
  /** Each of the journey's stages, in order, and whether a touchpoint is in it. */
  stageCoverage: { stage: string; covered: boolean }[];
  /**
   * The journey's stages in order, then stages its touchpoints name that it
   * no longer lists, then `''` if some touchpoints have no stage; so counts
   * add up to `touchpointCount`.
   */
  perStage: StageFigures[];
}

/** Rounded to 2 decimals, and never `-0` (which JSON and `toEqual` treat differently). */
const round2 = (x: number) => Math.round(x * 100) / 100 + 0;

const mean = (values: readonly number[]) =>
  values.length === 0 ? null : round2(values.reduce((sum, v) => sum + v, 0) / values.length);

/** Whether a touchpoint counts as a pain point. */
export function isPainPoint(tp: Pick<Touchpoint, 'emotion' | 'effort' | 'tags'>): boolean {
  return tp.emotion <= PAIN_EMOTION_MAX || tp.effort >= PAIN_EFFORT_MIN || tp.tags.includes(TAG_PAIN_POINT);
}

function latest(times: readonly number[]): number | undefined {
  let max: number | undefined;
  for (const t of times) if (max === undefined || t > max) max = t;
  return max;
}

/** When the journey's duration ends: its end, else `now`, else its last event (never before its start). */
function durationEnd(journey: Journey, eventTimes: readonly number[], now: number | undefined): number {
  const start = Date.parse(journey.startedAt);
  if (journey.endedAt !== null) return Date.parse(journey.endedAt);
  if (now !== undefined && Number.isFinite(now)) return now;
  return Math.max(start, latest(eventTimes) ?? start);
}

/** Dwell per touchpoint, in display order. */
function dwellTimes(ordered: readonly Touchpoint[], end: number | undefined, spans: readonly Span[]): Dwell[] {
  const byTime = ordered
    .map((tp) => ({ id: tp.id, at: Date.parse(tp.capturedAt) }))
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  const ms = new Map<string, number>();
  byTime.forEach((tp, i) => {
    const until = byTime[i + 1]?.at ?? end ?? tp.at;
    ms.set(tp.id, activeMs(spans, tp.at, until));
  });
  return ordered.map((tp) => ({ touchpointId: tp.id, ms: ms.get(tp.id) ?? 0 }));
}

function longestWait(interactions: readonly Interaction[]): LongestWait | null {
  let best: Interaction | undefined;
  for (const ia of interactions) {
    if (!WAIT_KINDS.includes(ia.kind) || ia.durationMs === null) continue;
    if (best === undefined || ia.durationMs > best.durationMs! || (ia.durationMs === best.durationMs && ia.id < best.id))
      best = ia;
  }
  return best === undefined ? null : { ms: best.durationMs!, interactionId: best.id, url: best.url };
}

function stageFigures(stage: string, tps: readonly Touchpoint[]): StageFigures {
  return {
    stage,
    count: tps.length,
    meanEmotion: mean(tps.map((tp) => tp.emotion)),
    meanEffort: mean(tps.map((tp) => tp.effort)),
    painPoints: tps.filter(isPainPoint).length,
  };
}

function perStage(journey: Journey, ordered: readonly Touchpoint[]): StageFigures[] {
  const groups = new Map<string, Touchpoint[]>(journey.stages.map((stage) => [stage, []]));
  const unassigned: Touchpoint[] = [];
  for (const tp of ordered) {
    if (tp.stage === '') unassigned.push(tp);
    else if (groups.has(tp.stage)) groups.get(tp.stage)!.push(tp);
    else groups.set(tp.stage, [tp]);
  }
  const figures = [...groups].map(([stage, tps]) => stageFigures(stage, tps));
  return unassigned.length > 0 ? [...figures, stageFigures('', unassigned)] : figures;
}

/**
 * The figures of one journey from its touchpoints and interactions. `now`
 * (ms) is where a journey that has not ended is measured to; without it, to
 * its last touchpoint or interaction.
 */
export function journeyMetrics(
  journey: Journey,
  touchpoints: readonly Touchpoint[],
  interactions: readonly Interaction[],
  now?: number,
): JourneyMetrics {
  const ordered = orderTouchpoints(touchpoints);
  const interactionTimes = interactions.map((ia) => Date.parse(ia.at));
  const eventTimes = [...ordered.map((tp) => Date.parse(tp.capturedAt)), ...interactionTimes];
  const start = Date.parse(journey.startedAt);
  const end = durationEnd(journey, eventTimes, now);
  const spans = pauseSpans(journey.pauses, Math.max(end, latest(eventTimes) ?? end));
  const emotions = ordered.map((tp) => tp.emotion);
  const stagesUsed = new Set(ordered.map((tp) => tp.stage));
  return {
    durationMs: activeMs(spans, start, end),
    touchpointCount: ordered.length,
    interactionCount: interactions.length,
    curve: ordered.map((tp) => ({
      touchpointId: tp.id,
      at: tp.capturedAt,
      emotion: tp.emotion,
      effort: tp.effort,
      stage: tp.stage,
    })),
    meanEmotion: mean(emotions),
    minEmotion: emotions.length === 0 ? null : emotions.reduce((min, e) => Math.min(min, e), Number.POSITIVE_INFINITY),
    meanEffort: mean(ordered.map((tp) => tp.effort)),
    painPoints: ordered.filter(isPainPoint).map((tp) => tp.id),
    momentsOfTruth: ordered.filter((tp) => tp.tags.includes(TAG_MOMENT_OF_TRUTH)).map((tp) => tp.id),
    dwell: dwellTimes(ordered, journey.endedAt !== null ? Date.parse(journey.endedAt) : latest(interactionTimes), spans),
    longestWait: longestWait(interactions),
    stageCoverage: journey.stages.map((stage) => ({ stage, covered: stagesUsed.has(stage) })),
    perStage: perStage(journey, ordered),
  };
}

/** One journey to compare: the journey and its records. */
export interface ComparedJourney {
  journey: Journey;
  touchpoints: readonly Touchpoint[];
  interactions: readonly Interaction[];
}

/** The rows of the comparison table, in the order shown; the UI names each through its locale message. */
export const COMPARISON_ROWS = [
  'title',
  'site',
  'status',
  'durationMs',
  'touchpointCount',
  'interactionCount',
  'meanEmotion',
  'minEmotion',
  'meanEffort',
  'painPointCount',
  'momentOfTruthCount',
  'stagesCovered',
  'stageCount',
  'longestWaitMs',
] as const;
export type ComparisonRowKey = (typeof COMPARISON_ROWS)[number];

/**
 * A side-by-side table: one column per journey (in the order given), one row
 * per figure. `values[i]` belongs to `journeyIds[i]`; `null` where a journey
 * has no such figure (a mean of no touchpoints, no wait logged).
 */
export interface JourneyComparison {
  journeyIds: string[];
  rows: { key: ComparisonRowKey; values: (string | number | null)[] }[];
}

function comparisonColumn(item: ComparedJourney, now: number | undefined): Record<ComparisonRowKey, string | number | null> {
  const { journey } = item;
  const m = journeyMetrics(journey, item.touchpoints, item.interactions, now);
  return {
    title: journey.title,
    site: journey.site,
    status: journey.status,
    durationMs: m.durationMs,
    touchpointCount: m.touchpointCount,
    interactionCount: m.interactionCount,
    meanEmotion: m.meanEmotion,
    minEmotion: m.minEmotion,
    meanEffort: m.meanEffort,
    painPointCount: m.painPoints.length,
    momentOfTruthCount: m.momentsOfTruth.length,
    stagesCovered: m.stageCoverage.filter((s) => s.covered).length,
    stageCount: journey.stages.length,
    longestWaitMs: m.longestWait?.ms ?? null,
  };
}

/** The headline figures of several journeys, side by side (see `JourneyComparison`). */
export function compareJourneys(items: readonly ComparedJourney[], now?: number): JourneyComparison {
  const columns = items.map((item) => comparisonColumn(item, now));
  return {
    journeyIds: items.map((item) => item.journey.id),
    rows: COMPARISON_ROWS.map((key) => ({ key, values: columns.map((column) => column[key]) })),
  };
}
