import { describe, expect, it } from 'vitest';
import type { Tombstone } from '@/lib/model/tombstone';
import { buildMemberFile } from '@/lib/sync/member-file';
import { interactionFixture, journeyFixture, touchpointFixture } from '../../fixtures/records';

const bobsJourney = journeyFixture({ author: 'Bob' });
const mine = touchpointFixture({ id: '5f0e2c1a-8b7d-4e3f-a2b1-000000000001', author: 'Alice' });
const bobs = touchpointFixture({ id: '5f0e2c1a-8b7d-4e3f-a2b1-000000000002', author: 'Bob' });

describe('buildMemberFile', () => {
  it('holds the records I made, and the journey they belong to even if a teammate made it', () => {
    const file = buildMemberFile(
      {
        journeys: [bobsJourney],
        touchpoints: [mine, bobs],
        interactions: [interactionFixture({ author: 'Bob' })],
        tombstones: [],
      },
      'Alice',
      'Waymark test',
    );
    expect(file.touchpoints.map((t) => t.id)).toEqual([mine.id]);
    expect(file.journeys.map((j) => j.id)).toEqual([bobsJourney.id]);
    expect(file.interactions).toEqual([]);
  });

  it("carries the journey's tombstone when the journey was deleted, so the file stays valid", () => {
    const gone: Tombstone = { id: bobsJourney.id, recordType: 'journey', updatedAt: '2026-11-25T11:00:00.000Z', author: 'Bob' };
    const file = buildMemberFile(
      { journeys: [], touchpoints: [mine], interactions: [], tombstones: [gone] },
      'Alice',
      'Waymark test',
    );
    expect(file.tombstones).toEqual([gone]);
    expect(file.touchpoints).toHaveLength(1);
  });

  it('is an empty export for a member who made nothing yet', () => {
    const file = buildMemberFile(
      { journeys: [bobsJourney], touchpoints: [bobs], interactions: [], tombstones: [] },
      'Alice',
      'W',
    );
    expect(file).toMatchObject({ format: 'waymark', journeys: [], touchpoints: [], interactions: [], tombstones: [] });
  });
});
