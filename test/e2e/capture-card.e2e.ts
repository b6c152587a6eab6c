import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportFile } from '@/lib/model/export-file';
import { type DemoServer, startDemoServer } from '../../scripts/demo-server';
import { launchChromiumStory } from '../../scripts/driver/chromium-story';
import { launchFirefoxStory } from '../../scripts/driver/firefox-story';
import type { StoryTab, WaymarkStoryDriver } from '../../scripts/driver/story';

const browsers = [
  { browser: 'Chromium', launch: launchChromiumStory },
  { browser: 'Firefox', launch: launchFirefoxStory },
];

describe.each(browsers)('in $browser, the capture card on a live page', ({ launch }) => {
  let demo: DemoServer;
  let waymark: WaymarkStoryDriver;
  let popup: StoryTab;

  beforeAll(async () => {
    demo = await startDemoServer({ slowMs: 100 });
    waymark = await launch();
  });

  afterAll(async () => {
    await waymark?.close();
    await demo?.close();
  });

  it('cancels with Escape in the picker and on the card, saving nothing', async () => {
    const shop = await waymark.openPage(`${demo.origin}/`);
    popup = await waymark.openPopup(shop);
    await waymark.startJourney(popup, 'Escape hatch');

    await waymark.clickTagElement(popup);
    await waymark.waitForPicker(shop);
    await shop.press('Escape');
    await expect.poll(() => shop.count('waymark-capture')).toBe(0);

    await waymark.pickElement(popup, shop, '#promo');
    await waymark.rate(shop, { emotion: 0, effort: 3 });
    await shop.press('Escape');
    await expect.poll(() => shop.count('waymark-capture')).toBe(0);

    await popup.reload();
    expect(await popup.count('.wm-touchpoint')).toBe(0);
    // The click that picked the element did not reach the page: no navigation.
    expect(new URL(await shop.url()).pathname).toBe('/');
  });

  it('asks for both ratings before saving', async () => {
    const shop = await waymark.openPage(`${demo.origin}/cart.html`);
    popup = await waymark.openPopup(shop);
    await waymark.pickElement(popup, shop, '#total');
    await shop.press('Digit2');
    await shop.press('Enter');
    await expect(waymark.cardMessage(shop, 'alert')).resolves.toContain('Choose an emotion and an effort first.');
    await shop.press('Shift+Digit4');
    await shop.press('Enter');
    await waymark.cardMessage(shop, 'status', 'Touchpoint saved');
    // The confirmation stays a moment, then the card goes away by itself.
    await expect.poll(() => shop.count('waymark-capture'), { timeout: 5_000 }).toBe(0);
  });

  it('never stores what the shopper typed into the checkout form', async () => {
    const shop = await waymark.openPage(`${demo.origin}/checkout.html`);
    const secrets = ['jane.doe@example.com', 'hunter2-Secret!', '4242 4242 4242 4242', 'Leave at door 7B'];
    await shop.fill('#email', secrets[0]!);
    await shop.fill('#password', secrets[1]!);
    await shop.fill('#card', secrets[2]!);
    await shop.fill('#notes', secrets[3]!);
    popup = await waymark.openPopup(shop);
    await waymark.startJourney(popup, 'Checkout privacy');
    for (const selector of ['form.checkout', '#password', '#notes']) {
      await waymark.tagElement(popup, shop, selector, { emotion: -1, effort: 5 });
    }
    await popup.reload();
    const { json } = await waymark.exportJson(popup);
    const file = ExportFile.parse(json);
    expect(file.touchpoints).toHaveLength(3);
    const text = JSON.stringify(file);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toContain('4242 4242');
    const password = file.touchpoints.find((tp) => tp.anchor.tagName === 'input');
    expect(password?.anchor.quote.exact).toBe('Create a password');

    // Nothing typed is anywhere in the database either.
    const dump = await waymark.dumpDatabase();
    for (const secret of secrets) expect(dump).not.toContain(secret);

    // The screenshot exists, and every field with a typed value is blacked out.
    const shot = password?.screenshot;
    expect(shot?.path).toBe(`screenshots/${password?.id}.webp`);
    const fields = await shop.evaluate(
      (selectors) =>
        selectors.map((sel) => {
          const r = document.querySelector(sel)!.getBoundingClientRect();
          return { left: r.left, top: r.top, width: r.width, height: r.height };
        }),
      ['#email', '#password', '#card', '#notes'],
    );
    const pixels = await waymark.screenshotPixels(password!.id, password!.viewport.width, fields);
    for (const region of pixels) {
      expect(region.total).toBeGreaterThan(100);
      expect(region.black / region.total).toBeGreaterThan(0.97);
    }
    const outside = await waymark.screenshotPixels(password!.id, password!.viewport.width, [
      { left: 0, top: 0, width: 300, height: 40 },
    ]);
    expect(outside[0]!.black / outside[0]!.total).toBeLessThan(0.5);
  });

  it('explains that browser pages cannot be tagged', async () => {
    // Learn the tab's id while its URL is visible to us, then go where no extension may
    // (`chrome://version` in Chromium, `about:addons` in Firefox).
    const internal = await waymark.openPage(`${demo.origin}/?tab=to-be-internal`);
    const tabId = await waymark.tabIdOf(internal);
    await internal.goto(waymark.internalPageUrl);
    popup = await waymark.openPopupOnTab(tabId);
    await waymark.clickTagElement(popup);
    await expect(waymark.popupAlert(popup)).resolves.toContain("Waymark can't work on this page");
  });

  it('answers malformed and unknown messages with an error, and keeps working', async () => {
    const replies = await waymark.sendMessages([
      'hello',
      { type: 'journey.drop', payload: {} },
      { type: 'journey.start', payload: { id: 'nope', title: '' } },
      { type: 'journey.overview', payload: {} },
    ]);
    expect(replies[0]).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(replies[1]).toMatchObject({ ok: false, error: { code: 'unknown-message' } });
    expect(replies[2]).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(replies[3]).toMatchObject({ ok: true });
  });
});
