import { type RequestName, type RequestOf, type ResponseOf, requests } from './protocol';
import { fail, type Result, resultSchema } from './result';

/** Sends one message and resolves with the raw reply (`runtime.sendMessage`). */
export type Transport = (message: unknown) => Promise<unknown>;

/**
 * Sends a typed request through `transport`. The payload is checked before it
 * leaves and the reply is checked when it comes back, so a caller only ever
 * sees a well-formed `Result`. A transport failure (no receiver, worker gone)
 * becomes an error result too.
 */
export async function sendRequest<K extends RequestName>(
  transport: Transport,
  type: K,
  payload: RequestOf<K>,
): Promise<Result<ResponseOf<K>>> {
  const spec = requests[type];
  const request = spec.request.safeParse(payload);
  if (!request.success) return fail('bad-request', `Invalid "${type}" request: ${request.error.message}`);
  let reply: unknown;
  try {
    reply = await transport({ type, payload: request.data });
  } catch (error) {
    return fail('internal', `Waymark's background did not answer: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = resultSchema(spec.response).safeParse(reply);
  if (!parsed.success) return fail('internal', `Unexpected reply to "${type}".`);
  return parsed.data as Result<ResponseOf<K>>;
}
