import { browser } from 'wxt/browser';
import type { UiNotice } from '../messages/protocol';

/** Tells open extension pages; nobody listening is fine. */
export function notify(notice: UiNotice): void {
  browser.runtime.sendMessage(notice).catch(() => undefined);
}

/** Tells open pages these journeys changed, so side panels and maps refresh. */
export function journeysChanged(journeyIds: readonly (string | null | undefined)[]): void {
  const ids = [...new Set(journeyIds.filter((id): id is string => typeof id === 'string'))];
  if (ids.length) notify({ type: 'notice.journeysChanged', payload: { journeyIds: ids } });
}
