import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportFile } from '@/lib/model/export-file';
import { type DemoServer, startDemoServer } from '../../scripts/demo-server';
import { E2E_EXTENSION_DIR, launchWaymark, type WaymarkBrowser } from '../../scripts/driver/launch';
import { WaymarkDriver } from '../../scripts/driver/waymark';

describe('a researcher captures a journey and exports it', () => {
  let demo: DemoServer;
  let browser: WaymarkBrowser;
  let downloads: string;
  let waymark: WaymarkDriver;

  beforeAll(async () => {
    demo = await startDemoServer({ slowMs: 200 });
    downloads = await mkdtemp(join(tmpdir(), 'waymark-downloads-'));
    browser = await launchWaymark({ extensionDir: E2E_EXTENSION_DIR, downloadsPath: downloads });
    waymark = new WaymarkDriver(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
    await rm(downloads, { recursive: true, force: true });
  });

  it('tags two elements on two pages, survives a killed worker, and exports both', async () => {
    const shop = await browser.context.newPage();
    await shop.goto(`${demo.origin}/product.html?id=monstera&utm_source=newsletter`);
    const popup = await waymark.openPopup(shop);
    await waymark.startJourney(popup, 'Buy a Monstera');

    await waymark.tagElement(popup, shop, '#add-to-cart', { emotion: 1, effort: 2, note: 'Clear call to action' });

    // MV3 kills idle workers; nothing acknowledged may be lost.
    await waymark.killWorker(shop);

    await shop.goto(`${demo.origin}/cart.html`);
    await popup.reload();
    await waymark.tagElement(popup, shop, '#delivery-fee', { emotion: -2, effort: 6, note: 'Surprise fee' });

    await popup.reload();
    await expect.poll(() => popup.locator('.wm-touchpoint').count()).toBe(2);

    const { fileName, json } = await waymark.exportJson(popup, downloads);
    expect(fileName).toMatch(/^waymark-buy-a-monstera-\d{4}-\d{2}-\d{2}\.json$/);
    const file = ExportFile.parse(json);
    expect(file.journeys).toHaveLength(1);
    expect(file.journeys[0]?.title).toBe('Buy a Monstera');
    expect(file.touchpoints.map((tp) => [tp.emotion, tp.effort, tp.note])).toEqual([
      [1, 2, 'Clear call to action'],
      [-2, 6, 'Surprise fee'],
    ]);
    const [first, second] = file.touchpoints;
    const check = await browser.context.newPage();
    await check.goto(`${demo.origin}/product.html?id=monstera`);
    expect(
      await check.evaluate(
        (sel) => document.querySelectorAll(sel).length === 1 && document.querySelector(sel)?.id,
        first?.anchor.selector ?? '',
      ),
    ).toBe('add-to-cart');
    expect(first?.anchor.quote.exact).toBe('Add to cart');
    expect(first?.url).toBe(`${demo.origin}/product.html?id=monstera`);
    expect(first?.pageTitle).toBe('Monstera Deliciosa – Fern & Field');
    expect(second?.anchor.quote.exact).toContain('delivery fee');
    expect(second?.url).toBe(`${demo.origin}/cart.html`);
  });
});
