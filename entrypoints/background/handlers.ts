import { maskInteraction } from '@/lib/capture/mask-interaction';
import { orderTouchpoints } from '@/lib/journey/order';
import type { workerRequests } from '@/lib/messages/capture-requests';
import type { HandlersOf } from '@/lib/messages/router';
import { newId, nowIso } from '@/lib/model/ids';
import { journeysChanged, notify } from '@/lib/platform/notify';
import { captureScreenshot } from '@/lib/platform/screenshot';
import { getSettings } from '@/lib/platform/settings';
import { readJourney } from '@/lib/store/edits';
import { recordInteractions } from '@/lib/store/interactions';
import {
  endJourney,
  getLatestJourney,
  getRunningJourney,
  listJourneySummaries,
  NotFoundError,
  pauseJourneyIn,
  resumeJourneyIn,
  startJourney,
} from '@/lib/store/journeys';
import { listStudies } from '@/lib/store/studies';
import { listTouchpoints, saveTouchpoint } from '@/lib/store/touchpoints';
import { db } from './database';
import { createHostHandlers } from './host-handlers';
import { injectPins } from './inject-capture';
import { pinsOfPage } from './pins';
import { startRecorder } from './recorder';
import { startCapture } from './start-capture';

const NotFound = NotFoundError;

const changed = journeysChanged;

/** The page's host, as the title of a journey started by a capture. */
function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** Each handler reads, applies a pure step, writes, and is safe to run twice. */
export function createHandlers(): HandlersOf<typeof workerRequests> {
  return {
    ...createHostHandlers(),
    async 'journey.overview'() {
      const database = await db();
      const journey = (await getLatestJourney(database)) ?? null;
      const touchpoints = journey ? await listTouchpoints(database, journey.id) : [];
      return { journey, touchpoints };
    },
    async 'journey.start'({ id, title, details, tabId }) {
      const { author } = await getSettings();
      const journey = await startJourney(await db(), { id, title, details, tabId, now: nowIso(), author });
      changed([journey.id]);
      if (tabId !== undefined) void startRecorder(tabId);
      return journey;
    },
    async 'journey.end'({ journeyId }) {
      const { author } = await getSettings();
      const journey = await endJourney(await db(), journeyId, nowIso(), author);
      changed([journey.id]);
      return journey;
    },
    async 'journey.pause'({ journeyId }) {
      const { author } = await getSettings();
      const journey = await pauseJourneyIn(await db(), journeyId, nowIso(), author);
      changed([journey.id]);
      return journey;
    },
    async 'journey.resume'({ journeyId }) {
      const { author } = await getSettings();
      const journey = await resumeJourneyIn(await db(), journeyId, nowIso(), author);
      changed([journey.id]);
      return journey;
    },
    async 'journey.detail'({ journeyId }) {
      const database = await db();
      const tx = database.transaction(['journeys', 'touchpoints', 'interactions']);
      const records = await readJourney(tx as never, journeyId);
      await tx.done;
      if (!records) throw new NotFound(`No journey ${journeyId}.`);
      return { ...records, touchpoints: orderTouchpoints(records.touchpoints) };
    },
    async 'interaction.record'({ interactions }, sender) {
      if (sender.tab?.id === undefined) return { recorded: 0 };
      const { author } = await getSettings();
      const drafts = interactions.map(maskInteraction).filter((d) => d !== null);
      if (drafts.length === 0) return { recorded: 0 };
      const result = await recordInteractions(await db(), { drafts, tabId: sender.tab.id, now: nowIso(), author });
      if (result.journeyId) changed([result.journeyId]);
      return { recorded: result.recorded };
    },
    async 'capture.pickElement'({ tabId }) {
      await startCapture({ tabId, mode: 'element' });
      return null;
    },
    async 'capture.pins'({ url }) {
      return { touchpoints: await pinsOfPage(url) };
    },
    async 'touchpoint.save'({ draft, screenshot: hints }, sender) {
      const [{ author }, database] = await Promise.all([getSettings(), db()]);
      // captureVisibleTab shoots the window's active tab: only take it when that
      // is the tab asking, never a picture of some other page.
      const windowId = sender.tab?.active ? sender.tab.windowId : undefined;
      // The journey may have screenshots turned off: the page is told so, but the worker decides
      // (read only when the page asks for one: a save without is one transaction, issue #7's latency).
      const screenshot =
        hints && windowId !== undefined && (await getRunningJourney(database))?.screenshots !== false
          ? await captureScreenshot(windowId, draft.id, hints, draft.viewport.width)
          : null;
      const tab = sender.tab?.id === undefined ? undefined : { id: sender.tab.id, openerTabId: sender.tab.openerTabId ?? null };
      const { touchpoint, endedJourneyIds } = await saveTouchpoint(database, {
        screenshot,
        draft,
        now: nowIso(),
        author,
        tab,
        fallbackJourney: { id: newId(), title: hostOf(draft.url) },
      });
      notify({ type: 'notice.touchpointSaved', payload: { journeyId: touchpoint.journeyId, touchpointId: touchpoint.id } });
      changed(endedJourneyIds);
      // A tagged element gets its pin at once. Not awaited, and a page that will
      // not take the pins script (it navigated away) costs nothing: the save is stored.
      if (tab && touchpoint.target !== 'page') {
        void pinsOfPage(touchpoint.url)
          .then((pins) => injectPins(tab.id, pins, sender.frameId ?? 0))
          .catch(() => undefined);
      }
      return touchpoint;
    },
    async 'study.list'() {
      return listStudies(await db());
    },
    async 'journey.list'() {
      return listJourneySummaries(await db());
    },
  };
}
