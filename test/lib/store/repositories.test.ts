import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '@/lib/model/ids';
import { endJourney, getLatestJourney, getRunningJourney, startJourney } from '@/lib/store/journeys';
import { openWaymarkDb } from '@/lib/store/open-db';
import type { WaymarkDatabase } from '@/lib/store/schema';
import { listTouchpoints, saveTouchpoint } from '@/lib/store/touchpoints';
import { draftFixture } from '../../fixtures/records';

let db: WaymarkDatabase;
const name = 'waymark-repositories-test';

beforeEach(async () => {
  db = await openWaymarkDb(name);
});
afterEach(async () => {
  db.close();
  await deleteDB(name);
});

const T0 = '2026-11-25T10:00:00.000Z';
const T1 = '2026-11-25T11:00:00.000Z';

describe('journeys', () => {
  it('starts a running journey and finds it by index', async () => {
    const journey = await startJourney(db, { id: newId(), title: 'Checkout', now: T0, author: 'Mina' });
    expect(journey).toMatchObject({ status: 'running', startedAt: T0, endedAt: null, updatedAt: T0 });
    expect(await getRunningJourney(db)).toEqual(journey);
  });

  it('ends the running journey when another starts', async () => {
    const first = await startJourney(db, { id: newId(), title: 'A', now: T0, author: 'Mina' });
    const second = await startJourney(db, { id: newId(), title: 'B', now: T1, author: 'Mina' });
    expect(await db.get('journeys', first.id)).toMatchObject({ status: 'ended', endedAt: T1, updatedAt: T1 });
    expect(await getRunningJourney(db)).toEqual(second);
  });

  it('is idempotent: starting the same id twice gives the first journey', async () => {
    const id = newId();
    const first = await startJourney(db, { id, title: 'A', now: T0, author: 'Mina' });
    const retry = await startJourney(db, { id, title: 'A', now: T1, author: 'Mina' });
    expect(retry).toEqual(first);
    expect(await db.count('journeys')).toBe(1);
  });

  it('ends a journey once; ending again changes nothing', async () => {
    const journey = await startJourney(db, { id: newId(), title: 'A', now: T0, author: 'Mina' });
    const ended = await endJourney(db, journey.id, T1);
    expect(ended).toMatchObject({ status: 'ended', endedAt: T1 });
    expect(await endJourney(db, journey.id, '2026-11-26T00:00:00.000Z')).toEqual(ended);
    expect(await getLatestJourney(db)).toEqual(ended);
  });

  it('returns the journey started last when none runs', async () => {
    const a = await startJourney(db, { id: newId(), title: 'A', now: T0, author: 'Mina' });
    const b = await startJourney(db, { id: newId(), title: 'B', now: T1, author: 'Mina' });
    await endJourney(db, b.id, T1);
    expect((await getLatestJourney(db))?.id).toBe(b.id);
    expect((await db.get('journeys', a.id))?.status).toBe('ended');
  });
});

describe('touchpoints', () => {
  it('saves into the running journey and lists in capture order', async () => {
    const journey = await startJourney(db, { id: newId(), title: 'A', now: T0, author: 'Mina' });
    const later = draftFixture({ id: newId(), capturedAt: '2026-11-25T10:05:00.000Z' });
    const earlier = draftFixture({ id: newId(), capturedAt: '2026-11-25T10:01:00.000Z' });
    await saveTouchpoint(db, { draft: later, now: T1, fallbackJourney: { id: newId(), title: 'x' }, author: 'Mina' });
    const saved = await saveTouchpoint(db, {
      draft: earlier,
      now: T1,
      fallbackJourney: { id: newId(), title: 'x' },
      author: 'Mina',
    });
    expect(saved.touchpoint).toMatchObject({ journeyId: journey.id, updatedAt: T1 });
    // A tag is a record of its own: the journey record is not rewritten (no needless merge conflicts).
    expect(saved.journey).toEqual(journey);
    expect((await listTouchpoints(db, journey.id)).map((tp) => tp.id)).toEqual([earlier.id, later.id]);
  });

  it('starts an automatic journey when none runs, so no capture is refused', async () => {
    const fallback = { id: newId(), title: 'shop.example' };
    const saved = await saveTouchpoint(db, { draft: draftFixture(), now: T1, fallbackJourney: fallback, author: 'Mina' });
    expect(saved.journey).toMatchObject({ id: fallback.id, title: 'shop.example', status: 'running' });
    expect(await getRunningJourney(db)).toEqual(saved.journey);
  });

  it('is idempotent: a retried save returns the stored record and adds nothing', async () => {
    const journey = await startJourney(db, { id: newId(), title: 'A', now: T0, author: 'Mina' });
    const draft = draftFixture({ id: newId() });
    const first = await saveTouchpoint(db, { draft, now: T0, fallbackJourney: { id: newId(), title: 'x' }, author: 'Mina' });
    await endJourney(db, journey.id, T1);
    const retry = await saveTouchpoint(db, { draft, now: T1, fallbackJourney: { id: newId(), title: 'x' }, author: 'Mina' });
    expect(retry.touchpoint).toEqual(first.touchpoint);
    expect(await db.count('touchpoints')).toBe(1);
    expect(await db.count('journeys')).toBe(1);
  });

  it('lists only the asked journey', async () => {
    const a = await startJourney(db, { id: newId(), title: 'A', now: T0, author: 'Mina' });
    await saveTouchpoint(db, {
      draft: draftFixture({ id: newId() }),
      now: T0,
      fallbackJourney: { id: newId(), title: 'x' },
      author: 'Mina',
    });
    const b = await startJourney(db, { id: newId(), title: 'B', now: T1, author: 'Mina' });
    await saveTouchpoint(db, {
      draft: draftFixture({ id: newId() }),
      now: T1,
      fallbackJourney: { id: newId(), title: 'x' },
      author: 'Mina',
    });
    expect(await listTouchpoints(db, a.id)).toHaveLength(1);
    expect(await listTouchpoints(db, b.id)).toHaveLength(1);
  });
});
