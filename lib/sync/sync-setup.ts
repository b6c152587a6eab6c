import * as z from 'zod/mini';
import { integer, text, trimmed } from '../model/common';

/** How often the schedule syncs, in minutes (Chrome's alarms fire at most every 30 s; we never need that). */
export const SYNC_INTERVALS = [5, 15, 60] as const;

/**
 * What the researcher enters to set up team sync (WebDAV). An empty
 * `password` keeps the stored one; `passphrase` `null` keeps the stored one,
 * `''` turns encryption off.
 */
export const SyncSetup = z.strictObject({
  enabled: z.boolean(),
  url: z.union([
    z.literal(''),
    z.url({ protocol: /^https?$/ }).check(
      z.maxLength(2_000),
      z.refine(
        (u) => !new URL(u).username && !new URL(u).password,
        'Put the user name and password in their own fields, not in the address.',
      ),
    ),
  ]),
  user: trimmed(0, 200),
  password: text(500),
  passphrase: z.nullable(text(500)),
  intervalMinutes: integer(5, 1_440),
});
export type SyncSetup = z.infer<typeof SyncSetup>;

/** Sync's settings as kept in `storage.local` (version 1). Never exported, never logged, never sent to a page. */
export const SyncConfig = z.strictObject({
  enabled: z.boolean(),
  url: text(2_000),
  user: text(200),
  password: text(500),
  /** The team passphrase; `''` when files are not encrypted. */
  passphrase: text(500),
  intervalMinutes: integer(5, 1_440),
  /** Our member id: our file is `members/<memberId>.waymark.json`. Made once, kept when settings change. */
  memberId: z.uuid(),
});
export type SyncConfig = z.infer<typeof SyncConfig>;

/** The stored settings after a setup request: blanks keep what was there. */
export function applySetup(previous: SyncConfig | null, setup: SyncSetup, newMemberId: string): SyncConfig {
  return {
    enabled: setup.enabled && setup.url !== '',
    url: setup.url,
    user: setup.user,
    password: setup.password || (previous?.url === setup.url ? (previous?.password ?? '') : ''),
    passphrase: setup.passphrase ?? previous?.passphrase ?? '',
    intervalMinutes: setup.intervalMinutes,
    memberId: previous?.memberId ?? newMemberId,
  };
}
