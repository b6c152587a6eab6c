import { stringify } from 'csv-stringify/browser/esm/sync';
import { isPainPoint } from '../journey/metrics';
import type { ExportFile } from '../model/export-file';
import type { Journey } from '../model/journey';
import type { Touchpoint } from '../model/touchpoint';
import { liveJourneys } from './group-steps';

/** One CSV column: its header, what it holds, and how to read it from a touchpoint. */
export interface CsvColumn {
  name: string;
  description: string;
  value: (tp: Touchpoint, journey: Journey) => string | number;
}

/**
 * The CSV columns, in order. `emotion` and `effort` are written as plain
 * numbers and are exempt from formula neutralising (see `neutraliseFormula`):
 * they are integers from the schema, so `-2` is a number, not a formula.
 */
export const CSV_COLUMNS: readonly CsvColumn[] = [
  { name: 'journey_id', description: 'Id (UUID) of the journey.', value: (_, j) => j.id },
  { name: 'journey_title', description: 'Title of the journey.', value: (_, j) => j.title },
  { name: 'journey_author', description: 'Researcher who made or last changed the journey.', value: (_, j) => j.author },
  { name: 'touchpoint_id', description: 'Id (UUID) of the touchpoint.', value: (tp) => tp.id },
  { name: 'captured_at', description: 'When the touchpoint was captured (ISO 8601, UTC).', value: (tp) => tp.capturedAt },
  { name: 'url', description: 'Page URL, with secrets masked and tracking parameters dropped.', value: (tp) => tp.url },
  { name: 'page_title', description: 'Title of the page.', value: (tp) => tp.pageTitle },
  { name: 'target', description: '`element` for a tagged element, `page` for the whole page.', value: (tp) => tp.target },
  { name: 'emotion', description: 'Emotion, -2 (very negative) to 2 (very positive); a number.', value: (tp) => tp.emotion },
  { name: 'effort', description: 'Effort, 1 (very easy) to 7 (very difficult); a number.', value: (tp) => tp.effort },
  {
    name: 'named_emotion',
    description: 'The feeling named with the rating (e.g. `confused`), or empty.',
    value: (tp) => tp.namedEmotion ?? '',
  },
  { name: 'stage', description: 'Journey stage id (e.g. `purchase`), or empty when not assigned.', value: (tp) => tp.stage },
  { name: 'channel', description: 'Channel id (e.g. `web-desktop`).', value: (tp) => tp.channel },
  {
    name: 'pain_point',
    description: '`yes` when emotion ≤ -1, effort ≥ 5 or tagged `pain-point` (as the journey metrics count it), else `no`.',
    value: (tp) => (isPainPoint(tp) ? 'yes' : 'no'),
  },
  { name: 'note', description: "The researcher's note (may span lines).", value: (tp) => tp.note },
  { name: 'tags', description: 'Tags, joined with "; ".', value: (tp) => tp.tags.join('; ') },
  {
    name: 'selector',
    description: 'CSS selector of the element; empty for a whole-page touchpoint.',
    value: (tp) => tp.anchor.selector,
  },
  {
    name: 'quote_exact',
    description: "The element's text (the page's heading for a whole page), masked.",
    value: (tp) => tp.anchor.quote.exact,
  },
  { name: 'author', description: 'Researcher who made or last changed the touchpoint.', value: (tp) => tp.author },
  { name: 'updated_at', description: 'When the touchpoint last changed (ISO 8601, UTC).', value: (tp) => tp.updatedAt },
  {
    name: 'screenshot_path',
    description: 'Path of the screenshot inside a ZIP bundle; empty when none.',
    value: (tp) => tp.screenshot?.path ?? '',
  },
];

/**
 * A text cell a spreadsheet could run as a formula starts with `=`, `+`, `-`,
 * `@`, tab or carriage return (OWASP CSV Injection), or their full-width
 * forms, which Apple Numbers folds to ASCII. We also look past leading white
 * space, which some importers trim. Such a cell gets a leading `'`, which
 * spreadsheets read as "this is text".
 * https://owasp.org/www-community/attacks/CSV_Injection
 *
 * (csv-stringify's own `escape_formulas` only looks at the first character.)
 */
export function neutraliseFormula(cell: string): string {
  return /^[\t\r]|^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell) ? `'${cell}` : cell;
}

function cell(value: string | number): string | number {
  return typeof value === 'number' ? value : neutraliseFormula(value);
}

/**
 * The file as CSV for spreadsheets: a header row, then one row per touchpoint
 * of a journey that is not deleted, by journey start, then capture time.
 * UTF-8 with a byte order mark (so Excel reads Chinese, Persian or Russian
 * text right), CRLF line ends, RFC 4180 quoting by csv-stringify, and every
 * text cell neutralised against formula injection.
 */
export function toCsv(file: ExportFile): string {
  const rows = liveJourneys(file).flatMap(({ journey, touchpoints }) =>
    touchpoints.map((tp) => CSV_COLUMNS.map((column) => cell(column.value(tp, journey)))),
  );
  return stringify(rows, {
    bom: true,
    header: true,
    columns: CSV_COLUMNS.map((c) => c.name),
    record_delimiter: 'windows',
    // Setting `record_delimiter` turns this off by default, which would leave a
    // note with a bare "\n" unquoted and split its row.
    quote_record_delimiter: true,
  });
}
