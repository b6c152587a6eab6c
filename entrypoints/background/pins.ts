import { sanitizeUrl } from '@/lib/capture/sanitize-url';
import type { PinnedTouchpoint } from '@/lib/messages/protocol';
import { getRunningJourney } from '@/lib/store/journeys';
import { openWaymarkDb } from '@/lib/store/open-db';
import { listTouchpoints } from '@/lib/store/touchpoints';

/**
 * A page's identity: its URL as stored (sanitized), without a fragment
 * unless the fragment is a route (`#/cart` is another page of a single-page
 * app; `#reviews` is the same page).
 */
export function canonicalPageUrl(url: string): string {
  const clean = sanitizeUrl(url);
  try {
    const parsed = new URL(clean);
    if (!/^#!?\//.test(parsed.hash)) parsed.hash = '';
    return parsed.toString();
  } catch {
    return clean;
  }
}

/** The touchpoints of the running journey tagged on an element of the page at `url`, for its pins. */
export async function pinsOfPage(url: string): Promise<PinnedTouchpoint[]> {
  const page = canonicalPageUrl(url);
  const db = await openWaymarkDb();
  try {
    const journey = await getRunningJourney(db);
    if (!journey) return [];
    const touchpoints = await listTouchpoints(db, journey.id);
    return touchpoints
      .filter((tp) => tp.target !== 'page' && canonicalPageUrl(tp.url) === page)
      .map(({ id, capturedAt, target, anchor, emotion, namedEmotion, effort, stage, note, tags }) => ({
        id,
        capturedAt,
        target,
        anchor,
        emotion,
        namedEmotion,
        effort,
        stage,
        note,
        tags,
      }));
  } finally {
    db.close();
  }
}
