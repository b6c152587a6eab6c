import { describe, expect, it } from 'vitest';
import { applySetup, SyncConfig, type SyncSetup, syncKindOf, syncLocationOf } from '@/lib/sync/sync-setup';
import { SyncStatus } from '@/lib/sync/sync-status';

const MEMBER = '0b7e1c52-8d0a-4f55-9a59-2f3b6f0d9a11';
const NEW_MEMBER = '5a4f6c1e-3b2d-4e8f-9a0b-1c2d3e4f5a6b';

const webdav: SyncConfig = {
  enabled: true,
  url: 'https://cloud.example/dav/Waymark/',
  user: 'mina',
  password: 'app-password',
  passphrase: '',
  intervalMinutes: 15,
  memberId: MEMBER,
};

const setup = (changes: Partial<SyncSetup>): SyncSetup => ({
  enabled: true,
  url: '',
  user: '',
  password: '',
  passphrase: null,
  intervalMinutes: 15,
  ...changes,
});

describe('SyncConfig', () => {
  it('reads a config stored before folders existed as WebDAV', () => {
    const stored = SyncConfig.parse(webdav);
    expect(stored.kind).toBeUndefined();
    expect(syncKindOf(stored)).toBe('webdav');
  });

  it.each([
    ['folder', 'folder'],
    ['webdav', 'webdav'],
  ] as const)('keeps kind %s', (kind, expected) => {
    expect(syncKindOf(SyncConfig.parse({ ...webdav, kind, folderName: 'Team' }))).toBe(expected);
  });

  it('rejects an unknown kind', () => {
    expect(SyncConfig.safeParse({ ...webdav, kind: 'ftp' }).success).toBe(false);
  });

  it('has no kind without a config: WebDAV', () => {
    expect(syncKindOf(null)).toBe('webdav');
  });
});

describe('applySetup', () => {
  it('sets WebDAV up as before when the request names no kind', () => {
    const config = applySetup(null, setup({ url: 'https://cloud.example/dav/', user: 'mina', password: 'pw' }), NEW_MEMBER);
    expect(config).toMatchObject({ kind: 'webdav', enabled: true, url: 'https://cloud.example/dav/', password: 'pw' });
    expect(config.memberId).toBe(NEW_MEMBER);
    expect(SyncConfig.safeParse(config).success).toBe(true);
  });

  it('switches to a folder, keeping the WebDAV settings and the member id', () => {
    const config = applySetup(webdav, setup({ kind: 'folder' }), NEW_MEMBER, 'Waymark team');
    expect(config).toMatchObject({
      kind: 'folder',
      enabled: true,
      folderName: 'Waymark team',
      url: webdav.url,
      user: 'mina',
      password: 'app-password',
      memberId: MEMBER,
    });
  });

  it('saves a folder setup without a chosen folder, but not enabled', () => {
    expect(applySetup(null, setup({ kind: 'folder' }), NEW_MEMBER, null)).toMatchObject({ kind: 'folder', enabled: false });
  });

  it('switches back to WebDAV keeping the saved password and the folder name', () => {
    const folder = applySetup(webdav, setup({ kind: 'folder' }), NEW_MEMBER, 'Team');
    const back = applySetup(folder, setup({ kind: 'webdav', url: webdav.url, user: 'mina' }), NEW_MEMBER);
    expect(back).toMatchObject({ kind: 'webdav', enabled: true, password: 'app-password', folderName: 'Team' });
  });

  it('keeps, changes or clears the passphrase for a folder as for WebDAV', () => {
    const encrypted = { ...webdav, passphrase: 'team secret' };
    expect(applySetup(encrypted, setup({ kind: 'folder', passphrase: null }), NEW_MEMBER, 'T').passphrase).toBe('team secret');
    expect(applySetup(encrypted, setup({ kind: 'folder', passphrase: '' }), NEW_MEMBER, 'T').passphrase).toBe('');
  });
});

describe('syncLocationOf', () => {
  it.each<[string, SyncConfig | null, string]>([
    ['no config', null, ''],
    ['a stored WebDAV config', webdav, `webdav:${webdav.url}`],
    ['a folder', { ...webdav, kind: 'folder', folderName: 'Team' }, 'folder:Team'],
  ])('names %s', (_, config, expected) => {
    expect(syncLocationOf(config)).toBe(expected);
  });

  it('changes when the same account switches from WebDAV to a folder', () => {
    const folder = applySetup(webdav, setup({ kind: 'folder' }), NEW_MEMBER, 'Team');
    expect(syncLocationOf(folder)).not.toBe(syncLocationOf(webdav));
  });
});

describe('SyncStatus', () => {
  it('carries the kind and folder name, never a password', () => {
    expect(Object.keys(SyncStatus.def.shape)).toEqual(expect.arrayContaining(['kind', 'folderName']));
    expect(Object.keys(SyncStatus.def.shape)).not.toContain('password');
  });
});
