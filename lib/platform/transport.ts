import { browser } from 'wxt/browser';
import { sendRequest } from '../messages/client';
import type { RequestName, RequestOf, ResponseOf } from '../messages/protocol';
import type { Result } from '../messages/result';

/** Sends a typed request to the background worker. */
export function request<K extends RequestName>(type: K, payload: RequestOf<K>): Promise<Result<ResponseOf<K>>> {
  return sendRequest((message) => browser.runtime.sendMessage(message), type, payload);
}
