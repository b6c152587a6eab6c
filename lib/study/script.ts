import { bump } from '../journey/edit-result';
import type { AnswerValue, Criterion, ScriptStep, StepAnswer } from './types';

/**
 * A mystery-shopping script while a journey runs: which step is current,
 * which are answered, skipped or still missing, and the pure updates the
 * worker applies when the shopper answers, skips or attaches evidence.
 *
 * Answers are a list of `StepAnswer`, at most one per step. Lists merged
 * from two devices may hold two for a step: the later `answeredAt` counts
 * (the later in the list on a tie), and every update writes one back.
 * An update that changes nothing returns the same list (`===`), so a handler
 * that runs twice writes nothing the second time.
 */

/** Longest text answer, in characters after trimming. */
export const MAX_ANSWER_TEXT = 2_000;

/** Where a step stands: a value given, skipped on purpose, or neither yet. */
export type StepStatus = 'answered' | 'skipped' | 'missing';

/** Why an answer does not fit its step's criterion; plain data, for the UI to word. */
export type AnswerError =
  | { code: 'no-value' }
  | { code: 'not-boolean' }
  | { code: 'not-number' }
  | { code: 'not-integer' }
  | { code: 'out-of-range'; min: number | null; max: number | null }
  | { code: 'not-text' }
  | { code: 'blank' }
  | { code: 'too-long'; max: number };

/** A checked value, or why it was refused. */
export type Checked<T> = { ok: true; value: T } | { ok: false; error: AnswerError };

const refuse = (error: AnswerError): { ok: false; error: AnswerError } => ({ ok: false, error });

function checkNumber(value: unknown, min: number | null, max: number | null, integer: boolean): Checked<number> {
  if (typeof value !== 'number' || !Number.isFinite(value)) return refuse({ code: 'not-number' });
  if (integer && !Number.isInteger(value)) return refuse({ code: 'not-integer' });
  if ((min !== null && value < min) || (max !== null && value > max)) return refuse({ code: 'out-of-range', min, max });
  return { ok: true, value: value + 0 }; // + 0 turns -0 into 0, which JSON cannot tell apart
}

/**
 * Whether `value` answers a step with `criterion`: yes/no takes a boolean;
 * a scale an integer from its `min` to its `max`; a number any finite number
 * within its bounds when set; text a string, trimmed, not blank, at most
 * `MAX_ANSWER_TEXT` characters. The value returned is the one to store
 * (text trimmed). `null` is no answer: skip the step instead.
 */
export function validateAnswer(criterion: Criterion, value: unknown): Checked<AnswerValue> {
  if (value === null || value === undefined) return refuse({ code: 'no-value' });
  switch (criterion.kind) {
    case 'yesno':
      return typeof value === 'boolean' ? { ok: true, value } : refuse({ code: 'not-boolean' });
    case 'scale':
      return checkNumber(value, criterion.min, criterion.max, true);
    case 'number':
      return checkNumber(value, criterion.min ?? null, criterion.max ?? null, false);
    case 'text': {
      if (typeof value !== 'string') return refuse({ code: 'not-text' });
      const text = value.trim();
      if (text === '') return refuse({ code: 'blank' });
      if (text.length > MAX_ANSWER_TEXT) return refuse({ code: 'too-long', max: MAX_ANSWER_TEXT });
      return { ok: true, value: text };
    }
  }
}

/** A step's status from its answer (`undefined`: none yet). */
export function statusOf(answer: StepAnswer | undefined): StepStatus {
  if (answer === undefined) return 'missing';
  if (answer.skipped) return 'skipped';
  return answer.value === null ? 'missing' : 'answered';
}

/** The answer that counts for each step: the latest `answeredAt`, the later in the list on a tie. */
export function answersByStep(answers: readonly StepAnswer[]): Map<string, StepAnswer> {
  const byStep = new Map<string, StepAnswer>();
  for (const answer of answers) {
    const seen = byStep.get(answer.stepId);
    if (seen === undefined || Date.parse(answer.answeredAt) >= Date.parse(seen.answeredAt)) byStep.set(answer.stepId, answer);
  }
  return byStep;
}

/** One step of the checklist, with its status and the answer that counts. */
export interface StepProgress {
  step: ScriptStep;
  status: StepStatus;
  answer: StepAnswer | null;
}

/** The checklist while a journey runs. Ids are in script order. */
export interface ScriptProgress {
  /** The step to work on: the first neither answered nor skipped; `null` when every step is one or the other. */
  current: ScriptStep | null;
  steps: StepProgress[];
  answered: string[];
  /** Skipped steps stay in the checklist and can be answered or unskipped later. */
  skipped: string[];
  missing: string[];
  /** Steps answered that the script no longer has (edited since), in the order of the answers. */
  orphaned: string[];
}

/** The checklist of `script` given the journey's `answers`. */
export function scriptProgress(script: readonly ScriptStep[], answers: readonly StepAnswer[]): ScriptProgress {
  const byStep = answersByStep(answers);
  const steps = script.map((step) => {
    const answer = byStep.get(step.id);
    return { step, status: statusOf(answer), answer: answer ?? null };
  });
  const ids = (status: StepStatus) => steps.filter((s) => s.status === status).map((s) => s.step.id);
  const inScript = new Set(script.map((s) => s.id));
  return {
    current: steps.find((s) => s.status === 'missing')?.step ?? null,
    steps,
    answered: ids('answered'),
    skipped: ids('skipped'),
    missing: ids('missing'),
    orphaned: [...byStep.keys()].filter((id) => !inScript.has(id)),
  };
}

