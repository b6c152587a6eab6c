import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startDemoServer } from './demo-server';
import { E2E_EXTENSION_DIR, launchWaymark } from './driver/launch';
import { WaymarkDriver } from './driver/waymark';
import { shootFindings } from './findings-shots';

/**
 * `npm run screenshots`: pictures of the popup and the capture card on the
 * demo shop, light and dark, into docs/screenshots/. Needs `npm run build:e2e`.
 * Set WAYMARK_LOCALE (e.g. `fa`) to shoot another UI language, and
 * WAYMARK_SHOTS=capture for only the picker and the card (not the popup and
 * journeys page).
 */
const OUT = resolve('docs/screenshots');
const locale = process.env.WAYMARK_LOCALE ?? 'en';
const captureOnly = process.env.WAYMARK_SHOTS === 'capture';
const TITLES: Record<string, string> = {
  en: 'Buy a Monstera',
  fa: 'خرید گیاه مونسترا',
  ru: 'Покупка монстеры',
  'zh-CN': '购买龟背竹',
  'zh-TW': '購買龜背芋',
};

const demo = await startDemoServer();
const downloads = await mkdtemp(join(tmpdir(), 'waymark-shots-'));
await mkdir(OUT, { recursive: true });
for (const scheme of ['light', 'dark'] as const) {
  const browser = await launchWaymark({ extensionDir: E2E_EXTENSION_DIR, downloadsPath: downloads, locale });
  try {
    const waymark = new WaymarkDriver(browser);
    const shop = await browser.context.newPage();
    await shop.emulateMedia({ colorScheme: scheme });
    await shop.goto(`${demo.origin}/product.html?id=monstera`);
    const popup = await waymark.openPopup(shop);
    await popup.emulateMedia({ colorScheme: scheme });
    await waymark.startJourney(popup, TITLES[locale] ?? 'Monstera');
    await waymark.tagElement(popup, shop, '#price', { emotion: 1, effort: 1, note: 'Price is clear' });
    // The picker, hovering the button about to be tagged.
    await popup.locator('[data-action="tag-element"]').click();
    await shop.bringToFront();
    await shop.locator('waymark-capture .wm-picker-hint').waitFor();
    await shop.hover('#add-to-cart');
    await shop.locator('waymark-capture .wm-highlight').waitFor();
    await shop.screenshot({ path: join(OUT, `picker-${locale}-${scheme}.png`) });
    await shop.click('#add-to-cart');
    const card = shop.locator('waymark-capture .wm-card');
    await card.waitFor();
    await waymark.rate(shop, card, { emotion: 2, effort: 2, note: 'One click, instant feedback' });
    await card.locator('select[name="namedEmotion"]').selectOption('pleased');
    await card.locator('select[name="stage"]').selectOption('purchase');
    await card.locator('input[value="moment-of-truth"]').check({ force: true });
    await card.focus();
    await shop.screenshot({ path: join(OUT, `capture-card-${locale}-${scheme}.png`) });
    if (captureOnly) continue;
    await popup.reload();
    await popup.locator('.wm-touchpoint').first().waitFor();
    await popup.screenshot({ path: join(OUT, `popup-${locale}-${scheme}.png`) });
    const journeys = await waymark.openJourneysPage();
    await journeys.emulateMedia({ colorScheme: scheme });
    await journeys.locator('tbody input[type="checkbox"]').first().check();
    await journeys.screenshot({ path: join(OUT, `journeys-${locale}-${scheme}.png`) });
    // The findings UI on a journey of five touchpoints: popup, side panel and journey map (retakes the popup).
    await waymark.startJourney(popup, TITLES[locale] ?? 'Monstera');
    await shootFindings({ waymark, popup, shop, origin: demo.origin, locale, scheme, out: OUT });
  } finally {
    await browser.close();
  }
}
await demo.close();
await rm(downloads, { recursive: true, force: true });
console.log(`Screenshots written to ${OUT}`);
