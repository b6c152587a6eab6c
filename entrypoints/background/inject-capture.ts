import { browser } from 'wxt/browser';
import type { ContentCommand } from '@/lib/messages/protocol';

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
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ['/content-scripts/capture.js'] });
  } catch (error) {
    throw new TabUnavailable(error instanceof Error ? error.message : String(error));
  }
  try {
    await browser.tabs.sendMessage(tabId, command, { frameId });
  } catch (error) {
    // Firefox lets executeScript "succeed" on about: pages without running
    // anything; nobody answers there, which means the same: not this page.
    throw new TabUnavailable(error instanceof Error ? error.message : String(error));
  }
}
