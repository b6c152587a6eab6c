import { describe, expect, it } from 'vitest';
import { ExportFile, SCHEMA_VERSION } from '@/lib/model/export-file';
import { Interaction } from '@/lib/model/interaction';
import { Journey } from '@/lib/model/journey';
import { Touchpoint, TouchpointDraft } from '@/lib/model/touchpoint';
import { interactionFixture, journeyFixture, touchpointFixture } from '../../fixtures/records';

const validFile = () => ({
  format: 'waymark',
  schemaVersion: SCHEMA_VERSION,
  exportedAt: '2026-11-25T12:00:00.000Z',
  generator: 'Waymark 0.1.0',
  studies: [] as unknown[],
  journeys: [journeyFixture()],
  touchpoints: [touchpointFixture()],
  interactions: [interactionFixture()],
  tombstones: [] as unknown[],
});

describe('Touchpoint', () => {
  it('accepts a complete touchpoint', () => {
    expect(Touchpoint.parse(touchpointFixture())).toEqual(touchpointFixture());
  });

  it.each([-2, -1, 0, 1, 2])('accepts emotion %i', (emotion) => {
    expect(Touchpoint.safeParse(touchpointFixture({ emotion: emotion as never })).success).toBe(true);
  });

  it.each([1, 2, 3, 4, 5, 6, 7])('accepts effort %i', (effort) => {
    expect(Touchpoint.safeParse(touchpointFixture({ effort: effort as never })).success).toBe(true);
  });

  it.each([
    ['emotion above +2', { emotion: 3 }, 'emotion'],
    ['emotion below -2', { emotion: -3 }, 'emotion'],
    ['fractional emotion', { emotion: 0.5 }, 'emotion'],
    ['emotion as a string', { emotion: '1' }, 'emotion'],
    ['effort 0', { effort: 0 }, 'effort'],
    ['effort 8', { effort: 8 }, 'effort'],
    ['a non-UUID id', { id: 'tp-1' }, 'id'],
    ['a non-UUID journey id', { journeyId: '42' }, 'journeyId'],
    ['a local time without zone', { capturedAt: '2026-11-25T10:01:00' }, 'capturedAt'],
    ['a date without time', { updatedAt: '2026-11-25' }, 'updatedAt'],
    ['a relative URL', { url: '/cart' }, 'url'],
    ['an empty tag', { tags: [''] }, 'tags'],
    ['a non-string note', { note: null }, 'note'],
  ])('rejects %s', (_name, overrides, path) => {
    const result = Touchpoint.safeParse({ ...touchpointFixture(), ...overrides });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path[0]).toBe(path);
  });

  it('rejects unknown keys, so typos and injected fields do not pass silently', () => {
    expect(Touchpoint.safeParse({ ...touchpointFixture(), typedValue: 'secret' }).success).toBe(false);
  });

  it('rejects a touchpoint without an anchor quote', () => {
    const { anchor } = touchpointFixture();
    const result = Touchpoint.safeParse(touchpointFixture({ anchor: { ...anchor, quote: undefined as never } }));
    expect(result.success).toBe(false);
  });

  it('has drafts without journeyId, updatedAt, author, position, interaction, screenshot and owner, which the background sets', () => {
    const {
      owner: _o,
      journeyId: _j,
      updatedAt: _u,
      author: _a,
      screenshot: _s,
      position: _p,
      interactionId: _i,
      ...draft
    } = touchpointFixture();
    expect(TouchpointDraft.safeParse(draft).success).toBe(true);
    expect(TouchpointDraft.safeParse(touchpointFixture()).success).toBe(false);
  });
});

describe('Journey', () => {
  it('accepts a running journey with no end', () => {
    expect(Journey.safeParse(journeyFixture()).success).toBe(true);
  });

  it.each([
    ['an empty title', { title: '   ' }],
    ['an unknown status', { status: 'archived' }],
    ['no stages', { stages: [] }],
    ['an unknown origin', { origin: 'imported' }],
    ['a pause without a start', { pauses: [{ end: null }] }],
    ['a missing endedAt', { endedAt: undefined }],
  ])('rejects %s', (_name, overrides) => {
    expect(Journey.safeParse({ ...journeyFixture(), ...overrides }).success).toBe(false);
  });
});

describe('ExportFile', () => {
  it('accepts a well-formed export', () => {
    expect(ExportFile.safeParse(validFile()).success).toBe(true);
  });

  it.each([
    ['another format', { format: 'hypothesis' }],
    ['a newer schema version', { schemaVersion: SCHEMA_VERSION + 1 }],
    ['an older schema version (migrated on import, not read as is)', { schemaVersion: SCHEMA_VERSION - 1 }],
    ['no interactions list', { interactions: undefined }],
    ['no tombstones list', { tombstones: undefined }],
    ['no generator', { generator: '' }],
    ['journeys that are not a list', { journeys: {} }],
  ])('rejects %s', (_name, overrides) => {
    expect(ExportFile.safeParse({ ...validFile(), ...overrides }).success).toBe(false);
  });

  it('accepts a touchpoint whose journey was deleted (its tombstone is in the file)', () => {
    const tombstone = { id: journeyFixture().id, recordType: 'journey', updatedAt: '2026-11-25T11:00:00.000Z', author: 'Mina' };
    expect(ExportFile.safeParse({ ...validFile(), journeys: [], tombstones: [tombstone] }).success).toBe(true);
  });

  it('rejects an id used twice, naming both places', () => {
    const result = ExportFile.safeParse({ ...validFile(), touchpoints: [touchpointFixture(), touchpointFixture()] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/appears twice \(first at touchpoints\.0\.id\)/);
  });

  it('rejects a touchpoint or interaction whose journey is not in the file, naming the path', () => {
    const file = { ...validFile(), journeys: [] };
    const result = ExportFile.safeParse(file);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([
      ['touchpoints', 0, 'journeyId'],
      ['interactions', 0, 'journeyId'],
    ]);
  });
});

describe('Interaction', () => {
  it('accepts a logged click', () => {
    expect(Interaction.parse(interactionFixture())).toEqual(interactionFixture());
  });

  it.each([
    ['an unknown kind', { kind: 'keypress' }],
    ['a typed value smuggled in', { value: 'hunter2' }],
    ['a negative duration', { durationMs: -1 }],
    ['an HTTP status that is not one', { httpStatus: 42 }],
  ])('rejects %s', (_name, overrides) => {
    expect(Interaction.safeParse({ ...interactionFixture(), ...overrides }).success).toBe(false);
  });
});
