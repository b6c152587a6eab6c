import { type Browser, browser } from 'wxt/browser';
import { maskSensitiveText } from '@/lib/capture/mask-text';
import { sanitizeUrl } from '@/lib/capture/sanitize-url';
import { newId, nowIso } from '@/lib/model/ids';
import type { InteractionDraft } from '@/lib/model/interaction';
import { journeysChanged } from '@/lib/platform/notify';
import { getSettings } from '@/lib/platform/settings';
import { recordTabEvent, type TabEvent, tabIsRecording } from '@/lib/store/interactions';
import { getRunningJourney } from '@/lib/store/journeys';
import { db } from './database';

/**
 * The worker's half of the passive recorder. It follows the tabs of the
 * researcher's running journey (tabs opened from them join; navigations,
 * route changes, opens and closes are logged from `browser.tabs` events) and
 * injects the page half (entrypoints/recorder.content) after each load in
 * those tabs only. Listeners are registered synchronously at start, so an
 * event that wakes a stopped worker is heard; all state is in IndexedDB.
 */

/** Injects the page recorder into a tab of the running journey; elsewhere, or where the browser refuses, nothing. */
export async function startRecorder(tabId: number): Promise<void> {
  try {
    if (!(await tabIsRecording(await db(), tabId))) return;
    await browser.scripting.executeScript({ target: { tabId }, files: ['/recorder.js'] });
  } catch {
    // No host permission for this site, a browser page, or the tab is gone: the tab events still log it.
  }
}

/** A URL fit to store, or `null` for one we cannot read (no permission) or that is not a page. */
function pageUrl(url: string | undefined): string | null {
  if (!url || !/^(https?|file):/.test(url)) return null;
  const clean = sanitizeUrl(url);
  try {
    new URL(clean);
    return clean;
  } catch {
    return null;
  }
}

function draft(kind: InteractionDraft['kind'], url: string, title: string | undefined): InteractionDraft {
  return {
    id: newId(),
    kind,
    at: nowIso(),
    url,
    pageTitle: maskSensitiveText(title ?? '').slice(0, 1_000),
    label: '',
    anchor: null,
    durationMs: null,
    httpStatus: null,
  };
}

async function record(event: TabEvent): Promise<void> {
  try {
    const { author } = await getSettings();
    const { journeyId } = await recordTabEvent(await db(), event, nowIso(), author);
    journeysChanged([journeyId]);
  } catch {
    // A tab event is a hint; losing one must never break the worker.
  }
}

type Visit = Extract<TabEvent, { type: 'updated' }>;

/** A tab's visit to `address`, or `null` for an address that is not a page we may store. */
function visitOf(tabId: number, address: string | undefined, title: string | undefined): Visit | null {
  const url = pageUrl(address);
  return url ? { type: 'updated', tabId, url, opened: draft('tab-open', url, title) } : null;
}

/** The tab events the recorder follows, each with its listener. */
const tabListeners = [
  [
    browser.tabs.onCreated,
    (tab: Browser.tabs.Tab) => {
      if (tab.id === undefined || tab.openerTabId === undefined) return;
      const url = pageUrl(tab.pendingUrl ?? tab.url);
      const opened = url ? draft('tab-open', url, tab.title) : null;
      void record({ type: 'created', tabId: tab.id, openerTabId: tab.openerTabId, draft: opened });
    },
  ],
  [
    browser.tabs.onRemoved,
    (tabId: number) => {
      const pending = loading.get(tabId);
      loading.delete(tabId);
      void (async () => {
        if (pending) await record(pending);
        await record({ type: 'removed', tabId, draft: draft('tab-close', 'about:blank', '') });
      })();
    },
  ],
  [
    browser.tabs.onUpdated,
    (tabId: number, change: Browser.tabs.OnUpdatedInfo, tab: Browser.tabs.Tab) => {
      const visit = visitOf(tabId, change.url, tab.title);
      // A new document: written once it has loaded, not while the page loads (issue #7's recording
      // cost). A single-page app's new address has no load to wait for.
      if (visit && change.status === 'loading') loading.set(tabId, visit);
      else if (visit) void record(visit);
      if (change.status === 'complete') void loaded(tabId, tab);
    },
  ],
] as const;

/**
 * Pages tabs started loading, by tab, kept until the load completes. A cache,
 * not state: if the worker is stopped meanwhile, the completed tab's address
 * stands in (only the time of a new tab's first page is then later).
 */
const loading = new Map<number, Visit>();

/** A tab finished loading a page: its visit is written, then the page recorder goes in if it is a journey's tab. */
async function loaded(tabId: number, tab: Browser.tabs.Tab): Promise<void> {
  const visit = loading.get(tabId) ?? visitOf(tabId, tab.url, tab.title);
  loading.delete(tabId);
  if (visit) await record(visit);
  await startRecorder(tabId);
}

type AnyEvent = { addListener(fn: never): void; removeListener(fn: never): void };

/** Whether the tab listeners are registered now. A mirror of what the browser holds, not state. */
let following = false;
let refreshing: Promise<void> = Promise.resolve();

function follow(on: boolean): void {
  if (on === following) return;
  following = on;
  for (const [event, listener] of tabListeners) {
    if (on) (event as unknown as AnyEvent).addListener(listener as never);
    else (event as unknown as AnyEvent).removeListener(listener as never);
  }
}

/**
 * Follows tab events only while a journey is running or paused. A service
 * worker is woken for each event it has a listener for, so with none
 * registered, page loads and tab switches outside a journey do not start it
 * at all: Waymark costs an idle browser nothing (issue #7). Call after
 * anything that may start or end a journey; cheap (one read) and serialised.
 */
export function refreshTabFollowing(): Promise<void> {
  refreshing = refreshing.then(async () => {
    try {
      follow((await getRunningJourney(await db())) !== undefined);
    } catch {
      // The database cannot be read now: keep listening rather than miss a journey's tab.
      follow(true);
    }
  });
  return refreshing;
}

/**
 * Registers the tab listeners; call synchronously when the worker starts, so
 * a tab event that woke it is heard, then drops them if no journey runs.
 * Navigations and route changes are logged by the page recorder, which can
 * tell a new document from a single-page app's route change (the tabs API
 * reports both as "loading"); the worker follows which tabs belong to the
 * journey, and the pages they showed, so a close names the page left.
 */
export function registerRecorder(): void {
  follow(true);
  void refreshTabFollowing();
}
