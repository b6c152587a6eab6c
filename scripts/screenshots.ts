import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startDemoServer } from './demo-server';
import { E2E_EXTENSION_DIR, launchWaymark } from './driver/launch';
import { WaymarkDriver } from './driver/waymark';

/**
 * `npm run screenshots`: pictures of the popup and the capture card on the
 * demo shop, light and dark, into docs/screenshots/. Needs `npm run build:e2e`.
 * Set WAYMARK_LOCALE (e.g. `fa`) to shoot another UI language.
 */
const OUT = resolve('docs/screenshots');
const locale = process.env.WAYMARK_LOCALE ?? 'en';
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
    const card = await waymark.pickElement(popup, shop, '#add-to-cart');
    await waymark.rate(shop, card, { emotion: 2, effort: 2, note: 'One click, instant feedback' });
    await shop.screenshot({ path: join(OUT, `capture-card-${locale}-${scheme}.png`) });
    await popup.reload();
    await popup.locator('.wm-touchpoint').first().waitFor();
    await popup.screenshot({ path: join(OUT, `popup-${locale}-${scheme}.png`) });
    const journeys = await waymark.openJourneysPage();
    await journeys.emulateMedia({ colorScheme: scheme });
    await journeys.locator('tbody input[type="checkbox"]').first().check();
    await journeys.screenshot({ path: join(OUT, `journeys-${locale}-${scheme}.png`) });
  } finally {
    await browser.close();
  }
}
await demo.close();
await rm(downloads, { recursive: true, force: true });
console.log(`Screenshots written to ${OUT}`);
