import { z } from 'zod';
import type { LocalRecords } from '../exchange/merge';
import { Timestamp } from '../model/common';
import { MemberStatus, SyncProblem, type SyncState } from './sync-state';

/** Team sync as the settings panel shows it. Never holds the password or the passphrase. */
export const SyncStatus = z.strictObject({
  configured: z.boolean(),
  enabled: z.boolean(),
  /** The team folder's address (no credentials in it). */
  url: z.string().max(2_000),
  user: z.string().max(200),
  /** Whether a password is stored (it is never sent back). */
  hasPassword: z.boolean(),
  encrypted: z.boolean(),
  intervalMinutes: z.number().int().positive(),
  lastSyncAt: Timestamp.nullable(),
  lastAttemptAt: Timestamp.nullable(),
  nextAttemptAt: Timestamp.nullable(),
  /** Our records changed since our file was last written. */
  pending: z.number().int().nonnegative(),
  lastError: SyncProblem.nullable(),
  lastRetries: z.number().int().nonnegative(),
  members: z.array(MemberStatus.omit({ etag: true }).extend({ name: z.string().max(200) })).max(1_000),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** Our records (by `author`) changed after our file was last written: they wait for the next sync. */
export function countPending(records: LocalRecords, author: string, pushedAsOf: string | null): number {
  let pending = 0;
  for (const list of [records.journeys, records.touchpoints, records.interactions, records.tombstones]) {
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
