import { activeMs, pauseSpans } from '../journey/pauses';
import type { Journey } from '../model/journey';
import type { Touchpoint } from '../model/touchpoint';
import { type AnswerError, answersByStep, type StepStatus, statusOf, validateAnswer } from './script';
import type { AnswerValue, Criterion, ScriptStep, StepAnswer } from './types';

/**
 * What a script's answers come to: per step for one journey (the journey
 * report), and step by step across several journeys that ran the same
 * script (one per competitor, say), as a matrix a table and a CSV exporter
 * both read. Plain JSON out: no `NaN`, no `Date`.
 */

/** A touchpoint that shows a step's answer. */
export interface Evidence {
  touchpointId: string;
  capturedAt: string;
  /** The screenshot's path in a ZIP bundle (`screenshots/<id>.webp`); `null` when it has none. */
  screenshot: string | null;
  /** Capture time less the journey's start, in ms (never negative). */
  sinceStartMs: number;
  /** The same, less the time the journey was paused in between, as the journey metrics count time. */
  activeSinceStartMs: number;
}

/** One step of the journey report. */
export interface StepReport {
  step: ScriptStep;
  status: StepStatus;
  /** The answer given; `null` when skipped or missing. */
  value: AnswerValue;
  answeredAt: string | null;
  /** Why a stored answer no longer fits the step (the script was edited after it was given); `null` when it does. */
  problem: AnswerError | null;
  /** The evidence found among the journey's touchpoints, in capture order. */
  evidence: Evidence[];
  /** Evidence ids with no touchpoint in the journey (deleted or moved since). */
  missingEvidence: string[];
}

/** The journey report's script section. */
export interface ScriptReport {
  steps: StepReport[];
  answered: number;
  skipped: number;
  missing: number;
}

/** What the report needs of a journey and its touchpoints. */
export type ReportJourney = Pick<Journey, 'startedAt' | 'pauses'>;
export type ReportTouchpoint = Pick<Touchpoint, 'id' | 'capturedAt' | 'screenshot'>;

/** A stored answer's problem against the step as it is now; `null` for none or no value. */
function problemOf(criterion: Criterion, answer: StepAnswer | undefined): AnswerError | null {
  if (answer === undefined || statusOf(answer) !== 'answered') return null;
  const checked = validateAnswer(criterion, answer.value);
  return checked.ok ? null : checked.error;
}

