import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../scripts/demo-server';
import { launchFirefoxStory } from '../../scripts/driver/firefox-story';
import { E2E_EXTENSION_DIR, launchWaymark } from '../../scripts/driver/launch';
import { evaluateInOffscreen } from '../../scripts/driver/offscreen';
import type { WaymarkStoryDriver } from '../../scripts/driver/story';
import { WaymarkDriver } from '../../scripts/driver/waymark';

const SHOTS = join(process.cwd(), 'test-results', 'sync-folder');

/** A file in the team folder's `members/`. */
interface MemberFile {
  name: string;
  text: string;
}

/** A teammate's file no import would accept: skipped, and named in the panel. */
const HOSTILE: MemberFile = {
  name: 'mallory.waymark.json',
  text: '{"__proto__":{"polluted":true},"journeys":"<img src=x onerror=alert(1)>"}',
};

/**
 * A picker cannot be answered headless: the page's `showDirectoryPicker`
 * returns an OPFS folder instead, a real `FileSystemDirectoryHandle` that
 * IndexedDB stores and the findings host can use. Everything after the pick is the product's own code.
 */
async function answerPickerWithOpfs(page: Page): Promise<void> {
  await page.evaluate(() => {
    Object.assign(window, {
      showDirectoryPicker: async () => (await navigator.storage.getDirectory()).getDirectoryHandle('team', { create: true }),
    });
  });
}

/** The files in this profile's OPFS team folder, as a sync tool would carry them to a teammate. */
function readTeamFolder(page: Page): Promise<MemberFile[]> {
  return page.evaluate(async () => {
    const team = await (await navigator.storage.getDirectory()).getDirectoryHandle('team', { create: true });
    const members = await team.getDirectoryHandle('members', { create: true });
    const files: { name: string; text: string }[] = [];
    for await (const entry of members.values()) {
      if (entry.kind === 'file')
        files.push({ name: entry.name, text: await (await (entry as FileSystemFileHandle).getFile()).text() });
    }
    return files;
  });
}

/** Writes `files` into this profile's OPFS team folder, as the sync tool does when a teammate's file arrives. */
function plantInTeamFolder(page: Page, files: MemberFile[]): Promise<void> {
  return page.evaluate(async (planted) => {
    const team = await (await navigator.storage.getDirectory()).getDirectoryHandle('team', { create: true });
    const members = await team.getDirectoryHandle('members', { create: true });
    for (const file of planted) {
      const writable = await (await members.getFileHandle(file.name, { create: true })).createWritable();
      await writable.write(file.text);
      await writable.close();
    }
  }, files);
}

/** Sets the researcher's name (Settings): it marks the records they share. */
async function setName(page: Page, name: string): Promise<void> {
  await page.fill('input[name="author"]', name);
  await page.evaluate(() => (document.querySelector('input[name="author"]') as HTMLInputElement).form?.requestSubmit());
}

/** Chooses "A folder on this computer" and the folder, as a researcher does; waits for the first sync. */
async function joinWithFolder(page: Page): Promise<void> {
  await page.locator('[data-panel="team-sync"][aria-busy="false"]').waitFor();
  await page.check('input[name="syncKind"][value="folder"]');
  await answerPickerWithOpfs(page);
  await page.click('[data-action="sync-choose-folder"]');
  await expect.poll(() => page.locator('[data-sync-last]').count(), { timeout: 20_000 }).toBe(1);
}

async function syncNow(page: Page): Promise<void> {
  await page.click('[data-action="sync-now"]');
  await page.locator('[data-action="sync-now"]:not([disabled])').waitFor({ timeout: 20_000 });
}

