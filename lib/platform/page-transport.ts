import { browser } from 'wxt/browser';
import { ReplyEnvelope } from '../messages/content-command';
import type { RequestName, RequestOf, ResponseOf } from '../messages/protocol';
import type { Result } from '../messages/result';

/**
 * Sends a request from the page overlay to the background. The background
 * validates the payload with the full schemas (the receiving end decides);
 * here only the reply's envelope is checked, with `zod/mini`, so the overlay
 * does not carry all of zod into every page it is injected into.
 */
export async function requestFromPage<K extends RequestName>(type: K, payload: RequestOf<K>): Promise<Result<ResponseOf<K>>> {
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage({ type, payload });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'internal', message: `Waymark's background did not answer: ${detail}` } };
  }
  const parsed = ReplyEnvelope.safeParse(reply);
  if (!parsed.success) return { ok: false, error: { code: 'internal', message: `Unexpected reply to "${type}".` } };
  return parsed.data as Result<ResponseOf<K>>;
}
