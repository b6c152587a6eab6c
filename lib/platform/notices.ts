import { browser } from 'wxt/browser';
import { UiNotice } from '../messages/protocol';

/**
 * Calls `listener` with each notice the background broadcasts to extension
 * pages (`notice.touchpointSaved`, `notice.journeysChanged`); other messages
 * are ignored. Returns the function that stops listening.
 */
export function onUiNotice(listener: (notice: UiNotice) => void): () => void {
  const onMessage = (message: unknown) => {
    const notice = UiNotice.safeParse(message);
    if (notice.success) listener(notice.data);
  };
  browser.runtime.onMessage.addListener(onMessage);
  return () => browser.runtime.onMessage.removeListener(onMessage);
}
