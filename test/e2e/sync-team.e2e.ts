import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../scripts/demo-server';
import { launchChromiumStory } from '../../scripts/driver/chromium-story';
import type { StoryTab, WaymarkStoryDriver } from '../../scripts/driver/story';
import { type ApacheDav, apacheAvailable, davRequest, startApacheDav } from '../webdav/apache';

/** Sets the researcher's name and team sync up on the journeys page, as a researcher does. */
async function joinTeam(page: StoryTab, name: string, dav: ApacheDav): Promise<void> {
  await page.fill('input[name="author"]', name);
  await page.evaluate(() => (document.querySelector('input[name="author"]') as HTMLInputElement).form?.requestSubmit(), null);
  await page.fill('input[name="syncUrl"]', dav.url);
  await page.fill('input[name="syncUser"]', dav.user);
  await page.fill('input[name="syncPassword"]', dav.password);
  await page.evaluate(() => (document.querySelector('[data-action="sync-save"]') as HTMLButtonElement).click(), null);
  await expect.poll(() => page.count('[data-sync-last]'), { timeout: 20_000 }).toBe(1);
}

/** Clicks a button of the Team sync panel and waits until the panel is ready again. */
async function clickAndWait(page: StoryTab, action: 'sync-now' | 'sync-save'): Promise<void> {
  await page.evaluate((a) => (document.querySelector(`[data-action="${a}"]`) as HTMLButtonElement).click(), action);
  await expect
    .poll(() => page.evaluate((a) => !document.querySelector(`[data-action="${a}"][disabled]`), action), { timeout: 20_000 })
    .toBe(true);
}

const syncNow = (page: StoryTab) => clickAndWait(page, 'sync-now');

/** The text of the first element matching `selector` on `page`, as the user reads it ('' if none). */
const textOf = (page: StoryTab, selector: string) => page.evaluate((s) => document.querySelector(s)?.textContent ?? '', selector);

/** "Changes waiting to sync" as the panel shows it. */
const pendingOf = (page: StoryTab) =>
  page.evaluate(() => Number(document.querySelector('[data-sync-pending]')?.getAttribute('data-sync-pending') ?? -1), null);

interface StoredTouchpoint {
  id: string;
  journeyId: string;
  note: string;
}

/** The touchpoints and journeys in a researcher's browser. */
async function storedRecords(
  researcher: WaymarkStoryDriver,
): Promise<{ touchpoints: StoredTouchpoint[]; journeys: { id: string }[] }> {
  const { touchpoints, journeys } = JSON.parse(await researcher.dumpDatabase());
  return { touchpoints, journeys };
}

/** The journey map of `journeyId`, opened as a tab of `researcher`'s browser once it shows its cards. */
async function openMap(researcher: WaymarkStoryDriver, journeyId: string): Promise<StoryTab> {
  const map = await researcher.openPage(researcher.popupUrl.replace(/popup\.html$/, `map.html?journey=${journeyId}`));
  await expect.poll(() => map.count('.wm-map-page[aria-busy="false"] .wm-map-card')).toBeGreaterThan(0);
  return map;
}

/** The map cards' text, one string a card. */
const mapCards = (map: StoryTab) =>
  map.evaluate(() => Array.from(document.querySelectorAll('.wm-map-card'), (card) => card.textContent ?? ''), null);

/** On the journey map: "Edit" on the card with the note `from`, the note changed to `to`, "Save". */
async function editNoteOnMap(map: StoryTab, from: string, to: string): Promise<void> {
  await map.evaluate((note) => {
    const card = Array.from(document.querySelectorAll('.wm-map-card')).find((c) => c.textContent?.includes(note));
    if (!card) throw new Error(`No card with the note ${note}`);
    (card.querySelector('[data-action="edit"]') as HTMLButtonElement).click();
  }, from);
  await map.fill('.wm-editor textarea[name="note"]', to);
  await map.evaluate(
    () => (document.querySelector('.wm-editor [data-action="save-touchpoint"]') as HTMLButtonElement).click(),
    null,
  );
  await expect.poll(() => mapCards(map)).toEqual(expect.arrayContaining([expect.stringContaining(to)]));
}

