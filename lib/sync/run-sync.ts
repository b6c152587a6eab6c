import { fnv1a64 } from '../exchange/canonical-json';
import { serializeExportFile } from '../exchange/export-json';
import { type ImportReport, type LocalRecords, mergeExports } from '../exchange/merge';
import { parseImport } from '../exchange/parse-import';
import type { ExportFile } from '../model/export-file';
import { memberFileName, type RemoteFile, type SyncBackend, SyncError } from './backend';
import { buildMemberFile } from './member-file';
import { MAX_SYNCED_SCREENSHOT_BYTES, type ScreenshotReport, type SyncScreenshotStore, syncScreenshots } from './screenshot-sync';
import { type FileSealer, looksSealed } from './seal';
import { backoffMinutes, type MemberStatus, type SyncProblem, type SyncState, sameEtag } from './sync-state';

/** The local side of sync: the store's records, and merging a file into them in one transaction. */
export interface SyncLocal {
  readAll(): Promise<LocalRecords>;
  merge(file: ExportFile): Promise<ImportReport>;
  /** The stored screenshot images; without it, images are not synced. */
  screenshots?: SyncScreenshotStore;
}

/** Everything one sync run needs; no browser API, so it runs the same in Node tests. */
export interface SyncRun {
  backend: SyncBackend;
  local: SyncLocal;
  /** Our member id: we write `members/<memberId>.waymark.json` and nothing else. */
  memberId: string;
  /** The name our records carry (settings' author): the records we own. */
  author: string;
  generator: string;
  /** Seals our file and opens teammates'; `null` when the team does not encrypt. */
  sealer: FileSealer | null;
  now: () => string;
  sleep: (ms: number) => Promise<void>;
  /** Screenshots larger than this are not synced (default `MAX_SYNCED_SCREENSHOT_BYTES`). */
  maxScreenshotBytes?: number;
}

/** What one run did. */
export interface SyncReport {
  /** Teammates' files read because their ETag changed. */
  read: number;
  /** What merging them changed here (`null` when nothing was read). */
  merged: ImportReport | null;
  /** Whether our file was written (unchanged content is not). */
  wrote: boolean;
  /** Writes that lost a race (412) and were retried. */
  retries: number;
  /** Teammates' files skipped, by name, and why. */
  rejected: { name: string; reason: string }[];
  /** Journeys the merge may have changed here, for refreshing open pages. */
  journeyIds: string[];
  /** Screenshot images sent and received (only for studies that allow it). */
  screenshots: ScreenshotReport;
}

/** Attempts at writing our file before giving up until the next run. */
export const MAX_WRITE_ATTEMPTS = 4;
/**
 * Wait before retrying a write refused (412) although our file is unchanged:
 * servers such as Apache with its default `FileETag` give a weak ETag for the
 * second after a write, which never matches `If-Match`; a moment later it is strong.
 */
export const RETRY_SHORTLY_MS = 1_100;

/**
 * One sync: list the team folder, read the files whose ETag changed (each
 * validated like an import; a bad one is skipped and named), merge them into
 * the local store, then write our own file guarded by its ETag; a lost race
 * is re-read, merged and retried. Never throws: the new state carries the
 * outcome, and a failure leaves every local record in place for next time.
 */
export async function runSync(run: SyncRun, previous: SyncState): Promise<{ state: SyncState; report: SyncReport }> {
  const report: SyncReport = {
    read: 0,
    merged: null,
    wrote: false,
    retries: 0,
    rejected: [],
    journeyIds: [],
    screenshots: { uploaded: 0, downloaded: 0, skipped: [] },
  };
  const state: SyncState = { ...previous, members: { ...previous.members }, lastAttemptAt: run.now() };
  try {
    await pull(run, state, report);
    const records = await push(run, state, report);
    if (run.local.screenshots) {
      const sync = {
        backend: run.backend,
        store: run.local.screenshots,
        sealer: run.sealer,
        author: run.author,
        maxBytes: run.maxScreenshotBytes ?? MAX_SYNCED_SCREENSHOT_BYTES,
      };
      report.screenshots = await syncScreenshots(sync, records, state);
    }
    return { state: succeeded(state, run.now(), report), report };
  } catch (error) {
    return { state: failed(state, run.now(), describeSyncError(error), report), report };
  }
}

