import { browser } from 'wxt/browser';

interface ChromeSidePanel {
  open: (options: { windowId: number }) => Promise<void>;
}
interface FirefoxSidebarAction {
  open: () => Promise<void>;
}

/**
 * Opens Waymark's side panel (Chrome `sidePanel`, Firefox `sidebarAction`).
 * Both only open in answer to a click, so call this synchronously from the
 * click handler, with the window id learnt beforehand: an `await` before it
 * loses the user gesture.
 * https://developer.chrome.com/docs/extensions/reference/api/sidePanel#method-open
 * https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/sidebarAction/open
 */
export function openSidePanel(windowId: number | undefined): Promise<void> {
  const g = globalThis as unknown as { chrome?: { sidePanel?: ChromeSidePanel } };
  const sidebar = (browser as unknown as { sidebarAction?: FirefoxSidebarAction }).sidebarAction;
  if (sidebar) return sidebar.open();
  const sidePanel = g.chrome?.sidePanel;
  if (sidePanel && windowId !== undefined) return sidePanel.open({ windowId });
  // No panel API (or no window): show it in a tab instead.
  return browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') }).then(() => undefined);
}

/** The id of the window this page is in, to open the side panel there later. */
export async function currentWindowId(): Promise<number | undefined> {
  try {
    return (await browser.windows.getCurrent()).id;
  } catch {
    return undefined;
  }
}
