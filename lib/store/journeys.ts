import { type EditResult, noEdit } from '../journey/edit-result';
import { endJourney as endStep, pauseJourney, resumeJourney, updateJourneyDetails } from '../journey/edits';
import { endedJourney as freeTabs, type RoutingState, routingStateOf, startedJourney } from '../journey/routing';
import { JOURNEY_DEFAULTS, type Journey, type JourneyDetails } from '../model/journey';
import { type EditTransaction, editInTransaction, readRuntime, writeRuntime } from './edits';
import type { WaymarkDatabase } from './schema';

/** The key of the worker's routing state in the `runtime` store. */
export const ROUTING_KEY = 'routing';

/** Reads the routing state inside an edit transaction. */
export async function readRouting(tx: Pick<EditTransaction, 'objectStore'>): Promise<RoutingState> {
  return routingStateOf(await readRuntime(tx, ROUTING_KEY));
}

/** Input to start a journey; the id is made by the caller so retries are safe. */
export interface StartJourney {
  id: string;
  title: string;
  now: string;
  /** The researcher, from settings. */
  author: string;
  /** Persona, scenario, site, stages... as set when starting. */
  details?: JourneyDetails;
  /** The tab it starts in: it joins the journey, and tabs opened from it follow. */
  tabId?: number;
}

/** The journey being captured now (running or paused), if any: an index lookup, never a scan. */
export async function getRunningJourney(db: WaymarkDatabase): Promise<Journey | undefined> {
  const tx = db.transaction('journeys');
  const byStatus = tx.store.index('byStatus');
  const [running, paused] = await Promise.all([byStatus.getAll('running'), byStatus.getAll('paused')]);
  await tx.done;
  return newestStarted([...running, ...paused]);
}

/** Of several journeys, the researcher's (explicit) one first, then the one started last. */
function newestStarted(journeys: readonly Journey[]): Journey | undefined {
  return [...journeys].sort(
    (a, b) => Number(b.origin === 'explicit') - Number(a.origin === 'explicit') || (a.startedAt < b.startedAt ? 1 : -1),
  )[0];
}

/** The researcher's running or paused journey, read inside a transaction. */
export async function activeExplicitJourney(tx: Pick<EditTransaction, 'objectStore'>): Promise<Journey | undefined> {
  const byStatus = tx.objectStore('journeys').index('byStatus');
  const [running, paused] = await Promise.all([byStatus.getAll('running'), byStatus.getAll('paused')]);
  return newestStarted([...running, ...paused].filter((j) => j.origin === 'explicit'));
}

/** The running or paused journey, else the one started last. */
export async function getLatestJourney(db: WaymarkDatabase): Promise<Journey | undefined> {
  const running = await getRunningJourney(db);
  if (running) return running;
  const cursor = await db.transaction('journeys').store.index('byStartedAt').openCursor(null, 'prev');
  return cursor?.value;
}

export async function getJourney(db: WaymarkDatabase, id: string): Promise<Journey | undefined> {
  return db.get('journeys', id);
}

/**
 * Starts a journey, ending any that runs or is paused (one is captured at a
 * time); the tab it starts in joins it and automatic sessions end. Running it
 * twice with the same id returns the journey made the first time.
 */
export async function startJourney(db: WaymarkDatabase, input: StartJourney): Promise<Journey> {
  const now = Date.parse(input.now);
  return editInTransaction(db, async (tx) => {
    const journeys = tx.objectStore('journeys');
    const existing = await journeys.get(input.id);
    if (existing) return { edit: noEdit(), value: existing };
    const byStatus = journeys.index('byStatus');
    const open = [...(await byStatus.getAll('running')), ...(await byStatus.getAll('paused'))];
    const edit = noEdit();
    edit.put.journeys = open.flatMap((j) => endStep(j, now, input.author).put.journeys);
    const journey: Journey = {
      ...JOURNEY_DEFAULTS,
      researcher: input.author,
      ...input.details,
      id: input.id,
      title: input.title,
      status: 'running',
      origin: 'explicit',
      startedAt: input.now,
      endedAt: null,
      updatedAt: input.now,
      author: input.author,
    };
    edit.put.journeys.push(journey);
    await writeRuntime(tx, ROUTING_KEY, startedJourney(journey.id, input.tabId));
    return { edit, value: journey };
  });
}

/** Thrown when a request names a journey or record that is not there. */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

type JourneyStep = (journey: Journey, now: number, author: string) => EditResult;

/** Applies a pure step to one journey in one transaction; returns the journey as stored after it. */
async function changeJourney(
  db: WaymarkDatabase,
  id: string,
  step: JourneyStep,
  now: number,
  author: string,
  after?: (tx: EditTransaction, journey: Journey) => Promise<void>,
): Promise<Journey> {
  return editInTransaction(db, async (tx) => {
    const journey = await tx.objectStore('journeys').get(id);
    if (!journey) throw new NotFoundError(`No journey ${id}.`);
    const edit = step(journey, now, author);
    const changed = edit.put.journeys.find((j) => j.id === id) ?? journey;
    await after?.(tx, changed);
    return { edit, value: changed };
  });
}

/** Ends a journey; its tabs leave it. Ending an ended journey changes nothing. */
export function endJourney(db: WaymarkDatabase, id: string, now: string, author = ''): Promise<Journey> {
  return changeJourney(db, id, endStep, Date.parse(now), author, async (tx) => {
    await writeRuntime(tx, ROUTING_KEY, freeTabs(await readRouting(tx), id));
  });
}

/** Pauses a running journey (nothing is recorded until it resumes). */
export function pauseJourneyIn(db: WaymarkDatabase, id: string, now: string, author: string): Promise<Journey> {
  return changeJourney(db, id, pauseJourney, Date.parse(now), author);
}

/** Resumes a paused journey. */
export function resumeJourneyIn(db: WaymarkDatabase, id: string, now: string, author: string): Promise<Journey> {
  return changeJourney(db, id, resumeJourney, Date.parse(now), author);
}

/** Changes a journey's title, persona, scenario, site, stages... */
export function updateJourney(
  db: WaymarkDatabase,
  id: string,
  details: JourneyDetails,
  now: string,
  author: string,
): Promise<Journey> {
  return changeJourney(db, id, (j, t, a) => updateJourneyDetails(j, details, t, a), Date.parse(now), author);
}

/** Every journey, newest first, with its number of touchpoints (counted by index). */
export async function listJourneySummaries(db: WaymarkDatabase): Promise<{ journey: Journey; touchpointCount: number }[]> {
  const tx = db.transaction(['journeys', 'touchpoints']);
  const journeys = await tx.objectStore('journeys').index('byStartedAt').getAll();
  const byJourney = tx.objectStore('touchpoints').index('byJourney');
  const counts = await Promise.all(journeys.map((j) => byJourney.count(j.id)));
  await tx.done;
  return journeys.map((journey, i) => ({ journey, touchpointCount: counts[i] ?? 0 })).reverse();
}
