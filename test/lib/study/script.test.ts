import { describe, expect, it } from 'vitest';
import {
  answerStep,
  answersByStep,
  attachEvidence,
  detachEvidence,
  MAX_ANSWER_TEXT,
  scriptProblems,
  scriptProgress,
  skipStep,
  statusOf,
  unskip,
  validateAnswer,
} from '@/lib/study/script';
import type { Criterion, StepAnswer } from '@/lib/study/types';
import { answer, iso, SCRIPT, scale, seconds, T, text, uuid, yesno } from './records';

const step = (n: number) => SCRIPT[n - 1]!;
const ok = <T>(result: { ok: true; value: T } | { ok: false }): T => {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
  return result.value;
};

describe('validateAnswer', () => {
  const YESNO: Criterion = { kind: 'yesno' };
  const SCALE: Criterion = { kind: 'scale', min: 1, max: 5 };
  const WAIT: Criterion = { kind: 'number', unit: 'seconds', min: 0, max: 600 };
  const ANY: Criterion = { kind: 'number', unit: '' };
  const TEXT: Criterion = { kind: 'text' };

  it.each<[string, Criterion, unknown, unknown]>([
    ['yes', YESNO, true, true],
    ['no', YESNO, false, false],
    ['scale low end', SCALE, 1, 1],
    ['scale high end', SCALE, 5, 5],
    ['wait at its bounds', WAIT, 0, 0],
    ['wait inside', WAIT, 12.5, 12.5],
    ['wait of -0 stored as 0', WAIT, -0, 0],
    ['an unbounded number', ANY, -1e6, -1e6],
    ['text, trimmed', TEXT, '  Friendly staff \n', 'Friendly staff'],
    ['text at the cap', TEXT, 'x'.repeat(MAX_ANSWER_TEXT), 'x'.repeat(MAX_ANSWER_TEXT)],
    ['Persian text', TEXT, 'کارکنان مهربان', 'کارکنان مهربان'],
  ])('accepts %s', (_, criterion, value, stored) => {
    expect(validateAnswer(criterion, value)).toEqual({ ok: true, value: stored });
  });

  it.each<[string, Criterion, unknown, unknown]>([
    ['null', YESNO, null, { code: 'no-value' }],
    ['undefined', TEXT, undefined, { code: 'no-value' }],
    ['"yes" for yes/no', YESNO, 'yes', { code: 'not-boolean' }],
    ['1 for yes/no', YESNO, 1, { code: 'not-boolean' }],
    ['0 on the scale', SCALE, 0, { code: 'out-of-range', min: 1, max: 5 }],
    ['6 on the scale', SCALE, 6, { code: 'out-of-range', min: 1, max: 5 }],
    ['2.5 on the scale', SCALE, 2.5, { code: 'not-integer' }],
    ['"3" on the scale', SCALE, '3', { code: 'not-number' }],
    ['NaN', WAIT, Number.NaN, { code: 'not-number' }],
    ['Infinity', ANY, Number.POSITIVE_INFINITY, { code: 'not-number' }],
    ['a negative wait', WAIT, -1, { code: 'out-of-range', min: 0, max: 600 }],
    ['a wait over the max', WAIT, 601, { code: 'out-of-range', min: 0, max: 600 }],
    ['a boolean for a number', WAIT, true, { code: 'not-number' }],
    ['a number for text', TEXT, 3, { code: 'not-text' }],
    ['blank text', TEXT, ' \t\n ', { code: 'blank' }],
    ['text over the cap', TEXT, 'x'.repeat(MAX_ANSWER_TEXT + 1), { code: 'too-long', max: MAX_ANSWER_TEXT }],
  ])('refuses %s', (_, criterion, value, error) => {
    expect(validateAnswer(criterion, value)).toEqual({ ok: false, error });
  });

  it('bounds a number on one side only', () => {
    const atLeast: Criterion = { kind: 'number', unit: 'items', min: 1 };
    expect(validateAnswer(atLeast, 0)).toEqual({ ok: false, error: { code: 'out-of-range', min: 1, max: null } });
    expect(validateAnswer(atLeast, 1e9)).toEqual({ ok: true, value: 1e9 });
  });
});

