import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lazyBackend, SyncError } from '@/lib/sync/backend';
import { createFolderBackend } from '@/lib/sync/folder-backend';
import { describeSyncError } from '@/lib/sync/run-sync';
import { nodeDirectoryHandle } from './node-directory';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'waymark-lazy-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('lazyBackend', () => {
  it('opens the backend once, on first use, and passes every call through', async () => {
    let opened = 0;
    const backend = lazyBackend(async () => {
      opened++;
      return createFolderBackend(nodeDirectoryHandle(dir));
    });
    expect(opened).toBe(0);
    await backend.ensureFolder();
    expect(await backend.write('a.waymark.json', '{}', { ifNoneMatch: '*' })).toMatchObject({ written: true });
    expect((await backend.list()).map((f) => f.name)).toEqual(['a.waymark.json']);
    expect((await backend.read('a.waymark.json'))?.text).toBe('{}');
    expect(opened).toBe(1);
  });

  it('fails each call with the opening error, as a problem the panel words, and tries again next time', async () => {
    let attempts = 0;
    const backend = lazyBackend(async () => {
      attempts++;
      throw new SyncError('permission-needed', 'The browser needs your permission again to use the team folder.');
    });
    const error = await backend.list().catch((e: unknown) => e);
    expect(describeSyncError(error)).toMatchObject({ code: 'permission-needed' });
    await expect(backend.read('a.waymark.json')).rejects.toThrow(SyncError);
    expect(attempts).toBe(2);
  });
});
