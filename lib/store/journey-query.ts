import type { Journey } from '../model/journey';
import type { WaymarkDatabase } from './schema';

/** What the journey list is filtered by; empty strings and `null` match everything. */
export interface JourneyFilter {
  /** Words in the title, scenario, notes, site, persona or researcher (case-insensitive). */
  text: string;
  site: string;
  persona: string;
  /** A tag one of the journey's touchpoints carries, exactly. */
  tag: string;
  /** The study the journeys belong to (its id); empty or absent for every study. */
  study?: string;
  /** ISO times: journeys started at or after `from` and at or before `to`. */
  from: string | null;
  to: string | null;
}

export const NO_FILTER: JourneyFilter = { text: '', site: '', persona: '', tag: '', from: null, to: null };

/** Where a page of the list starts: after this journey, in newest-first order. */
export interface PageCursor {
  startedAt: string;
  id: string;
}

/** One page of journeys, newest first, with touchpoint counts; `next` is `null` on the last page. */
export interface JourneyPage {
  items: { journey: Journey; touchpointCount: number }[];
  next: PageCursor | null;
}

const contains = (haystack: string, needle: string) => needle === '' || haystack.toLocaleLowerCase().includes(needle);

/** Whether a journey passes the filter's own fields (the tag is checked against touchpoints separately). */
export function matchesJourney(journey: Journey, filter: JourneyFilter): boolean {
  const text = filter.text.trim().toLocaleLowerCase();
  const words = [journey.title, journey.scenario, journey.notes, journey.site, journey.persona, journey.researcher].join('\n');
  return (
    (!filter.study || journey.studyId === filter.study) &&
    contains(words, text) &&
    contains(journey.site, filter.site.trim().toLocaleLowerCase()) &&
    contains(journey.persona, filter.persona.trim().toLocaleLowerCase())
  );
}

/**
 * One page of the journey list, read with a cursor on the `byStartedAt`
 * index (newest first) so that 10,000 journeys cost one page of reads, not a
 * table scan: the date range narrows the index range, the other filters are
 * checked record by record until the page is full. Counts come from the
 * `byJourney` index.
 */
export async function queryJourneyPage(
  db: WaymarkDatabase,
  filter: JourneyFilter,
  after: PageCursor | null,
  limit: number,
): Promise<JourneyPage> {
  const tx = db.transaction(['journeys', 'touchpoints']);
  const byJourney = tx.objectStore('touchpoints').index('byJourney');
  const upper = [filter.to, after?.startedAt].filter((v): v is string => v != null).sort()[0];
  const lower = filter.from ?? undefined;
  const range =
    upper !== undefined && lower !== undefined
      ? lower <= upper
        ? IDBKeyRange.bound(lower, upper)
        : null
      : upper !== undefined
        ? IDBKeyRange.upperBound(upper)
        : lower !== undefined
          ? IDBKeyRange.lowerBound(lower)
          : undefined;
  const found: Journey[] = [];
  let more = false;
  if (range !== null) {
    let cursor = await tx.objectStore('journeys').index('byStartedAt').openCursor(range, 'prev');
    for (; cursor; cursor = await cursor.continue()) {
      const journey = cursor.value;
      // Equal start times come in descending id order: skip up to and including the cursor's journey.
      if (after && journey.startedAt === after.startedAt && journey.id >= after.id) continue;
      if (!matchesJourney(journey, filter)) continue;
      if (filter.tag.trim() !== '') {
        const tag = filter.tag.trim();
        const touchpoints = await byJourney.getAll(journey.id);
        if (!touchpoints.some((tp) => tp.tags.includes(tag))) continue;
      }
      if (found.length === limit) {
        more = true;
        break;
      }
      found.push(journey);
    }
  }
  const counts = await Promise.all(found.map((j) => byJourney.count(j.id)));
  await tx.done;
  const last = found[found.length - 1];
  return {
    items: found.map((journey, i) => ({ journey, touchpointCount: counts[i] ?? 0 })),
    next: more && last ? { startedAt: last.startedAt, id: last.id } : null,
  };
}
