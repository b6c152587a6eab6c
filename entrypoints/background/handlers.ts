import { browser } from 'wxt/browser';
import type { UiNotice } from '@/lib/messages/protocol';
import type { Handlers } from '@/lib/messages/router';
import { newId, nowIso } from '@/lib/model/ids';
import { captureScreenshot } from '@/lib/platform/screenshot';
import { getSettings } from '@/lib/platform/settings';
import { applyImport } from '@/lib/store/import';
import { endJourney, getJourney, getLatestJourney, listJourneySummaries, startJourney } from '@/lib/store/journeys';
import { openWaymarkDb } from '@/lib/store/open-db';
import type { WaymarkDatabase } from '@/lib/store/schema';
import { listTouchpoints, saveTouchpoint } from '@/lib/store/touchpoints';
import { downloadExport } from './exports';
import { decodeScreenshots } from './imports';
import { injectCapture } from './inject-capture';

/** A connection is a cache, not state: if it fails, the next call reopens. */
let connection: Promise<WaymarkDatabase> | undefined;
function db(): Promise<WaymarkDatabase> {
  connection ??= openWaymarkDb().catch((error: unknown) => {
    connection = undefined;
    throw error;
  });
  return connection;
}

class NotFound extends Error {
  override name = 'NotFoundError';
}

/** Tells open extension pages; nobody listening is fine. */
function notify(notice: UiNotice): void {
  browser.runtime.sendMessage(notice).catch(() => undefined);
}

/** The page's host, as the title of a journey started by a capture. */
function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** Each handler reads, applies a pure step, writes, and is safe to run twice. */
export function createHandlers(): Handlers {
  return {
    async 'journey.overview'() {
      const database = await db();
      const journey = (await getLatestJourney(database)) ?? null;
      const touchpoints = journey ? await listTouchpoints(database, journey.id) : [];
      return { journey, touchpoints };
    },
    async 'journey.start'({ id, title }) {
      const { author } = await getSettings();
      return startJourney(await db(), { id, title, now: nowIso(), author });
    },
    async 'journey.end'({ journeyId }) {
      const journey = await endJourney(await db(), journeyId, nowIso());
      if (!journey) throw new NotFound(`No journey ${journeyId}.`);
      return journey;
    },
    async 'capture.pickElement'({ tabId }) {
      await injectCapture(tabId, { type: 'picker.start', payload: { mode: 'element' } });
      return null;
    },
    async 'touchpoint.save'({ draft, screenshot: hints }, sender) {
      const { author } = await getSettings();
      // captureVisibleTab shoots the window's active tab: only take it when that
      // is the tab asking, never a picture of some other page.
      const windowId = sender.tab?.active ? sender.tab.windowId : undefined;
      const screenshot =
        hints && windowId !== undefined ? await captureScreenshot(windowId, draft.id, hints, draft.viewport.width) : null;
      const { touchpoint } = await saveTouchpoint(await db(), {
        screenshot,
        draft,
        now: nowIso(),
        author,
        fallbackJourney: { id: newId(), title: hostOf(draft.url) },
      });
      notify({ type: 'notice.touchpointSaved', payload: { journeyId: touchpoint.journeyId, touchpointId: touchpoint.id } });
      return touchpoint;
    },
    async 'journey.list'() {
      return listJourneySummaries(await db());
    },
    async 'export.download'({ journeyIds, format }) {
      const database = await db();
      for (const id of journeyIds === 'all' ? [] : journeyIds) {
        if (!(await getJourney(database, id))) throw new NotFound(`No journey ${id}.`);
      }
      return { fileName: await downloadExport(database, journeyIds, format) };
    },
    async 'import.apply'({ file, screenshots }) {
      return applyImport(await db(), file, await decodeScreenshots(file, screenshots));
    },
  };
}
