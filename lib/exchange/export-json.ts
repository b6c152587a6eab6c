import { ExportFile, SCHEMA_VERSION } from '../model/export-file';
import type { Journey } from '../model/journey';
import type { Touchpoint } from '../model/touchpoint';

/** What goes into one export. */
export interface ExportInput {
  journeys: readonly Journey[];
  touchpoints: readonly Touchpoint[];
  /** e.g. `Waymark 0.1.0` */
  generator: string;
  exportedAt: string;
}

/**
 * Builds a validated export file. Records are sorted (journeys by start,
 * touchpoints by capture time, ids breaking ties) and parsed through the
 * schema, which also fixes the key order, so the same data always gives the
 * same bytes. Throws a `ZodError` if any record is invalid: we never write a
 * file we would refuse to read.
 */
export function buildExportFile(input: ExportInput): ExportFile {
  const byTime =
    <T extends { id: string }>(time: (r: T) => string) =>
    (a: T, b: T) =>
      time(a).localeCompare(time(b)) || a.id.localeCompare(b.id);
  return ExportFile.parse({
    format: 'waymark',
    schemaVersion: SCHEMA_VERSION,
    exportedAt: input.exportedAt,
    generator: input.generator,
    journeys: [...input.journeys].sort(byTime((j: Journey) => j.startedAt)),
    touchpoints: [...input.touchpoints].sort(byTime((t: Touchpoint) => t.capturedAt)),
  });
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
