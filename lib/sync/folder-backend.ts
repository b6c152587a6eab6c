import {
  type ImageWriteOutcome,
  MEMBER_FILE,
  type RemoteFile,
  SCREENSHOT_FILE,
  type SyncBackend,
  SyncError,
  type WriteCondition,
  type WriteOutcome,
} from './backend';

/**
 * The part of the File System Access API's `FileSystemDirectoryHandle` the
 * folder backend uses (https://fs.spec.whatwg.org/#api-filesystemdirectoryhandle).
 * A folder picked with `showDirectoryPicker`, an OPFS directory
 * (`navigator.storage.getDirectory()`) and, in Node tests, a small adapter
 * over a real directory all fit it.
 */
export interface DirectoryHandleLike {
  readonly kind: 'directory';
  readonly name: string;
  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<DirectoryHandleLike>;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<FileHandleLike>;
  values(): AsyncIterable<DirectoryHandleLike | FileHandleLike>;
}

/** Read-write access to a picked folder, as the browser's permission for it stands. */
export type FolderAccess = 'granted' | 'denied' | 'prompt';

/**
 * A folder the researcher picked: a directory handle with the File System
 * Access API's permission methods (https://wicg.github.io/file-system-access/#api-filesystemhandle-querypermission).
 * OPFS handles and Firefox lack them: their access is always granted.
 */
export interface PickedFolder extends DirectoryHandleLike {
  queryPermission?(descriptor: { mode: 'readwrite' }): Promise<FolderAccess>;
  requestPermission?(descriptor: { mode: 'readwrite' }): Promise<FolderAccess>;
}

export interface FileHandleLike {
  readonly kind: 'file';
  readonly name: string;
  getFile(): Promise<{ lastModified: number; size: number; text(): Promise<string>; arrayBuffer(): Promise<ArrayBuffer> }>;
  createWritable(): Promise<{ write(data: string | Uint8Array): Promise<void>; close(): Promise<void> }>;
}

/**
 * A team folder on disk (synced by Dropbox, Drive, OneDrive, Syncthing, git…).
 * A file has no server ETag here, so its modification time and size stand in
 * for one: cheap to list, and a sync tool replacing the file changes them.
 * The conditional write compares them just before writing; a folder is not a
 * server, so a write landing in between is possible but only by our own
 * member file, which only we write.
 */
export function createFolderBackend(root: DirectoryHandleLike): SyncBackend {
  async function members(create = false): Promise<DirectoryHandleLike> {
    try {
      return await root.getDirectoryHandle('members', { create });
    } catch (error) {
      throw translate(error, 'The team folder has no "members" folder yet.');
    }
  }

  async function current(dir: DirectoryHandleLike, name: string): Promise<{ etag: string; text: () => Promise<string> } | null> {
    try {
      const file = await (await dir.getFileHandle(name)).getFile();
      return { etag: etagOf(file), text: () => file.text() };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw translate(error, `Could not read ${name}.`);
    }
  }

  /** The `screenshots` folder, or `null` when it is missing and not to be made. */
  async function screenshots(create: boolean): Promise<DirectoryHandleLike | null> {
    try {
      return await root.getDirectoryHandle('screenshots', { create });
    } catch (error) {
      if (!create && isNotFound(error)) return null;
      throw translate(error, 'The team folder has no "screenshots" folder.');
    }
  }

  async function writeFile(dir: DirectoryHandleLike, name: string, data: string | Uint8Array): Promise<FileHandleLike> {
    try {
      const handle = await dir.getFileHandle(name, { create: true });
      const writable = await handle.createWritable();
      await writable.write(data);
      await writable.close(); // the file is replaced only now, atomically (the spec writes to a swap file)
      return handle;
    } catch (error) {
      throw translate(error, `Could not write ${name}.`);
    }
  }

  return {
    async ensureFolder() {
      await members(true);
    },
    async list(): Promise<RemoteFile[]> {
      const dir = await members();
      const files: RemoteFile[] = [];
      for await (const entry of dir.values()) {
        if (entry.kind !== 'file' || !MEMBER_FILE.test(entry.name)) continue;
        files.push({ name: entry.name, etag: etagOf(await entry.getFile()) });
      }
      return files;
    },
    async read(name: string) {
      const found = await current(await members(), name);
      return found ? { text: await found.text(), etag: found.etag } : null;
    },
    async write(name: string, text: string, condition: WriteCondition): Promise<WriteOutcome> {
      const dir = await members();
      const before = await current(dir, name);
      const expected = 'ifMatch' in condition ? condition.ifMatch : null;
      if (expected === null ? before !== null : before?.etag !== expected) return { written: false, reason: 'changed' };
      const handle = await writeFile(dir, name, text);
      return { written: true, etag: etagOf(await handle.getFile()) };
    },
    async listImages(): Promise<string[]> {
      const dir = await screenshots(false);
      const names: string[] = [];
      if (!dir) return names;
      for await (const entry of dir.values()) {
        if (entry.kind === 'file' && SCREENSHOT_FILE.test(entry.name)) names.push(entry.name);
      }
      return names;
    },
    async readImage(name: string) {
      const dir = await screenshots(false);
      if (!dir || !SCREENSHOT_FILE.test(name)) return null;
      try {
        return new Uint8Array(await (await (await dir.getFileHandle(name)).getFile()).arrayBuffer());
      } catch (error) {
        if (isNotFound(error)) return null;
        throw translate(error, `Could not read ${name}.`);
      }
    },
    async writeImage(name: string, bytes: Uint8Array): Promise<ImageWriteOutcome> {
      if (!SCREENSHOT_FILE.test(name)) throw new SyncError('server', `Not a screenshot file name: ${name}`);
      const dir = (await screenshots(true)) as DirectoryHandleLike;
      const existing = await dir.getFileHandle(name).catch((error: unknown) => {
        if (isNotFound(error)) return null;
        throw translate(error, `Could not read ${name}.`);
      });
      if (existing) return 'exists';
      await writeFile(dir, name, bytes);
      return 'written';
    },
  };
}

/** A stand-in ETag from what the file system knows. */
const etagOf = (file: { lastModified: number; size: number }) => `"${file.lastModified.toString(36)}-${file.size.toString(36)}"`;

const nameOf = (error: unknown) =>
  error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException) ? error.name : '';
const isNotFound = (error: unknown) => nameOf(error) === 'NotFoundError';

function translate(error: unknown, message: string): SyncError {
  if (error instanceof SyncError) return error;
  if (isNotFound(error)) return new SyncError('folder-not-found', message);
  if (nameOf(error) === 'NotAllowedError' || nameOf(error) === 'SecurityError') {
    return new SyncError('permission-needed', 'The browser needs your permission again to use the team folder.');
  }
  return new SyncError('server', `${message} (${error instanceof Error ? error.message : String(error)})`);
}
