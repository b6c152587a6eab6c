import { ExportFile, SCHEMA_VERSION } from '../model/export-file';
import type { Interaction } from '../model/interaction';
import type { Journey } from '../model/journey';
import { orderKeysLike } from '../model/key-order';
import type { Tombstone } from '../model/tombstone';
import type { Touchpoint } from '../model/touchpoint';

/** What goes into one export. */
export interface ExportInput {
  journeys: readonly Journey[];
  touchpoints: readonly Touchpoint[];
  interactions?: readonly Interaction[];
  tombstones?: readonly Tombstone[];
  /** e.g. `Waymark 0.1.0` */
  generator: string;
  /** `exportedAt` of a file with no records at all. */
  emptyExportedAt: string;
}

/** The newest `updatedAt` among records: the moment the file's data is "as of". */
export function newestChange(records: readonly { updatedAt: string }[], fallback: string): string {
  let newest = '';
  for (const r of records) if (r.updatedAt > newest) newest = r.updatedAt;
  return newest || fallback;
}

/**
 * Builds a validated export file. Records are sorted (journeys by start,
 * touchpoints by capture time, interactions by time, tombstones by id, ids breaking ties) and
 * parsed through the schema, which also fixes the key order; `exportedAt` is
 * the newest change in the file. So the same data always gives the same
 * bytes. Throws a `ZodError` if any record is invalid: we never write a file
 * we would refuse to read.
 */
export function buildExportFile(input: ExportInput, options: { trusted?: boolean } = {}): ExportFile {
  // Code-unit order, not localeCompare: the same bytes whatever the runtime's locale.
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const byTime =
    <T extends { id: string }>(time: (r: T) => string) =>
    (a: T, b: T) =>
      compare(time(a), time(b)) || compare(a.id, b.id);
  const tombstones = input.tombstones ?? [];
  const interactions = input.interactions ?? [];
  const file: ExportFile = {
    format: 'waymark' as const,
    schemaVersion: SCHEMA_VERSION,
    exportedAt: newestChange([...input.journeys, ...input.touchpoints, ...interactions, ...tombstones], input.emptyExportedAt),
    generator: input.generator,
    journeys: [...input.journeys].sort(byTime((j: Journey) => j.startedAt)),
    touchpoints: [...input.touchpoints].sort(byTime((t: Touchpoint) => t.capturedAt)),
    interactions: [...interactions].sort(byTime((i: Interaction) => i.at)),
    tombstones: [...tombstones].sort((a, b) => compare(a.id, b.id)),
  };
  return options.trusted ? orderKeysLike(ExportFile, file) : ExportFile.parse(file);
}

/** The file's text: pretty-printed JSON with a trailing newline. */
export function serializeExportFile(file: ExportFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * `waymark-<journey>-<YYYY-MM-DD>.json`. The journey title keeps its letters in
 * any script (a Chinese or Persian title stays readable); characters that
 * file systems reject, and runs of spaces, become single dashes.
 */
export function exportFileName(journeyTitle: string, exportedAt: string): string {
  const slug = journeyTitle
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\\/:*?"<>|\p{Cc}\p{Cf}\s.]+/gu, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '');
  return `waymark-${slug || 'journey'}-${exportedAt.slice(0, 10)}.json`;
}
