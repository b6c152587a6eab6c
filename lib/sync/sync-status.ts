import * as z from 'zod/mini';
import type { LocalRecords } from '../exchange/merge';
import { integer, list, Timestamp, text } from '../model/common';
import { SyncKind } from './sync-setup';
import { MemberStatus, SyncProblem, type SyncState } from './sync-state';

/** Team sync as the settings panel shows it. Never holds the password or the passphrase. */
export const SyncStatus = z.strictObject({
  configured: z.boolean(),
  enabled: z.boolean(),
  /** Where the team's files are. */
  kind: SyncKind,
  /** The chosen folder's name (`''` if none was chosen). */
  folderName: text(500),
  /** The team folder's address (no credentials in it). */
  url: text(2_000),
  user: text(200),
  /** Whether a password is stored (it is never sent back). */
  hasPassword: z.boolean(),
  encrypted: z.boolean(),
  intervalMinutes: integer(1, Number.MAX_SAFE_INTEGER),
  lastSyncAt: z.nullable(Timestamp),
  lastAttemptAt: z.nullable(Timestamp),
  nextAttemptAt: z.nullable(Timestamp),
  /** Our records changed since our file was last written. */
  pending: integer(0, Number.MAX_SAFE_INTEGER),
  lastError: z.nullable(SyncProblem),
  lastRetries: integer(0, Number.MAX_SAFE_INTEGER),
  members: list(z.extend(z.omit(MemberStatus, { etag: true }), { name: text(200) }), 1_000),
  /** Screenshots that were not synced (too large, refused, unreadable) and why, newest last. */
  skippedScreenshots: z.optional(list(z.strictObject({ touchpointId: text(100), reason: text(500) }), 100)),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** Our records (by `author`) changed after our file was last written: they wait for the next sync. */
export function countPending(records: LocalRecords, author: string, pushedAsOf: string | null): number {
  let pending = 0;
  for (const list of [records.studies ?? [], records.journeys, records.touchpoints, records.interactions, records.tombstones]) {
    for (const r of list) if (r.author === author && (pushedAsOf === null || r.updatedAt > pushedAsOf)) pending++;
  }
  return pending;
}

/** The members part of the status, by file name, teammates' newest first. */
export function membersOf(state: SyncState): SyncStatus['members'] {
  return Object.entries(state.members)
    .map(([name, { etag: _etag, ...status }]) => ({ name, ...status }))
    .sort((a, b) => (b.asOf ?? '').localeCompare(a.asOf ?? '') || a.name.localeCompare(b.name));
}