describe('statusOf', () => {
  it.each<[string, StepAnswer | undefined, string]>([
    ['no answer', undefined, 'missing'],
    ['a value', answer(1, false), 'answered'],
    ['a skip', answer(1, null, 1, { skipped: true }), 'skipped'],
    ['evidence only', answer(1, null, 1, { touchpointIds: [uuid(2, 1)] }), 'missing'],
  ])('%s: %s', (_, a, status) => {
    expect(statusOf(a)).toBe(status);
  });
});

describe('answersByStep', () => {
  it('keeps the latest answer per step, the later in the list on a tie', () => {
    const byStep = answersByStep([answer(1, true, 5), answer(1, false, 3), answer(2, 4, 1), answer(2, 5, 1)]);
    expect(byStep.get(uuid(6, 1))?.value).toBe(true);
    expect(byStep.get(uuid(6, 2))?.value).toBe(5);
  });
});

describe('scriptProgress', () => {
  it('starts at the first step with everything missing', () => {
    const p = scriptProgress(SCRIPT, []);
    expect(p.current).toBe(step(1));
    expect(p.missing).toEqual(SCRIPT.map((s) => s.id));
    expect(p).toMatchObject({ answered: [], skipped: [], orphaned: [] });
  });

  it('makes the first step neither answered nor skipped current; skipped steps stay listed', () => {
    const p = scriptProgress(SCRIPT, [answer(1, true), answer(2, null, 2, { skipped: true }), answer(4, 'Rude')]);
    expect(p.current).toBe(step(3));
    expect(p.answered).toEqual([uuid(6, 1), uuid(6, 4)]);
    expect(p.skipped).toEqual([uuid(6, 2)]);
    expect(p.missing).toEqual([uuid(6, 3)]);
    expect(p.steps.map((s) => s.status)).toEqual(['answered', 'skipped', 'missing', 'answered']);
    expect(p.steps[1]?.answer?.skipped).toBe(true);
  });

  it('has no current step when every step is answered or skipped', () => {
    const answers = [answer(1, true), answer(2, 3), answer(3, null, 3, { skipped: true }), answer(4, 'ok')];
    expect(scriptProgress(SCRIPT, answers).current).toBeNull();
  });

  it('lists answers to steps the script no longer has', () => {
    const p = scriptProgress(SCRIPT, [answer(9, true), answer(1, true)]);
    expect(p.orphaned).toEqual([uuid(6, 9)]);
    expect(p.answered).toEqual([uuid(6, 1)]);
  });

  it('handles an empty script', () => {
    expect(scriptProgress([], [])).toEqual({ current: null, steps: [], answered: [], skipped: [], missing: [], orphaned: [] });
  });
});

describe('answerStep', () => {
  it('adds an answer stamped at now, with its evidence', () => {
    const answers = ok(answerStep([], step(1), true, T(2), [uuid(2, 1)]));
    expect(answers).toEqual([
      { stepId: uuid(6, 1), value: true, skipped: false, touchpointIds: [uuid(2, 1)], answeredAt: iso(T(2)) },
    ]);
  });

  it('replaces the value in place, adds evidence without repeats, and stamps later than before', () => {
    const before = [answer(1, true, 1, { touchpointIds: [uuid(2, 1)] }), answer(2, 3, 2)];
    const after = ok(answerStep(before, step(1), false, T(5), [uuid(2, 2), uuid(2, 1), uuid(2, 2)]));
    expect(after).toEqual([
      { ...before[0], value: false, touchpointIds: [uuid(2, 1), uuid(2, 2)], answeredAt: iso(T(5)) },
      before[1],
    ]);
    expect(before[0]?.value).toBe(true);
  });

  it('stamps after the previous answer when this clock is behind', () => {
    const after = ok(answerStep([answer(1, true, 10)], step(1), false, T(0)));
    expect(after[0]?.answeredAt).toBe(iso(T(10) + 1));
  });

  it('unskips a skipped step', () => {
    const after = ok(answerStep([answer(2, null, 1, { skipped: true })], step(2), 4, T(3)));
    expect(after[0]).toMatchObject({ value: 4, skipped: false });
  });

  it('refuses a value that does not fit, changing nothing', () => {
    expect(answerStep([], step(2), 7, T(1))).toEqual({ ok: false, error: { code: 'out-of-range', min: 1, max: 5 } });
    expect(answerStep([], step(1), null, T(1))).toEqual({ ok: false, error: { code: 'no-value' } });
  });

  it('returns the same list when the answer is already given', () => {
    const before = [answer(4, 'Friendly')];
    expect(ok(answerStep(before, step(4), '  Friendly ', T(9)))).toBe(before);
  });

  it('collapses duplicates of the step into the one that counts', () => {
    const before = [answer(1, true, 5), answer(2, 3), answer(1, false, 3)];
    expect(ok(answerStep(before, step(1), true, T(9)))).toEqual([answer(1, true, 5), answer(2, 3)]);
  });
});

