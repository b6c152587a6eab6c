import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPORT_MIGRATIONS, migrateExport } from '@/lib/exchange/migrate-export';
import { ExportFile, SCHEMA_VERSION } from '@/lib/model/export-file';
import { ExportFileV1 } from '@/lib/model/export-file-v1';
import { exportFileArb } from '../../fixtures/arbitraries';

/** What Waymark 0.1 would have written for the same records: no authors, screenshots or tombstones. */
function asVersion1(file: ExportFile): ExportFileV1 {
  return ExportFileV1.parse({
    format: 'waymark',
    schemaVersion: 1,
    exportedAt: '2027-01-01T00:00:00.000Z',
    generator: 'Waymark 0.1.0',
    journeys: file.journeys.map(({ author: _author, ...journey }) => journey),
    touchpoints: file.touchpoints.map(({ author: _author, screenshot: _screenshot, ...touchpoint }) => touchpoint),
  });
}

/** Files whose records all have an empty author and no screenshot, and no tombstones: what a v1 file can hold. */
const version1Content = exportFileArb
  .filter((file) => file.tombstones.length === 0)
  .map((file) => ({
    ...file,
    generator: 'Waymark 0.1.0',
    journeys: file.journeys.map((j) => ({ ...j, author: '' })),
    touchpoints: file.touchpoints.map((tp) => ({ ...tp, author: '', screenshot: null })),
  }));

describe('migrateExport', () => {
  it('has one step per version before the current one', () => {
    expect(EXPORT_MIGRATIONS).toHaveLength(SCHEMA_VERSION - 1);
  });

  it('takes any valid version 1 file to the same records in a valid version 2 file', () => {
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
    ['a current file', { format: 'waymark', schemaVersion: 2, journeys: [] }],
    ['a newer file', { format: 'waymark', schemaVersion: 3 }],
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
    expect(migrated).toMatchObject({ schemaVersion: 2, journeys: 'none', touchpoints: [42], tombstones: [] });
    expect(ExportFile.safeParse(migrated).success).toBe(false);
  });
});
