import type * as z from 'zod/mini';
import { ExportFile, SCHEMA_VERSION } from '../model/export-file';
import type { Interaction } from '../model/interaction';
import type { Journey } from '../model/journey';
import { orderKeysLike } from '../model/key-order';
import type { Study } from '../model/study';
import type { Tombstone } from '../model/tombstone';
import type { Touchpoint } from '../model/touchpoint';

/** What goes into one export. */
export interface ExportInput {
  studies?: readonly Study[];
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
 * Builds a validated export file. Records are sorted (studies by creation,
 * journeys by start, touchpoints by capture time, interactions by time,
 * tombstones by id, ids breaking ties) and parsed through the schema, which
 * also fixes the key order; `exportedAt` is the newest change in the file. So
 * the same data always gives the same bytes. Throws a `ZodError` if any record
 * is invalid: we never write a file we would refuse to read.
 *
 * `trusted` (records validated when they were written, e.g. read from the
 * store) skips the parse and only puts keys in schema order; records the store
 * wrote are in that order already, which a cheap check confirms.
 */
export function buildExportFile(input: ExportInput, options: { trusted?: boolean } = {}): ExportFile {
  const studies = input.studies ?? [];
  const tombstones = input.tombstones ?? [];
  const interactions = input.interactions ?? [];
  // Keys in schema order, so that a trusted file's envelope needs no copy.
  const unsorted: ExportFile = {
    format: 'waymark' as const,
    schemaVersion: SCHEMA_VERSION,
    // List by list: one array of every record would be a copy of 100,000 pointers for a loop.
    exportedAt: newestChange(
      [studies, input.journeys, input.touchpoints, interactions, tombstones].map((records) => ({
        updatedAt: newestChange(records, ''),
      })),
      input.emptyExportedAt,
    ),
    generator: input.generator,
    // The lists as given (only read, by the key-order check), not copies.
    studies: studies as Study[],
    journeys: input.journeys as Journey[],
    touchpoints: input.touchpoints as Touchpoint[],
    interactions: interactions as Interaction[],
    tombstones: tombstones as Tombstone[],
  };
  // Checked before the sort: records in the order the store hands them over sit in memory in that
  // order, and the check reads them about twice as fast as in capture order (bench/README.md).
  const ordered = !options.trusted || inSchemaOrder(ExportFile, unsorted);
  const file: ExportFile = {
    ...unsorted,
    studies: sortedByTime(studies, (s) => s.createdAt),
    journeys: sortedByTime(input.journeys, (j) => j.startedAt),
    touchpoints: sortedByTime(input.touchpoints, (t) => t.capturedAt),
    interactions: sortedByTime(interactions, (i) => i.at),
    tombstones: [...tombstones].sort((a, b) => compare(a.id, b.id)),
  };
  if (!options.trusted) return ExportFile.parse(file);
  return ordered ? file : orderKeysLike(ExportFile, file);
}

/** Code-unit order, not localeCompare: the same bytes whatever the runtime's locale. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `records` sorted by `time` in code-unit order, ids breaking ties. When every
 * time is canonical (see `timeKey`) and their span is small enough, each
 * record's key and index are packed into one number and sorted natively,
 * without a comparator call per comparison: the same order at a fraction of
 * the cost of comparing strings (bench/README.md). Otherwise, by text.
 */
export function sortedByTime<T extends { id: string }>(records: readonly T[], time: (r: T) => string): T[] {
  const byText = () => [...records].sort((a, b) => compare(time(a), time(b)) || compare(a.id, b.id));
  const keys = new Float64Array(records.length);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < records.length; i++) {
    const key = timeKey(time(records[i]!));
    if (Number.isNaN(key)) return byText();
    keys[i] = key;
    min = Math.min(min, key);
    max = Math.max(max, key);
  }
  const slots = 2 ** Math.ceil(Math.log2(records.length + 1)); // a power of two: index bits below the key
  if ((max - min + 1) * slots > Number.MAX_SAFE_INTEGER) return byText();
  for (let i = 0; i < keys.length; i++) keys[i] = (keys[i]! - min) * slots + i;
  keys.sort();
  const sorted = Array.from(keys, (packed) => records[packed % slots]!);
  // Records of the same time are together, in input order; put each such run in id order.
  for (let start = 0, end = 1; start < keys.length; start = end++) {
    const key = Math.floor(keys[start]! / slots);
    while (end < keys.length && Math.floor(keys[end]! / slots) === key) end++;
    if (end - start < 2) continue;
    const run = sorted.slice(start, end).sort((a, b) => compare(a.id, b.id));
    for (let i = 0; i < run.length; i++) sorted[start + i] = run[i]!;
  }
  return sorted;
}

