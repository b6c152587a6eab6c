import { JOURNEY_DEFAULTS, type Journey } from '../model/journey';
import type { Touchpoint, TouchpointDraft } from '../model/touchpoint';
import type { StoredScreenshot, WaymarkDatabase } from './schema';

/** Input to save a touchpoint from the page. */
export interface SaveTouchpoint {
  draft: TouchpointDraft;
  now: string;
  /** Used when no journey runs: the journey this touchpoint starts. */
  fallbackJourney: { id: string; title: string };
  /** The researcher, from settings. */
  author: string;
  /** The screenshot, when one was taken; stored in the same transaction. */
  screenshot?: StoredScreenshot | null;
}

/** The saved touchpoint and the journey it belongs to. */
export interface SavedTouchpoint {
  touchpoint: Touchpoint;
  journey: Journey;
}

/**
 * Saves a touchpoint into the running journey, in one transaction over both
 * stores; the promise settles only once the transaction has committed.
 * With no journey running, an automatic journey is started, so a capture is
 * never refused. Saving the same draft id again (a retry after the worker
 * was killed) returns the stored record and changes nothing.
 */
export async function saveTouchpoint(db: WaymarkDatabase, input: SaveTouchpoint): Promise<SavedTouchpoint> {
  const tx = db.transaction(['journeys', 'touchpoints', 'screenshots'], 'readwrite');
  const journeys = tx.objectStore('journeys');
  const touchpoints = tx.objectStore('touchpoints');
  const existing = await touchpoints.get(input.draft.id);
  if (existing) {
    const owner = await journeys.get(existing.journeyId);
    await tx.done;
    if (!owner) throw new Error(`Touchpoint ${existing.id} has no journey`);
    return { touchpoint: existing, journey: owner };
  }
  const running = await journeys.index('byStatus').get('running');
  const journey: Journey = running
    ? { ...running, updatedAt: input.now }
    : {
        ...JOURNEY_DEFAULTS,
        id: input.fallbackJourney.id,
        title: input.fallbackJourney.title,
        status: 'running',
        origin: 'auto',
        startedAt: input.draft.capturedAt,
        endedAt: null,
        updatedAt: input.now,
        author: input.author,
        researcher: input.author,
      };
  const touchpoint: Touchpoint = {
    ...input.draft,
    journeyId: journey.id,
    updatedAt: input.now,
    author: input.author,
    position: Date.parse(input.draft.capturedAt),
    interactionId: null,
    screenshot: input.screenshot?.meta ?? null,
  };
  await journeys.put(journey);
  await touchpoints.put(touchpoint);
  if (input.screenshot) await tx.objectStore('screenshots').put(input.screenshot);
  await tx.done;
  return { touchpoint, journey };
}

/** A journey's touchpoints in capture order, read through the compound index. */
export async function listTouchpoints(db: WaymarkDatabase, journeyId: string): Promise<Touchpoint[]> {
  const range = IDBKeyRange.bound([journeyId, ''], [journeyId, '\uffff']);
  return db.getAllFromIndex('touchpoints', 'byJourneyCaptured', range);
}

/** A touchpoint's stored screenshot, if it has one. */
export async function getScreenshot(db: WaymarkDatabase, touchpointId: string): Promise<StoredScreenshot | undefined> {
  return db.get('screenshots', touchpointId);
}
