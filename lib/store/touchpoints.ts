import { stamped } from '../journey/edit-result';
import { endJourney as endStep } from '../journey/edits';
import { orderTouchpoints } from '../journey/order';
import { routeTag } from '../journey/routing';
import { JOURNEY_DEFAULTS, type Journey } from '../model/journey';
import type { Touchpoint, TouchpointDraft } from '../model/touchpoint';
import { editInTransaction, writeRuntime } from './edits';
import { activeExplicitJourney, NotFoundError, ROUTING_KEY, readRouting } from './journeys';
import type { StoredScreenshot, WaymarkDatabase } from './schema';

/** Input to save a touchpoint from the page. */
export interface SaveTouchpoint {
  draft: TouchpointDraft;
  now: string;
  /** Used when no journey of the researcher's runs and a new automatic journey is needed. */
  fallbackJourney: { id: string; title: string };
  /** The researcher, from settings. */
  author: string;
  /** The tab it was tagged in and the tab that opened that one, for tab lineage. */
  tab?: { id: number; openerTabId: number | null };
  /** Inactivity that ends an automatic journey, in ms. */
  gapMs?: number;
  /** The screenshot, when one was taken; stored in the same transaction. */
  screenshot?: StoredScreenshot | null;
}

/** The saved touchpoint and the journey it belongs to. */
export interface SavedTouchpoint {
  touchpoint: Touchpoint;
  journey: Journey;
  /** Automatic journeys that the gap closed, ended by this save. */
  endedJourneyIds: string[];
}

/**
 * Saves a touchpoint in one transaction over every store it touches; the
 * promise settles only once the transaction has committed. It goes to the
 * researcher's running or paused journey, else to an automatic journey
 * grouped by inactivity and tab lineage (lib/journey/routing.ts), made here
 * when needed, so a capture is never refused. Saving the same draft id again
 * (a retry after the worker was killed) returns the stored record and
 * changes nothing.
 */
export async function saveTouchpoint(db: WaymarkDatabase, input: SaveTouchpoint): Promise<SavedTouchpoint> {
  return editInTransaction(db, async (tx) => {
    const journeys = tx.objectStore('journeys');
    const existing = await tx.objectStore('touchpoints').get(input.draft.id);
    if (existing) {
      const owner = await journeys.get(existing.journeyId);
      if (!owner) throw new NotFoundError(`Touchpoint ${existing.id} has no journey`);
      return { edit: { put: empty(), remove: noIds() }, value: { touchpoint: existing, journey: owner, endedJourneyIds: [] } };
    }
    const at = Date.parse(input.draft.capturedAt);
    const event = { id: input.draft.id, at, tabId: input.tab?.id ?? -1, openerTabId: input.tab?.openerTabId ?? null };
    const route = routeTag(await readRouting(tx), event, await activeExplicitJourney(tx), input.fallbackJourney.id, input.gapMs);
    const put = empty();
    let journey = route.createAuto ? undefined : await journeys.get(route.journeyId);
    if (!journey) {
      journey = {
        ...JOURNEY_DEFAULTS,
        id: route.journeyId,
        title: input.fallbackJourney.title,
        status: 'running',
        origin: 'auto',
        startedAt: input.draft.capturedAt,
        endedAt: null,
        updatedAt: input.now,
        author: input.author,
        researcher: input.author,
      };
      put.journeys.push(journey);
    }
    for (const { journeyId, at: lastAt } of route.endAuto) {
      const ended = await journeys.get(journeyId);
      if (ended) put.journeys.push(...endStep(ended, lastAt, input.author).put.journeys);
    }
    const touchpoint: Touchpoint = {
      ...input.draft,
      journeyId: journey.id,
      updatedAt: input.now,
      author: input.author,
      position: at,
      interactionId: null,
      screenshot: input.screenshot?.meta ?? null,
      owner: null,
    };
    put.touchpoints.push(touchpoint);
    if (input.screenshot) await tx.objectStore('screenshots').put(input.screenshot);
    await writeRuntime(tx, ROUTING_KEY, route.state);
    return {
      edit: { put, remove: noIds() },
      value: { touchpoint, journey, endedJourneyIds: route.endAuto.map((e) => e.journeyId) },
    };
  });
}

const empty = () => ({
  journeys: [] as Journey[],
  touchpoints: [] as Touchpoint[],
  interactions: [],
  tombstones: [],
});
const noIds = () => ({ journeys: [], touchpoints: [], interactions: [], tombstones: [] });

/** Changes a saved touchpoint's ratings and words; no change writes nothing. */
export async function updateTouchpoint(
  db: WaymarkDatabase,
  id: string,
  changes: Partial<Pick<Touchpoint, 'emotion' | 'effort' | 'namedEmotion' | 'stage' | 'channel' | 'note' | 'tags' | 'owner'>>,
  now: string,
  author: string,
): Promise<Touchpoint> {
  return editInTransaction(db, async (tx) => {
    const touchpoint = await tx.objectStore('touchpoints').get(id);
    if (!touchpoint) throw new NotFoundError(`No touchpoint ${id}.`);
    const changed = Object.entries(changes).some(
      ([key, value]) => value !== undefined && JSON.stringify(value) !== JSON.stringify(touchpoint[key as keyof Touchpoint]),
    );
    if (!changed) return { edit: { put: empty(), remove: noIds() }, value: touchpoint };
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const updated = stamped(touchpoint, defined as Partial<Touchpoint>, Date.parse(now), author);
    return { edit: { put: { ...empty(), touchpoints: [updated] }, remove: noIds() }, value: updated };
  });
}

/** A journey's touchpoints in display order (position, then capture time). */
export async function listTouchpoints(db: WaymarkDatabase, journeyId: string): Promise<Touchpoint[]> {
  return orderTouchpoints(await db.getAllFromIndex('touchpoints', 'byJourney', journeyId));
}

/** A touchpoint's stored screenshot, if it has one. */
export async function getScreenshot(db: WaymarkDatabase, touchpointId: string): Promise<StoredScreenshot | undefined> {
  return db.get('screenshots', touchpointId);
}
