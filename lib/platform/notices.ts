import { type Browser, browser } from 'wxt/browser';
import type { UiNotice } from '../messages/protocol';

const NOTICE_TYPES: ReadonlySet<string> = new Set<UiNotice['type']>(['notice.touchpointSaved', 'notice.journeysChanged']);

/**
 * Whether `message` is a notice from our own worker. A small guard instead of
 * `UiNotice.safeParse`: the worker builds notices from the `UiNotice` type
 * (lib/platform/notify.ts), and keeping zod out of the popup is what
 * keeps it within its budget (issue #7). Content scripts can reach extension
 * pages' `onMessage` too, so a message sent from a tab is never a notice.
 */
export function isUiNotice(message: unknown, sender?: Browser.runtime.MessageSender): message is UiNotice {
  if (sender?.tab !== undefined) return false;
  if (typeof message !== 'object' || message === null) return false;
  const { type, payload } = message as { type?: unknown; payload?: unknown };
  return typeof type === 'string' && NOTICE_TYPES.has(type) && typeof payload === 'object' && payload !== null;
}

/**
 * Calls `listener` with each notice the background broadcasts to extension
 * pages (`notice.touchpointSaved`, `notice.journeysChanged`); other messages
 * are ignored. Returns the function that stops listening.
 */
export function onUiNotice(listener: (notice: UiNotice) => void): () => void {
  const onMessage = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (isUiNotice(message, sender)) listener(message);
  };
  browser.runtime.onMessage.addListener(onMessage);
  return () => browser.runtime.onMessage.removeListener(onMessage);
}

/**
 * Like `onUiNotice`, for a page that only reloads what it shows: calls
 * `refresh` once `waitMs` after the first of a run of notices, however many
 * arrive meanwhile. A running journey sends a few notices a page load (tab
 * events, the recorder's batches); a page reloading for each would compete
 * with the very page being studied (issue #7's recording cost).
 */
export function onUiNoticeSettled(refresh: () => void, waitMs: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = onUiNotice(() => {
    timer ??= setTimeout(() => {
      timer = undefined;
      refresh();
    }, waitMs);
  });
  return () => {
    clearTimeout(timer);
    stop();
  };
}