describe('in Chromium, two researchers sync through a folder on their computers', () => {
  let demo: DemoServer;
  let alice: WaymarkDriver;
  let mina: WaymarkDriver;

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    demo = await startDemoServer();
    alice = new WaymarkDriver(await launchWaymark({ extensionDir: E2E_EXTENSION_DIR }));
    mina = new WaymarkDriver(await launchWaymark({ extensionDir: E2E_EXTENSION_DIR, locale: 'fa' }));
  });
  afterAll(async () => {
    await alice?.browser.close();
    await mina?.browser.close();
    await demo?.close();
  });

  it("each merges the other's file from the folder, skips a hostile one by name, and asks again for a dropped permission", async () => {
    const alicePage = await alice.openJourneysPage();
    await setName(alicePage, 'Alice');
    const shop = await alice.browser.context.newPage();
    await shop.goto(`${demo.origin}/product.html?id=monstera`);
    const popup = await alice.openPopup(shop);
    await alice.startJourney(popup, 'Alice in the folder');
    await alice.tagElement(popup, shop, '#add-to-cart', { emotion: 2, effort: 1, note: 'Alice: found it in the folder' });

    // Alice chooses her team folder: Waymark writes her member file there.
    await alicePage.reload();
    await joinWithFolder(alicePage);
    expect(await alicePage.locator('[data-sync-folder="team"]').count()).toBe(1);
    expect(await alicePage.locator('[data-sync-error]').count()).toBe(0);
    const aliceFiles = await readTeamFolder(alicePage);
    expect(aliceFiles).toHaveLength(1);
    expect(aliceFiles[0]!.name).toMatch(/^[0-9a-f-]{36}\.waymark\.json$/);
    expect(aliceFiles[0]!.text).toContain('Alice: found it in the folder');

    // The sync tool carries Alice's file (and a hostile one) into Mina's folder; Mina, in Persian, joins.
    const minaPage = await mina.openJourneysPage();
    await setName(minaPage, 'مینا');
    const minaShop = await mina.browser.context.newPage();
    await minaShop.goto(`${demo.origin}/cart.html`);
    const minaPopup = await mina.openPopup(minaShop);
    await mina.startJourney(minaPopup, 'مینا در سبد خرید');
    await mina.tagElement(minaPopup, minaShop, '#delivery-fee', { emotion: -2, effort: 6, note: 'Mina: هزینهٔ ارسال' });
    await minaPage.reload();
    await plantInTeamFolder(minaPage, [...aliceFiles, HOSTILE]);
    await joinWithFolder(minaPage);
    expect(await mina.dumpDatabase()).toContain('Alice: found it in the folder');
    expect(await minaPage.locator(`[data-member="${aliceFiles[0]!.name}"]`).textContent()).toContain('Alice');
    const skipped = minaPage.locator(`[data-member="${HOSTILE.name}"][data-rejected="true"]`);
    expect(await skipped.textContent()).toContain(HOSTILE.name);
    expect(await minaPage.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await minaPage.locator('[data-panel="team-sync"]').screenshot({ path: join(SHOTS, 'sync-folder-fa.png') });

    // Mina's file travels back: Alice's next sync shows her, and the hostile file by name.
    const minaFiles = (await readTeamFolder(minaPage)).filter((f) => f.name !== HOSTILE.name && f.name !== aliceFiles[0]!.name);
    expect(minaFiles).toHaveLength(1);
    await plantInTeamFolder(alicePage, [...minaFiles, HOSTILE]);
    await syncNow(alicePage);
    expect(await alice.dumpDatabase()).toContain('Mina: هزینهٔ ارسال');
    expect(await alicePage.locator(`[data-member="${minaFiles[0]!.name}"]`).textContent()).toContain('مینا');
    expect(await alicePage.locator(`[data-member="${HOSTILE.name}"][data-rejected="true"]`).count()).toBe(1);
    await alicePage.locator('[data-panel="team-sync"]').screenshot({ path: join(SHOTS, 'sync-folder-en.png') });

    // The browser drops the folder's permission (as Chrome does once Waymark's pages are closed a while):
    // the findings host's `queryPermission` says so, the panel words it and offers to ask again.
    await evaluateInOffscreen(
      alicePage,
      `const proto = FileSystemHandle.prototype;
       proto.realQueryPermission = proto.queryPermission;
       proto.queryPermission = async () => 'prompt';`,
    );
    await syncNow(alicePage);
    await alicePage.locator('[data-sync-error="permission-needed"]').waitFor();
    const allow = alicePage.locator('[data-action="sync-allow-folder"]');
    expect(await allow.count()).toBe(1);
    await alicePage.locator('[data-panel="team-sync"]').screenshot({ path: join(SHOTS, 'sync-folder-permission-en.png') });

    // Access is back (the browser's grant, which "Allow access again" asks for with this click): the sync completes.
    await evaluateInOffscreen(
      alicePage,
      'FileSystemHandle.prototype.queryPermission = FileSystemHandle.prototype.realQueryPermission;',
    );
    await allow.click();
    await expect.poll(() => alicePage.locator('[data-sync-error]').count(), { timeout: 20_000 }).toBe(0);
    expect(await alicePage.locator('[data-action="sync-allow-folder"]').count()).toBe(0);
  });
});

describe('in Firefox, team sync through a folder', () => {
  let firefox: WaymarkStoryDriver;

  beforeAll(async () => {
    firefox = await launchFirefoxStory();
  });
  afterAll(async () => {
    await firefox?.close();
  });

  it('says folders are not available in this browser and keeps WebDAV on offer', async () => {
    const page = await firefox.openJourneysPage();
    await expect.poll(() => page.count('[data-panel="team-sync"][aria-busy="false"]')).toBe(1);
    await page.evaluate(
      () => (document.querySelector('input[name="syncKind"][value="folder"]') as HTMLInputElement).click(),
      null,
    );
    await expect.poll(() => page.count('[data-sync-folder-unsupported]')).toBe(1);
    expect(await page.count('[data-action="sync-choose-folder"]')).toBe(0);
    expect(await page.count('input[name="syncKind"][value="webdav"]')).toBe(1);
    await page.evaluate(
      () => document.querySelector('[data-sync-folder-unsupported]')?.scrollIntoView({ block: 'center' }),
      null,
    );
    await page.screenshot(join(SHOTS, 'firefox-sync-folder-en.png'));
  });
});
