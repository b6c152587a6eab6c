import { browser } from 'wxt/browser';
import type { RequestName, RequestOf, ResponseOf } from '../messages/protocol';
import type { Result } from '../messages/result';
import { asTrustedResult, notAnswered } from '../messages/trusted-reply';

/**
 * Sends a typed request from an extension page to the background worker.
 * Types only, no schemas: the worker's router validates the payload and its
 * own reply (lib/messages/router.ts), so the popup does not carry zod
 * (issue #7's 40 KB budget). See trusted-reply.ts for why the reply is trusted.
 */
export async function request<K extends RequestName>(type: K, payload: RequestOf<K>): Promise<Result<ResponseOf<K>>> {
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage({ type, payload });
  } catch (error) {
    return notAnswered(error);
  }
  return asTrustedResult<ResponseOf<K>>(type, reply);
}
