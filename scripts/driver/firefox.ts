import { randomUUID } from 'node:crypto';
import { access, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findFirefox } from '../find-browser';

/** The Firefox e2e build a test drives (`wxt build -b firefox --mode e2e`). */
export const FIREFOX_E2E_EXTENSION_DIR = resolve(process.env.WAYMARK_FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv2-e2e');

/** The add-on id fixed in wxt.config.ts (`browser_specific_settings.gecko.id`). */
export const FIREFOX_ADDON_ID = 'waymark@waymark.dev';

export interface FirefoxLaunchOptions {
  extensionDir: string;
  headless?: boolean;
  /** Where downloads land, without a prompt. */
  downloadsPath?: string;
}

/** A Firefox with Waymark installed as a temporary add-on. */
export interface FirefoxWaymark {
  browser: Browser;
  /** `moz-extension://<uuid>/`, Waymark's pages' origin in this profile. */
  extensionOrigin: string;
  close: () => Promise<void>;
}

/** Preferences for downloads that land in `dir` without asking. */
function downloadPrefs(dir: string): Record<string, unknown> {
  return {
    'browser.download.folderList': 2,
    'browser.download.dir': dir,
    'browser.download.useDownloadDir': true,
    'browser.download.start_downloads_in_tmp_dir': false,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.alwaysOpenPanel': false,
    'browser.helperApps.neverAsk.saveToDisk': 'application/json,application/zip,text/csv,text/plain,text/html',
  };
}

/**
 * Starts Firefox (puppeteer-core over WebDriver BiDi) in a fresh temporary
 * profile and installs the add-on at `extensionDir` as a temporary add-on.
 * The add-on's internal UUID is chosen here (`extensions.webextensions.uuids`)
 * so its pages' address is known; `--remote-allow-system-access` lets the
 * automation open `moz-extension://` pages at all.
 */
export async function launchFirefoxWaymark(options: FirefoxLaunchOptions): Promise<FirefoxWaymark> {
  try {
    await access(join(options.extensionDir, 'manifest.json'));
  } catch {
    throw new Error(`No Firefox build in ${options.extensionDir}: run \`npx wxt build -b firefox --mode e2e\` first.`);
  }
  if (options.downloadsPath) await mkdir(options.downloadsPath, { recursive: true });
  const uuid = randomUUID();
  const headless = options.headless ?? true;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless,
    defaultViewport: headless ? { width: 1280, height: 800 } : null,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: uuid }),
      ...(options.downloadsPath ? downloadPrefs(options.downloadsPath) : {}),
    },
  });
  try {
    await browser.installExtension(options.extensionDir);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return { browser, extensionOrigin: `moz-extension://${uuid}/`, close: () => browser.close() };
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Polls `check` in `page` until it returns (or resolves to) true. A call made while the page
 * switches documents can throw (its realm is gone): that counts as "not yet".
 */
export async function waitInPage(
  page: Page,
  what: string,
  check: (...args: string[]) => boolean | Promise<boolean>,
  ...args: string[]
): Promise<void> {
  const timeoutMs = 15_000;
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    try {
      if (await page.evaluate(check, ...args)) return;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await sleep(50);
  }
  const href = await page.evaluate(() => location.href).catch(() => page.url());
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} in ${href}${lastError ? ` (${lastError})` : ''}`);
}

/**
 * Shows the extension page `url` in `page` (also to reload it) and waits until
 * `ready` matches there. Firefox sends no navigation events for
 * `moz-extension://` pages, so `goto()` never resolves: it is started and not
 * awaited; a page already on our origin navigates itself. The old document is
 * marked so a reload is not mistaken for the page being ready.
 */
export async function showExtensionPage(page: Page, url: string, ready: string): Promise<void> {
  // `new URL('moz-extension://…').origin` is "null" in Node, as is about:blank's: compare the prefix.
  const origin = url.slice(0, url.indexOf('/', url.indexOf('//') + 2) + 1);
  const onOurs = await page.evaluate((o) => location.href.startsWith(o), origin).catch(() => false);
  if (onOurs) {
    // The navigation starts after this call returns; should the old realm go
    // first, the call fails, and the poll below still sees the new page.
    // (Not `setTimeout`: a tab in the background gets it a second late.)
    await page
      .evaluate((target) => {
        Object.assign(window, { waymarkStale: true });
        location.replace(target);
      }, url)
      .catch(() => undefined);
  } else {
    // Rejects with "Frame detached" or a timeout much later; nothing waits for it.
    page.goto(url).catch(() => undefined);
  }
  await waitInPage(
    page,
    `${ready} on ${url}`,
    (href = '', selector = '') =>
      location.href === href &&
      !('waymarkStale' in window) &&
      document.readyState === 'complete' &&
      document.querySelector(selector) !== null,
    url,
    ready,
  );
}
