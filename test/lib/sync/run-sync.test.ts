import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SyncBackend } from '@/lib/sync/backend';
import { createFolderBackend } from '@/lib/sync/folder-backend';
import { MAX_WRITE_ATTEMPTS, RETRY_SHORTLY_MS } from '@/lib/sync/run-sync';
import { createSealer } from '@/lib/sync/seal';
import { nodeDirectoryHandle } from './node-directory';
import { tick, tpId, withTeamFolder } from './team';

let dir: string;
let folder: SyncBackend;
const member = withTeamFolder('waymark-team-', (d, f) => {
  dir = d;
  folder = f;
});

describe('runSync through a folder', () => {
  it("writes only our own member file, and each member receives the others' touchpoints", async () => {
    const [alice, bob] = [await member('Alice', 1), await member('Bob', 2)];
    await alice.capture(tpId(1, 1), { note: 'Alice saw a fee' });
    await bob.capture(tpId(2, 1), { note: 'Bob got lost' });
    expect((await alice.sync(folder)).wrote).toBe(true);
    const bobReport = await bob.sync(folder);
    expect(bobReport).toMatchObject({ read: 1, wrote: true, rejected: [] });
    expect(bobReport.merged?.added).toBe(2); // Alice's journey and touchpoint
    await alice.sync(folder);
    expect(await alice.touchpoint(tpId(2, 1))).toMatchObject({ note: 'Bob got lost' });
    expect(await bob.touchpoint(tpId(1, 1))).toMatchObject({ note: 'Alice saw a fee' });
    expect((await readdir(join(dir, 'members'))).sort()).toEqual([
      `${alice.memberId}.waymark.json`,
      `${bob.memberId}.waymark.json`,
    ]);
    // Bob's file holds Bob's records only: files do not grow with the team.
    const bobFile = JSON.parse(await readFile(join(dir, 'members', `${bob.memberId}.waymark.json`), 'utf8'));
    expect(bobFile.touchpoints.map((t: { id: string }) => t.id)).toEqual([tpId(2, 1)]);
    expect(alice.state.members[`${bob.memberId}.waymark.json`]).toMatchObject({
      authors: ['Bob'],
      touchpoints: 1,
      rejected: null,
    });
  });

  it('reads nothing and writes nothing when nothing changed, and only the changed file after a capture', async () => {
    const [alice, bob] = [await member('Alice', 1), await member('Bob', 2)];
    await alice.capture(tpId(1, 1));
    await bob.capture(tpId(2, 1));
    await alice.sync(folder);
    await bob.sync(folder);
    await alice.sync(folder);
    expect(await alice.sync(folder)).toMatchObject({ read: 0, wrote: false, merged: null });
    await bob.capture(tpId(2, 2));
    expect(await bob.sync(folder)).toMatchObject({ read: 0, wrote: true });
    // Unchanged: Bo's journey, his earlier touchpoint and the (default) study his journey belongs to.
    expect(await alice.sync(folder)).toMatchObject({ read: 1, wrote: false, merged: { added: 1, unchanged: 3 } });
  });

  it('keeps the newer edit on both sides when two members edit the same touchpoint', async () => {
    const [alice, bob] = [await member('Alice', 1), await member('Bob', 2)];
    const tp = await alice.capture(tpId(1, 1), { note: 'first' });
    await alice.sync(folder);
    await bob.sync(folder);
    await alice.db.put('touchpoints', { ...tp, note: 'Alice edit', updatedAt: tick(), author: 'Alice' });
    await bob.db.put('touchpoints', { ...tp, note: 'Bob edit (newer)', updatedAt: tick(), author: 'Bob' });
    for (const m of [alice, bob, alice, bob]) await m.sync(folder);
    expect((await alice.touchpoint(tp.id))?.note).toBe('Bob edit (newer)');
    expect((await bob.touchpoint(tp.id))?.note).toBe('Bob edit (newer)');
    // A third member joining later receives everything.
    const carol = await member('Carol', 3);
    await carol.sync(folder);
    expect((await carol.touchpoint(tp.id))?.note).toBe('Bob edit (newer)');
    expect(await carol.touchpointCount()).toBe(1);
  });

  it('skips a hostile or broken file, naming it and why, and syncs the rest', async () => {
    const [alice, bob] = [await member('Alice', 1), await member('Bob', 2)];
    await alice.capture(tpId(1, 1));
    await alice.sync(folder);
    await writeFile(join(dir, 'members', 'mallory.waymark.json'), '{"format":"waymark","schemaVersion":3,"__proto__":{"x":1}}');
    await writeFile(join(dir, 'members', 'cut.waymark.json'), '{"format":"waymark",');
    await writeFile(join(dir, 'members', 'notes.txt'), 'not a member file');
    const report = await bob.sync(folder);
    expect(report.rejected.map((r) => r.name).sort()).toEqual(['cut.waymark.json', 'mallory.waymark.json']);
    expect(report.rejected.find((r) => r.name === 'mallory.waymark.json')?.reason).toContain('"__proto__" is not allowed');
    expect(report.rejected.find((r) => r.name === 'cut.waymark.json')?.reason).toContain('not valid JSON');
    expect(await bob.touchpoint(tpId(1, 1))).toBeDefined();
    expect(bob.state.lastError).toBeNull();
    expect(bob.state.members['mallory.waymark.json']?.rejected).toContain('__proto__');
    // Unchanged, it is not read again; the reason stays in the status.
    expect((await bob.sync(folder)).rejected).toEqual([]);
    expect(bob.state.members['mallory.waymark.json']?.rejected).toContain('__proto__');
  });

  it('with a team passphrase, writes no plain text and teammates with the passphrase read it', async () => {
    const [alice, bob] = [
      await member('Alice', 1, createSealer('team phrase')),
      await member('Bob', 2, createSealer('team phrase')),
    ];
    await alice.capture(tpId(1, 1), { note: 'PLANTED-7731 secret note', pageTitle: 'PLANTED title' });
    await alice.sync(folder);
    const onDisk = await readFile(join(dir, 'members', `${alice.memberId}.waymark.json`), 'utf8');
    expect(onDisk).not.toContain('PLANTED');
    expect(onDisk).not.toContain('shop.example');
    await bob.sync(folder);
    expect((await bob.touchpoint(tpId(1, 1)))?.note).toBe('PLANTED-7731 secret note');

    const eve = await member('Eve', 5, createSealer('wrong phrase'));
    await eve.capture(tpId(5, 1));
    const report = await eve.sync(folder);
    expect(report.rejected[0]?.reason).toMatch(/passphrase is wrong/);
    expect(eve.state.lastError?.code).toBe('wrong-passphrase');
    expect(report.wrote).toBe(false); // never lock the team out with a file sealed by the wrong passphrase
  });

  it('reports a missing team folder in plain words, backs off, and loses nothing', async () => {
    const alice = await member('Alice', 1);
    await alice.capture(tpId(1, 1));
    const gone = createFolderBackend(nodeDirectoryHandle(join(dir, 'missing')));
    await alice.sync(gone);
    expect(alice.state.lastError?.code).toBe('folder-not-found');
    expect(alice.state.failures).toBe(1);
    expect(alice.state.nextAttemptAt! > alice.state.lastAttemptAt!).toBe(true);
    expect(await alice.touchpointCount()).toBe(1);
    expect((await alice.sync(folder)).wrote).toBe(true);
    expect(alice.state).toMatchObject({ failures: 0, lastError: null, nextAttemptAt: null });
  });
});

