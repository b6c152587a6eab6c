import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startDemoServer } from './demo-server';
import { E2E_EXTENSION_DIR, launchWaymark } from './driver/launch';
import { fillNewStudy, type StudyEntry } from './driver/studies';
import { WaymarkDriver } from './driver/waymark';

/**
 * `npx tsx scripts/study-shots.ts`: the study form on the journeys page and
 * the popup's study and site pickers, in English and Persian (right to left),
 * into docs/screenshots/ (or WAYMARK_SHOTS_DIR). Needs `npm run build:e2e`.
 */
const OUT = resolve(process.env.WAYMARK_SHOTS_DIR ?? 'docs/screenshots');

const STUDIES: Record<string, StudyEntry> = {
  en: {
    name: 'Houseplants 2026',
    goal: 'Buy a Monstera under 40 EUR and have it delivered this week',
    brand: { name: 'Green Shop', domains: 'green-shop.example, shop.green-shop.example' },
    competitors: [
      { name: 'Demo shop', domains: '127.0.0.1' },
      { name: 'Plant Planet', domains: 'plantplanet.example' },
    ],
    steps: [
      { title: 'Find the price', lookFor: 'Price and delivery fee shown before the cart', kind: 'yesno' },
      { title: 'Time to checkout', lookFor: 'Seconds from product page to payment', kind: 'number', unit: 's' },
      { title: 'Rate the product photos', lookFor: 'Sharp, several angles, size shown', kind: 'scale' },
    ],
  },
  fa: {
    name: 'گیاهان خانگی ۱۴۰۵',
    goal: 'خرید یک مونسترا زیر ۴۰ یورو با تحویل در همین هفته',
    brand: { name: 'فروشگاه سبز', domains: 'green-shop.example' },
    competitors: [
      { name: 'فروشگاه نمونه', domains: '127.0.0.1' },
      { name: 'سیارهٔ گیاه', domains: 'plantplanet.example' },
    ],
    steps: [
      { title: 'پیدا کردن قیمت', lookFor: 'قیمت و هزینهٔ ارسال پیش از سبد خرید', kind: 'yesno' },
      { title: 'زمان تا پرداخت', lookFor: 'ثانیه از صفحهٔ محصول تا پرداخت', kind: 'number', unit: 'ثانیه' },
    ],
  },
};

const demo = await startDemoServer();
const downloads = await mkdtemp(join(tmpdir(), 'waymark-study-shots-'));
await mkdir(OUT, { recursive: true });
for (const locale of ['en', 'fa']) {
  const study = STUDIES[locale]!;
  const browser = await launchWaymark({ extensionDir: E2E_EXTENSION_DIR, downloadsPath: downloads, locale });
  try {
    const waymark = new WaymarkDriver(browser);
    const journeys = await waymark.openJourneysPage();
    await journeys.setViewportSize({ width: 1280, height: 900 });
    await fillNewStudy(journeys, study);
    await journeys.locator('.wm-study-form [data-action="save-study"]').click();
    await journeys.locator('.wm-study-form .wm-notice[data-kind="info"]').waitFor();
    await journeys.screenshot({ path: join(OUT, `study-form-${locale}-light.png`), fullPage: true });
    const shop = await browser.context.newPage();
    await shop.goto(`${demo.origin}/product.html?id=monstera`);
    const popup = await waymark.openPopup(shop);
    await popup.locator('select[name="study"]').selectOption({ label: study.name });
    await popup.locator('select[name="site"]').selectOption({ label: study.competitors[0]!.name });
    await popup.screenshot({ path: join(OUT, `popup-study-${locale}-light.png`) });
  } finally {
    await browser.close();
  }
}
await demo.close();
await rm(downloads, { recursive: true, force: true });
console.log(`Study screenshots written to ${OUT}`);
