import type { ExportFile } from '../model/export-file';
import type { Interaction } from '../model/interaction';
import type { Journey } from '../model/journey';
import type { Study } from '../model/study';
import type { Tombstone } from '../model/tombstone';
import type { Touchpoint } from '../model/touchpoint';
import { canonicalJson, fnv1a64, jsonEqual } from './canonical-json';
import { buildExportFile } from './export-json';

/** Any record that takes part in a merge; records with the same id compete. */
export type MergeRecord = Study | Journey | Touchpoint | Interaction | Tombstone;

/** What a record is. A tombstone stands for a deleted study, journey, touchpoint or interaction. */
export type RecordKind = 'study' | 'journey' | 'touchpoint' | 'interaction' | 'tombstone';

/** `exportedAt` of a merge with no records at all: fixed, so merging is deterministic. */
export const EMPTY_EXPORTED_AT = '1970-01-01T00:00:00.000Z';

/** Records as the local store holds them. */
export interface LocalRecords {
  /** Optional: none when left out. */
  studies?: readonly Study[];
  journeys: readonly Journey[];
  touchpoints: readonly Touchpoint[];
  interactions: readonly Interaction[];
  tombstones: readonly Tombstone[];
}

/** Records sorted by kind, ready to write. */
interface RecordLists {
  studies: Study[];
  journeys: Journey[];
  touchpoints: Touchpoint[];
  interactions: Interaction[];
  tombstones: Tombstone[];
}

/**
 * What to write so the local store becomes the merge of itself and a file.
 * Apply in one transaction: delete each of `deleteIds` from every store, then
 * put the records.
 */
export interface ImportWrites extends RecordLists {
  /** Ids whose local record is replaced by one of another kind: a record by its tombstone, or a tombstone by a record. */
  deleteIds: string[];
}

/**
 * What an import did, per incoming record. Each counts in exactly one of
 * `added`, `updated`, `deleted`, `unchanged` and `ignoredOlder`;
 * `conflicted` also counts those with the same `updatedAt` as the local
 * record but different content, whichever side won.
 */
export interface ImportReport {
  /** The id was unknown here. */
  added: number;
  /** The incoming record won and differs from ours. */
  updated: number;
  /** Identical to ours. */
  unchanged: number;
  /** Same `updatedAt`, different content: decided by author, then content hash. */
  conflicted: number;
  /** Ours won: it is newer (or won the tie). */
  ignoredOlder: number;
  /** An incoming tombstone won over our study, journey, touchpoint or interaction. */
  deleted: number;
}

/** Writes and report of one import. */
export interface ImportPlan {
  writes: ImportWrites;
  report: ImportReport;
}

/** A record in competition, with its canonical JSON and hash computed once, when a tie needs them. */
interface Version {
  record: MergeRecord;
  kind: RecordKind;
  canonical?: string;
  hash?: string;
}

const KIND_RANK: Record<RecordKind, number> = { journey: 0, touchpoint: 1, interaction: 2, study: 3, tombstone: 4 };

/** The kind of a record, told by its fields (the schemas are strict, so this is exact). */
export function recordKind(record: MergeRecord): RecordKind {
  if ('recordType' in record) return 'tombstone';
  if ('kind' in record) return 'interaction';
  if ('journeyId' in record) return 'touchpoint';
  return 'competitors' in record ? 'study' : 'journey';
}

/**
 * Compares two ISO-8601 UTC timestamps (`YYYY-MM-DDTHH:MM:SS[.fraction]Z`) by
 * the instant they name, so `…00Z`, `…00.000Z` and `…00.5Z` order as times.
 */
export function compareTimestamps(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 24 && b.length === 24) return a < b ? -1 : 1; // both as `toISOString` writes them
  const [headA, headB] = [a.slice(0, 19), b.slice(0, 19)];
  if (headA !== headB) return headA < headB ? -1 : 1;
  // Fractions of a second compare as digit strings once trailing zeros are gone.
  const [fractionA, fractionB] = [a, b].map((t) => t.slice(20, -1).replace(/0+$/, ''));
  if (fractionA === fractionB) return 0;
  return (fractionA ?? '') < (fractionB ?? '') ? -1 : 1;
}

const version = (record: MergeRecord): Version => ({ record, kind: recordKind(record) });

