import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NO_FILTER, queryJourneyPage } from '@/lib/store/journey-query';
import { openWaymarkDb } from '@/lib/store/open-db';
import type { WaymarkDatabase } from '@/lib/store/schema';
import { iso, journey, T, touchpoint, uuid } from '../journey/records';

let db: WaymarkDatabase;
const name = 'waymark-journey-query-test';

beforeEach(async () => {
  db = await openWaymarkDb(name);
  const tx = db.transaction(['journeys', 'touchpoints'], 'readwrite');
  for (let n = 1; n <= 25; n++) {
    // Journeys 11 and 12 start at the same time: paging must not skip or repeat either.
    const at = n === 12 ? T(11) : T(n);
    await tx.objectStore('journeys').put(
      journey({
        id: uuid(1, n),
        title: `Journey ${n}`,
        startedAt: iso(at),
        updatedAt: iso(at),
        site: n % 2 ? 'shop-a.example' : 'shop-b.example',
        persona: n % 5 === 0 ? 'Busy parent' : 'Student',
      }),
    );
  }
  await tx.objectStore('touchpoints').put(touchpoint(1, { journeyId: uuid(1, 7), tags: ['pain-point'] }));
  await tx.objectStore('touchpoints').put(touchpoint(2, { journeyId: uuid(1, 7) }));
  await tx.done;
});
afterEach(async () => {
  db.close();
  await deleteDB(name);
});

const titles = (page: { items: { journey: { title: string } }[] }) => page.items.map((i) => i.journey.title);

describe('queryJourneyPage', () => {
  it('pages newest first through every journey exactly once, ties included', async () => {
    const seen: string[] = [];
    let cursor = null;
    do {
      const page = await queryJourneyPage(db, NO_FILTER, cursor, 4);
      seen.push(...titles(page));
      cursor = page.next;
    } while (cursor);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    expect(seen[0]).toBe('Journey 25');
  });

  it('filters by text, site and persona', async () => {
    const page = await queryJourneyPage(db, { ...NO_FILTER, site: 'SHOP-B', persona: 'parent' }, null, 50);
    expect(titles(page)).toEqual(['Journey 20', 'Journey 10']);
    expect(titles(await queryJourneyPage(db, { ...NO_FILTER, text: 'journey 2' }, null, 3))).toEqual([
      'Journey 25',
      'Journey 24',
      'Journey 23',
    ]);
  });

  it('filters by study', async () => {
    const study = '90000000-0000-4000-8000-000000000001';
    await db.put('journeys', { ...(await db.get('journeys', uuid(1, 3)))!, studyId: study });
    expect(titles(await queryJourneyPage(db, { ...NO_FILTER, study }, null, 50))).toEqual(['Journey 3']);
    expect(await queryJourneyPage(db, { ...NO_FILTER, study: '' }, null, 50)).toMatchObject({ items: { length: 25 } });
  });

  it('filters by a tag on the touchpoints and counts them', async () => {
    const page = await queryJourneyPage(db, { ...NO_FILTER, tag: 'pain-point' }, null, 50);
    expect(page.items.map((i) => [i.journey.title, i.touchpointCount])).toEqual([['Journey 7', 2]]);
    expect(page.next).toBeNull();
  });

  it('narrows by start date through the index range', async () => {
    const page = await queryJourneyPage(db, { ...NO_FILTER, from: iso(T(3)), to: iso(T(5)) }, null, 50);
    expect(titles(page)).toEqual(['Journey 5', 'Journey 4', 'Journey 3']);
  });
});
