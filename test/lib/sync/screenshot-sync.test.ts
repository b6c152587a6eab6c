import { access, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SyncBackend } from '@/lib/sync/backend';
import { createSealer, looksSealedBytes } from '@/lib/sync/seal';
import { captureWithScreenshot, imageBytes, storedImage, studyFor } from './screenshots';
import { tick, tpId, withTeamFolder } from './team';

let dir: string;
let folder: SyncBackend;
const member = withTeamFolder('waymark-shots-', (d, f) => {
  dir = d;
  folder = f;
});

/** The folder backend, counting the image calls made through it. */
function counting(inner: SyncBackend): SyncBackend & { imageCalls: string[] } {
  const imageCalls: string[] = [];
  return {
    ...inner,
    imageCalls,
    listImages() {
      imageCalls.push('list');
      return inner.listImages();
    },
    readImage(name) {
      imageCalls.push(`read ${name}`);
      return inner.readImage(name);
    },
    writeImage(name, bytes) {
      imageCalls.push(`write ${name}`);
      return inner.writeImage(name, bytes);
    },
  };
}

const shotFile = (id: string) => join(dir, 'screenshots', `${id}.webp`);
const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

describe('screenshot sync through a folder', () => {
  it("uploads the owner's image when the study allows it, a teammate receives the bytes, and a routine sync moves no image", async () => {
    const [alice, bob] = [await member('Alice', 1), await member('Bob', 2)];
    const bytes = imageBytes('alice-1');
    await captureWithScreenshot(alice, tpId(1, 1), studyFor('Alice', 1, true), bytes);
    const first = await alice.sync(folder);
    expect(first.screenshots).toEqual({ uploaded: 1, downloaded: 0, skipped: [] });
    expect(new Uint8Array(await readFile(shotFile(tpId(1, 1))))).toEqual(bytes);

    const bobReport = await bob.sync(folder);
    expect(bobReport.screenshots).toMatchObject({ uploaded: 0, downloaded: 1 });
    expect(await storedImage(bob, tpId(1, 1))).toEqual(bytes);
    expect((await bob.db.get('screenshots', tpId(1, 1)))?.meta.path).toBe(`screenshots/${tpId(1, 1)}.webp`);

    const [a, b] = [counting(folder), counting(folder)];
    await alice.sync(a);
    await bob.sync(b);
    expect([a.imageCalls, b.imageCalls]).toEqual([[], []]);
  });

  it('sends nothing, and makes no screenshots folder, for a study that does not allow it (the default)', async () => {
    const [alice, bob] = [await member('Alice', 1), await member('Bob', 2)];
    await captureWithScreenshot(alice, tpId(1, 1), studyFor('Alice', 1, false), imageBytes('private'));
    const counted = counting(folder);
    expect((await alice.sync(counted)).screenshots.uploaded).toBe(0);
    expect(counted.imageCalls).toEqual([]);
    expect(await exists(join(dir, 'screenshots'))).toBe(false);
    await bob.sync(folder);
    expect((await bob.touchpoint(tpId(1, 1)))?.screenshot).not.toBeNull(); // the description travels, the image does not
    expect(await storedImage(bob, tpId(1, 1))).toBeNull();
  });

  it('stops new uploads when the study turns it off; images already in the folder stay', async () => {
    const alice = await member('Alice', 1);
    const study = studyFor('Alice', 1, true);
    await captureWithScreenshot(alice, tpId(1, 1), study, imageBytes('one'));
    await alice.sync(folder);
    const off = { ...study, syncScreenshots: false, updatedAt: tick() };
    await captureWithScreenshot(alice, tpId(1, 2), off, imageBytes('two'));
    expect((await alice.sync(folder)).screenshots.uploaded).toBe(0);
    expect((await readdir(join(dir, 'screenshots'))).sort()).toEqual([`${tpId(1, 1)}.webp`]);
  });

  it('with a team passphrase, stores sealed bytes that only teammates with the passphrase open', async () => {
    const [alice, bob] = [
      await member('Alice', 1, createSealer('team phrase')),
      await member('Bob', 2, createSealer('team phrase')),
    ];
    const bytes = imageBytes('secret');
    await captureWithScreenshot(alice, tpId(1, 1), studyFor('Alice', 1, true), bytes);
    await alice.sync(folder);
    const onDisk = new Uint8Array(await readFile(shotFile(tpId(1, 1))));
    expect(looksSealedBytes(onDisk)).toBe(true);
    expect(Buffer.from(onDisk).toString('latin1')).not.toContain('PLANTED-IMAGE');
    await bob.sync(folder);
    expect(await storedImage(bob, tpId(1, 1))).toEqual(bytes);
  });

  it('skips an image over the size cap with a note, keeps it local, and does not try it again', async () => {
    const [alice, bob] = [await member('Alice', 1), await member('Bob', 2)];
    alice.maxScreenshotBytes = 1_000;
    await captureWithScreenshot(alice, tpId(1, 1), studyFor('Alice', 1, true), imageBytes('big', 2_000));
    const report = await alice.sync(folder);
    expect(report.screenshots.uploaded).toBe(0);
    expect(report.screenshots.skipped).toEqual([{ touchpointId: tpId(1, 1), reason: expect.stringMatching(/larger than/) }]);
    expect(alice.state.skippedScreenshots).toHaveLength(1);
    expect(alice.state.lastError).toBeNull();
    const counted = counting(folder);
    await alice.sync(counted);
    expect(counted.imageCalls).toEqual([]);
    expect(await storedImage(alice, tpId(1, 1))).not.toBeNull();
    await bob.sync(folder);
    expect(await storedImage(bob, tpId(1, 1))).toBeNull();
  });

  it("ignores a teammate touchpoint whose screenshot names another touchpoint's file", async () => {
    const [alice, bob] = [await member('Alice', 1), await member('Bob', 2)];
    await captureWithScreenshot(alice, tpId(1, 1), studyFor('Alice', 1, true), imageBytes('real'));
    await alice.sync(folder);
    const tp = await alice.touchpoint(tpId(1, 1));
    await alice.capture(tpId(1, 2), { screenshot: tp!.screenshot }); // points at tp 1's image
    await alice.sync(folder);
    const report = await bob.sync(folder);
    expect(report.screenshots.downloaded).toBe(1);
    expect(await storedImage(bob, tpId(1, 2))).toBeNull();
  });
});
