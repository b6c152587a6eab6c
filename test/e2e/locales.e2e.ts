import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../scripts/demo-server';
import { E2E_EXTENSION_DIR, launchWaymark } from '../../scripts/driver/launch';
import { WaymarkDriver } from '../../scripts/driver/waymark';

/**
 * Elements whose text is wider than their box (and that do not truncate on
 * purpose with an ellipsis), searched in `root` and open shadow roots below it.
 */
function overflowingText(page: Page, root: string): Promise<string[]> {
  return page.evaluate((rootSelector) => {
    const bad: string[] = [];
    const visit = (node: ParentNode) => {
      for (const el of Array.from(node.querySelectorAll<HTMLElement>('*'))) {
        if (el.shadowRoot) visit(el.shadowRoot);
        const style = getComputedStyle(el);
        if (style.textOverflow === 'ellipsis' || /^(none|inline|contents)$/.test(style.display) || el.tagName === 'TEXTAREA') {
          continue;
        }
        const hasText = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent?.trim());
        if (hasText && el.scrollWidth > el.clientWidth + 1) {
          bad.push(`${el.tagName}.${el.className}: ${el.textContent?.slice(0, 40)}`);
        }
        const box = el.getBoundingClientRect();
        if (hasText && box.width > 0 && (box.right > innerWidth + 1 || box.left < -1)) {
          bad.push(`${el.tagName}.${el.className} leaves the viewport: ${el.textContent?.slice(0, 40)}`);
        }
      }
    };
    const start = document.querySelector(rootSelector);
    if (start) visit(start.shadowRoot ?? start);
    return bad;
  }, root);
}

describe.each([
  { locale: 'fa', dir: 'rtl', title: 'خرید گیاه مونسترا برای آپارتمان', start: 'شروع سفر' },
  { locale: 'ru', dir: 'ltr', title: 'Покупка монстеры с доставкой на дом', start: 'Начать путь' },
  { locale: 'zh-CN', dir: 'ltr', title: '购买龟背竹并选择送货上门', start: '开始旅程' },
])('Waymark in $locale (Chromium; the layout is the same CSS in Firefox)', ({ locale, dir, title, start }) => {
  let demo: DemoServer;
  let waymark: WaymarkDriver;

  beforeAll(async () => {
    demo = await startDemoServer();
    waymark = new WaymarkDriver(await launchWaymark({ extensionDir: E2E_EXTENSION_DIR, locale }));
  });

  afterAll(async () => {
    await waymark?.browser.close();
    await demo?.close();
  });

  it(`lays the popup and the card out ${dir}, translated, with no text overflowing`, async () => {
    const shop = await waymark.browser.context.newPage();
    await shop.goto(`${demo.origin}/cart.html`);
    const popup = await waymark.openPopup(shop);
    expect(await popup.evaluate(() => document.documentElement.dir)).toBe(dir);
    expect(await popup.locator('[data-action="start"]').textContent()).toBe(start);
    expect(await overflowingText(popup, 'main')).toEqual([]);
    // The check itself can fail: a button too narrow for its label is caught.
    await popup.evaluate(() =>
      document
        .querySelector('main')
        ?.insertAdjacentHTML(
          'beforeend',
          '<button id="probe" style="width:40px;white-space:nowrap">A label far too long</button>',
        ),
    );
    expect(await overflowingText(popup, 'main')).toHaveLength(1);
    await popup.evaluate(() => document.getElementById('probe')?.remove());

    await waymark.startJourney(popup, title);
    await waymark.tagElement(popup, shop, '#delivery-fee', { emotion: -1, effort: 5, note: 'هزینهٔ ارسال / fee' });
    const card = await waymark.pickElement(popup, shop, '#total');
    expect(await card.evaluate((el) => getComputedStyle(el).direction)).toBe(dir);
    expect(await overflowingText(shop, 'waymark-capture')).toEqual([]);
    const box = await card.boundingBox();
    expect(box && box.x >= 0 && box.y >= 0 && box.x + box.width <= 1280 && box.y + box.height <= 800).toBe(true);

    await popup.reload();
    await popup.locator('.wm-touchpoint').first().waitFor();
    expect(await overflowingText(popup, 'main')).toEqual([]);
  });
});