/** A step with no answer record is the same as one with no value, no skip and no evidence. */
const NO_ANSWER = { value: null, skipped: false, touchpointIds: [] } as const;

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * `answers` with the step's answer changed by `change` at `now`: one answer
 * for the step, where its first one was (or at the end), stamped later than
 * the one it replaces. The same list when nothing changes.
 */
function withAnswer(
  answers: readonly StepAnswer[],
  stepId: string,
  now: number,
  change: (prev: StepAnswer | undefined) => Omit<StepAnswer, 'stepId' | 'answeredAt'> | undefined,
): StepAnswer[] {
  const byStep = answersByStep(answers);
  const prev = byStep.get(stepId);
  const next = change(prev);
  const duplicates = answers.filter((a) => a.stepId === stepId).length > 1;
  const before = prev ?? NO_ANSWER;
  const unchanged =
    next === undefined ||
    (before.value === next.value && before.skipped === next.skipped && sameIds(before.touchpointIds, next.touchpointIds));
  if (unchanged && !duplicates) return answers as StepAnswer[];
  const merged: StepAnswer =
    unchanged && prev !== undefined
      ? prev
      : { stepId, ...next!, answeredAt: prev === undefined ? new Date(now).toISOString() : bump(prev.answeredAt, now) };
  const at = answers.findIndex((a) => a.stepId === stepId);
  const rest = answers.filter((a) => a.stepId !== stepId);
  if (at === -1) return [...rest, merged];
  return [...rest.slice(0, at), merged, ...rest.slice(at)];
}

/** `ids` then those of `more` not in it. */
const union = (ids: readonly string[], more: readonly string[]) => [
  ...ids,
  ...more.filter((id, i) => !ids.includes(id) && more.indexOf(id) === i),
];

/**
 * Answer `step` with `value` at `now` (ms), adding `touchpointIds` as
 * evidence to any it has. Answering a skipped step unskips it. Refused,
 * with the reason, when the value does not fit the step's criterion.
 */
export function answerStep(
  answers: readonly StepAnswer[],
  step: ScriptStep,
  value: unknown,
  now: number,
  touchpointIds: readonly string[] = [],
): Checked<StepAnswer[]> {
  const checked = validateAnswer(step.criterion, value);
  if (!checked.ok) return checked;
  return {
    ok: true,
    value: withAnswer(answers, step.id, now, (prev) => ({
      value: checked.value,
      skipped: false,
      touchpointIds: union(prev?.touchpointIds ?? [], touchpointIds),
    })),
  };
}

/** Skip a step at `now`: its value is cleared, its evidence kept, and it stays in the checklist. */
export function skipStep(answers: readonly StepAnswer[], stepId: string, now: number): StepAnswer[] {
  return withAnswer(answers, stepId, now, (prev) => ({ value: null, skipped: true, touchpointIds: prev?.touchpointIds ?? [] }));
}

/** Undo a skip at `now`: the step is missing again (with its evidence). Nothing changes for a step not skipped. */
export function unskip(answers: readonly StepAnswer[], stepId: string, now: number): StepAnswer[] {
  return withAnswer(answers, stepId, now, (prev) =>
    prev?.skipped ? { value: null, skipped: false, touchpointIds: prev.touchpointIds } : undefined,
  );
}

/** Attach touchpoints as evidence for a step at `now`, without answering it. */
export function attachEvidence(
  answers: readonly StepAnswer[],
  stepId: string,
  touchpointIds: readonly string[],
  now: number,
): StepAnswer[] {
  return withAnswer(answers, stepId, now, (prev) => ({
    value: prev?.value ?? null,
    skipped: prev?.skipped ?? false,
    touchpointIds: union(prev?.touchpointIds ?? [], touchpointIds),
  }));
}

/** Remove a touchpoint (deleted, or moved to another journey) from every step's evidence at `now`. */
export function detachEvidence(answers: readonly StepAnswer[], touchpointId: string, now: number): StepAnswer[] {
  let out = answers as StepAnswer[];
  for (const stepId of new Set(answers.map((a) => a.stepId))) {
    out = withAnswer(out, stepId, now, (prev) =>
      prev?.touchpointIds.includes(touchpointId)
        ? { value: prev.value, skipped: prev.skipped, touchpointIds: prev.touchpointIds.filter((id) => id !== touchpointId) }
        : undefined,
    );
  }
  return out;
}

/** What is wrong with a script, as the editor shows it; empty when nothing is. */
export type ScriptProblem =
  | { code: 'duplicate-id'; stepId: string }
  | { code: 'blank-title'; stepId: string }
  | { code: 'bad-range'; stepId: string };

/** Problems of a script: repeated step ids, blank titles, a number criterion whose `min` is above its `max`. */
export function scriptProblems(script: readonly ScriptStep[]): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  const seen = new Set<string>();
  for (const step of script) {
    if (seen.has(step.id)) problems.push({ code: 'duplicate-id', stepId: step.id });
    seen.add(step.id);
    if (step.title.trim() === '') problems.push({ code: 'blank-title', stepId: step.id });
    const c = step.criterion;
    if (c.kind === 'number' && c.min !== undefined && c.max !== undefined && c.min > c.max)
      problems.push({ code: 'bad-range', stepId: step.id });
  }
  return problems;
}