/**
 * A number that orders canonical timestamps (`YYYY-MM-DDTHH:mm:ss.sssZ`, as
 * `toISOString` writes them, each field in its range) exactly as their text
 * does; `NaN` for any other text. Mixed radix over the fields rather than
 * `Date.parse`, which rolls `02-30` over into March and so would not keep the
 * text's order. The largest key, about 3.6e14, is exact in a double. Read
 * char by char: a regular expression cost as much as the sort it speeds up.
 */
export function timeKey(time: string): number {
  if (time.length !== 24 || time[4] !== '-' || time[7] !== '-' || time[10] !== 'T') return Number.NaN;
  if (time[13] !== ':' || time[16] !== ':' || time[19] !== '.' || time[23] !== 'Z') return Number.NaN;
  // Plain calls to a top-level function, no closure or array per call: it runs once per record.
  const month = twoDigits(time, 5);
  const day = twoDigits(time, 8);
  const hour = twoDigits(time, 11);
  const minute = twoDigits(time, 14);
  const second = twoDigits(time, 17);
  // Comparisons with NaN are false: a non-digit anywhere gives NaN.
  if (!(month <= 12 && day <= 31 && hour <= 23 && minute <= 59 && second <= 59)) return Number.NaN;
  const year = twoDigits(time, 0) * 100 + twoDigits(time, 2);
  const days = (year * 13 + month) * 32 + day;
  return (((days * 24 + hour) * 60 + minute) * 60 + second) * 1000 + digitAt(time, 20) * 100 + twoDigits(time, 21);
}

/** The digit at `i`, or `NaN` for any other character. */
function digitAt(text: string, i: number): number {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : Number.NaN;
}

/** The two-digit number at `i`, or `NaN`. */
function twoDigits(text: string, i: number): number {
  return digitAt(text, i) * 10 + digitAt(text, i + 1);
}

interface SchemaDef {
  type: string;
  shape?: Record<string, z.core.$ZodType>;
  innerType?: z.core.$ZodType;
  element?: z.core.$ZodType;
}

/** Whether a value's keys are in schema order at every depth; `null` for a leaf, which always is. */
type OrderCheck = ((value: unknown) => boolean) | null;
const orderChecks = new WeakMap<z.core.$ZodType, OrderCheck>();

/**
 * Whether `value` has its keys in the order `schema` declares, at every depth
 * that `orderKeysLike` reorders: exactly when `orderKeysLike` would return it
 * as it is. Compares each object's key list with the schema's (same strings,
 * so mostly pointer compares) and reads only the fields that hold objects,
 * where `orderKeysLike` reads and rebuilds every field: about a tenth of its
 * time on records that are in order, and it stops at the first that is not.
 */
export function inSchemaOrder(schema: z.core.$ZodType, value: unknown): boolean {
  const check = compileOrderCheck(schema);
  return check ? check(value) : true;
}