/** A backend whose first `n` writes lose a race, as when another browser of ours writes in between. */
function racing(inner: SyncBackend, n: number, meanwhile: () => Promise<void> = async () => {}): SyncBackend {
  let left = n;
  return {
    ...inner,
    async write(name, text, condition) {
      if (left-- > 0) {
        await meanwhile();
        return { written: false, reason: 'changed' };
      }
      return inner.write(name, text, condition);
    },
  };
}

describe('runSync on a lost race (412)', () => {
  it('re-reads, merges what our other browser wrote, and retries', async () => {
    const [laptop, desktop] = [await member('Alice', 1), await member('Alice', 1)];
    await laptop.capture(tpId(1, 1));
    await laptop.sync(folder);
    await desktop.sync(folder);
    await desktop.capture(tpId(1, 2));
    await laptop.capture(tpId(1, 3));
    // The desktop writes its file while the laptop is about to write: the laptop's first write is refused.
    const report = await laptop.sync(racing(folder, 1, async () => void (await desktop.sync(folder))));
    expect(report.retries).toBe(1);
    expect(report.wrote).toBe(true);
    expect(await laptop.touchpoint(tpId(1, 2))).toBeDefined();
    await desktop.sync(folder);
    expect(await desktop.touchpoint(tpId(1, 3))).toBeDefined();
  });

  it('retries shortly when the refused file is still our own last write (a weak ETag)', async () => {
    const alice = await member('Alice', 1);
    await alice.capture(tpId(1, 1));
    await alice.sync(folder);
    await alice.capture(tpId(1, 2));
    const report = await alice.sync(racing(folder, 1));
    expect(report).toMatchObject({ retries: 1, wrote: true });
    expect(alice.sleeps).toEqual([RETRY_SHORTLY_MS]);
  });

  it('gives up after a bounded number of attempts, keeping everything for the next run', async () => {
    const alice = await member('Alice', 1);
    await alice.capture(tpId(1, 1));
    await alice.sync(folder);
    await alice.capture(tpId(1, 2));
    const report = await alice.sync(racing(folder, 99));
    expect(report.retries).toBe(MAX_WRITE_ATTEMPTS);
    expect(alice.state.lastError?.message).toMatch(/kept changing/);
    expect((await alice.sync(folder)).wrote).toBe(true);
  }, 20_000);
});
