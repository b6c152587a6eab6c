import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { folderAccess, openSyncFolder } from '@/lib/platform/sync-folder';
import { openWaymarkDb } from '@/lib/store/open-db';
import type { WaymarkDatabase } from '@/lib/store/schema';
import { loadSyncFolder } from '@/lib/store/sync-folder';
import type { FolderAccess, PickedFolder } from '@/lib/sync/folder-backend';
import { describeSyncError } from '@/lib/sync/run-sync';

/** A picked folder whose permission stands at `state`, recording what was asked. */
function folderWith(state: FolderAccess, afterRequest: FolderAccess = state) {
  const asked: string[] = [];
  const folder: PickedFolder = {
    kind: 'directory',
    name: 'Team',
    getDirectoryHandle: () => Promise.reject(new Error('not used')),
    getFileHandle: () => Promise.reject(new Error('not used')),
    values: async function* () {},
    queryPermission: async ({ mode }) => {
      asked.push(`query ${mode}`);
      return state;
    },
    requestPermission: async ({ mode }) => {
      asked.push(`request ${mode}`);
      return afterRequest;
    },
  };
  return { folder, asked };
}

describe('folderAccess', () => {
  it.each<FolderAccess>(['granted', 'prompt', 'denied'])('reports %s read-write access without asking', async (state) => {
    const { folder, asked } = folderWith(state);
    expect(await folderAccess(folder)).toBe(state);
    expect(asked).toEqual(['query readwrite']);
  });

  it('asks for read-write access when told to', async () => {
    const { folder, asked } = folderWith('prompt', 'granted');
    expect(await folderAccess(folder, true)).toBe('granted');
    expect(asked).toEqual(['request readwrite']);
  });

  it('treats a handle without permission methods (OPFS) as granted', async () => {
    const { folder } = folderWith('denied');
    const { queryPermission: _q, requestPermission: _r, ...opfs } = folder;
    expect(await folderAccess(opfs)).toBe('granted');
  });
});

describe('openSyncFolder', () => {
  let db: WaymarkDatabase;
  const name = 'waymark-sync-folder-test';
  beforeEach(async () => {
    db = await openWaymarkDb(name);
  });
  afterEach(async () => {
    db.close();
    await deleteDB(name);
  });

  it('fails with folder-not-found when no folder was chosen in this browser', async () => {
    const error = await openSyncFolder(db).catch((e: unknown) => e);
    expect(describeSyncError(error)).toMatchObject({ code: 'folder-not-found' });
  });

  it('ignores a stored entry that is not a directory handle', async () => {
    await db.put('runtime', { key: 'syncFolder', value: { kind: 'file', name: 'x' } });
    expect(await loadSyncFolder(db)).toBeNull();
  });
});
