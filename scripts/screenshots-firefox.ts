import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startDemoServer } from './demo-server';
import { FIREFOX_E2E_EXTENSION_DIR, launchFirefoxWaymark } from './driver/firefox';
import { FirefoxWaymarkDriver } from './driver/firefox-waymark';

/**
 * `npx tsx scripts/screenshots-firefox.ts`: the popup and the capture card in
 * Firefox, into docs/screenshots/firefox-*-en.png. Needs the Firefox e2e build
 * (`npx wxt build -b firefox --mode e2e`).
 */
const OUT = resolve('docs/screenshots');

const demo = await startDemoServer();
const downloads = await mkdtemp(join(tmpdir(), 'waymark-shots-'));
await mkdir(OUT, { recursive: true });
const firefox = await launchFirefoxWaymark({ extensionDir: FIREFOX_E2E_EXTENSION_DIR, downloadsPath: downloads });
try {
  const waymark = new FirefoxWaymarkDriver(firefox, downloads);
  const shop = await waymark.openPage(`${demo.origin}/product.html?id=monstera`);
  const popup = await waymark.openPopup(shop);
  await waymark.startJourney(popup, 'Buy a Monstera');
  await waymark.tagElement(popup, shop, '#price', { emotion: 1, effort: 1, note: 'Price is clear' });
  const card = await waymark.pickElement(popup, shop, '#add-to-cart');
  await waymark.rate(shop, card, { emotion: 2, effort: 2, note: 'One click, instant feedback' });
  await shop.screenshot({ path: join(OUT, 'firefox-capture-card-en.png') });
  await waymark.reloadPopup(popup);
  await popup.waitForSelector('.wm-touchpoint');
  await popup.screenshot({ path: join(OUT, 'firefox-popup-en.png') });
} finally {
  await firefox.close();
  await demo.close();
  await rm(downloads, { recursive: true, force: true });
}
console.log(`Screenshots written to ${OUT}`);