async function pull(run: SyncRun, state: SyncState, report: SyncReport): Promise<void> {
  const listed = await run.backend.list();
  const ownName = memberFileName(run.memberId);
  for (const name of Object.keys(state.members)) {
    if (!listed.some((f) => f.name === name)) delete state.members[name]; // the teammate left, or their file was removed
  }
  if (!listed.some((f) => f.name === ownName)) state.ownEtag = null; // never written, or removed: write it afresh
  const incoming: ExportFile[] = [];
  let opened = 0;
  let wrongKey = 0;
  for (const file of listed) {
    const own = file.name === ownName;
    const known = own ? state.ownEtag : state.members[file.name]?.etag;
    if (file.etag !== null && sameEtag(file.etag, known)) continue;
    const read = await readMemberFile(run, file);
    if (!read) continue;
    report.read += own ? 0 : 1;
    if (read.sealed) opened += read.failure ? 0 : 1;
    if (read.failure === 'wrong-passphrase') wrongKey++;
    if (own) {
      // Another browser of ours wrote it (or our state was lost): merge it like a teammate's.
      if (!read.file) throw ownFileError(file.name, read);
      incoming.push(read.file);
      state.ownEtag = read.etag;
      continue;
    }
    state.members[file.name] = read.status;
    if (read.file) incoming.push(read.file);
    else report.rejected.push({ name: file.name, reason: read.status.rejected ?? '' });
  }
  if (incoming.length > 0) {
    const merged = mergeExports(incoming, { generator: run.generator });
    report.merged = await run.local.merge(merged);
    report.journeyIds = [...new Set([...merged.journeys.map((j) => j.id), ...merged.touchpoints.map((t) => t.journeyId)])];
  }
  // Not one encrypted file opens: our passphrase is the odd one out. Writing with it would lock the team out of our file.
  if (wrongKey > 0 && opened === 0) {
    throw new SyncError('wrong-passphrase', `The team passphrase does not open your teammates' files (${wrongKey} tried).`);
  }
}

function ownFileError(name: string, read: ReadFile): SyncError {
  const code = read.failure === 'wrong-passphrase' ? 'wrong-passphrase' : 'server';
  return new SyncError(code, `Your own file ${name} could not be read: ${read.status.rejected}`);
}

interface ReadFile {
  file: ExportFile | null;
  etag: string | null;
  status: MemberStatus;
  /** FNV-1a 64 of the plain text, computed on demand (only our own file needs it). */
  hash: () => string;
  /** Whether it was encrypted. */
  sealed: boolean;
  /** Why it was skipped. */
  failure?: 'wrong-passphrase' | 'invalid';
}

