import { browser } from 'wxt/browser';
import type { RequestName, RequestOf, ResponseOf } from '../messages/protocol';
import type { Result } from '../messages/result';
import { asTrustedResult, notAnswered } from '../messages/trusted-reply';

/**
 * Sends a request from the page overlay to the background. The background
 * validates the payload with the full schemas (the receiving end decides) and
 * its own reply before sending it; here only the reply's envelope is checked,
 * without zod, so the overlay does not carry a validator into every page it
 * is injected into (see trusted-reply.ts).
 */
export async function requestFromPage<K extends RequestName>(type: K, payload: RequestOf<K>): Promise<Result<ResponseOf<K>>> {
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage({ type, payload });
  } catch (error) {
    return notAnswered(error);
  }
  return asTrustedResult<ResponseOf<K>>(type, reply);
}
