import { deleteDB, openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { Study } from '@/lib/model/study';
import { DB_VERSION, MIGRATIONS, runMigrations } from '@/lib/store/migrations';
import { openWaymarkDb } from '@/lib/store/open-db';
import type { WaymarkDb } from '@/lib/store/schema';
import { defaultStudy } from '@/lib/study/default-study';
import {
  journeyV1,
  journeyV2,
  journeyV2asCurrent,
  touchpointV1,
  touchpointV2,
  touchpointV2asCurrent,
} from '../../fixtures/old-records';
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
    expect([...db.objectStoreNames].sort()).toEqual([
      'interactions',
      'journeys',
      'runtime',
      'screenshots',
      'studies',
      'tombstones',
      'touchpoints',
    ]);
    const tx = db.transaction(['journeys', 'touchpoints']);
    expect([...tx.objectStore('journeys').indexNames].sort()).toEqual(['byStartedAt', 'byStatus', 'byUpdatedAt']);
    expect([...tx.objectStore('touchpoints').indexNames].sort()).toEqual(['byJourney', 'byJourneyCaptured', 'byUpdatedAt']);
    expect(tx.objectStore('touchpoints').index('byJourneyCaptured').keyPath).toEqual(['journeyId', 'capturedAt']);
    const interactions = db.transaction('interactions').store;
    expect([...interactions.indexNames].sort()).toEqual(['byJourneyAt', 'byUpdatedAt']);
    expect(interactions.index('byJourneyAt').keyPath).toEqual(['journeyId', 'at']);
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

  /** A database at `version`, made by the real steps up to it, holding `records`. */
  async function databaseAt(version: number, records: { journeys: object[]; touchpoints: object[] }) {
    const name = dbName();
    const old = await openDB<WaymarkDb>(name, version, {
      upgrade(database, oldVersion, _newVersion, tx) {
        void runMigrations(database, tx, oldVersion, version);
      },
    });
    for (const journey of records.journeys) await old.put('journeys', journey as never);
    for (const touchpoint of records.touchpoints) await old.put('touchpoints', touchpoint as never);
    old.close();
    return name;
  }

  it('upgrades a version 1 database: records gain an author, no screenshot, and the version 3 fields', async () => {
    const name = await databaseAt(1, { journeys: [journeyV1], touchpoints: [touchpointV1] });
    const db = await openWaymarkDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.get('journeys', journeyV1.id)).toEqual({ ...journeyV2asCurrent, author: '', researcher: '' });
    expect(await db.get('touchpoints', touchpointV1.id)).toEqual({ ...touchpointV2asCurrent, author: '' });
    expect(await db.count('tombstones')).toBe(0);
    expect(await db.count('interactions')).toBe(0);
    db.close();
  });

  it('upgrades a version 2 database: journeys gain their study frame, touchpoints stage, channel and position', async () => {
    const name = await databaseAt(2, { journeys: [journeyV2], touchpoints: [touchpointV2] });
    const db = await openWaymarkDb(name);
    expect(await db.get('journeys', journeyV2.id)).toEqual(journeyV2asCurrent);
    expect(await db.get('touchpoints', touchpointV2.id)).toEqual(touchpointV2asCurrent);
    // The upgraded records are valid for today's schemas and reachable through the indexes.
    expect(await db.getAllFromIndex('touchpoints', 'byJourney', journeyV2.id)).toHaveLength(1);
    db.close();
  });

  it('upgrades a version 3 database: journeys join the default study, touchpoints gain an owner', async () => {
    const { studyId: _s, siteId: _i, answers: _a, ...journeyV3 } = journeyV2asCurrent;
    const { owner: _o, ...touchpointV3 } = touchpointV2asCurrent;
    const name = await databaseAt(3, { journeys: [journeyV3], touchpoints: [touchpointV3] });
    const db = await openWaymarkDb(name);
    expect(await db.get('journeys', journeyV2.id)).toEqual(journeyV2asCurrent);
    expect(await db.get('touchpoints', touchpointV2.id)).toEqual(touchpointV2asCurrent);
    expect(await db.getAll('studies')).toEqual([defaultStudy()]);
    expect(Study.parse(defaultStudy())).toEqual(defaultStudy());
    db.close();
  });

  it('runs only the steps above the stored version', async () => {
    const name = dbName();
    const ran: number[] = [];
    const db = await openDB<WaymarkDb>(name, 1, {
      upgrade(database, oldVersion, newVersion, tx) {
        ran.push(oldVersion);
        void runMigrations(database, tx, oldVersion, newVersion ?? 1);
      },
    });
    db.close();
    expect(ran).toEqual([0]);
    // Opening at the same version must not run any step (it would throw: stores exist).
    const reopened = await openWaymarkDb(name);
    expect(reopened.objectStoreNames.contains('journeys')).toBe(true);
    reopened.close();
  });

  it('refuses to upgrade to a version it has no step for', async () => {
    const stub = {} as Parameters<typeof runMigrations>[0];
    const tx = {} as Parameters<typeof runMigrations>[1];
    await expect(runMigrations(stub, tx, DB_VERSION, DB_VERSION + 1)).rejects.toThrow(/No migration to database version/);
  });
});
