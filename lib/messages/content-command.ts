import * as z from 'zod/mini';

/** What to tag: an element the researcher picks, the page, or the current selection. */
export const CaptureMode = z.enum(['element', 'page', 'selection', 'pins']);
export type CaptureMode = z.infer<typeof CaptureMode>;

/**
 * What the card needs to know about the journey a capture lands in, sent with
 * the command so the card opens without another round trip.
 */
export const CaptureJourneyContext = z.strictObject({
  /** The journey's stages, in order (a team's own ids are shown as written). */
  stages: z.array(z.string().check(z.maxLength(64))).check(z.maxLength(20)),
  /** Whether this journey's touchpoints get a screenshot. */
  screenshots: z.boolean(),
  /** Milliseconds since the journey's previous touchpoint; `null` for its first. */
  sincePreviousMs: z.nullable(z.number()),
  /** The stage of the previous touchpoint, offered first; empty when none. */
  lastStage: z.string().check(z.maxLength(64)),
});
export type CaptureJourneyContext = z.infer<typeof CaptureJourneyContext>;

/**
 * Commands from the background to the capture script in a tab. Written with
 * `zod/mini` so the overlay injected into pages carries a few KB of
 * validation instead of all of zod.
 */
export const ContentCommand = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('picker.start'),
    payload: z.strictObject({
      mode: CaptureMode,
      /**
       * A hint from a context menu: the link or image right-clicked. The card
       * opens on the first element showing it; without a match the picker starts.
       */
      hint: z.optional(z.strictObject({ linkUrl: z.optional(z.string()), srcUrl: z.optional(z.string()) })),
      journey: CaptureJourneyContext,
    }),
  }),
]);
export type ContentCommand = z.infer<typeof ContentCommand>;

/** A reply's envelope, checked on the page side before it is trusted. */
export const ReplyEnvelope = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);
