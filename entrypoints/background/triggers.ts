import { type Browser, browser } from 'wxt/browser';
import { fail, ok, type Result } from '@/lib/messages/result';
import { describeUnknownError } from '@/lib/messages/router';
import { translate } from '@/lib/platform/i18n';
import { type CaptureStart, startCapture } from './start-capture';

/**
 * Every way to start a capture besides the popup: the keyboard shortcuts
 * (manifest `commands`) and the "Tag as touchpoint" context menu on a page,
 * a selection, a link or an image. Each trigger has one exported handler;
 * `registerTriggers` wires them synchronously at the worker's start.
 */

/** The manifest's command names (see wxt.config.ts). */
export const COMMANDS = { tagElement: 'tag-element', tagPage: 'tag-page', showPins: 'show-pins' } as const;

/** The context menu item's id. */
export const TAG_MENU_ID = 'waymark-tag';

type Tab = Pick<Browser.tabs.Tab, 'id'>;
type MenuClick = Pick<Browser.contextMenus.OnClickData, 'frameId' | 'linkUrl' | 'srcUrl' | 'mediaType' | 'selectionText'>;

/** Starts a capture and shows a refusal on the toolbar button, where a shortcut or menu has no other place to. */
async function run(start: CaptureStart): Promise<Result<null>> {
  try {
    await startCapture(start);
    await showOnButton(start.tabId, '', '');
    return ok(null);
  } catch (error) {
    const info = describeCaptureError(error);
    await showOnButton(start.tabId, '!', info.message);
    return { ok: false, error: info };
  }
}

/** A thrown capture error as reply data (`capture-off` with the reason, `tab-unavailable`...). */
export function describeCaptureError(error: unknown) {
  if (error instanceof Error && error.name === 'CaptureOffError') return { code: 'capture-off' as const, message: error.message };
  return describeUnknownError(error);
}

/** Badge and tooltip of the toolbar button in one tab; empty text clears them. */
async function showOnButton(tabId: number, badge: string, reason: string): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  if (!action) return;
  try {
    await action.setBadgeText({ tabId, text: badge });
    await action.setTitle({ tabId, title: reason ? `${translate('extName')}: ${reason}` : '' });
  } catch {
    // The tab closed meanwhile: nothing to show it on.
  }
}

/** A keyboard shortcut: "tag an element" opens the picker, "tag this page" the card for the page, "show pins" only the pins. */
export async function handleCommand(command: string, tab?: Tab): Promise<Result<null>> {
  if (tab?.id === undefined) return fail('tab-unavailable', 'No tab to tag.');
  if (command === COMMANDS.tagElement) return run({ tabId: tab.id, mode: 'element' });
  if (command === COMMANDS.tagPage) return run({ tabId: tab.id, mode: 'page' });
  if (command === COMMANDS.showPins) return run({ tabId: tab.id, mode: 'pins' });
  return fail('bad-request', `Unknown command "${command}".`);
}

/**
 * "Tag as touchpoint" from a context menu: a selection is tagged as one, a
 * link or image opens the card on it, anywhere else tags the page.
 */
export async function handleContextMenu(info: MenuClick, tab?: Tab): Promise<Result<null>> {
  if (tab?.id === undefined) return fail('tab-unavailable', 'No tab to tag.');
  const at = { tabId: tab.id, frameId: info.frameId ?? 0 };
  if (info.selectionText) return run({ ...at, mode: 'selection' });
  if (info.linkUrl) return run({ ...at, mode: 'element', hint: { linkUrl: info.linkUrl } });
  if (info.srcUrl && info.mediaType === 'image') return run({ ...at, mode: 'element', hint: { srcUrl: info.srcUrl } });
  return run({ ...at, mode: 'page' });
}

/** Creates the context menu item (replacing an old one). */
function createMenus(): void {
  void browser.contextMenus.removeAll().then(() => {
    browser.contextMenus.create({
      id: TAG_MENU_ID,
      title: translate('menuTagTouchpoint'),
      contexts: ['page', 'selection', 'link', 'image'],
    });
  });
}

/**
 * Test builds only: a port (not a message, which the router would answer
 * first) through which an e2e test calls a trigger's handler as the browser
 * would, from one of our own pages.
 */
function listenForTestTriggers(): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== 'waymark-test-trigger' || !port.sender?.url?.startsWith(browser.runtime.getURL('/'))) return;
    port.onMessage.addListener(async (message: { kind: string; command?: string; info?: MenuClick; tabId: number }) => {
      const tab = { id: message.tabId };
      const result =
        message.kind === 'command'
          ? await handleCommand(message.command ?? '', tab)
          : await handleContextMenu(message.info ?? {}, tab);
      port.postMessage(result);
    });
  });
}

/** Wires every trigger; call in the worker's first, synchronous pass. */
export function registerTriggers(): void {
  browser.commands.onCommand.addListener((command, tab) => void handleCommand(command, tab));
  browser.contextMenus.onClicked.addListener((info, tab) => void handleContextMenu(info, tab));
  // Chrome keeps menus across restarts: create them once per install or update.
  // Firefox never keeps those of a persistent background page: create them at every start.
  // https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/menus/create
  if (import.meta.env.FIREFOX) createMenus();
  else browser.runtime.onInstalled.addListener(createMenus);
  if (import.meta.env.MODE === 'e2e') listenForTestTriggers();
}