/** Reads, opens (if sealed) and validates one member file; `null` if it vanished since the listing. */
async function readMemberFile(run: SyncRun, listed: RemoteFile): Promise<ReadFile | null> {
  const got = await run.backend.read(listed.name);
  if (!got) return null;
  const etag = got.etag ?? listed.etag;
  const sealed = looksSealed(got.text);
  const reject = (reason: string, failure: ReadFile['failure'] = 'invalid', hash = () => ''): ReadFile => ({
    file: null,
    etag,
    hash,
    sealed,
    failure,
    status: { etag, asOf: null, authors: [], touchpoints: 0, rejected: reason },
  });
  let text = got.text;
  if (sealed) {
    if (!run.sealer) return reject('It is encrypted, and no team passphrase is set here.', 'wrong-passphrase');
    const opened = await run.sealer.open(text, listed.name);
    if (!opened.ok && opened.reason === 'wrong-passphrase') {
      return reject(
        'It could not be decrypted with the team passphrase: the passphrase is wrong, or the file was altered.',
        'wrong-passphrase',
      );
    }
    if (!opened.ok) return reject('It looks encrypted but its envelope is damaged.');
    text = opened.text;
  }
  const parsed = parseImport(text);
  const plain = text;
  const hash = () => fnv1a64(plain);
  if (!parsed.ok)
    return reject(parsed.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; '), 'invalid', hash);
  const file = parsed.file;
  return {
    file,
    etag,
    hash,
    sealed,
    status: { etag, asOf: file.exportedAt, authors: topAuthors(file), touchpoints: file.touchpoints.length, rejected: null },
  };
}

/**
 * Writes our file if it changed, guarded by its ETag; a lost race is re-read,
 * merged and retried. Returns the local records as last read.
 */
async function push(run: SyncRun, state: SyncState, report: SyncReport): Promise<LocalRecords> {
  const ownName = memberFileName(run.memberId);
  let etag = state.ownEtag;
  for (let attempt = 1; ; attempt++) {
    const records = await run.local.readAll();
    const file = buildMemberFile(records, run.author, run.generator);
    const text = serializeExportFile(file);
    const hash = fnv1a64(text);
    if (hash === state.ownHash && etag !== null) return records; // nothing new since our last write
    const body = run.sealer ? await run.sealer.seal(text, ownName) : text;
    const outcome = await run.backend.write(ownName, body, etag === null ? { ifNoneMatch: '*' } : { ifMatch: etag });
    if (outcome.written) {
      Object.assign(state, { ownEtag: outcome.etag, ownHash: hash, pushedAsOf: file.exportedAt });
      report.wrote = true;
      return records;
    }
    report.retries++;
    if (attempt >= MAX_WRITE_ATTEMPTS) {
      throw new SyncError(
        'server',
        'Your file kept changing on the server while Waymark wrote it; the next sync will try again.',
      );
    }
    etag = await afterLostRace(run, state, ownName);
  }
}

/** After a 412: the ETag to try next, having merged whatever another browser of ours wrote. */
async function afterLostRace(run: SyncRun, state: SyncState, ownName: string): Promise<string | null> {
  const read = await readMemberFile(run, { name: ownName, etag: null });
  if (!read) return null; // deleted meanwhile: create it again
  if (!read.file) throw ownFileError(ownName, read);
  if (read.hash() === state.ownHash) {
    // Our own last write, refused anyway: a weak ETag in its first second. Retry shortly with a fresh one.
    await run.sleep(RETRY_SHORTLY_MS);
    const fresh = (await run.backend.list()).find((f) => f.name === ownName);
    return fresh?.etag ?? read.etag;
  }
  await run.local.merge(read.file);
  state.ownEtag = read.etag;
  return read.etag;
}

/** The names a file's touchpoints (or else journeys) carry, most frequent first. */
function topAuthors(file: ExportFile): string[] {
  const counts = new Map<string, number>();
  const records = file.touchpoints.length > 0 ? file.touchpoints : file.journeys;
  for (const r of records) if (r.author) counts.set(r.author, (counts.get(r.author) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 3)
    .map(([name]) => name);
}

function succeeded(state: SyncState, now: string, report: SyncReport): SyncState {
  return { ...state, lastSyncAt: now, failures: 0, nextAttemptAt: null, lastError: null, lastRetries: report.retries };
}

function failed(state: SyncState, now: string, problem: SyncProblem, report: SyncReport): SyncState {
  const failures = state.failures + 1;
  const next = new Date(Date.parse(now) + backoffMinutes(failures) * 60_000).toISOString();
  return { ...state, failures, nextAttemptAt: next, lastError: problem, lastRetries: report.retries };
}

/** A thrown error as a problem the status can word. */
export function describeSyncError(error: unknown): SyncProblem {
  if (error instanceof SyncError) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: message.slice(0, 2_000) };
}
