import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answerStep,
  answersByStep,
  attachEvidence,
  detachEvidence,
  scriptProgress,
  skipStep,
  statusOf,
  unskip,
  validateAnswer,
} from '@/lib/study/script';
import type { StepAnswer } from '@/lib/study/types';
import { SCRIPT, T, uuid } from './records';

/** Values of every type, in and out of range, so both answers and refusals happen. */
const valueArb = fc.oneof(
  fc.boolean(),
  fc.integer({ min: -2, max: 8 }),
  fc.double({ min: -10, max: 700, noNaN: true }),
  fc.constantFrom('', '  ', 'Friendly', ' Slow queue '),
  fc.constant(null),
);

/** A step index that is sometimes not in the script (an answer from an older version of it). */
const stepIdArb = fc.integer({ min: 0, max: SCRIPT.length }).map((i) => SCRIPT[i]?.id ?? uuid(6, 99));
const tpIdsArb = fc.subarray([uuid(2, 1), uuid(2, 2), uuid(2, 3)]);
const nowArb = fc.integer({ min: T(-30), max: T(60) });

type Op = (answers: StepAnswer[]) => StepAnswer[];

const opArb: fc.Arbitrary<{ name: string; run: Op }> = fc.oneof(
  fc.record({ i: fc.nat(SCRIPT.length - 1), value: valueArb, now: nowArb, tps: tpIdsArb }).map(({ i, value, now, tps }) => ({
    name: 'answer',
    run: (a: StepAnswer[]) => {
      const r = answerStep(a, SCRIPT[i]!, value, now, tps);
      return r.ok ? r.value : a;
    },
  })),
  fc
    .record({ id: stepIdArb, now: nowArb })
    .map(({ id, now }) => ({ name: 'skip', run: (a: StepAnswer[]) => skipStep(a, id, now) })),
  fc
    .record({ id: stepIdArb, now: nowArb })
    .map(({ id, now }) => ({ name: 'unskip', run: (a: StepAnswer[]) => unskip(a, id, now) })),
  fc
    .record({ id: stepIdArb, now: nowArb, tps: tpIdsArb })
    .map(({ id, now, tps }) => ({ name: 'attach', run: (a: StepAnswer[]) => attachEvidence(a, id, tps, now) })),
  fc
    .record({ tp: fc.constantFrom(uuid(2, 1), uuid(2, 2)), now: nowArb })
    .map(({ tp, now }) => ({ name: 'detach', run: (a: StepAnswer[]) => detachEvidence(a, tp, now) })),
);

describe('script (properties)', () => {
  it('keeps the checklist a partition of the script, with the first missing step current', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 25 }), (ops) => {
        let answers: StepAnswer[] = [];
        for (const op of ops) {
          answers = op.run(answers);
          const p = scriptProgress(SCRIPT, answers);
          const all = [...p.answered, ...p.skipped, ...p.missing];
          expect(all.sort()).toEqual(SCRIPT.map((s) => s.id).sort());
          expect(p.current?.id ?? null).toBe(p.missing[0] ?? null);
          // one answer per step, unique evidence
          expect(new Set(answers.map((a) => a.stepId)).size).toBe(answers.length);
          for (const a of answers) expect(new Set(a.touchpointIds).size).toBe(a.touchpointIds.length);
          // a skipped step has no value; an answered one a value that fits its step
          for (const { step, status, answer } of p.steps) {
            if (status === 'skipped') expect(answer?.value).toBeNull();
            if (status === 'answered') expect(validateAnswer(step.criterion, answer?.value).ok).toBe(true);
          }
          expect(JSON.parse(JSON.stringify(answers))).toEqual(answers);
        }
      }),
    );
  });

  it('gives the same list when an update runs twice (a retried handler writes nothing)', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 10 }), opArb, (setup, op) => {
        const answers = setup.reduce((a, o) => o.run(a), [] as StepAnswer[]);
        const once = op.run(answers);
        expect(op.run(once)).toBe(once);
      }),
    );
  });

  it('stamps a changed answer later than the one it replaces, and leaves other steps alone', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 10 }), opArb, (setup, op) => {
        const before = setup.reduce((a, o) => o.run(a), [] as StepAnswer[]);
        const after = op.run(before);
        const was = answersByStep(before);
        let changed = 0;
        for (const [stepId, answer] of answersByStep(after)) {
          const prev = was.get(stepId);
          if (prev === answer) continue;
          if (op.name !== 'detach') changed++;
          if (prev !== undefined) expect(Date.parse(answer.answeredAt)).toBeGreaterThan(Date.parse(prev.answeredAt));
        }
        expect(changed).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('skip then unskip leaves the step missing with its evidence', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 10 }), fc.nat(SCRIPT.length - 1), nowArb, (setup, i, now) => {
        const id = SCRIPT[i]!.id;
        const before = setup.reduce((a, o) => o.run(a), [] as StepAnswer[]);
        const evidence = answersByStep(before).get(id)?.touchpointIds ?? [];
        const after = unskip(skipStep(before, id, now), id, now);
        const answer = answersByStep(after).get(id);
        expect(statusOf(answer)).toBe('missing');
        expect(answer?.touchpointIds).toEqual(evidence);
      }),
    );
  });

  it('works on lists merged from two devices: the answer that counts for each untouched step stays the same', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 8 }), fc.array(opArb, { maxLength: 8 }), opArb, (mine, theirs, op) => {
        const merged = [
          ...mine.reduce((a, o) => o.run(a), [] as StepAnswer[]),
          ...theirs.reduce((a, o) => o.run(a), [] as StepAnswer[]),
        ];
        const before = answersByStep(merged);
        const once = op.run(merged);
        const after = answersByStep(once);
        expect(op.run(once)).toBe(once);
        const changed = [...after].filter(([stepId, answer]) => before.get(stepId) !== answer);
        if (op.name !== 'detach') expect(changed.length).toBeLessThanOrEqual(1);
        expect([...after.keys()].sort()).toEqual([...new Set([...before.keys(), ...after.keys()])].sort());
      }),
    );
  });
});
