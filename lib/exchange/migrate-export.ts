import { SCHEMA_VERSION } from '../model/export-file';
import { journeyV2toV3, touchpointV2toV3 } from '../model/upgrade-v3';
import { journeyV3toV4, touchpointV3toV4 } from '../model/upgrade-v4';
import { newestChange } from './export-json';

type Loose = Record<string, unknown>;

/** One step of the export format: takes a file of version `n` to `n + 1`. */
export type ExportMigration = (file: Loose) => Loose;

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Maps the objects of a list, leaving anything else for validation to report. */
const mapRecords = (list: unknown, map: (record: Loose) => Loose): unknown =>
  Array.isArray(list) ? list.map((item) => (isObject(item) ? map(item) : item)) : list;

/**
 * One step per export version: `EXPORT_MIGRATIONS[n - 1]` takes a file from
 * version `n` to `n + 1`. Steps are never edited once released; a change of
 * shape is a new step at the end (with a frozen schema for the old version).
 */
export const EXPORT_MIGRATIONS: readonly ExportMigration[] = [
  // 1 -> 2: every record names its author (unknown for records made before),
  // touchpoints may have a screenshot (none then), deletions travel as
  // tombstones (none then), and `exportedAt` is the newest change in the
  // file rather than the moment of export, so the same data gives the same bytes.
  (file) => {
    const journeys = mapRecords(file.journeys, (j) => ({ author: '', ...j }));
    const touchpoints = mapRecords(file.touchpoints, (tp) => ({ author: '', screenshot: null, ...tp }));
    const records = [journeys, touchpoints].flatMap((list) => (Array.isArray(list) ? list : []));
    const datedRecords = records.filter((r): r is { updatedAt: string } => isObject(r) && typeof r.updatedAt === 'string');
    const exportedAt = typeof file.exportedAt === 'string' ? newestChange(datedRecords, file.exportedAt) : file.exportedAt;
    return { ...file, schemaVersion: 2, exportedAt, journeys, touchpoints, tombstones: [] };
  },
  // 2 -> 3: journeys gain their study frame (persona, scenario, site, stages,
  // origin, pauses), touchpoints their stage, channel, named emotion, page
  // context, position and the element's role and name; passively logged
  // interactions travel beside touchpoints (none then). Nothing changes
  // `updatedAt`, so `exportedAt` stays.
  (file) => ({
    ...file,
    schemaVersion: 3,
    journeys: mapRecords(file.journeys, journeyV2toV3),
    touchpoints: mapRecords(file.touchpoints, touchpointV2toV3),
    interactions: [],
  }),
  // 3 -> 4: studies travel in the file (none then: the journeys belong to
  // the default study, which every Waymark has), journeys name their study,
  // site and script answers, touchpoints their owner (none set). `studies`
  // goes before `journeys`, where the schema declares it.
  (file) => {
    const { journeys, touchpoints, ...rest } = file;
    return {
      ...rest,
      schemaVersion: 4,
      studies: [],
      journeys: mapRecords(journeys, journeyV3toV4),
      touchpoints: mapRecords(touchpoints, touchpointV3toV4),
    };
  },
];

/**
 * Brings an export file of any older version up to `SCHEMA_VERSION`, one
 * step at a time. Expects a file already valid for its own version (import
 * checks it with that version's frozen schema first) and never throws:
 * anything it does not recognise (not an object, an unknown or current
 * version) is returned as it is, for validation to report.
 */
export function migrateExport(raw: unknown): unknown {
  if (!isObject(raw)) return raw;
  let file = raw;
  for (;;) {
    const version = file.schemaVersion;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version >= SCHEMA_VERSION) return file;
    const step = EXPORT_MIGRATIONS[version - 1];
    if (!step) return file;
    file = step(file);
  }
}
