import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportFile } from '@/lib/model/export-file';
import { type DemoServer, startDemoServer } from '../../scripts/demo-server';
import { E2E_EXTENSION_DIR, launchWaymark, type WaymarkBrowser } from '../../scripts/driver/launch';
import { WaymarkDriver } from '../../scripts/driver/waymark';

describe('the capture card on a live page', () => {
  let demo: DemoServer;
  let browser: WaymarkBrowser;
  let downloads: string;
  let waymark: WaymarkDriver;
  let popup: Page;

  beforeAll(async () => {
    demo = await startDemoServer({ slowMs: 100 });
    downloads = await mkdtemp(join(tmpdir(), 'waymark-downloads-'));
    browser = await launchWaymark({ extensionDir: E2E_EXTENSION_DIR, downloadsPath: downloads });
    waymark = new WaymarkDriver(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
    await rm(downloads, { recursive: true, force: true });
  });

  it('cancels with Escape in the picker and on the card, saving nothing', async () => {
    const shop = await browser.context.newPage();
    await shop.goto(`${demo.origin}/`);
    popup = await waymark.openPopup(shop);
    await waymark.startJourney(popup, 'Escape hatch');

    await popup.getByRole('button', { name: 'Tag an element' }).click();
    await shop.locator('waymark-capture .wm-picker-hint').waitFor();
    await shop.keyboard.press('Escape');
    await expect.poll(() => shop.locator('waymark-capture').count()).toBe(0);

    const card = await waymark.pickElement(popup, shop, '#promo');
    await waymark.rate(shop, card, { emotion: 0, effort: 3 });
    await shop.keyboard.press('Escape');
    await expect.poll(() => shop.locator('waymark-capture').count()).toBe(0);

    await popup.reload();
    expect(await popup.locator('.wm-touchpoint').count()).toBe(0);
    // The click that picked the element did not reach the page: no navigation.
    expect(new URL(shop.url()).pathname).toBe('/');
  });

  it('asks for both ratings before saving', async () => {
    const shop = await browser.context.newPage();
    await shop.goto(`${demo.origin}/cart.html`);
    popup = await waymark.openPopup(shop);
    const card = await waymark.pickElement(popup, shop, '#total');
    await shop.keyboard.press('Digit2');
    await shop.keyboard.press('Enter');
    await expect(card.getByRole('alert').textContent()).resolves.toContain('Choose an emotion and an effort first.');
    await shop.keyboard.press('Shift+Digit4');
    await shop.keyboard.press('Enter');
    await card.getByRole('status').filter({ hasText: 'Touchpoint saved' }).waitFor();
    // The confirmation stays a moment, then the card goes away by itself.
    await expect.poll(() => shop.locator('waymark-capture').count(), { timeout: 5_000 }).toBe(0);
  });

  it('never stores what the shopper typed into the checkout form', async () => {
    const shop = await browser.context.newPage();
    await shop.goto(`${demo.origin}/checkout.html`);
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
    const { json } = await waymark.exportJson(popup, downloads);
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
    const fields = await shop.evaluate(() =>
      ['#email', '#password', '#card', '#notes'].map((sel) => {
        const r = document.querySelector(sel)!.getBoundingClientRect();
        return { left: r.left, top: r.top, width: r.width, height: r.height };
      }),
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
    // Learn the tab's id while its URL is visible to us, then go where no extension may.
    const internal = await browser.context.newPage();
    await internal.goto(`${demo.origin}/?tab=to-be-chrome-version`);
    const tabId = await waymark.tabIdOf(internal);
    await internal.goto('chrome://version');
    popup = await browser.context.newPage();
    await popup.goto(`${waymark.popupUrl}?tab=${tabId}`);
    await popup.getByRole('button', { name: 'Tag an element' }).click();
    await expect(popup.getByRole('alert').textContent()).resolves.toContain("Waymark can't work on this page");
  });

  it('answers malformed and unknown messages with an error, and keeps working', async () => {
    const page = await browser.context.newPage();
    await page.goto(waymark.popupUrl);
    const replies = await page.evaluate(async () => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }).chrome
        .runtime;
      return Promise.all([
        runtime.sendMessage('hello'),
        runtime.sendMessage({ type: 'journey.drop', payload: {} }),
        runtime.sendMessage({ type: 'journey.start', payload: { id: 'nope', title: '' } }),
        runtime.sendMessage({ type: 'journey.overview', payload: {} }),
      ]);
    });
    expect(replies[0]).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(replies[1]).toMatchObject({ ok: false, error: { code: 'unknown-message' } });
    expect(replies[2]).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(replies[3]).toMatchObject({ ok: true });
  });
});