/** The total order of versions; see `compareVersions`. */
function compare(a: Version, b: Version): number {
  const [ra, rb] = [a.record, b.record];
  if (ra === rb) return 0;
  const byTime = compareTimestamps(ra.updatedAt, rb.updatedAt);
  if (byTime !== 0) return byTime;
  if (ra.author !== rb.author) return ra.author < rb.author ? -1 : 1;
  if (jsonEqual(ra, rb)) return 0; // identical copies: common, and cheaper to find than by their text
  a.canonical ??= canonicalJson(ra);
  b.canonical ??= canonicalJson(rb);
  if (a.canonical === b.canonical) return 0; // identical: same hash and kind too
  a.hash ??= fnv1a64(a.canonical);
  b.hash ??= fnv1a64(b.canonical);
  if (a.hash !== b.hash) return a.hash < b.hash ? -1 : 1;
  if (a.kind !== b.kind) return KIND_RANK[a.kind] - KIND_RANK[b.kind];
  return a.canonical < b.canonical ? -1 : 1; // a hash collision: the text itself keeps the order total
}

/**
 * The total order deciding which version of a record wins, greatest first:
 * the newer `updatedAt`, then the greater `author` (code unit order, not
 * locale), then the greater content hash (FNV-1a 64 of the canonical JSON),
 * then the kind (a tombstone beats a record). Returns 0 only for records with
 * identical content, so every merge picks the same winner whatever the order
 * of files: merging is commutative, associative and idempotent.
 */
export function compareVersions(a: MergeRecord, b: MergeRecord): number {
  return compare(version(a), version(b));
}

/** The version of a record that survives a merge (`a` when they are identical). */
export function winner<T extends MergeRecord, U extends MergeRecord>(a: T, b: U): T | U {
  return compareVersions(a, b) >= 0 ? a : b;
}

function recordsOf(source: LocalRecords): MergeRecord[] {
  return [...(source.studies ?? []), ...source.journeys, ...source.touchpoints, ...source.interactions, ...source.tombstones];
}

/** The winning version per id. */
function winnersById(records: readonly MergeRecord[], winners = new Map<string, Version>()): Map<string, Version> {
  for (const record of records) {
    const challenger = version(record);
    const holder = winners.get(record.id);
    if (!holder || compare(challenger, holder) > 0) winners.set(record.id, challenger);
  }
  return winners;
}

/**
 * Merges exports as a state-based CRDT: for each id, the greatest version under
 * `compareVersions` among every study, journey, touchpoint, interaction and tombstone with that id
 * wins. A touchpoint whose journey lost to a tombstone stays (the schema
 * allows it), so the result does not depend on how merges are grouped. The
 * result is built by `buildExportFile`: sorted, `exportedAt` the newest
 * change. Throws a `ZodError` only if files use one id for records of
 * different kinds so that a touchpoint loses its journey, which UUIDs made
 * at capture never do.
 */
export function mergeExports(files: readonly ExportFile[], options: { generator: string }): ExportFile {
  const winners = new Map<string, Version>();
  for (const file of files) winnersById(recordsOf(file), winners);
  const merged: RecordLists = { studies: [], journeys: [], touchpoints: [], interactions: [], tombstones: [] };
  for (const win of winners.values()) put(merged, win);
  // The inputs are parsed ExportFiles, so the winners are valid records already.
  return buildExportFile({ ...merged, generator: options.generator, emptyExportedAt: EMPTY_EXPORTED_AT }, { trusted: true });
}

function put(into: RecordLists, { record, kind }: Version): void {
  if (kind === 'study') into.studies.push(record as Study);
  else if (kind === 'journey') into.journeys.push(record as Journey);
  else if (kind === 'touchpoint') into.touchpoints.push(record as Touchpoint);
  else if (kind === 'interaction') into.interactions.push(record as Interaction);
  else into.tombstones.push(record as Tombstone);
}

/**
 * Plans importing a file into the local store with the same rule as
 * `mergeExports`, per id: after applying `writes`, the store holds exactly
 * the merge of itself and the file. Pure; importing the same file again
 * plans no writes.
 */
export function planImport(local: LocalRecords, incoming: ExportFile): ImportPlan {
  const ours = winnersById(recordsOf(local));
  const writes: ImportWrites = {
    studies: [],
    journeys: [],
    touchpoints: [],
    interactions: [],
    tombstones: [],
    deleteIds: [],
  };
  const report: ImportReport = { added: 0, updated: 0, unchanged: 0, conflicted: 0, ignoredOlder: 0, deleted: 0 };
  for (const record of recordsOf(incoming)) {
    const theirs = version(record);
    const mine = ours.get(record.id);
    if (!mine) {
      report.added++;
      put(writes, theirs);
      continue;
    }
    const order = compare(theirs, mine);
    if (order === 0) {
      report.unchanged++;
      continue;
    }
    if (compareTimestamps(record.updatedAt, mine.record.updatedAt) === 0) report.conflicted++;
    if (order < 0) {
      report.ignoredOlder++;
      continue;
    }
    if (theirs.kind === 'tombstone' && mine.kind !== 'tombstone') report.deleted++;
    else report.updated++;
    put(writes, theirs);
    if (theirs.kind !== mine.kind) writes.deleteIds.push(record.id);
  }
  return { writes, report };
}
