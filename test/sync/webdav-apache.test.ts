import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SyncBackend } from '@/lib/sync/backend';
import { createSealer, looksSealedBytes } from '@/lib/sync/seal';
import { createWebDavBackend } from '@/lib/sync/webdav-backend';
import { captureWithScreenshot, imageBytes, storedImage, studyFor } from '../lib/sync/screenshots';
import { type Member, makeMember, tpId } from '../lib/sync/team';
import { type ApacheDav, apacheAvailable, davRequest, startApacheDav } from '../webdav/apache';

/**
 * The WebDAV backend against a real Apache httpd with mod_dav_fs (Debian's
 * `apache2`, installed by .ci/run), started from test/webdav/httpd.conf.template.
 */
describe.skipIf(!apacheAvailable())('WebDAV sync against a real Apache httpd', () => {
  let dav: ApacheDav;
  let backend: SyncBackend;
  const members: Member[] = [];
  const member = async (...args: Parameters<typeof makeMember>) => {
    const m = await makeMember(...args);
    members.push(m);
    return m;
  };

  beforeAll(async () => {
    dav = await startApacheDav({ fileEtag: 'Digest' });
    backend = createWebDavBackend({ url: dav.url, user: dav.user, password: dav.password });
    await backend.ensureFolder();
  });
  afterAll(async () => {
    await dav?.dispose();
  });
  afterEach(async () => {
    for (const m of members.splice(0)) await m.dispose();
  });

  it("syncs two members through the server: each sees the other's touchpoints", async () => {
    await backend.ensureFolder(); // again: the folder exists, that is fine (405)
    const [alice, bob] = [await member('Alice', 1), await member('Bob', 2)];
    await alice.capture(tpId(1, 1), { note: 'fee appears late' });
    await bob.capture(tpId(2, 1), { note: 'coupon field hidden' });
    for (const m of [alice, bob, alice]) {
      await m.sync(backend);
      expect(m.state.lastError).toBeNull();
    }
    expect((await alice.touchpoint(tpId(2, 1)))?.note).toBe('coupon field hidden');
    expect((await bob.touchpoint(tpId(1, 1)))?.note).toBe('fee appears late');
    const files = (await readdir(join(dav.dataDir, 'members'))).filter((f) => !f.startsWith('.'));
    expect(files.sort()).toEqual([`${alice.memberId}.waymark.json`, `${bob.memberId}.waymark.json`]);
    expect(await alice.sync(backend)).toMatchObject({ read: 0, wrote: false });
  });

  it('answers 412 to a write against a stale ETag or onto an existing file with If-None-Match: *', async () => {
    const name = 'race.waymark.json';
    const first = await backend.write(name, '{"v":1}', { ifNoneMatch: '*' });
    expect(first).toMatchObject({ written: true });
    const etag = first.written ? first.etag : null;
    expect(etag).toMatch(/^"/); // FileETag Digest: strong at once, read back by PROPFIND (PUT replies carry none)
    expect(await backend.write(name, '{"v":2}', { ifNoneMatch: '*' })).toEqual({ written: false, reason: 'changed' });
    expect(await backend.write(name, '{"v":2}', { ifMatch: etag! })).toMatchObject({ written: true });
    expect(await backend.write(name, '{"v":3}', { ifMatch: etag! })).toEqual({ written: false, reason: 'changed' });
    expect((await backend.read(name))?.text).toBe('{"v":2}');
  });

  it('reports a wrong password as such, and a missing team folder as such', async () => {
    const alice = await member('Alice', 1);
    await alice.capture(tpId(1, 1));
    await alice.sync(createWebDavBackend({ url: dav.url, user: dav.user, password: 'not-it' }));
    expect(alice.state.lastError).toMatchObject({ code: 'unauthorized' });
    await alice.sync(createWebDavBackend({ url: `${dav.url}no-such-folder/`, user: dav.user, password: dav.password }));
    expect(alice.state.lastError).toMatchObject({ code: 'folder-not-found' });
    await expect(
      createWebDavBackend({ url: `${dav.url}no/such/`, user: dav.user, password: dav.password }).ensureFolder(),
    ).rejects.toMatchObject({ code: 'folder-not-found' });
  });

  it('says the server is unreachable when it stops mid-sync, loses nothing, and the next sync completes', async () => {
    const [alice, bob] = [await member('Alice', 1), await member('Bob', 2)];
    await bob.capture(tpId(2, 1));
    await bob.sync(backend);
    await alice.capture(tpId(1, 1));
    const stopping: SyncBackend = {
      ...backend,
      async read(name) {
        await dav.stop(); // the server goes away between the listing and the read
        return backend.read(name);
      },
    };
    await alice.sync(stopping);
    expect(alice.state.lastError?.code).toBe('unreachable');
    expect(alice.state.lastError?.message).toMatch(/could not be reached/);
    expect(await alice.touchpointCount()).toBe(1);
    await dav.start();
    await alice.sync(backend);
    expect(alice.state.lastError).toBeNull();
    expect(await alice.touchpoint(tpId(2, 1))).toBeDefined();
    await bob.sync(backend);
    expect(await bob.touchpoint(tpId(1, 1))).toBeDefined();
  });

  it('with a team passphrase, no planted note text is in any file on the server', async () => {
    const [alice, bob] = [
      await member('Alice', 1, createSealer('our team phrase')),
      await member('Bob', 2, createSealer('our team phrase')),
    ];
    await alice.capture(tpId(1, 1), { note: 'PLANTED-4242 confidential remark' });
    await alice.sync(backend);
    await bob.sync(backend);
    expect((await bob.touchpoint(tpId(1, 1)))?.note).toBe('PLANTED-4242 confidential remark');
    for (const file of await readdir(join(dav.dataDir, 'members'))) {
      expect(await readFile(join(dav.dataDir, 'members', file), 'utf8')).not.toContain('PLANTED-4242');
    }
  });

  it("syncs screenshots only for a study that allows it: B receives A's image bytes, sealed on the server when encrypted", async () => {
    const team = async (folder: string) => {
      expect((await davRequest(dav, 'MKCOL', folder)).status).toBe(201);
      const teamBackend = createWebDavBackend({ url: `${dav.url}${folder}`, user: dav.user, password: dav.password });
      await teamBackend.ensureFolder();
      return { backend: teamBackend, dir: join(dav.dataDir, folder) };
    };
    const listScreenshots = (dir: string) => readdir(join(dir, 'screenshots')).catch(() => null);

    // A study that does not allow it (the default): nothing under screenshots/.
    const off = await team('shots-off/');
    const [a1, b1] = [await member('Alice', 11), await member('Bob', 12)];
    await captureWithScreenshot(a1, tpId(11, 1), studyFor('Alice', 11, false), imageBytes('off'));
    for (const m of [a1, b1]) await m.sync(off.backend);
    expect(await listScreenshots(off.dir)).toBeNull();
    expect(await storedImage(b1, tpId(11, 1))).toBeNull();

    // A study that allows it: Bob receives Alice's bytes; a routine sync moves no image.
    const on = await team('shots-on/');
    const [a2, b2] = [await member('Alice', 13), await member('Bob', 14)];
    const bytes = imageBytes('on', 50_000);
    await captureWithScreenshot(a2, tpId(13, 1), studyFor('Alice', 13, true), bytes);
    expect((await a2.sync(on.backend)).screenshots.uploaded).toBe(1);
    expect((await b2.sync(on.backend)).screenshots.downloaded).toBe(1);
    expect(a2.state.lastError).toBeNull();
    expect(b2.state.lastError).toBeNull();
    expect(await storedImage(b2, tpId(13, 1))).toEqual(bytes);
    expect(new Uint8Array(await readFile(join(on.dir, 'screenshots', `${tpId(13, 1)}.webp`)))).toEqual(bytes);
    expect((await b2.sync(on.backend)).screenshots).toEqual({ uploaded: 0, downloaded: 0, skipped: [] });
    // The image never changes: a second PUT is refused by If-None-Match: * and counts as there.
    expect(await on.backend.writeImage(`${tpId(13, 1)}.webp`, imageBytes('other'))).toBe('exists');

    // Encrypted: the server holds a sealed envelope, not the image; Bob opens it.
    const sealed = await team('shots-sealed/');
    const [a3, b3] = [
      await member('Alice', 15, createSealer('our team phrase')),
      await member('Bob', 16, createSealer('our team phrase')),
    ];
    await captureWithScreenshot(a3, tpId(15, 1), studyFor('Alice', 15, true), bytes);
    for (const m of [a3, b3]) await m.sync(sealed.backend);
    const onServer = new Uint8Array(await readFile(join(sealed.dir, 'screenshots', `${tpId(15, 1)}.webp`)));
    expect(looksSealedBytes(onServer)).toBe(true);
    expect(Buffer.from(onServer).includes(Buffer.from(bytes.slice(0, 64)))).toBe(false);
    expect(await storedImage(b3, tpId(15, 1))).toEqual(bytes);
  });
});

describe.skipIf(!apacheAvailable())('WebDAV sync against Apache with its default (weak-at-first) ETags', () => {
  let dav: ApacheDav;

  beforeAll(async () => {
    dav = await startApacheDav({ fileEtag: 'MTime Size' });
  });
  afterAll(async () => {
    await dav?.dispose();
  });

  it('retries shortly when a write right after a write is refused for its weak ETag, and lands', async () => {
    const backend = createWebDavBackend({ url: dav.url, user: dav.user, password: dav.password });
    await backend.ensureFolder();
    const alice = await makeMember('Alice', 1);
    try {
      await alice.capture(tpId(1, 1));
      await alice.sync(backend);
      await alice.capture(tpId(1, 2)); // within the second: the listed ETag is still weak
      const report = await alice.sync(backend);
      expect(alice.state.lastError).toBeNull();
      expect(report.wrote).toBe(true);
      const onServer = JSON.parse((await backend.read(`${alice.memberId}.waymark.json`))!.text);
      expect(onServer.touchpoints).toHaveLength(2);
    } finally {
      await alice.dispose();
    }
  });
});
