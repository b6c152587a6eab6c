import { browser } from 'wxt/browser';
import { blockingSite } from '@/lib/capture/site-list';
import type { CaptureJourneyContext, CaptureMode } from '@/lib/messages/content-command';
import { DEFAULT_STAGES } from '@/lib/model/vocabulary';
import { translate } from '@/lib/platform/i18n';
import { getSettings, type Settings } from '@/lib/platform/settings';
import { getRunningJourney } from '@/lib/store/journeys';
import { openWaymarkDb } from '@/lib/store/open-db';
import { listTouchpoints } from '@/lib/store/touchpoints';
import { injectCapture, injectPins } from './inject-capture';
import { pinsOfPage } from './pins';

/** Raised when capture is off for a tab; its message says why, in the UI language. */
export class CaptureOff extends Error {
  override name = 'CaptureOffError';
}

/** A request to open the capture overlay in a tab. */
export interface CaptureStart {
  tabId: number;
  /** The frame the trigger came from (a context menu in an iframe); the top frame by default. */
  frameId?: number;
  mode: CaptureMode;
  /** The link or image a context menu was opened on. */
  hint?: { linkUrl?: string; srcUrl?: string };
}

/**
 * Why capture is off for a page, in the UI language, or `undefined` when it
 * is allowed: the site is on the "never capture here" list, or the window is
 * private and the researcher has not allowed capture there.
 */
export function captureRefusal(url: string | undefined, incognito: boolean, settings: Settings): string | undefined {
  if (incognito && !settings.captureInIncognito) return translate('captureOffIncognito');
  const site = url ? blockingSite(url, settings.neverCapture) : undefined;
  return site ? translate('captureOffSite', site) : undefined;
}

/** The running journey's stages and screenshot choice, and how long ago its last touchpoint was. */
export async function journeyContext(now = Date.now()): Promise<CaptureJourneyContext> {
  const db = await openWaymarkDb();
  try {
    const journey = await getRunningJourney(db);
    // No journey runs: the capture starts one with the default stages.
    if (!journey) return { stages: [...DEFAULT_STAGES], screenshots: true, sincePreviousMs: null, lastStage: '' };
    const touchpoints = await listTouchpoints(db, journey.id);
    const last = touchpoints.reduce<(typeof touchpoints)[number] | undefined>(
      (latest, tp) => (!latest || tp.capturedAt > latest.capturedAt ? tp : latest),
      undefined,
    );
    return {
      stages: journey.stages,
      screenshots: journey.screenshots,
      sincePreviousMs: last ? Math.max(0, now - Date.parse(last.capturedAt)) : null,
      lastStage: last?.stage ?? '',
    };
  } finally {
    db.close();
  }
}

/**
 * Opens the capture overlay in a tab, unless capture is off there (then it
 * throws `CaptureOff` and injects nothing). Every trigger (popup, shortcut,
 * context menu) comes through here.
 */
export async function startCapture(start: CaptureStart): Promise<void> {
  const tab = await browser.tabs.get(start.tabId);
  const refusal = captureRefusal(tab.url, tab.incognito, await getSettings());
  if (refusal) throw new CaptureOff(refusal);
  // The tab's URL is its top frame's: a frame's pins come with its first save (handlers.ts).
  const pins = tab.url && !start.frameId ? await pinsOfPage(tab.url) : [];
  // "Show pins" needs only the pins script, not the overlay.
  if (start.mode === 'pins') return injectPins(start.tabId, pins, start.frameId);
  await injectCapture(
    start.tabId,
    { type: 'picker.start', payload: { mode: start.mode, hint: start.hint, journey: await journeyContext() } },
    start.frameId,
  );
  // The pins come with a capture only where the page has some: other pages never load their script.
  if (pins.length > 0) await injectPins(start.tabId, pins, start.frameId);
}