describe('skipStep and unskip', () => {
  it('skips a step: value cleared, evidence kept', () => {
    const before = [answer(1, true, 1, { touchpointIds: [uuid(2, 1)] })];
    expect(skipStep(before, uuid(6, 1), T(4))).toEqual([
      { stepId: uuid(6, 1), value: null, skipped: true, touchpointIds: [uuid(2, 1)], answeredAt: iso(T(4)) },
    ]);
  });

  it('skips a step never answered', () => {
    expect(statusOf(skipStep([], uuid(6, 3), T(1))[0])).toBe('skipped');
  });

  it('makes an unskipped step missing again, with its evidence', () => {
    const skipped = skipStep([answer(1, true, 1, { touchpointIds: [uuid(2, 1)] })], uuid(6, 1), T(4));
    const back = unskip(skipped, uuid(6, 1), T(6));
    expect(back[0]).toEqual({
      stepId: uuid(6, 1),
      value: null,
      skipped: false,
      touchpointIds: [uuid(2, 1)],
      answeredAt: iso(T(6)),
    });
    expect(scriptProgress(SCRIPT, back).current).toBe(step(1));
  });

  it('changes nothing when skipping a skipped step or unskipping one not skipped', () => {
    const skipped = skipStep([], uuid(6, 1), T(1));
    expect(skipStep(skipped, uuid(6, 1), T(2))).toBe(skipped);
    const answered = [answer(1, true)];
    expect(unskip(answered, uuid(6, 1), T(2))).toBe(answered);
    expect(unskip([], uuid(6, 1), T(2))).toEqual([]);
  });
});

describe('attachEvidence and detachEvidence', () => {
  it('attaches evidence to a step without answering it', () => {
    const after = attachEvidence([], uuid(6, 2), [uuid(2, 1)], T(1));
    expect(after).toEqual([
      { stepId: uuid(6, 2), value: null, skipped: false, touchpointIds: [uuid(2, 1)], answeredAt: iso(T(1)) },
    ]);
    expect(statusOf(after[0])).toBe('missing');
  });

  it('keeps the value and skip of an answer it attaches to', () => {
    const after = attachEvidence([answer(1, true)], uuid(6, 1), [uuid(2, 5)], T(3));
    expect(after[0]).toMatchObject({ value: true, skipped: false, touchpointIds: [uuid(2, 5)] });
  });

  it('writes nothing for no evidence, or evidence already attached', () => {
    const empty: StepAnswer[] = [];
    expect(attachEvidence(empty, uuid(6, 1), [], T(1))).toBe(empty);
    const once = attachEvidence([], uuid(6, 1), [uuid(2, 1)], T(1));
    expect(attachEvidence(once, uuid(6, 1), [uuid(2, 1)], T(2))).toBe(once);
  });

  it('removes a touchpoint from every step it is evidence for, leaving the others alone', () => {
    const before = [
      answer(1, true, 1, { touchpointIds: [uuid(2, 1), uuid(2, 2)] }),
      answer(2, 3, 2, { touchpointIds: [uuid(2, 2)] }),
      answer(3, 10, 3, { touchpointIds: [uuid(2, 3)] }),
    ];
    const after = detachEvidence(before, uuid(2, 2), T(9));
    expect(after.map((a) => a.touchpointIds)).toEqual([[uuid(2, 1)], [], [uuid(2, 3)]]);
    expect(after[2]).toBe(before[2]);
    expect(detachEvidence(after, uuid(2, 2), T(10))).toBe(after);
  });
});

describe('scriptProblems', () => {
  it('finds repeated ids, blank titles and reversed ranges', () => {
    const script = [yesno(1), { ...scale(1) }, yesno(2, '  '), seconds(3, 10, 5), seconds(4, 5, 5), text(5)];
    expect(scriptProblems(script)).toEqual([
      { code: 'duplicate-id', stepId: uuid(6, 1) },
      { code: 'blank-title', stepId: uuid(6, 2) },
      { code: 'bad-range', stepId: uuid(6, 3) },
    ]);
    expect(scriptProblems(SCRIPT)).toEqual([]);
  });
});
