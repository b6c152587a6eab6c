import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Tombstone } from '@/lib/model/tombstone';
import { exportAll } from '@/lib/store/export-all';
import { openWaymarkDb } from '@/lib/store/open-db';
import type { WaymarkDatabase } from '@/lib/store/schema';
import { defaultStudy } from '@/lib/study/default-study';
import { interactionFixture, journeyFixture, touchpointFixture } from '../../fixtures/records';

let db: WaymarkDatabase;
const name = 'waymark-export-all-test';

beforeEach(async () => {
  db = await openWaymarkDb(name);
});
afterEach(async () => {
  db.close();
  await deleteDB(name);
});

const journey = journeyFixture();
const touchpoints = [
  touchpointFixture({ id: 'a1b2c3d4-0000-4000-8000-000000000001' }),
  touchpointFixture({ id: 'a1b2c3d4-0000-4000-8000-000000000002' }),
];
const tombstone: Tombstone = {
  id: 'a1b2c3d4-0000-4000-8000-00000000dead',
  recordType: 'touchpoint',
  updatedAt: '2026-11-25T11:00:00.000Z',
  author: 'Mina',
};

const interactions = [interactionFixture()];

async function fill(): Promise<void> {
  await db.put('journeys', journey);
  for (const interaction of interactions) await db.put('interactions', interaction);
  for (const tp of touchpoints) await db.put('touchpoints', tp);
  await db.put('tombstones', tombstone);
}

describe('exportAll', () => {
  it('returns every journey, touchpoint, interaction and tombstone as stored', async () => {
    await fill();
    expect(await exportAll(db)).toEqual({
      studies: [defaultStudy()],
      journeys: [journey],
      touchpoints,
      interactions,
      tombstones: [tombstone],
    });
  });

  it('returns empty lists from an empty database', async () => {
    expect(await exportAll(db)).toEqual({
      studies: [defaultStudy()],
      journeys: [],
      touchpoints: [],
      interactions: [],
      tombstones: [],
    });
  });

  it('reads all five stores in one readonly transaction', async () => {
    await fill();
    const opened: { stores: string[]; mode: string | undefined }[] = [];
    // Counts transactions through a proxy: exportAll touches the database only via `transaction`.
    const counted = new Proxy(db, {
      get(target, prop) {
        if (prop !== 'transaction') return Reflect.get(target, prop);
        return (stores: string[], mode?: IDBTransactionMode) => {
          opened.push({ stores: [...stores].sort(), mode });
          return target.transaction(stores as never, mode);
        };
      },
    });
    await exportAll(counted);
    expect(opened).toEqual([{ stores: ['interactions', 'journeys', 'studies', 'tombstones', 'touchpoints'], mode: 'readonly' }]);
  });

  it('is one snapshot: writes made after the call are not half in it', async () => {
    await fill();
    const reading = exportAll(db);
    const late = touchpointFixture({ id: 'a1b2c3d4-0000-4000-8000-000000000003' });
    const writing = Promise.all([
      db.put('touchpoints', late),
      db.put('tombstones', { ...tombstone, id: journey.id, recordType: 'journey' }),
      db.delete('journeys', journey.id),
    ]);
    const [snapshot] = await Promise.all([reading, writing]);
    expect(snapshot).toEqual({
      studies: [defaultStudy()],
      journeys: [journey],
      touchpoints,
      interactions,
      tombstones: [tombstone],
    });
    expect((await exportAll(db)).touchpoints).toContainEqual(late);
  });
});