function compileOrderCheck(schema: z.core.$ZodType): OrderCheck {
  if (orderChecks.has(schema)) return orderChecks.get(schema) ?? null;
  const def = (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
  let check: OrderCheck = null;
  if (def.type === 'object' && def.shape) check = objectOrderCheck(def.shape);
  else if (def.type === 'array' && def.element) {
    const item = compileOrderCheck(def.element);
    check = item && ((value) => !Array.isArray(value) || value.every(item));
  } else if (def.innerType && /^(nullable|optional|default|catch|readonly)$/.test(def.type)) {
    check = compileOrderCheck(def.innerType);
  }
  orderChecks.set(schema, check);
  return check;
}

function objectOrderCheck(shape: Record<string, z.core.$ZodType>): OrderCheck {
  const fields = Object.keys(shape);
  // Compiled lazily: a schema may refer to itself through a getter.
  let children: (readonly [string, (value: unknown) => boolean])[] | undefined;
  return (value) => {
    if (value === null || typeof value !== 'object') return true;
    children ??= fields.flatMap((key) => {
      const child = compileOrderCheck(shape[key]!);
      return child ? [[key, child] as const] : [];
    });
    // The value's keys must be the schema's, in its order; optional ones may be missing.
    const keys = Object.keys(value);
    let at = 0;
    for (const key of keys) {
      while (at < fields.length && fields[at] !== key) at++;
      if (at++ === fields.length) return false;
    }
    const record = value as Record<string, unknown>;
    for (const [key, child] of children) if (!child(record[key])) return false;
    return true;
  };
}

/**
 * The file's text, one record per line: the envelope indented by two spaces,
 * each record compact JSON on a line of its own (indented by four), and a
 * trailing newline. Valid JSON that reads back as `file`; the same file
 * always gives the same bytes. A change to a record changes its one line, so
 * git diffs stay readable, and the file is about a quarter smaller than
 * pretty-printed (two-space) JSON.
 *
 * Written for speed on large exports (bench/export.bench.ts, bench/README.md):
 * pretty-printing cost 1.4-2x compact JSON, and one `JSON.stringify` per
 * record, all kept until the end, made the garbage collector copy every line
 * twice. So records are stringified compact a few hundred at a time, and the
 * line breaks are put in the boundaries between them (`linesOf`).
 */
export function serializeExportFile(file: ExportFile): string {
  let text = '{';
  for (const [key, value] of Object.entries(file)) {
    if (value === undefined) continue; // as JSON.stringify: a missing field, not `null`
    text += `${text === '{' ? '' : ','}\n  ${JSON.stringify(key)}: `;
    text += Array.isArray(value) && value.length ? `[\n    ${linesOf(value)}\n  ]` : JSON.stringify(value);
  }
  return `${text}\n}\n`;
}

/** Records per `JSON.stringify` call in `linesOf`: large enough to be cheap, small enough to be short-lived. */
const RECORDS_PER_CHUNK = 512;
const LINE_BREAK = ',\n    ';
/** Where one record ends and the next begins in compact JSON: each record's first key is its `id`. */
const BOUNDARY = '},{"id":"';
const BROKEN_BOUNDARY = `}${LINE_BREAK}{"id":"`;

/**
 * `records` as compact JSON, one per line, without the enclosing brackets.
 * Each chunk is stringified as one array and a line break put after each
 * `},{"id":"`. That text can only stand where one object in an array ends and
 * the next begins (JSON.stringify escapes every `"` inside a string, so `{"`
 * never occurs in one), so the result is always the same JSON; it is one
 * record per line when the chunk got exactly one break per boundary between
 * records. Records holding lists of objects that start with an `id` (a
 * study's script) get more, and that chunk is written record by record.
 */
function linesOf(records: readonly unknown[]): string {
  let text = '';
  for (let start = 0; start < records.length; start += RECORDS_PER_CHUNK) {
    const chunk = records.slice(start, start + RECORDS_PER_CHUNK);
    const compact = JSON.stringify(chunk);
    const lines = compact.slice(1, -1).replaceAll(BOUNDARY, BROKEN_BOUNDARY);
    const breaks = (lines.length - (compact.length - 2)) / (BROKEN_BOUNDARY.length - BOUNDARY.length);
    text += start ? LINE_BREAK : '';
    text += breaks === chunk.length - 1 ? lines : chunk.map((record) => JSON.stringify(record)).join(LINE_BREAK);
  }
  return text;
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
