import { deleteDB, openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_VERSION, MIGRATIONS, runMigrations } from '@/lib/store/migrations';
import { openWaymarkDb } from '@/lib/store/open-db';
import type { WaymarkDb } from '@/lib/store/schema';
import { journeyFixture, touchpointFixture } from '../../fixtures/records';

let names: string[] = [];
function dbName(): string {
  const name = `waymark-test-${names.length}-${Math.random()}`;
  names.push(name);
  return name;
}

afterEach(async () => {
  await Promise.all(names.map((name) => deleteDB(name)));
  names = [];
});

describe('migrations', () => {
  it('has one step per version', () => {
    expect(DB_VERSION).toBe(MIGRATIONS.length);
    expect(DB_VERSION).toBeGreaterThanOrEqual(1);
  });

  it('creates every store and index from an empty database', async () => {
    const db = await openWaymarkDb(dbName());
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['journeys', 'screenshots', 'tombstones', 'touchpoints']);
    const tx = db.transaction(['journeys', 'touchpoints']);
    expect([...tx.objectStore('journeys').indexNames].sort()).toEqual(['byStartedAt', 'byStatus', 'byUpdatedAt']);
    expect([...tx.objectStore('touchpoints').indexNames].sort()).toEqual(['byJourney', 'byJourneyCaptured', 'byUpdatedAt']);
    expect(tx.objectStore('touchpoints').index('byJourneyCaptured').keyPath).toEqual(['journeyId', 'capturedAt']);
    db.close();
  });

  it('keeps stored records when the database is opened again', async () => {
    const name = dbName();
    const first = await openWaymarkDb(name);
    await first.put('journeys', journeyFixture());
    await first.put('touchpoints', touchpointFixture());
    first.close();
    const again = await openWaymarkDb(name);
    expect(await again.get('journeys', journeyFixture().id)).toEqual(journeyFixture());
    expect(await again.getAllFromIndex('touchpoints', 'byJourney', journeyFixture().id)).toEqual([touchpointFixture()]);
    again.close();
  });

  it('upgrades a version 1 database: records keep their data and gain an empty author and no screenshot', async () => {
    const name = dbName();
    const { author: _a, ...journeyV1 } = journeyFixture();
    const { author: _b, screenshot: _s, ...touchpointV1 } = touchpointFixture();
    const v1 = await openDB<WaymarkDb>(name, 1, {
      upgrade(database, oldVersion, _newVersion, tx) {
        runMigrations(database, tx, oldVersion, 1);
      },
    });
    await v1.put('journeys', journeyV1 as never);
    await v1.put('touchpoints', touchpointV1 as never);
    v1.close();

    const db = await openWaymarkDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.get('journeys', journeyV1.id)).toEqual({ ...journeyV1, author: '' });
    expect(await db.get('touchpoints', touchpointV1.id)).toEqual({ ...touchpointV1, author: '', screenshot: null });
    expect(await db.count('tombstones')).toBe(0);
    db.close();
  });

  it('runs only the steps above the stored version', async () => {
    const name = dbName();
    const ran: number[] = [];
    const db = await openDB<WaymarkDb>(name, 1, {
      upgrade(database, oldVersion, newVersion, tx) {
        ran.push(oldVersion);
        runMigrations(database, tx, oldVersion, newVersion ?? 1);
      },
    });
    db.close();
    expect(ran).toEqual([0]);
    // Opening at the same version must not run any step (it would throw: stores exist).
    const reopened = await openWaymarkDb(name);
    expect(reopened.objectStoreNames.contains('journeys')).toBe(true);
    reopened.close();
  });

  it('refuses to upgrade to a version it has no step for', () => {
    const stub = {} as Parameters<typeof runMigrations>[0];
    const tx = {} as Parameters<typeof runMigrations>[1];
    expect(() => runMigrations(stub, tx, DB_VERSION, DB_VERSION + 1)).toThrow(/No migration to database version/);
  });
});