const byCaptureTime = (a: ReportTouchpoint, b: ReportTouchpoint) =>
  Date.parse(a.capturedAt) - Date.parse(b.capturedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The per-step report of one journey's run of `script`. */
export function scriptReport(
  script: readonly ScriptStep[],
  journey: ReportJourney,
  answers: readonly StepAnswer[],
  touchpoints: readonly ReportTouchpoint[],
): ScriptReport {
  const byStep = answersByStep(answers);
  const byId = new Map(touchpoints.map((tp) => [tp.id, tp]));
  const start = Date.parse(journey.startedAt);
  const last = touchpoints.reduce((max, tp) => Math.max(max, Date.parse(tp.capturedAt)), start);
  const spans = pauseSpans(journey.pauses, last);
  const evidenceOf = (tp: ReportTouchpoint): Evidence => {
    const at = Date.parse(tp.capturedAt);
    return {
      touchpointId: tp.id,
      capturedAt: tp.capturedAt,
      screenshot: tp.screenshot?.path ?? null,
      sinceStartMs: Math.max(0, at - start),
      activeSinceStartMs: activeMs(spans, start, at),
    };
  };
  const steps = script.map((step): StepReport => {
    const answer = byStep.get(step.id);
    const status = statusOf(answer);
    const ids = [...new Set(answer?.touchpointIds ?? [])];
    const found = ids.flatMap((id) => byId.get(id) ?? []);
    return {
      step,
      status,
      value: status === 'answered' ? (answer?.value ?? null) : null,
      answeredAt: answer?.answeredAt ?? null,
      problem: problemOf(step.criterion, answer),
      evidence: found.sort(byCaptureTime).map(evidenceOf),
      missingEvidence: ids.filter((id) => !byId.has(id)),
    };
  });
  const count = (status: StepStatus) => steps.filter((s) => s.status === status).length;
  return { steps, answered: count('answered'), skipped: count('skipped'), missing: count('missing') };
}

/** One journey's run of a script, to compare: `label` heads its column (a competitor's name, the researcher). */
export interface ScriptRun {
  journeyId: string;
  label: string;
  answers: readonly StepAnswer[];
}

/** One journey's answer to one step. */
export interface ComparisonCell {
  status: StepStatus;
  value: AnswerValue;
  evidenceCount: number;
  problem: AnswerError | null;
}

/**
 * A row's figures over the runs, from answers that fit the step. `yes` counts
 * yes answers (yes/no steps only); `mean`, `min`, `max` are over scale and
 * number answers (mean rounded to 2 decimals). `null` where they do not apply
 * or there is nothing to count.
 */
export interface RowSummary {
  answered: number;
  skipped: number;
  missing: number;
  yes: number | null;
  mean: number | null;
  min: number | null;
  max: number | null;
}

/** One step across the runs: `cells[i]` belongs to `runs[i]`. */
export interface ComparisonRow {
  step: ScriptStep;
  cells: ComparisonCell[];
  summary: RowSummary;
}

/** The same script across journeys, step by step; `totals[i]` belongs to `runs[i]`. */
export interface ScriptComparison {
  runs: { journeyId: string; label: string }[];
  rows: ComparisonRow[];
  totals: { answered: number; skipped: number; missing: number }[];
}

function cellOf(step: ScriptStep, answer: StepAnswer | undefined): ComparisonCell {
  const status = statusOf(answer);
  return {
    status,
    value: status === 'answered' ? (answer?.value ?? null) : null,
    evidenceCount: new Set(answer?.touchpointIds ?? []).size,
    problem: problemOf(step.criterion, answer),
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100 + 0;

function summaryOf(step: ScriptStep, cells: readonly ComparisonCell[]): RowSummary {
  const fitting = cells.filter((c) => c.status === 'answered' && c.problem === null).map((c) => c.value);
  const numbers = fitting.filter((v): v is number => typeof v === 'number');
  const numeric = step.criterion.kind === 'scale' || step.criterion.kind === 'number';
  const any = numeric && numbers.length > 0;
  return {
    answered: cells.filter((c) => c.status === 'answered').length,
    skipped: cells.filter((c) => c.status === 'skipped').length,
    missing: cells.filter((c) => c.status === 'missing').length,
    yes: step.criterion.kind === 'yesno' ? fitting.filter((v) => v === true).length : null,
    mean: any ? round2(numbers.reduce((s, n) => s + n, 0) / numbers.length) : null,
    min: any ? Math.min(...numbers) : null,
    max: any ? Math.max(...numbers) : null,
  };
}

/** `script` across `runs`, side by side: one row per step in script order, one column per run in the order given. */
export function compareScriptRuns(script: readonly ScriptStep[], runs: readonly ScriptRun[]): ScriptComparison {
  const answers = runs.map((run) => answersByStep(run.answers));
  const rows = script.map((step) => {
    const cells = answers.map((byStep) => cellOf(step, byStep.get(step.id)));
    return { step, cells, summary: summaryOf(step, cells) };
  });
  const totals = runs.map((_, i) => {
    const count = (status: StepStatus) => rows.filter((row) => row.cells[i]?.status === status).length;
    return { answered: count('answered'), skipped: count('skipped'), missing: count('missing') };
  });
  return { runs: runs.map(({ journeyId, label }) => ({ journeyId, label })), rows, totals };
}

/** A criterion in a table cell: `yesno`, `scale 1-5`, `number (seconds)`, `text`. */
export function describeCriterion(criterion: Criterion): string {
  switch (criterion.kind) {
    case 'scale':
      return `scale ${criterion.min}-${criterion.max}`;
    case 'number':
      return criterion.unit === '' ? 'number' : `number (${criterion.unit})`;
    default:
      return criterion.kind;
  }
}

/** An answer in a table cell: `yes`/`no`, the number, the text; `''` for none. */
const cellValue = (value: AnswerValue): string | number => (typeof value === 'boolean' ? (value ? 'yes' : 'no') : (value ?? ''));

/**
 * The comparison as rows of cells for a CSV exporter: a header, then one
 * row per step with its id, title, what to look for and criterion, and per
 * run its answer, status and number of evidence touchpoints. Numbers stay
 * numbers; text is as written (the exporter escapes it).
 */
export function scriptComparisonRows(comparison: ScriptComparison): (string | number)[][] {
  const header = [
    'step_id',
    'step',
    'look_for',
    'criterion',
    ...comparison.runs.flatMap((run) => [`${run.label}: answer`, `${run.label}: status`, `${run.label}: evidence`]),
  ];
  const rows = comparison.rows.map((row) => [
    row.step.id,
    row.step.title,
    row.step.lookFor,
    describeCriterion(row.step.criterion),
    ...row.cells.flatMap((cell) => [cellValue(cell.value), cell.status, cell.evidenceCount]),
  ]);
  return [header, ...rows];
}
