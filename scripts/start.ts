import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ExportFile } from '../lib/model/export-file';
import { startDemoServer } from './demo-server';
import { launchChromiumStory } from './driver/chromium-story';
import { launchFirefoxWaymark } from './driver/firefox';
import { launchFirefoxStory } from './driver/firefox-story';
import { launchWaymark } from './driver/launch';
import { findChromium, findFirefox } from './find-browser';

/**
 * `npm start`: builds Waymark and opens Chromium with it on the bundled demo
 * shop; `npm start -- --browser firefox` opens Firefox instead. Without a
 * display (a server, CI, a container) it runs a headless guided capture in
 * the chosen browser and writes a real export to `out/`.
 */

type BrowserName = 'chromium' | 'firefox';

const OUT = resolve('out');
const forceHeadless = process.argv.includes('--headless');
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY) || Boolean(process.env.WAYLAND_DISPLAY);

/** `--browser firefox` or `--browser=firefox`; Chromium by default. */
function chosenBrowser(argv: string[]): BrowserName {
  const at = argv.findIndex((arg) => arg === '--browser' || arg.startsWith('--browser='));
  if (at < 0) return 'chromium';
  const value = (argv[at]?.includes('=') ? argv[at].split('=')[1] : argv[at + 1])?.toLowerCase();
  if (value === 'chromium' || value === 'chrome') return 'chromium';
  if (value === 'firefox') return 'firefox';
  throw new Error(`Unknown browser "${value ?? ''}": use --browser chromium or --browser firefox.`);
}

function build(browser: BrowserName, mode?: string): void {
  const args = ['wxt', 'build', ...(browser === 'firefox' ? ['-b', 'firefox'] : []), ...(mode ? ['--mode', mode] : [])];
  console.log(`Building Waymark (${args.join(' ')})…`);
  const result = spawnSync('npx', args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error('The extension build failed; see the messages above.');
}

async function interactiveChromium(): Promise<void> {
  build('chromium');
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

async function interactiveFirefox(): Promise<void> {
  build('firefox');
  findFirefox();
  const demo = await startDemoServer();
  const firefox = await launchFirefoxWaymark({ extensionDir: resolve('.output/firefox-mv2'), headless: false });
  const [first] = await firefox.browser.pages();
  await (first ?? (await firefox.browser.newPage())).goto(`${demo.origin}/`);
  console.log(`Firefox is open on the demo shop at ${demo.origin}/ with Waymark installed as a temporary add-on.`);
  console.log('Click Waymark on the toolbar, start a journey, and tag what you see. Close the window to stop.');
  await new Promise<void>((done) => firefox.browser.on('disconnected', () => done()));
  await demo.close();
}

async function guidedCapture(browser: BrowserName): Promise<void> {
  const label = browser === 'firefox' ? 'Firefox' : 'Chromium';
  console.log(
    hasDisplay
      ? `Running the headless guided capture in ${label}.`
      : `No display found (DISPLAY is not set): running a headless guided capture in ${label} instead.`,
  );
  // activeTab is granted only by a click on the toolbar, which nobody makes
  // here: the e2e build adds host access to the loopback demo site instead.
  build(browser, 'e2e');
  if (browser === 'firefox') findFirefox();
  else findChromium();
  const demo = await startDemoServer({ slowMs: 500 });
  const waymark = await (browser === 'firefox' ? launchFirefoxStory : launchChromiumStory)();
  try {
    const shop = await waymark.openPage(`${demo.origin}/product.html?id=monstera`);
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
    await popup.screenshot(join(OUT, 'popup.png'));
    const { fileName, json, text } = await waymark.exportJson(popup);
    const target = join(OUT, fileName || 'waymark-export.json');
    await writeFile(target, text);
    const file = ExportFile.parse(json);
    console.log(`  ✓ exported ${file.touchpoints.length} touchpoints, valid against the schema`);
    console.log(`\nExport written to ${target}\nPopup screenshot: ${join(OUT, 'popup.png')}`);
  } finally {
    await waymark.close();
    await demo.close();
  }
}

try {
  const browser = chosenBrowser(process.argv.slice(2));
  if (hasDisplay && !forceHeadless) await (browser === 'firefox' ? interactiveFirefox() : interactiveChromium());
  else await guidedCapture(browser);
} catch (error) {
  console.error(`\n✗ ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
