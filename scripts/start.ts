import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ExportFile } from '../lib/model/export-file';
import { startDemoServer } from './demo-server';
import { E2E_EXTENSION_DIR, launchWaymark } from './driver/launch';
import { WaymarkDriver } from './driver/waymark';
import { findChromium } from './find-browser';

/**
 * `npm start`: builds Waymark and opens Chromium with it on the bundled demo
 * shop. Without a display (a server, CI, a container) it runs a headless
 * guided capture instead and writes a real export to `out/`.
 */

const OUT = resolve('out');
const forceHeadless = process.argv.includes('--headless');
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY) || Boolean(process.env.WAYLAND_DISPLAY);

function build(mode?: string): void {
  const args = ['wxt', 'build', ...(mode ? ['--mode', mode] : [])];
  console.log(`Building Waymark (${args.join(' ')})…`);
  const result = spawnSync('npx', args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error('The extension build failed; see the messages above.');
}

async function interactive(): Promise<void> {
  build();
  findChromium();
  const demo = await startDemoServer();
  const browser = await launchWaymark({
    extensionDir: resolve('.output/chrome-mv3'),
    headless: false,
    startUrl: `${demo.origin}/`,
  });
  console.log(`Chromium is open on the demo shop at ${demo.origin}/ with Waymark loaded.`);
  console.log('Pin Waymark from the puzzle-piece menu, start a journey, and tag what you see. Close the window to stop.');
  await new Promise<void>((done) => browser.context.on('close', () => done()));
  await demo.close();
}

async function guidedCapture(): Promise<void> {
  console.log(
    hasDisplay
      ? 'Running the headless guided capture.'
      : 'No display found (DISPLAY is not set): running a headless guided capture instead.',
  );
  // activeTab is granted only by a click on the toolbar, which nobody makes
  // here: the e2e build adds host access to the loopback demo site instead.
  build('e2e');
  findChromium();
  const demo = await startDemoServer({ slowMs: 500 });
  const downloads = await mkdtemp(join(tmpdir(), 'waymark-downloads-'));
  const browser = await launchWaymark({ extensionDir: E2E_EXTENSION_DIR, downloadsPath: downloads });
  try {
    const waymark = new WaymarkDriver(browser);
    const shop = await browser.context.newPage();
    await shop.goto(`${demo.origin}/product.html?id=monstera`);
    const popup = await waymark.openPopup(shop);
    await waymark.startJourney(popup, 'Demo: buy a Monstera');
    console.log('  ✓ started the journey "Demo: buy a Monstera"');
    await waymark.tagElement(popup, shop, '#add-to-cart', { emotion: 1, effort: 2, note: 'Clear, friendly call to action' });
    console.log('  ✓ tagged "Add to cart" on the product page (emotion +1, effort 2)');
    await shop.goto(`${demo.origin}/cart.html`);
    await popup.reload();
    await waymark.tagElement(popup, shop, '#delivery-fee', {
      emotion: -2,
      effort: 6,
      note: 'Delivery fee appears only in the cart',
    });
    console.log('  ✓ tagged the delivery fee notice in the cart (emotion -2, effort 6)');
    await popup.reload();
    await mkdir(OUT, { recursive: true });
    await popup.screenshot({ path: join(OUT, 'popup.png') });
    const { fileName } = await waymark.exportJson(popup, downloads);
    const [saved] = await readdir(downloads);
    if (!saved) throw new Error('The export did not arrive in the downloads folder.');
    const target = join(OUT, fileName || 'waymark-export.json');
    await copyFile(join(downloads, saved), target);
    const file = ExportFile.parse(JSON.parse(await import('node:fs/promises').then((fs) => fs.readFile(target, 'utf8'))));
    console.log(`  ✓ exported ${file.touchpoints.length} touchpoints, valid against the schema`);
    console.log(`\nExport written to ${target}\nPopup screenshot: ${join(OUT, 'popup.png')}`);
  } finally {
    await browser.close();
    await demo.close();
    await rm(downloads, { recursive: true, force: true });
  }
}

try {
  if (hasDisplay && !forceHeadless) await interactive();
  else await guidedCapture();
} catch (error) {
  console.error(`\n✗ ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
