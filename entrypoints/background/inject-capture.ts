import { browser } from 'wxt/browser';
import type { ContentCommand, PinsCommand } from '@/lib/messages/content-command';
import type { PinnedTouchpoint } from '@/lib/messages/protocol';

/** Raised when the browser will not let us into a tab (chrome://, stores). */
export class TabUnavailable extends Error {
  override name = 'TabUnavailableError';
}

/**
 * Injects the capture script into `tabId` (on demand, under `activeTab`; the
 * script guards against running twice) and hands it `command`. `frameId`
 * names a frame (a context menu opened in an iframe); the top one by default.
 */
export async function injectCapture(tabId: number, command: ContentCommand, frameId = 0): Promise<void> {
  await injectAndSend(tabId, frameId, '/content-scripts/capture.js', command);
}

/**
 * Injects the pins script (entrypoints/pins.content) into `tabId` and has it
 * show `touchpoints` (the page's, from `pinsOfPage`) as pins, in place of any
 * shown. Apart from the capture overlay so the overlay stays small (issue #7).
 */
export async function injectPins(tabId: number, touchpoints: PinnedTouchpoint[], frameId = 0): Promise<void> {
  const command: PinsCommand = { type: 'pins.show', payload: { touchpoints } };
  await injectAndSend(tabId, frameId, '/content-scripts/pins.js', command);
}

async function injectAndSend(
  tabId: number,
  frameId: number,
  file: '/content-scripts/capture.js' | '/content-scripts/pins.js',
  message: unknown,
): Promise<void> {
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [file] });
  } catch (error) {
    throw new TabUnavailable(error instanceof Error ? error.message : String(error));
  }
  try {
    await browser.tabs.sendMessage(tabId, message, { frameId });
  } catch (error) {
    // Firefox lets executeScript "succeed" on about: pages without running
    // anything; nobody answers there, which means the same: not this page.
    throw new TabUnavailable(error instanceof Error ? error.message : String(error));
  }
}
