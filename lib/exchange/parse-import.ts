import type * as z from 'zod/mini';
import {
  describeIssues,
  formatPath,
  groupDigits,
  MAX_PROBLEMS_SHOWN,
  type Problem,
  TYPES,
  typeOf,
} from '../model/describe-issues';

type Path = readonly PropertyKey[];

import { ExportFile, SCHEMA_VERSION } from '../model/export-file';
import { ExportFileV1 } from '../model/export-file-v1';
import { ExportFileV2 } from '../model/export-file-v2';
import { ExportFileV3 } from '../model/export-file-v3';
import { migrateExport } from './migrate-export';

/** Something wrong with an imported file: where (`touchpoints[3].emotion`, or `` for the whole file) and why. */
export type ImportProblem = Problem;

/** A file ready to merge (with the version it was migrated from, if older), or what is wrong with it. */
export type ImportResult = { ok: true; file: ExportFile; migratedFrom?: number } | { ok: false; problems: ImportProblem[] };

/** Limits for `parseImport`. */
export interface ImportOptions {
  /** Largest file accepted, in UTF-8 bytes (default 50 MB). */
  maxBytes?: number;
}

/** 50 MB (decimal megabytes, as file managers show them): far above any real export, small enough to parse. */
export const DEFAULT_MAX_IMPORT_BYTES = 50_000_000;

export { MAX_PROBLEMS_SHOWN };

/** The frozen schema of each older version: a file is checked against its own version before it is migrated. */
const FROZEN_SCHEMAS: Partial<Record<number, z.ZodMiniType>> = { 1: ExportFileV1, 2: ExportFileV2, 3: ExportFileV3 };

/**
 * Reads the text of a file a researcher chose to import: checks its size
 * (before parsing), that it is JSON, that no key could reach an object's
 * prototype (`__proto__`, `constructor`, `prototype`), that it is a Waymark
 * export this Waymark can read, migrates older versions, and validates it.
 * Never throws; every refusal says where and why in words a researcher can act
 * on. Text that looks like HTML or script is valid data: it is escaped where shown.
 */
export function parseImport(input: string, options: ImportOptions = {}): ImportResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES;
  if (input.length > maxBytes || (input.length * 3 > maxBytes && utf8Length(input) > maxBytes)) {
    const [size, limit] = [formatSize(utf8Length(input), Math.ceil), formatSize(maxBytes, Math.floor)];
    return refuse('', `This file is ${size}; Waymark imports files up to ${limit}.`);
  }
  // A byte order mark is not JSON, but editors on Windows add one.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (!/\S/.test(text)) return refuse('', 'This file is empty.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return refuse('', describeJsonError(text, error));
  }
  const dangerous = findDangerousKey(value);
  if (dangerous) {
    const key = String(dangerous[dangerous.length - 1]);
    return refuse(formatPath(dangerous), `"${key}" is not allowed as a field name: it could change how the program behaves.`);
  }
  const version = checkEnvelope(value);
  if (typeof version !== 'number') return { ok: false, problems: [version] };
  const frozen = FROZEN_SCHEMAS[version];
  if (frozen) {
    const old = frozen.safeParse(value);
    if (!old.success) return { ok: false, problems: describeIssues(old.error.issues, value) };
    value = migrateExport(old.data);
  }
  const parsed = ExportFile.safeParse(value);
  if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error.issues, value) };
  return version < SCHEMA_VERSION ? { ok: true, file: parsed.data, migratedFrom: version } : { ok: true, file: parsed.data };
}

const refuse = (path: string, message: string): ImportResult => ({ ok: false, problems: [{ path, message }] });

/** The UTF-8 size of a string: what it takes on disk. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair: one code point of four bytes
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** `50.1 MB`, rounded as asked to one decimal; small sizes in bytes. */
const formatSize = (bytes: number, round: (x: number) => number) =>
  bytes < 100_000 ? `${groupDigits(bytes)} bytes` : `${round(bytes / 100_000) / 10} MB`;

/** Turns a `JSON.parse` error into words, with the line and column when the engine tells the position. */
function describeJsonError(text: string, error: unknown): string {
  const nuls = text.slice(0, 200).split('\u0000').length - 1;
  if (nuls > 10 || text.startsWith('\ufffd\ufffd')) {
    return 'This file is not UTF-8 text (it looks like UTF-16): save it as UTF-8 and import it again.';
  }
  const detail = error instanceof Error ? error.message : String(error);
  // V8: "Unexpected end of JSON input", "Unterminated string"; Firefox: "end of data while reading …".
  if (/unexpected end|end of (json )?(data|input)|unterminated string/i.test(detail)) {
    return 'This file is not valid JSON: it ends too early, as if it was cut short while saving or downloading.';
  }
  return `This file is not valid JSON${whereInText(text, detail)}: ${detail}`;
}

/** ` (line L, column C)` from an engine's message: V8 gives a position, Firefox a line and column. */
function whereInText(text: string, detail: string): string {
  const lineColumn = /line (\d+) column (\d+)/.exec(detail);
  if (lineColumn) return ` (line ${lineColumn[1]}, column ${lineColumn[2]})`;
  const position = /at position (\d+)/.exec(detail);
  if (!position) return '';
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  return ` (line ${line}, column ${before.length - before.lastIndexOf('\n')})`;
}

const DANGEROUS_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

interface Frame {
  value: object;
  parent: Frame | undefined;
  key: PropertyKey;
}

/**
 * The path of the first key anywhere in `root` that could reach a prototype
 * once spread or assigned. `JSON.parse` keeps such keys as plain own
 * properties, so they are safe here; they must simply go no further. Walks
 * with a stack, not recursion: a deeply nested file must not overflow.
 */
function findDangerousKey(root: unknown): Path | undefined {
  if (typeof root !== 'object' || root === null) return undefined;
  const stack: Frame[] = [{ value: root, parent: undefined, key: '' }];
  const push = (child: unknown, parent: Frame, key: PropertyKey) => {
    if (typeof child === 'object' && child !== null) stack.push({ value: child, parent, key });
  };
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const value = frame.value as Record<string, unknown>;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) push(value[i], frame, i);
    } else {
      // for…in, not Object.entries: parsed data has no inherited keys, and no entry arrays to allocate.
      for (const key in value) {
        if (DANGEROUS_KEYS.has(key)) return [...pathOf(frame), key];
        push(value[key], frame, key);
      }
    }
  }
  return undefined;
}

function pathOf(frame: Frame): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let f: Frame | undefined = frame; f?.parent; f = f.parent) path.unshift(f.key);
  return path;
}

/** The export's schema version if this Waymark can read it, or why not. */
function checkEnvelope(value: unknown): number | ImportProblem {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { path: '', message: `This is not a Waymark export: the file holds ${TYPES[typeOf(value)]}, not an export.` };
  }
  const file = value as Record<string, unknown>;
  if (file.format !== 'waymark') {
    return { path: 'format', message: 'This is not a Waymark export: its "format" is not "waymark".' };
  }
  const version = file.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { path: 'schemaVersion', message: 'This Waymark export has no valid schema version (a whole number such as 2).' };
  }
  if (version > SCHEMA_VERSION) {
    return {
      path: 'schemaVersion',
      message: `This file was written by a newer Waymark (schema version ${version}); this Waymark reads up to version ${SCHEMA_VERSION}: update Waymark to import it.`,
    };
  }
  return version;
}
