import type { WaymarkDatabase } from '../store/schema';
import { loadSyncFolder } from '../store/sync-folder';
import { type SyncBackend, SyncError } from '../sync/backend';
import { createFolderBackend, type FolderAccess, type PickedFolder } from '../sync/folder-backend';

const READ_WRITE = { mode: 'readwrite' } as const;

type WithPicker = { showDirectoryPicker?: (options: typeof READ_WRITE) => Promise<PickedFolder> };

/** Whether this browser can pick a folder: Chromium can; Firefox has no `showDirectoryPicker`. */
export function canPickFolder(): boolean {
  return typeof (globalThis as WithPicker).showDirectoryPicker === 'function';
}

/**
 * Opens the browser's folder picker for read-write access; `null` if the
 * researcher cancelled. Call it first in a click handler: the picker needs
 * the click's user activation.
 */
export async function pickFolder(): Promise<PickedFolder | null> {
  try {
    return await (globalThis as WithPicker).showDirectoryPicker!(READ_WRITE);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return null;
    throw error;
  }
}

/**
 * Read-write access to `folder` as it stands (`ask`: asking the researcher,
 * which needs a click). A handle without the permission methods (OPFS) is
 * always accessible.
 */
export async function folderAccess(folder: PickedFolder, ask = false): Promise<FolderAccess> {
  const method = ask ? folder.requestPermission : folder.queryPermission;
  if (typeof method !== 'function') return 'granted';
  return method.call(folder, READ_WRITE);
}

/**
 * The backend over the team folder stored in IndexedDB, for the worker.
 * Chrome keeps a picked folder's permission for the extension's origin while
 * one of its pages is open (or for good, if the researcher chose "Allow on
 * every visit"); once dropped, only a click on a page can ask again, so the
 * run fails with `permission-needed` and the panel offers that click.
 */
export async function openSyncFolder(db: WaymarkDatabase): Promise<SyncBackend> {
  const folder = await loadSyncFolder(db);
  if (!folder) throw new SyncError('folder-not-found', 'No team folder has been chosen in this browser.');
  // A browser that cannot even answer the question: try anyway; a refused read reports `permission-needed` too.
  const access = await folderAccess(folder).catch((): FolderAccess => 'granted');
  if (access !== 'granted') {
    throw new SyncError('permission-needed', 'The browser needs your permission again to use the team folder.');
  }
  return createFolderBackend(folder);
}
