import type { PickedFolder } from '../sync/folder-backend';
import type { WaymarkDatabase } from './schema';

/** The `runtime` key of the team folder's handle. */
const SYNC_FOLDER_KEY = 'syncFolder';

/**
 * Keeps the team folder picked on the journeys page. A directory handle is
 * structured-cloneable, so IndexedDB can hold it, but it cannot travel in a
 * runtime message (those are JSON): this is the one write the page makes
 * itself; the worker only reads it.
 */
export async function saveSyncFolder(db: WaymarkDatabase, handle: PickedFolder): Promise<void> {
  await db.put('runtime', { key: SYNC_FOLDER_KEY, value: handle });
}

/** The stored team folder, or `null` if none was picked (or the entry is not a directory handle). */
export async function loadSyncFolder(db: WaymarkDatabase): Promise<PickedFolder | null> {
  const entry = await db.get('runtime', SYNC_FOLDER_KEY);
  return isDirectoryHandle(entry?.value) ? entry.value : null;
}

function isDirectoryHandle(value: unknown): value is PickedFolder {
  if (typeof value !== 'object' || value === null) return false;
  const handle = value as { kind?: unknown; getDirectoryHandle?: unknown };
  return handle.kind === 'directory' && typeof handle.getDirectoryHandle === 'function';
}
