/**
 * Where a team's files live, seen through what sync does with it.
 * Implemented by the WebDAV backend (webdav-backend.ts) and the folder
 * backend (folder-backend.ts); the sync run (run-sync.ts) knows nothing else.
 * Names are file names inside the team folder's `members/` folder, or for
 * images its `screenshots/` folder.
 */
export interface SyncBackend {
  /** Creates the team folder's `members/` folder if it is missing (the team folder itself must exist). */
  ensureFolder(): Promise<void>;
  /** Every member file (`*.waymark.json`) with its current ETag. */
  list(): Promise<RemoteFile[]>;
  /** A file's text and ETag, or `null` if it is gone. */
  read(name: string): Promise<{ text: string; etag: string | null } | null>;
  /**
   * Writes a file only if it is still as last seen: `ifMatch` an ETag, or
   * `ifNoneMatch: '*'` when we believe it does not exist yet.
   */
  write(name: string, text: string, condition: WriteCondition): Promise<WriteOutcome>;
  /** The image files in the team folder's `screenshots/` folder, by name (none if the folder is missing). */
  listImages(): Promise<string[]>;
  /** An image file's bytes, or `null` if it is not there. */
  readImage(name: string): Promise<Uint8Array | null>;
  /**
   * Writes an image file unless one of that name exists (a touchpoint's image
   * never changes), making `screenshots/` if needed. `refused` when the
   * server will not take it (too large, say): skip it, not the sync.
   */
  writeImage(name: string, bytes: Uint8Array): Promise<ImageWriteOutcome>;
}

export type ImageWriteOutcome = 'written' | 'exists' | 'refused';

/** A member file as listed. */
export interface RemoteFile {
  name: string;
  /** Changes whenever the content does; `null` if the server reports none (then the file is read every time). */
  etag: string | null;
}

export type WriteCondition = { ifMatch: string } | { ifNoneMatch: '*' };

/** A write either landed (with the new ETag, if it could be learned) or lost a race. */
export type WriteOutcome = { written: true; etag: string | null } | { written: false; reason: 'changed' };

/** What went wrong talking to the shared location, in the cases a researcher can act on. */
export type SyncErrorCode =
  | 'unauthorized' // wrong user or password
  | 'forbidden' // the account may not use this folder
  | 'folder-not-found'
  | 'unreachable' // no network, server down, or no host permission
  | 'server' // the server failed (5xx) or answered nonsense
  | 'not-configured'
  | 'permission-needed' // the browser dropped access to a picked folder
  | 'wrong-passphrase';

/** An error from a backend: a code the status shows in plain words, and a detail for the curious. */
export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

/** The file name a member writes: `<memberId>.waymark.json`. */
export const memberFileName = (memberId: string) => `${memberId}.waymark.json`;

/** Member ids are ours (a UUID made at setup), but a teammate's listing may hold anything: only plain names count. */
export const MEMBER_FILE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}\.waymark\.json$/;

/** A screenshot's file name in `screenshots/`: `<touchpointId>.<ext>`, as the touchpoint's `screenshot.path` names it. */
export const SCREENSHOT_FILE = /^[0-9a-f-]{36}\.(webp|jpg|png)$/;

/**
 * A backend opened on first use, so that failing to open it (no folder
 * chosen, permission dropped) ends the run like any other backend error:
 * recorded in the state, retried with backoff.
 */
export function lazyBackend(open: () => Promise<SyncBackend>): SyncBackend {
  let opened: Promise<SyncBackend> | undefined;
  const backend = () => {
    opened ??= open().catch((error: unknown) => {
      opened = undefined;
      throw error;
    });
    return opened;
  };
  return {
    ensureFolder: async () => (await backend()).ensureFolder(),
    list: async () => (await backend()).list(),
    read: async (name) => (await backend()).read(name),
    write: async (name, text, condition) => (await backend()).write(name, text, condition),
    listImages: async () => (await backend()).listImages(),
    readImage: async (name) => (await backend()).readImage(name),
    writeImage: async (name, bytes) => (await backend()).writeImage(name, bytes),
  };
}
