import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../scripts/demo-server';
import { E2E_EXTENSION_DIR, launchWaymark } from '../../scripts/driver/launch';
import { overflowingText, seriousAxeViolations } from '../../scripts/driver/page-checks';
import { WaymarkDriver } from '../../scripts/driver/waymark';

/** Whether every curve point's centre lies inside its stage's column, and the columns run right to left. */
function rtlGeometry(map: Page): Promise<{ pointsInColumns: boolean; firstColumnRightmost: boolean }> {
  return map.evaluate(() => {
    const columns = Array.from(document.querySelectorAll('.wm-column')).map((c) => c.getBoundingClientRect());
    const points = Array.from(document.querySelectorAll<SVGGElement>('.wm-curve-point')).map((point) => {
      const dot = point.querySelector('.wm-curve-dot')!.getBoundingClientRect();
      const column = document.querySelector(`.wm-column[data-stage="${CSS.escape(point.dataset.stage ?? '')}"]`)!;
      const box = column.getBoundingClientRect();
      const x = dot.left + dot.width / 2;
      return x > box.left && x < box.right;
    });
    return {
      pointsInColumns: points.length > 0 && points.every(Boolean),
      firstColumnRightmost: columns.length > 1 && columns[0]!.left > columns[1]!.left,
    };
  });
}

describe('in Chromium, the findings UI in Persian', () => {
  let demo: DemoServer;
  let waymark: WaymarkDriver;

  beforeAll(async () => {
    demo = await startDemoServer();
    waymark = new WaymarkDriver(await launchWaymark({ extensionDir: E2E_EXTENSION_DIR, locale: 'fa' }));
  });

  afterAll(async () => {
    await waymark?.browser.close();
    await demo?.close();
  });

  it('mirrors the popup, side panel and map right to left, with no text overflowing, light and dark', async () => {
    const { context, extensionId } = waymark.browser;
    const base = `chrome-extension://${extensionId}`;
    const shop = await context.newPage();
    await shop.goto(`${demo.origin}/product.html?id=monstera`);
    const popup = await waymark.openPopup(shop);
    await waymark.startJourney(popup, 'خرید گیاه مونسترا برای آپارتمان');
    await waymark.tagElement(popup, shop, '#price', { emotion: 1, effort: 2, note: 'قیمت روشن است — €34.00' });
    await shop.goto(`${demo.origin}/cart.html`);
    await popup.reload();
    await waymark.tagElement(popup, shop, '#delivery-fee', { emotion: -2, effort: 6, note: 'هزینهٔ ارسال غافلگیرکننده' });

    await popup.reload();
    await popup.locator('.wm-touchpoint').first().waitFor();
    expect(await popup.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await overflowingText(popup, 'main')).toEqual([]);

    const panel = await context.newPage();
    await panel.setViewportSize({ width: 400, height: 800 });
    await panel.goto(`${base}/sidepanel.html`);
    await panel.locator('.wm-tl-touchpoint').nth(1).waitFor();
    expect(await panel.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await overflowingText(panel, 'main')).toEqual([]);
    await panel.locator('.wm-tl-touchpoint').first().locator('[data-action="edit-touchpoint"]').click();
    expect(await overflowingText(panel, 'main')).toEqual([]);

    const journeyId = JSON.parse(await waymark.dumpDatabase()).journeys[0].id as string;
    const map = await context.newPage();
    await map.goto(`${base}/map.html?journey=${journeyId}`);
    await map.locator('.wm-map-page[aria-busy="false"] .wm-curve svg').waitFor();
    expect(await map.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await map.locator('.wm-curve-point').count()).toBe(2);
    expect(await rtlGeometry(map)).toEqual({ pointsInColumns: true, firstColumnRightmost: true });
    expect(await overflowingText(map, 'body', '.wm-board-scroll')).toEqual([]);
    // Persian digits from Intl, not Latin ones.
    expect(await map.locator('[data-metric="touchpoints"] dd').textContent()).toBe('۲');
    await map.locator('.wm-map-card').first().locator('[data-action="edit"]').click();
    expect(await overflowingText(map, 'body', '.wm-board-scroll')).toEqual([]);

    for (const page of [popup, panel, map]) {
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await seriousAxeViolations(page)).toEqual([]);
    }
  });
});
