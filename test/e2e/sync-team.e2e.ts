import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../scripts/demo-server';
import { launchChromiumStory } from '../../scripts/driver/chromium-story';
import type { StoryTab, WaymarkStoryDriver } from '../../scripts/driver/story';
import { type ApacheDav, apacheAvailable, startApacheDav } from '../webdav/apache';

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

async function syncNow(page: StoryTab): Promise<void> {
  await page.evaluate(() => (document.querySelector('[data-action="sync-now"]') as HTMLButtonElement).click(), null);
  await expect
    .poll(() => page.evaluate(() => !document.querySelector('[data-action="sync-now"][disabled]'), null), { timeout: 20_000 })
    .toBe(true);
}

/** Two researchers in two browser profiles capture on the demo shop and sync through a real Apache WebDAV server. */
describe.skipIf(!apacheAvailable())('in Chromium, two researchers sync through a WebDAV folder', () => {
  let demo: DemoServer;
  let dav: ApacheDav;
  let alice: WaymarkStoryDriver;
  let bob: WaymarkStoryDriver;

  beforeAll(async () => {
    demo = await startDemoServer();
    dav = await startApacheDav();
    alice = await launchChromiumStory();
    bob = await launchChromiumStory();
  });
  afterAll(async () => {
    await alice?.close();
    await bob?.close();
    await dav?.dispose();
    await demo?.close();
  });

  it("each sees the other's touchpoints; a wrong password is reported as such", async () => {
    const alicePage = await alice.openJourneysPage();
    const bobPage = await bob.openJourneysPage();
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
    expect(await alicePage.evaluate(() => document.querySelector('[data-member]')?.textContent ?? '', null)).toContain('Bob');

    // A wrong password: the panel says so in plain words.
    await alicePage.fill('input[name="syncPassword"]', 'not-the-password');
    await alicePage.evaluate(() => (document.querySelector('[data-action="sync-save"]') as HTMLButtonElement).click(), null);
    await expect.poll(() => alicePage.count('[data-sync-error="unauthorized"]'), { timeout: 20_000 }).toBe(1);
  });
});
