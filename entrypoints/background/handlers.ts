import { browser } from 'wxt/browser';
import { buildExportFile, exportFileName, serializeExportFile } from '@/lib/exchange/export-json';
import type { UiNotice } from '@/lib/messages/protocol';
import type { Handlers } from '@/lib/messages/router';
import { newId, nowIso } from '@/lib/model/ids';
import { downloadText } from '@/lib/platform/download';
import { captureScreenshot } from '@/lib/platform/screenshot';
import { getSettings } from '@/lib/platform/settings';
import { endJourney, getJourney, getLatestJourney, startJourney } from '@/lib/store/journeys';
import { openWaymarkDb } from '@/lib/store/open-db';
import type { WaymarkDatabase } from '@/lib/store/schema';
import { listTouchpoints, saveTouchpoint } from '@/lib/store/touchpoints';
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
    async 'export.download'({ journeyId }) {
      const database = await db();
      const journey = await getJourney(database, journeyId);
      if (!journey) throw new NotFound(`No journey ${journeyId}.`);
      const file = buildExportFile({
        journeys: [journey],
        touchpoints: await listTouchpoints(database, journeyId),
        generator: `Waymark ${browser.runtime.getManifest().version}`,
        emptyExportedAt: nowIso(),
      });
      const fileName = exportFileName(journey.title, nowIso());
      await downloadText(serializeExportFile(file), fileName, 'application/json');
      return { fileName };
    },
  };
}
