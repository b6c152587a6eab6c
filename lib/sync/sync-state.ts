import * as z from 'zod/mini';
import { integer, list, Timestamp, text } from '../model/common';

/** What went wrong in the last sync, as a code the UI words and the detail behind it. */
export const SyncProblem = z.strictObject({
  code: z.enum([
    'unauthorized',
    'forbidden',
    'folder-not-found',
    'unreachable',
    'server',
    'not-configured',
    'permission-needed',
    'conflict',
    'wrong-passphrase',
    'internal',
  ]),
  message: text(2_000),
});
export type SyncProblem = z.infer<typeof SyncProblem>;

/** What we know of one teammate's file (or our own, under our own name). */
export const MemberStatus = z.strictObject({
  /** The ETag we last read it at. */
  etag: z.nullable(text(500)),
  /** The newest change in it (its `exportedAt`), `null` if it could not be read. */
  asOf: z.nullable(Timestamp),
  /** The names its records carry, most frequent first (at most three). */
  authors: list(text(200), 3),
  touchpoints: integer(0, Number.MAX_SAFE_INTEGER),
  /** Why it was skipped, in plain words; `null` when it synced. */
  rejected: z.nullable(text(2_000)),
});
export type MemberStatus = z.infer<typeof MemberStatus>;

/** Sync's memory between runs (storage.local; version 1). No credentials: those live in the sync settings. */
export const SyncState = z.strictObject({
  version: z.literal(1),
  /** Our file's ETag as last written or read; `null` before our first write. */
  ownEtag: z.nullable(text(500)),
  /** FNV-1a 64 of the plain text we last wrote: the same text is not written again. */
  ownHash: z.nullable(text(32)),
  /** The newest change in what we last wrote: local changes after it are pending. */
  pushedAsOf: z.nullable(Timestamp),
  /** Teammates' files by file name. */
  members: z.record(text(200), MemberStatus),
  lastSyncAt: z.nullable(Timestamp),
  lastAttemptAt: z.nullable(Timestamp),
  /** Failed runs in a row: the backoff grows with it. */
  failures: integer(0, Number.MAX_SAFE_INTEGER),
  /** Before this time, the schedule does not try again (a run on demand always does). */
  nextAttemptAt: z.nullable(Timestamp),
  lastError: z.nullable(SyncProblem),
  /** How many writes of the last run lost a race and were retried after merging. */
  lastRetries: integer(0, Number.MAX_SAFE_INTEGER),
  /** Touchpoints whose screenshot is in the shared folder (uploaded by us, or found there): never sent again. */
  uploadedScreenshots: z.optional(list(text(100), 1_000_000)),
  /** Screenshots skipped for good (too large, refused, unreadable), by touchpoint id, and why in plain words. */
  skippedScreenshots: z.optional(list(z.strictObject({ touchpointId: text(100), reason: text(500) }), 10_000)),
});
export type SyncState = z.infer<typeof SyncState>;

export const INITIAL_SYNC_STATE: SyncState = {
  version: 1,
  ownEtag: null,
  ownHash: null,
  pushedAsOf: null,
  members: {},
  lastSyncAt: null,
  lastAttemptAt: null,
  failures: 0,
  nextAttemptAt: null,
  lastError: null,
  lastRetries: 0,
};

/** Minutes to wait after `failures` failed runs in a row: 1, 2, 4 … up to an hour. */
export function backoffMinutes(failures: number): number {
  return Math.min(60, 2 ** Math.max(0, failures - 1));
}

/** Whether a scheduled run should go ahead now (a run on demand always does). */
export function isDue(state: SyncState, now: string): boolean {
  return state.nextAttemptAt === null || state.nextAttemptAt <= now;
}

/** ETags compared weakly (RFC 9110 §8.8.3.2): `W/"x"` and `"x"` name the same content for deciding what to re-read. */
export function sameEtag(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  return a.replace(/^W\//, '') === b.replace(/^W\//, '');
}
