import { JOURNEY_DEFAULTS, type Journey, type JourneyDetails } from '../model/journey';
import type { WaymarkDatabase } from './schema';

/** Input to start a journey; the id is made by the caller so retries are safe. */
export interface StartJourney {
  id: string;
  title: string;
  now: string;
  /** The researcher, from settings. */
  author: string;
  /** Persona, scenario, site, stages... as set when starting. */
  details?: JourneyDetails;
}

/** The journey being captured now, if any (an index lookup, never a scan). */
export async function getRunningJourney(db: WaymarkDatabase): Promise<Journey | undefined> {
  return db.getFromIndex('journeys', 'byStatus', 'running');
}

/** The running journey, else the one started last. */
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
 * Starts a journey, ending the one that was running (one runs at a time).
 * Running it twice with the same id returns the journey made the first time.
 */
export async function startJourney(db: WaymarkDatabase, input: StartJourney): Promise<Journey> {
  const tx = db.transaction('journeys', 'readwrite');
  const existing = await tx.store.get(input.id);
  if (existing) {
    await tx.done;
    return existing;
  }
  for (const running of await tx.store.index('byStatus').getAll('running')) {
    await tx.store.put(endedJourney(running, input.now));
  }
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
  await tx.store.put(journey);
  await tx.done;
  return journey;
}

/** Ends a journey; ending an ended journey changes nothing. */
export async function endJourney(db: WaymarkDatabase, id: string, now: string): Promise<Journey | undefined> {
  const tx = db.transaction('journeys', 'readwrite');
  const journey = await tx.store.get(id);
  let result = journey;
  if (journey && journey.status !== 'ended') {
    result = endedJourney(journey, now);
    await tx.store.put(result);
  }
  await tx.done;
  return result;
}

/** A pure step: the journey as it is once ended at `now`. */
export function endedJourney(journey: Journey, now: string): Journey {
  const pauses = journey.pauses.map((pause) => (pause.end === null ? { ...pause, end: now } : pause));
  return { ...journey, status: 'ended', endedAt: now, updatedAt: now, pauses };
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
