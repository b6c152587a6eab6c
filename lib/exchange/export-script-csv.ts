import { stringify } from 'csv-stringify/browser/esm/sync';
import { type ScriptComparison, scriptComparisonRows } from '../study/script-report';
import { neutraliseFormula } from './export-csv';
import { exportFileName } from './export-json';

/** The per-row summary columns appended after the runs' columns. */
export const SUMMARY_COLUMNS = ['answered', 'skipped', 'missing', 'yes', 'mean'] as const;

const cell = (value: string | number | null): string | number =>
  value === null ? '' : typeof value === 'number' ? value : neutraliseFormula(value);

/**
 * A study's script compared across its journeys, as CSV for spreadsheets: a
 * header, then one row per step with the step, each run's answer, status and
 * evidence count (`scriptComparisonRows`), and the row's summary (answered,
 * skipped, missing, yes count for yes/no steps, mean for scale and number
 * steps; empty where it does not apply). Written as the touchpoint CSV is:
 * UTF-8 with a byte order mark, CRLF, RFC 4180 quoting, every text cell
 * (headers too: they hold run labels) neutralised against formula injection.
 */
export function toScriptComparisonCsv(comparison: ScriptComparison): string {
  const [header = [], ...rows] = scriptComparisonRows(comparison);
  const table = [
    [...header, ...SUMMARY_COLUMNS],
    ...rows.map((row, i) => {
      const s = comparison.rows[i]!.summary;
      return [...row, s.answered, s.skipped, s.missing, s.yes, s.mean];
    }),
  ];
  return stringify(
    table.map((row) => row.map(cell)),
    {
      bom: true,
      record_delimiter: 'windows',
      // As in export-csv.ts: without it a text answer with a bare "\n" would split its row.
      quote_record_delimiter: true,
    },
  );
}

/** `waymark-script-<study>-<YYYY-MM-DD>.csv`, slugged as the JSON export's name is. */
export function scriptComparisonFileName(studyName: string, exportedAt: string): string {
  return exportFileName(`script ${studyName}`, exportedAt).replace(/\.json$/, '.csv');
}
