import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPARISON_ROWS, compareJourneys, isPainPoint, journeyMetrics } from '@/lib/journey/metrics';
import { TAG_MOMENT_OF_TRUTH, TAG_PAIN_POINT } from '@/lib/model/vocabulary';
import { journeyRecordsArb } from './arbitraries';
import { interaction, iso, J2, journey, T, touchpoint, uuid } from './records';

const MIN = 60_000;
const ended = (minutes: number, overrides = {}) => journey({ status: 'ended', endedAt: iso(T(minutes)), ...overrides });

/** Every number in a value, however deep. */
function numbers(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbers);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(numbers);
  return [];
}

describe('journeyMetrics', () => {
  it('describes an empty running journey without a single NaN', () => {
    const m = journeyMetrics(journey(), [], []);
    expect(m).toEqual({
      durationMs: 0,
      touchpointCount: 0,
      interactionCount: 0,
      curve: [],
      meanEmotion: null,
      minEmotion: null,
      meanEffort: null,
      painPoints: [],
      momentsOfTruth: [],
      dwell: [],
      longestWait: null,
      stageCoverage: journey().stages.map((stage) => ({ stage, covered: false })),
      perStage: journey().stages.map((stage) => ({ stage, count: 0, meanEmotion: null, meanEffort: null, painPoints: 0 })),
    });
  });

  describe('durationMs', () => {
    it.each([
      ['an ended journey: start to end', ended(45), undefined, 45 * MIN],
      ['an ended journey ignores now', ended(45), T(90), 45 * MIN],
      ['a running journey: to now', journey(), T(20), 20 * MIN],
      ['a running journey without now: to its last event', journey(), undefined, 12 * MIN],
      ['an end before the start: 0', ended(-5), undefined, 0],
      ['now before the start: 0', journey(), T(-5), 0],
    ])('%s', (_, j, now, expected) => {
      expect(journeyMetrics(j, [touchpoint(3)], [interaction(12)], now).durationMs).toBe(expected);
    });

    it('leaves out paused time', () => {
      const j = ended(60, { pauses: [{ start: iso(T(10)), end: iso(T(20)) }] });
      expect(journeyMetrics(j, [], []).durationMs).toBe(50 * MIN);
    });

    it('counts overlapping pauses once', () => {
      const pauses = [
        { start: iso(T(10)), end: iso(T(30)) },
        { start: iso(T(20)), end: iso(T(40)) },
        { start: iso(T(25)), end: iso(T(26)) },
      ];
      expect(journeyMetrics(ended(60, { pauses }), [], []).durationMs).toBe(30 * MIN);
    });

    it('counts only the part of a pause inside the journey, and ignores a pause that ends before it starts', () => {
      const pauses = [
        { start: iso(T(-10)), end: iso(T(5)) },
        { start: iso(T(55)), end: iso(T(90)) },
        { start: iso(T(30)), end: iso(T(20)) },
      ];
      expect(journeyMetrics(ended(60, { pauses }), [], []).durationMs).toBe(50 * MIN);
    });

    it('stops growing while a pause is still open', () => {
      const j = journey({ status: 'paused', pauses: [{ start: iso(T(10)), end: null }] });
      expect(journeyMetrics(j, [], [], T(30)).durationMs).toBe(10 * MIN);
      expect(journeyMetrics(j, [], [], T(300)).durationMs).toBe(10 * MIN);
    });
  });

  it('draws the curve in display order', () => {
    const moved = touchpoint(1, { position: T(5), emotion: -2, effort: 6, stage: 'purchase' });
    const m = journeyMetrics(journey(), [moved, touchpoint(3)], []);
    expect(m.curve).toEqual([
      { touchpointId: uuid(2, 3), at: iso(T(3)), emotion: 0, effort: 3, stage: '' },
      { touchpointId: uuid(2, 1), at: iso(T(1)), emotion: -2, effort: 6, stage: 'purchase' },
    ]);
  });

  it('rounds means to 2 decimals and never returns -0', () => {
    const tps = [touchpoint(1, { emotion: 1, effort: 1 }), touchpoint(2, { effort: 2 }), touchpoint(3, { effort: 2 })];
    expect(journeyMetrics(journey(), tps, [])).toMatchObject({ meanEmotion: 0.33, minEmotion: 0, meanEffort: 1.67 });
    const balanced = journeyMetrics(journey(), [touchpoint(1, { emotion: -2 }), touchpoint(2, { emotion: 2 })], []);
    expect(Object.is(balanced.meanEmotion, 0)).toBe(true);
    expect(balanced.minEmotion).toBe(-2);
  });

  it.each([
    ['a negative emotion', { emotion: -1 as const }, true],
    ['a hard step', { effort: 5 as const }, true],
    ['the pain-point tag', { tags: [TAG_PAIN_POINT] }, true],
    ['a neutral, fairly easy step', { emotion: 0 as const, effort: 4 as const }, false],
    ['another tag', { tags: ['pricing'] }, false],
  ])('counts %s as a pain point: %s', (_, fields, expected) => {
    expect(isPainPoint(touchpoint(1, fields))).toBe(expected);
  });

  it('lists pain points and moments of truth in display order', () => {
    const tps = [
      touchpoint(3, { effort: 7 }),
      touchpoint(1, { tags: [TAG_MOMENT_OF_TRUTH, TAG_PAIN_POINT] }),
      touchpoint(2, { tags: [TAG_MOMENT_OF_TRUTH] }),
    ];
    const m = journeyMetrics(journey(), tps, []);
    expect(m.painPoints).toEqual([uuid(2, 1), uuid(2, 3)]);
    expect(m.momentsOfTruth).toEqual([uuid(2, 1), uuid(2, 2)]);
  });

  describe('dwell', () => {
    it('runs to the next touchpoint in time, the last to the journey end', () => {
      const m = journeyMetrics(ended(20), [touchpoint(1), touchpoint(4), touchpoint(10)], [interaction(30)]);
      expect(m.dwell.map((d) => d.ms)).toEqual([3 * MIN, 6 * MIN, 10 * MIN]);
    });

    it('runs the last one to the last interaction while the journey runs', () => {
      const m = journeyMetrics(journey(), [touchpoint(1), touchpoint(4)], [interaction(9), interaction(7)], T(60));
      expect(m.dwell.map((d) => d.ms)).toEqual([3 * MIN, 5 * MIN]);
    });

    it('is 0 for the last one with nothing after it, for equal times, and never negative', () => {
      expect(journeyMetrics(journey(), [touchpoint(1)], []).dwell).toEqual([{ touchpointId: uuid(2, 1), ms: 0 }]);
      const tied = [touchpoint(1), touchpoint(2, { capturedAt: iso(T(1)) })];
      expect(journeyMetrics(ended(5), tied, []).dwell.map((d) => d.ms)).toEqual([0, 4 * MIN]);
      expect(journeyMetrics(journey(), [touchpoint(9)], [interaction(2)]).dwell[0]!.ms).toBe(0);
      expect(journeyMetrics(ended(1), [touchpoint(9)], []).dwell[0]!.ms).toBe(0);
    });

    it('follows capture time for a moved touchpoint, listed in display order', () => {
      const tps = [touchpoint(1), touchpoint(2, { position: T(10) }), touchpoint(4)];
      const m = journeyMetrics(ended(6), tps, []);
      expect(m.dwell).toEqual([
        { touchpointId: uuid(2, 1), ms: MIN },
        { touchpointId: uuid(2, 4), ms: 2 * MIN },
        { touchpointId: uuid(2, 2), ms: 2 * MIN },
      ]);
    });

    it('leaves out paused time', () => {
      const j = ended(30, { pauses: [{ start: iso(T(2)), end: iso(T(8)) }] });
      expect(journeyMetrics(j, [touchpoint(1), touchpoint(10)], []).dwell.map((d) => d.ms)).toEqual([3 * MIN, 20 * MIN]);
    });
  });

  describe('longestWait', () => {
    it('is the longest timed wait, load or long task', () => {
      const ias = [
        interaction(1, { kind: 'load', durationMs: 1_200 }),
        interaction(2, { kind: 'long-wait', durationMs: 8_000, url: 'https://shop.example/pay' }),
        interaction(3, { kind: 'long-task', durationMs: 300 }),
        interaction(4, { kind: 'click', durationMs: 99_000 }),
        interaction(5, { kind: 'load', durationMs: null }),
      ];
      expect(journeyMetrics(journey(), [], ias).longestWait).toEqual({
        ms: 8_000,
        interactionId: uuid(3, 2),
        url: 'https://shop.example/pay',
      });
    });

    it('picks the smaller id on a tie, and is null when nothing was timed', () => {
      const ias = [interaction(2, { kind: 'load', durationMs: 500 }), interaction(1, { kind: 'long-task', durationMs: 500 })];
      expect(journeyMetrics(journey(), [], ias).longestWait?.interactionId).toBe(uuid(3, 1));
      expect(journeyMetrics(journey(), [], [interaction(1, { kind: 'navigation' })]).longestWait).toBeNull();
    });
  });

  it('covers stages in the journey order', () => {
    const j = journey({ stages: ['awareness', 'purchase', 'support'] });
    const m = journeyMetrics(j, [touchpoint(1, { stage: 'support' }), touchpoint(2, { stage: 'awareness' })], []);
    expect(m.stageCoverage).toEqual([
      { stage: 'awareness', covered: true },
      { stage: 'purchase', covered: false },
      { stage: 'support', covered: true },
    ]);
  });

  it('figures per stage: the journey stages, then stages it no longer lists, then unassigned', () => {
    const j = journey({ stages: ['awareness', 'purchase'] });
    const tps = [
      touchpoint(1, { stage: 'purchase', emotion: -2, effort: 6 }),
      touchpoint(2, { stage: 'purchase', emotion: 1, effort: 2 }),
      touchpoint(3, { stage: 'old' }),
      touchpoint(4, { stage: '' }),
    ];
    expect(journeyMetrics(j, tps, []).perStage).toEqual([
      { stage: 'awareness', count: 0, meanEmotion: null, meanEffort: null, painPoints: 0 },
      { stage: 'purchase', count: 2, meanEmotion: -0.5, meanEffort: 4, painPoints: 1 },
      { stage: 'old', count: 1, meanEmotion: 0, meanEffort: 3, painPoints: 0 },
      { stage: '', count: 1, meanEmotion: 0, meanEffort: 3, painPoints: 0 },
    ]);
  });

  it('never returns NaN or Infinity, and survives JSON unchanged (property)', () => {
    fc.assert(
      fc.property(journeyRecordsArb, fc.option(fc.integer({ min: T(-60), max: T(120) }), { nil: undefined }), (records, now) => {
        const m = journeyMetrics(records.journey, records.touchpoints, records.interactions, now);
        for (const n of numbers(m)) expect(Number.isFinite(n)).toBe(true);
        expect(JSON.parse(JSON.stringify(m))).toEqual(m);
        expect(m.durationMs).toBeGreaterThanOrEqual(0);
        expect(m.dwell.every((d) => d.ms >= 0)).toBe(true);
        expect(m.perStage.reduce((sum, s) => sum + s.count, 0)).toBe(m.touchpointCount);
      }),
    );
  });
});

