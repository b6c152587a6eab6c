import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildExportFile } from '@/lib/exchange/export-json';
import { EXPORT_MIGRATIONS, migrateExport } from '@/lib/exchange/migrate-export';
import { ExportFile, SCHEMA_VERSION } from '@/lib/model/export-file';
import { ExportFileV1 } from '@/lib/model/export-file-v1';
import { ExportFileV2 } from '@/lib/model/export-file-v2';
import { ExportFileV3 } from '@/lib/model/export-file-v3';
import { DEFAULT_STUDY_ID, STAGE_SETS } from '@/lib/model/vocabulary';
import { exportFileArb } from '../../fixtures/arbitraries';

/** What Waymark 0.3 would have written for the same records: no studies, study of a journey or owner. */
function asVersion3(file: ExportFile): ExportFileV3 {
  return ExportFileV3.parse({
    format: 'waymark',
    schemaVersion: 3,
    exportedAt: file.exportedAt,
    generator: file.generator,
    journeys: file.journeys.map(({ studyId, siteId, answers, ...journey }) => journey),
    touchpoints: file.touchpoints.map(({ owner, ...tp }) => tp),
    interactions: file.interactions,
    tombstones: file.tombstones,
  });
}

/** What Waymark 0.2 would have written for the same records: no study frame, stage, channel or interactions. */
function asVersion2(file: ExportFile): ExportFileV2 {
  return ExportFileV2.parse({
    format: 'waymark',
    schemaVersion: 2,
    exportedAt: file.exportedAt,
    generator: file.generator,
    journeys: file.journeys.map(
      ({ origin, persona, scenario, site, researcher, stages, screenshots, pauses, studyId, siteId, answers, ...journey }) =>
        journey,
    ),
    touchpoints: file.touchpoints.map(
      ({ namedEmotion, stage, channel, context, position, interactionId, owner, anchor: { role, name, ...anchor }, ...tp }) => ({
        ...tp,
        anchor,
      }),
    ),
    tombstones: file.tombstones,
  });
}

/** What Waymark 0.1 would have written: no authors, screenshots or tombstones either. */
function asVersion1(file: ExportFile): ExportFileV1 {
  const v2 = asVersion2(file);
  return ExportFileV1.parse({
    format: 'waymark',
    schemaVersion: 1,
    exportedAt: '2027-01-01T00:00:00.000Z',
    generator: 'Waymark 0.1.0',
    journeys: v2.journeys.map(({ author: _author, ...journey }) => journey),
    touchpoints: v2.touchpoints.map(({ author: _author, screenshot: _screenshot, ...touchpoint }) => touchpoint),
  });
}

/** Files holding only what a version 3 file can: the version 4 fields at the values migration gives them. */
const version3Content = exportFileArb
  .filter((file) => file.tombstones.every((t) => t.recordType !== 'study'))
  .map((file) =>
    buildExportFile({
      ...file,
      studies: [],
      journeys: file.journeys.map((j) => ({ ...j, studyId: DEFAULT_STUDY_ID, siteId: 'brand', answers: [] })),
      touchpoints: file.touchpoints.map((tp) => ({ ...tp, owner: null })),
      emptyExportedAt: '1970-01-01T00:00:00.000Z',
    }),
  );

/** Files holding only what a version 2 file can: the version 3 fields at the values migration gives them. */
const version2Content = version3Content
  .filter((file) => file.interactions.length === 0 && file.tombstones.every((t) => t.recordType !== 'interaction'))
  .map((file) => ({
    ...file,
    journeys: file.journeys.map((j) => ({
      ...j,
      status: j.status === 'paused' ? ('running' as const) : j.status,
      origin: 'explicit' as const,
      persona: '',
      scenario: '',
      site: '',
      researcher: j.author,
      stages: [...STAGE_SETS.classic],
      screenshots: true,
      pauses: [],
    })),
    touchpoints: file.touchpoints.map((tp) => ({
      ...tp,
      namedEmotion: null,
      stage: '',
      channel: 'web-desktop',
      context: { language: '', loadMs: null, lcpMs: null },
      position: Date.parse(tp.capturedAt),
      interactionId: null,
      anchor: { ...tp.anchor, role: '', name: '' },
    })),
  }));

/** Files whose records all have an empty author and no screenshot, and no tombstones: what a v1 file can hold. */
const version1Content = version2Content
  .filter((file) => file.tombstones.length === 0)
  .map((file) => ({
    ...file,
    generator: 'Waymark 0.1.0',
    journeys: file.journeys.map((j) => ({ ...j, author: '', researcher: '' })),
    touchpoints: file.touchpoints.map((tp) => ({ ...tp, author: '', screenshot: null })),
  }));

describe('migrateExport', () => {
  it('has one step per version before the current one', () => {
    expect(EXPORT_MIGRATIONS).toHaveLength(SCHEMA_VERSION - 1);
  });

  it('takes any valid version 3 file to the same records in a valid current file', () => {
    fc.assert(
      fc.property(version3Content, (file) => {
        expect(ExportFile.parse(migrateExport(asVersion3(file)))).toEqual(file);
      }),
    );
  });

  it('takes any valid version 2 file to the same records in a valid current file', () => {
    fc.assert(
      fc.property(version2Content, (file) => {
        expect(ExportFile.parse(migrateExport(asVersion2(file)))).toEqual(file);
      }),
    );
  });

  it('takes any valid version 1 file to the same records in a valid current file', () => {
    fc.assert(
      fc.property(version1Content, (file) => {
        const migrated = ExportFile.parse(migrateExport(asVersion1(file)));
        expect(migrated).toEqual(
          file.journeys.length + file.touchpoints.length ? file : { ...file, exportedAt: '2027-01-01T00:00:00.000Z' },
        );
      }),
    );
  });

  it('sets exportedAt to the newest change, as version 2 defines it', () => {
    const [file] = fc.sample(
      version1Content.filter((f) => f.touchpoints.length > 0),
      { numRuns: 1, seed: 7 },
    );
    const migrated = migrateExport(asVersion1(file!)) as ExportFile;
    expect(migrated.exportedAt).toBe(file!.exportedAt);
    expect(migrated.exportedAt).not.toBe('2027-01-01T00:00:00.000Z');
  });

  it('does not change the file it is given', () => {
    const [file] = fc.sample(version1Content, { numRuns: 1, seed: 3 });
    const v1 = asVersion1(file!);
    const copy = structuredClone(v1);
    migrateExport(v1);
    expect(v1).toEqual(copy);
  });

  it.each([
    ['a current file', { format: 'waymark', schemaVersion: SCHEMA_VERSION, journeys: [] }],
    ['a newer file', { format: 'waymark', schemaVersion: SCHEMA_VERSION + 1 }],
    ['a file without a version', { format: 'waymark' }],
    ['a fractional version', { schemaVersion: 1.5 }],
    ['a list', [{ schemaVersion: 1 }]],
    ['null', null],
    ['text', 'waymark'],
  ])('returns %s as it is, for validation to report', (_name, raw) => {
    expect(migrateExport(raw)).toBe(raw);
  });

  it('leaves what it cannot migrate for validation to report', () => {
    const migrated = migrateExport({ format: 'waymark', schemaVersion: 1, journeys: 'none', touchpoints: [42] });
    expect(migrated).toMatchObject({ schemaVersion: SCHEMA_VERSION, journeys: 'none', touchpoints: [42], tombstones: [] });
    expect(ExportFile.safeParse(migrated).success).toBe(false);
  });
});
