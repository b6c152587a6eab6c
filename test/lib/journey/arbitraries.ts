import fc from 'fast-check';
import type { SessionEvent } from '@/lib/journey/assemble';
import type { Interaction } from '@/lib/model/interaction';
import type { Journey } from '@/lib/model/journey';
import { EFFORTS, EMOTIONS, type Touchpoint } from '@/lib/model/touchpoint';
import { INTERACTION_KINDS, TAG_MOMENT_OF_TRUTH, TAG_PAIN_POINT } from '@/lib/model/vocabulary';
import { interaction, iso, journey, T, touchpoint } from './records';

/**
 * fast-check arbitraries for the journey engine. Records go through the
 * builders in records.ts, which parse them with the model's schemas.
 *
 * Events built to hit the assembler's edges: few tabs, openers among them
 * (cycles included), times from a small grid so events tie, gaps equal to,
 * just under and just over the gap used in the tests.
 */

/** The gap the property tests assemble with. */
export const GAP = 100;

const step = fc.constantFrom(0, 0, 1, 50, GAP - 1, GAP, GAP + 1, 3 * GAP);

/** Unique ids, so (at, id) orders the events totally. */
export const sessionEventsArb: fc.Arbitrary<SessionEvent[]> = fc
  .array(
    fc.record({
      step,
      tabId: fc.integer({ min: 1, max: 5 }),
      openerTabId: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 3 }),
      id: fc.string({ minLength: 1, maxLength: 3 }),
    }),
    { maxLength: 40 },
  )
  .map((drafts) => {
    let at = -GAP; // negative times too: the sort handles the sign
    return drafts.map((d, i) => {
      at += d.step;
      return { id: `${d.id}#${i}`, at, tabId: d.tabId, openerTabId: d.openerTabId };
    });
  })
  .chain((events) => fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }));

/** Minutes from 10:00 on the test day: a small grid, so records tie. */
const minute = fc.integer({ min: -5, max: 30 });

const pauseArb = fc
  .tuple(minute, fc.option(fc.integer({ min: -3, max: 10 }), { nil: null }))
  .map(([start, length]) => ({ start: iso(T(start)), end: length === null ? null : iso(T(start + length)) }));

/** A journey in any state, with pauses that may overlap, be open, or end before they start. */
export const journeyArb: fc.Arbitrary<Journey> = fc
  .record({
    status: fc.constantFrom('running' as const, 'paused' as const, 'ended' as const),
    end: fc.option(minute, { nil: null }),
    pauses: fc.array(pauseArb, { maxLength: 4 }),
    stages: fc.constantFrom(['awareness', 'purchase'], ['consider', 'buy', 'bond']),
  })
  .map(({ status, end, pauses, stages }) =>
    journey({ status, endedAt: end === null ? null : iso(T(end)), pauses, stages: [...stages] }),
  );

/** A touchpoint of J1 with id `n`, rated and staged at random, sometimes moved (position not its time). */
export const touchpointArb = (n: number): fc.Arbitrary<Touchpoint> =>
  fc
    .record({
      at: minute,
      moved: fc.option(fc.double({ min: T(-10), max: T(40), noNaN: true }), { nil: null }),
      emotion: fc.constantFrom(...EMOTIONS),
      effort: fc.constantFrom(...EFFORTS),
      stage: fc.constantFrom('', 'awareness', 'purchase', 'buy', 'retired-stage'),
      tags: fc.subarray([TAG_PAIN_POINT, TAG_MOMENT_OF_TRUTH, 'pricing']),
    })
    .map(({ at, moved, ...fields }) =>
      touchpoint(n, { capturedAt: iso(T(at)), ...(moved === null ? {} : { position: moved }), ...fields }),
    );

/** An interaction of J1 with id `n`, of any kind, timed or not. */
export const interactionArb = (n: number): fc.Arbitrary<Interaction> =>
  fc
    .record({
      at: minute,
      kind: fc.constantFrom(...INTERACTION_KINDS),
      durationMs: fc.option(fc.constantFrom(0, 1, 250, 4_000, 4_000), { nil: null }),
    })
    .map(({ at, ...fields }) => interaction(n, { at: iso(T(at)), ...fields }));

/** A journey with up to 8 touchpoints and 8 interactions. */
export const journeyRecordsArb = fc.record({
  journey: journeyArb,
  touchpoints: fc
    .integer({ min: 0, max: 8 })
    .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => touchpointArb(i + 1)))),
  interactions: fc
    .integer({ min: 0, max: 8 })
    .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => interactionArb(i + 1)))),
});