describe('compareJourneys', () => {
  it('has no columns for no journeys', () => {
    expect(compareJourneys([])).toEqual({ journeyIds: [], rows: COMPARISON_ROWS.map((key) => ({ key, values: [] })) });
  });

  it('puts each journey in a column, each figure in a row', () => {
    const a = ended(30);
    const b = journey({ id: J2, title: 'Buy a Fern', site: 'rival.example', stages: ['awareness'] });
    const table = compareJourneys(
      [
        { journey: a, touchpoints: [touchpoint(1, { emotion: -1, stage: 'purchase' })], interactions: [] },
        { journey: b, touchpoints: [], interactions: [interaction(1, { journeyId: J2, kind: 'load', durationMs: 900 })] },
      ],
      T(10),
    );
    expect(table.journeyIds).toEqual([a.id, J2]);
    expect(Object.fromEntries(table.rows.map((r) => [r.key, r.values]))).toEqual({
      title: ['Buy a Monstera', 'Buy a Fern'],
      site: ['shop.example', 'rival.example'],
      status: ['ended', 'running'],
      durationMs: [30 * MIN, 10 * MIN],
      touchpointCount: [1, 0],
      interactionCount: [0, 1],
      meanEmotion: [-1, null],
      minEmotion: [-1, null],
      meanEffort: [3, null],
      painPointCount: [1, 0],
      momentOfTruthCount: [0, 0],
      stagesCovered: [1, 0],
      stageCount: [a.stages.length, 1],
      longestWaitMs: [null, 900],
    });
  });
});
