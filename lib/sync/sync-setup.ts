import * as z from 'zod/mini';
import { integer, text, trimmed } from '../model/common';

/** How often the schedule syncs, in minutes (Chrome's alarms fire at most every 30 s; we never need that). */
export const SYNC_INTERVALS = [5, 15, 60] as const;

/** Where the team's files live: a WebDAV server, or a folder on this computer that a sync tool shares. */
export const SyncKind = z.enum(['webdav', 'folder']);
export type SyncKind = z.infer<typeof SyncKind>;

/**
 * What the researcher enters to set up team sync. `kind` absent means WebDAV
 * (as before folders existed); for a folder the URL and user are ignored
 * (the stored ones are kept for switching back) and the folder itself, a
 * handle the page stored in IndexedDB, is read by the worker. An empty
 * `password` keeps the stored one; `passphrase` `null` keeps the stored one,
 * `''` turns encryption off.
 */
export const SyncSetup = z.strictObject({
  kind: z.optional(SyncKind),
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

/**
 * Sync's settings as kept in `storage.local` (version 1). Never exported,
 * never logged, never sent to a page. Stored before folders existed, a
 * config has no `kind` and means WebDAV (read it with `syncKindOf`).
 */
export const SyncConfig = z.strictObject({
  kind: z.optional(SyncKind),
  /** The chosen folder's name, for the panel; the folder itself is a handle in IndexedDB. */
  folderName: z.optional(text(500)),
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

/** Where a config syncs: configs stored without `kind` are WebDAV. */
export const syncKindOf = (config: Pick<SyncConfig, 'kind'> | null | undefined): SyncKind => config?.kind ?? 'webdav';

/**
 * The stored settings after a setup request: blanks keep what was there.
 * `folderName` is the name of the folder the worker found stored (`null` if
 * none): a folder setup without one is saved but not enabled. Choosing one
 * kind keeps the other's settings, so switching back needs no retyping.
 */
export function applySetup(
  previous: SyncConfig | null,
  setup: SyncSetup,
  newMemberId: string,
  folderName: string | null = null,
): SyncConfig {
  const kind = setup.kind ?? 'webdav';
  const shared = {
    kind,
    passphrase: setup.passphrase ?? previous?.passphrase ?? '',
    intervalMinutes: setup.intervalMinutes,
    memberId: previous?.memberId ?? newMemberId,
  };
  if (kind === 'folder') {
    return {
      ...shared,
      enabled: setup.enabled && folderName !== null,
      folderName: folderName ?? previous?.folderName ?? '',
      url: previous?.url ?? '',
      user: previous?.user ?? '',
      password: previous?.password ?? '',
    };
  }
  return {
    ...shared,
    folderName: previous?.folderName ?? '',
    enabled: setup.enabled && setup.url !== '',
    url: setup.url,
    user: setup.user,
    password: setup.password || (previous?.url === setup.url ? (previous?.password ?? '') : ''),
  };
}

/**
 * Where a config's files are, as one string: when it changes, sync starts
 * afresh. A different folder under the same name is caught by the files'
 * stand-in ETags (time and size), which then differ.
 */
export function syncLocationOf(config: SyncConfig | null): string {
  if (!config) return '';
  return syncKindOf(config) === 'folder' ? `folder:${config.folderName ?? ''}` : `webdav:${config.url}`;
}
