import type { Result } from './result';

/**
 * Checks the shape of a reply from Waymark's own background worker, without
 * zod. The worker's router (router.ts) validates every reply against its
 * response schema before it leaves, and only our own extension can answer
 * `runtime.sendMessage`, so callers in extension pages and in the overlay
 * trust the value and check only the `{ ok, value } | { ok, error }`
 * envelope: enough to tell a reply from a missing or foreign one (a worker
 * killed mid-request answers `undefined`). This keeps zod, about 25 KB gzip,
 * out of the popup and of every page the overlay is injected into. Data that
 * is not ours (an import file) is still parsed with the full schemas.
 */
export function asTrustedResult<T>(type: string, reply: unknown): Result<T> {
  if (typeof reply === 'object' && reply !== null && 'ok' in reply) {
    if (reply.ok === true && 'value' in reply) return reply as Result<T>;
    if (reply.ok === false && 'error' in reply && isErrorInfo(reply.error)) return reply as Result<T>;
  }
  return { ok: false, error: { code: 'internal', message: `Unexpected reply to "${type}".` } };
}

/** A reply for a transport that failed (no receiver, worker gone). */
export function notAnswered(error: unknown): Result<never> {
  const detail = error instanceof Error ? error.message : String(error);
  return { ok: false, error: { code: 'internal', message: `Waymark's background did not answer: ${detail}` } };
}

function isErrorInfo(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}
