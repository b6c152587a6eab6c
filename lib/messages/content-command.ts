import * as z from 'zod/mini';

/**
 * Commands from the background to the capture script in a tab. Written with
 * `zod/mini` so the overlay injected into pages carries a few KB of
 * validation instead of all of zod.
 */
export const ContentCommand = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('picker.start'), payload: z.strictObject({ mode: z.literal('element') }) }),
]);
export type ContentCommand = z.infer<typeof ContentCommand>;

/** A reply's envelope, checked on the page side before it is trusted. */
export const ReplyEnvelope = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);
