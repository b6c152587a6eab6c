import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareScriptRuns,
  describeCriterion,
  type ScriptRun,
  scriptComparisonRows,
  scriptReport,
} from '@/lib/study/script-report';
import type { ScriptStep } from '@/lib/study/types';
import { ACME, answer, capture, GLOBEX, iso, SCRIPT, scale, T, uuid } from './records';

const MIN = 60_000;
const JOURNEY = { startedAt: iso(T(0)), pauses: [] };

describe('scriptReport', () => {
  it('reports each step: answer, status, evidence with times and screenshots, and counts', () => {
    const answers = [
      answer(1, true, 3, { touchpointIds: [uuid(2, 5), uuid(2, 2)] }),
      answer(2, null, 4, { skipped: true, touchpointIds: [uuid(2, 9)] }),
      answer(3, 42, 6),
    ];
    const touchpoints = [capture(2, 2, true), capture(5, 5), capture(7, 7)];
    const report = scriptReport(SCRIPT, JOURNEY, answers, touchpoints);
    expect(report).toMatchObject({ answered: 2, skipped: 1, missing: 1 });
    expect(report.steps.map((s) => [s.status, s.value])).toEqual([
      ['answered', true],
      ['skipped', null],
      ['answered', 42],
      ['missing', null],
    ]);
    expect(report.steps[0]).toMatchObject({
      answeredAt: iso(T(3)),
      problem: null,
      evidence: [
        {
          touchpointId: uuid(2, 2),
          capturedAt: iso(T(2)),
          screenshot: `screenshots/${uuid(2, 2)}.webp`,
          sinceStartMs: 2 * MIN,
          activeSinceStartMs: 2 * MIN,
        },
        { touchpointId: uuid(2, 5), capturedAt: iso(T(5)), screenshot: null, sinceStartMs: 5 * MIN, activeSinceStartMs: 5 * MIN },
      ],
      missingEvidence: [],
    });
    expect(report.steps[1]).toMatchObject({ evidence: [], missingEvidence: [uuid(2, 9)] });
    expect(report.steps[3]).toMatchObject({ answeredAt: null, evidence: [], missingEvidence: [] });
  });

  it('leaves paused time out of the active time from the start', () => {
    const journey = {
      startedAt: iso(T(0)),
      pauses: [
        { start: iso(T(1)), end: iso(T(4)) },
        { start: iso(T(8)), end: null },
      ],
    };
    const answers = [answer(1, true, 9, { touchpointIds: [uuid(2, 6), uuid(2, 10)] })];
    const [first] = scriptReport(SCRIPT, journey, answers, [capture(6), capture(10)]).steps;
    expect(first?.evidence.map((e) => [e.sinceStartMs, e.activeSinceStartMs])).toEqual([
      [6 * MIN, 3 * MIN],
      [10 * MIN, 5 * MIN],
    ]);
  });

  it('never gives a negative time for a touchpoint captured before the start (a skewed clock)', () => {
    const answers = [answer(1, true, 1, { touchpointIds: [uuid(2, 1)] })];
    const [first] = scriptReport(SCRIPT, JOURNEY, answers, [capture(1, -2)]).steps;
    expect(first?.evidence[0]).toMatchObject({ sinceStartMs: 0, activeSinceStartMs: 0 });
  });

  it('flags an answer that no longer fits its step, after the script was edited', () => {
    const edited: ScriptStep[] = [{ ...SCRIPT[0]!, criterion: { kind: 'scale', min: 1, max: 5 } }];
    const [first] = scriptReport(edited, JOURNEY, [answer(1, true)], []).steps;
    expect(first).toMatchObject({ status: 'answered', value: true, problem: { code: 'not-number' } });
  });

  it('is plain JSON', () => {
    const report = scriptReport(SCRIPT, JOURNEY, [answer(1, true, 1, { touchpointIds: [uuid(2, 1)] })], [capture(1)]);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

const runs: ScriptRun[] = [
  { journeyId: uuid(2, 101), label: 'Initech', answers: [answer(1, true), answer(2, 4), answer(3, 30), answer(4, 'Kind')] },
  {
    journeyId: uuid(2, 102),
    label: 'Acme',
    answers: [
      answer(1, false, 1, { touchpointIds: [uuid(2, 1), uuid(2, 2)] }),
      answer(2, 2),
      answer(3, null, 3, { skipped: true }),
    ],
  },
  { journeyId: uuid(2, 103), label: 'Globex', answers: [answer(1, true), answer(2, 5), answer(3, 95)] },
];

describe('compareScriptRuns', () => {
  it('gives one row per step and one cell per run, in order', () => {
    const c = compareScriptRuns(SCRIPT, runs);
    expect(c.runs).toEqual(runs.map(({ journeyId, label }) => ({ journeyId, label })));
    expect(c.rows.map((r) => r.step.id)).toEqual(SCRIPT.map((s) => s.id));
    expect(c.rows[0]?.cells).toEqual([
      { status: 'answered', value: true, evidenceCount: 0, problem: null },
      { status: 'answered', value: false, evidenceCount: 2, problem: null },
      { status: 'answered', value: true, evidenceCount: 0, problem: null },
    ]);
    expect(c.rows[2]?.cells.map((cell) => cell.status)).toEqual(['answered', 'skipped', 'answered']);
    expect(c.rows[3]?.cells.map((cell) => cell.status)).toEqual(['answered', 'missing', 'missing']);
    expect(c.totals).toEqual([
      { answered: 4, skipped: 0, missing: 0 },
      { answered: 2, skipped: 1, missing: 1 },
      { answered: 3, skipped: 0, missing: 1 },
    ]);
  });

  it('summarises each row: yes count for yes/no, mean, min and max for scales and numbers', () => {
    const [yes, rating, wait, comment] = compareScriptRuns(SCRIPT, runs).rows.map((r) => r.summary);
    expect(yes).toEqual({ answered: 3, skipped: 0, missing: 0, yes: 2, mean: null, min: null, max: null });
    expect(rating).toEqual({ answered: 3, skipped: 0, missing: 0, yes: null, mean: 3.67, min: 2, max: 5 });
    expect(wait).toEqual({ answered: 2, skipped: 1, missing: 0, yes: null, mean: 62.5, min: 30, max: 95 });
    expect(comment).toEqual({ answered: 1, skipped: 0, missing: 2, yes: null, mean: null, min: null, max: null });
  });

  it('leaves answers that no longer fit out of the row figures', () => {
    const c = compareScriptRuns([scale(2)], [{ journeyId: uuid(2, 1), label: 'A', answers: [answer(2, 9)] }, runs[0]!]);
    expect(c.rows[0]?.cells[0]?.problem).toEqual({ code: 'out-of-range', min: 1, max: 5 });
    expect(c.rows[0]?.summary).toMatchObject({ answered: 2, mean: 4, min: 4, max: 4 });
  });

  it('handles no runs and no steps', () => {
    expect(compareScriptRuns(SCRIPT, []).rows.every((r) => r.cells.length === 0)).toBe(true);
    expect(compareScriptRuns([], runs)).toEqual({
      runs: runs.map(({ journeyId, label }) => ({ journeyId, label })),
      rows: [],
      totals: runs.map(() => ({ answered: 0, skipped: 0, missing: 0 })),
    });
  });

  it('keeps the matrix rectangular and its counts consistent (property)', () => {
    const runArb = fc.record({
      journeyId: fc.constantFrom(ACME, GLOBEX),
      label: fc.string({ maxLength: 5 }),
      answers: fc.array(
        fc.record({
          n: fc.integer({ min: 1, max: 5 }),
          value: fc.oneof(fc.boolean(), fc.integer({ min: 0, max: 7 }), fc.constantFrom('ok', ''), fc.constant(null)),
          skipped: fc.boolean(),
          minute: fc.integer({ min: 0, max: 5 }),
        }),
        { maxLength: 8 },
      ),
    });
    fc.assert(
      fc.property(fc.array(runArb, { maxLength: 5 }), (drafts) => {
        const rs = drafts.map((d) => ({
          ...d,
          answers: d.answers.map((a) => answer(a.n, a.skipped ? null : a.value, a.minute, { skipped: a.skipped })),
        }));
        const c = compareScriptRuns(SCRIPT, rs);
        for (const row of c.rows) {
          expect(row.cells).toHaveLength(rs.length);
          expect(row.summary.answered + row.summary.skipped + row.summary.missing).toBe(rs.length);
        }
        c.totals.forEach((t) => {
          expect(t.answered + t.skipped + t.missing).toBe(SCRIPT.length);
        });
        const table = scriptComparisonRows(c);
        expect(table).toHaveLength(SCRIPT.length + 1);
        for (const line of table) expect(line).toHaveLength(4 + 3 * rs.length);
        expect(JSON.parse(JSON.stringify(c))).toEqual(c);
      }),
    );
  });
});

describe('scriptComparisonRows', () => {
  it('lays the matrix out for CSV: a header, then per step its answer, status and evidence per run', () => {
    const table = scriptComparisonRows(compareScriptRuns(SCRIPT.slice(0, 3), runs.slice(0, 2)));
    expect(table).toEqual([
      [
        'step_id',
        'step',
        'look_for',
        'criterion',
        'Initech: answer',
        'Initech: status',
        'Initech: evidence',
        'Acme: answer',
        'Acme: status',
        'Acme: evidence',
      ],
      [uuid(6, 1), 'Step 1', 'What to look for at step 1', 'yesno', 'yes', 'answered', 0, 'no', 'answered', 2],
      [uuid(6, 2), 'Step 2', 'What to look for at step 2', 'scale 1-5', 4, 'answered', 0, 2, 'answered', 0],
      [uuid(6, 3), 'Step 3', 'What to look for at step 3', 'number (seconds)', 30, 'answered', 0, '', 'skipped', 0],
    ]);
  });
});

describe('describeCriterion', () => {
  it.each<[ScriptStep['criterion'], string]>([
    [{ kind: 'yesno' }, 'yesno'],
    [{ kind: 'scale', min: 1, max: 5 }, 'scale 1-5'],
    [{ kind: 'number', unit: 'seconds' }, 'number (seconds)'],
    [{ kind: 'number', unit: '' }, 'number'],
    [{ kind: 'text' }, 'text'],
  ])('%j -> %s', (criterion, words) => {
    expect(describeCriterion(criterion)).toBe(words);
  });
});