/** Every file under `dir`, recursively. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Two researchers in two browser profiles capture on the demo shop and sync through a real Apache WebDAV server. */
describe.skipIf(!apacheAvailable())('in Chromium, two researchers sync through a WebDAV folder', () => {
  let demo: DemoServer;
  let dav: ApacheDav;
  let alice: WaymarkStoryDriver;
  let bob: WaymarkStoryDriver;
  let carol: WaymarkStoryDriver | undefined;
  let alicePage: StoryTab;
  let bobPage: StoryTab;

  beforeAll(async () => {
    demo = await startDemoServer();
    dav = await startApacheDav();
    alice = await launchChromiumStory();
    bob = await launchChromiumStory();
  });
  afterAll(async () => {
    await alice?.close();
    await bob?.close();
    await carol?.close();
    await dav?.dispose();
    await demo?.close();
  });

  it("each sees the other's touchpoints", async () => {
    alicePage = await alice.openJourneysPage();
    bobPage = await bob.openJourneysPage();
    await joinTeam(alicePage, 'Alice', dav);
    await joinTeam(bobPage, 'Bob', dav);

    const shop = await alice.openPage(`${demo.origin}/product.html?id=monstera`);
    const popup = await alice.openPopup(shop);
    await alice.startJourney(popup, 'Alice on the shop');
    await alice.tagElement(popup, shop, '#add-to-cart', { emotion: 2, effort: 1, note: 'Alice: clear button' });

    const bobShop = await bob.openPage(`${demo.origin}/cart.html`);
    const bobPopup = await bob.openPopup(bobShop);
    await bob.startJourney(bobPopup, 'Bob on the cart');
    await bob.tagElement(bobPopup, bobShop, '#delivery-fee', { emotion: -2, effort: 6, note: 'Bob: surprise fee' });

    await alicePage.reload();
    await syncNow(alicePage);
    await bobPage.reload();
    await syncNow(bobPage);
    await alicePage.reload();
    await syncNow(alicePage);

    expect(await bob.dumpDatabase()).toContain('Alice: clear button');
    expect(await alice.dumpDatabase()).toContain('Bob: surprise fee');
    await bobPage.reload();
    await expect
      .poll(() => bobPage.evaluate(() => Array.from(document.querySelectorAll('.wm-title'), (el) => el.textContent), null))
      .toEqual(expect.arrayContaining(['Alice on the shop', 'Bob on the cart']));
    expect(await textOf(alicePage, '[data-member]')).toContain('Bob');
  });

  it('reports a wrong password as such, and syncs again once it is corrected', async () => {
    await alicePage.fill('input[name="syncPassword"]', 'not-the-password');
    await clickAndWait(alicePage, 'sync-save');
    await expect.poll(() => alicePage.count('[data-sync-error="unauthorized"]'), { timeout: 20_000 }).toBe(1);
    expect(await textOf(alicePage, '[data-sync-error]')).toContain('Wrong user name or app password');

    await alicePage.fill('input[name="syncPassword"]', dav.password);
    await clickAndWait(alicePage, 'sync-save');
    await expect.poll(() => alicePage.count('[data-sync-error]'), { timeout: 20_000 }).toBe(0);
  });

  it('both edit the same touchpoint: the later edit wins on both after they sync', async () => {
    const shared = (await storedRecords(bob)).touchpoints.find((t) => t.note === 'Alice: clear button');
    expect(shared).toBeDefined();
    const aliceMap = await openMap(alice, shared!.journeyId);
    const bobMap = await openMap(bob, shared!.journeyId);
    await editNoteOnMap(aliceMap, 'Alice: clear button', 'Alice (earlier edit): label could be bigger');
    await editNoteOnMap(bobMap, 'Alice: clear button', 'Bob (later edit): label is fine');

    await syncNow(alicePage);
    await syncNow(bobPage);
    await syncNow(alicePage);

    for (const [researcher, map] of [
      [alice, aliceMap],
      [bob, bobMap],
    ] as const) {
      const stored = (await storedRecords(researcher)).touchpoints.find((t) => t.id === shared!.id);
      expect(stored?.note).toBe('Bob (later edit): label is fine');
      await map.reload();
      await expect
        .poll(() => mapCards(map))
        .toEqual(expect.arrayContaining([expect.stringContaining('Bob (later edit): label is fine')]));
      expect((await mapCards(map)).join('\n')).not.toContain('Alice (earlier edit)');
    }
  });

  it('a third researcher who joins later receives every journey and touchpoint', async () => {
    carol = await launchChromiumStory();
    const carolPage = await carol.openJourneysPage();
    await joinTeam(carolPage, 'Carol', dav);
    await expect.poll(() => carolPage.count('[data-sync-error]')).toBe(0);

    const ids = (records: { id: string }[]) => records.map((r) => r.id).sort();
    const [everyone, received] = [await storedRecords(alice), await storedRecords(carol)];
    expect(everyone.touchpoints.length).toBeGreaterThanOrEqual(2);
    expect(ids(received.touchpoints)).toEqual(ids(everyone.touchpoints));
    expect(ids(received.journeys)).toEqual(ids(everyone.journeys));
    expect(received.touchpoints.map((t) => t.note)).toEqual(
      expect.arrayContaining(['Bob (later edit): label is fine', 'Bob: surprise fee']),
    );

    await carolPage.reload();
    await expect
      .poll(() => carolPage.evaluate(() => Array.from(document.querySelectorAll('.wm-title'), (el) => el.textContent), null))
      .toEqual(expect.arrayContaining(['Alice on the shop', 'Bob on the cart']));
    const team = await textOf(carolPage, '.wm-sync-members');
    expect(team).toContain('Alice');
    expect(team).toContain('Bob');
  });

  it('with the server down, sync says it is unreachable and loses nothing; once it is back, the next sync completes', async () => {
    const shop = await alice.openPage(`${demo.origin}/product.html?id=monstera&visit=offline`);
    const popup = await alice.openPopup(shop);
    await alice.tagElement(popup, shop, '#price', { emotion: -1, effort: 3, note: 'Alice: captured while the server was down' });

    await dav.stop();
    await alicePage.reload();
    await syncNow(alicePage);
    await expect.poll(() => alicePage.count('[data-sync-error="unreachable"]')).toBe(1);
    expect(await textOf(alicePage, '[data-sync-error]')).toContain('The server could not be reached');
    expect(await pendingOf(alicePage)).toBeGreaterThan(0);
    expect(await alice.dumpDatabase()).toContain('Alice: captured while the server was down');

    await dav.start(); // the same port and folder
    await syncNow(alicePage);
    await expect.poll(() => alicePage.count('[data-sync-error]')).toBe(0);
    expect(await pendingOf(alicePage)).toBe(0);
    await syncNow(bobPage);
    expect(await bob.dumpDatabase()).toContain('Alice: captured while the server was down');
  });

  it('skips a hostile file dropped into the team folder, names it and says why, and syncs the rest', async () => {
    // A teammate's real file, made hostile: the same records with a `__proto__` key, or with 200 KB notes.
    const files = await filesUnder(join(dav.dataDir, 'members'));
    const texts = await Promise.all(files.map((path) => readFile(path, 'utf8')));
    const valid = JSON.parse(texts.find((text) => text.includes('Bob: surprise fee'))!);
    const hostile = [
      { name: 'mallory.waymark.json', body: 'this is not JSON {', reason: 'This file is not valid JSON' },
      {
        name: 'eve.waymark.json',
        body: JSON.stringify(valid).replace(/^\{/, '{"__proto__":{"polluted":true},'),
        reason: '"__proto__" is not allowed as a field name',
      },
      {
        name: 'oscar.waymark.json',
        body: JSON.stringify({
          ...valid,
          touchpoints: valid.touchpoints.map((t: object) => ({ ...t, note: 'x'.repeat(200_000) })),
        }),
        reason: 'touchpoints[0].note: has 200,000 characters',
      },
    ];
    for (const file of hostile) {
      expect((await davRequest(dav, 'PUT', `members/${file.name}`, file.body)).status).toBe(201);
    }

    const bobShop = await bob.openPage(`${demo.origin}/cart.html?visit=hostile-files`);
    const bobPopup = await bob.openPopup(bobShop);
    await bob.tagElement(bobPopup, bobShop, '#total', { emotion: 0, effort: 2, note: 'Bob: total after the hostile files' });
    await syncNow(bobPage);
    await alicePage.reload();
    await syncNow(alicePage);

    for (const file of hostile) {
      const shown = await textOf(alicePage, `[data-member="${file.name}"][data-rejected="true"]`);
      expect(shown).toContain(`Skipped ${file.name}`);
      expect(shown).toContain(file.reason);
    }
    expect(await alicePage.count('[data-sync-error]')).toBe(0);
    expect(await alice.dumpDatabase()).toContain('Bob: total after the hostile files');
    expect(await alice.dumpDatabase()).not.toContain('x'.repeat(20_000));
  });

  it('with a team passphrase, no planted note text is in any file on the server', async () => {
    const sealedUrl = `${dav.url}sealed-team/`;
    expect((await davRequest(dav, 'MKCOL', 'sealed-team/')).status).toBe(201);
    for (const page of [alicePage, bobPage]) {
      await page.fill('input[name="syncUrl"]', sealedUrl);
      await page.fill('input[name="syncPassword"]', dav.password);
      await page.evaluate(() => (document.querySelector('input[name="syncEncrypt"]') as HTMLInputElement).click(), null);
      await page.fill('input[name="syncPassphrase"]', 'our shared team phrase');
      await clickAndWait(page, 'sync-save');
      await expect.poll(() => page.count('[data-sync-error]')).toBe(0);
    }

    const shop = await alice.openPage(`${demo.origin}/product.html?id=monstera&visit=sealed`);
    const popup = await alice.openPopup(shop);
    await alice.tagElement(popup, shop, '#description', { emotion: 1, effort: 2, note: 'PLANTED-7319 confidential remark' });
    await syncNow(alicePage);
    await syncNow(bobPage);
    expect(await bob.dumpDatabase()).toContain('PLANTED-7319 confidential remark');
    expect(await bobPage.count('[data-sync-error]')).toBe(0);

    const sealed = (await readdir(join(dav.dataDir, 'sealed-team', 'members'))).filter((name) => !name.startsWith('.'));
    expect(sealed).toHaveLength(2);
    for (const name of sealed) {
      const text = await readFile(join(dav.dataDir, 'sealed-team', 'members', name), 'utf8');
      expect(text).toMatch(/^\s*\{\s*"format"\s*:\s*"waymark-sealed"/);
      expect(text).not.toContain('Alice on the shop'); // nor a journey title
    }
    for (const path of await filesUnder(dav.dataDir)) {
      expect(await readFile(path, 'utf8'), path).not.toContain('PLANTED-7319');
    }
  });
});
