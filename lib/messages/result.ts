import * as z from 'zod/mini';

/** Why a request failed, in terms the UI can turn into a message. */
export const ErrorCode = z.enum([
  'unknown-message',
  'bad-request',
  'forbidden-sender',
  'not-found',
  'storage-full',
  'tab-unavailable',
  /** Capture is off here: a site on the "never capture here" list, or a private window. */
  'capture-off',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** An error as plain data: it crosses contexts, unlike an `Error` object. */
export const ErrorInfo = z.strictObject({ code: ErrorCode, message: z.string() });
export type ErrorInfo = z.infer<typeof ErrorInfo>;

/** Every reply: a value, or an error that says why. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** The schema of a reply carrying `value`. */
export function resultSchema<T extends z.ZodMiniType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.strictObject({ ok: z.literal(true), value }),
    z.strictObject({ ok: z.literal(false), error: ErrorInfo }),
  ]);
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}
