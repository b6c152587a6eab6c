import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { waitForNewFile } from './downloads';
import { type FirefoxWaymark, showExtensionPage, waitInPage } from './firefox';
import { dumpDatabaseInPage, type Region, screenshotPixelsInPage, sendMessagesInPage } from './in-page';
import type { Rating } from './waymark';

/** What the popup shows once it has its data. */
export const POPUP_READY = '.wm-popup[aria-busy="false"]';
/** What the journeys page shows once it has its data. */
export const JOURNEYS_READY = '.wm-page[aria-busy="false"]';
/** The capture card, inside the overlay's open shadow root (`>>>` pierces it). */
const CARD = 'waymark-capture >>> .wm-card';

/**
 * Waits for `selector` inside the overlay's shadow root. `waitForSelector`
 * watches the document with a MutationObserver, which does not see changes
 * inside a shadow root (the card's confirmation would be missed): poll.
 */
export async function waitForOverlay(page: Page, selector: string): Promise<ElementHandle> {
  const found = await page.waitForFunction(
    (inner) => document.querySelector('waymark-capture')?.shadowRoot?.querySelector(inner) ?? false,
    { polling: 50, timeout: 15_000 },
    selector,
  );
  return found as ElementHandle;
}

/** `browser.*` as seen from an extension page, for code that runs there. */
type ExtensionGlobal = {
  browser: {
    tabs: { query: (query: object) => Promise<{ id?: number; url?: string }[]> };
    runtime: {
      getBackgroundPage: () => Promise<Window & { waymarkStale?: boolean }>;
      sendMessage: (message: unknown) => Promise<{ ok?: boolean } | undefined>;
    };
  };
};

/**
 * Acts as the researcher does in Firefox (puppeteer-core over WebDriver
 * BiDi), with the same selectors as `WaymarkDriver` for Chromium.
 */
export class FirefoxWaymarkDriver {
  constructor(
    readonly firefox: FirefoxWaymark,
    readonly downloadsPath?: string,
  ) {}

  get popupUrl(): string {
    return `${this.firefox.extensionOrigin}popup.html`;
  }

  /** A new tab showing the web page `url`. */
  async openPage(url: string): Promise<Page> {
    const page = await this.firefox.browser.newPage();
    await page.goto(url);
    return page;
  }

  /** A new tab showing one of Waymark's pages (the popup by default) once it has its data. */
  async openExtensionPage(path = 'popup.html', ready = POPUP_READY): Promise<Page> {
    const page = await this.firefox.browser.newPage();
    await showExtensionPage(page, `${this.firefox.extensionOrigin}${path}`, ready);
    return page;
  }

  /** The browser's tab id of `target`, asked `tabs.query` from an extension page. */
  async tabIdOf(target: Page): Promise<number> {
    const targetUrl = await target.evaluate(() => location.href);
    const probe = await this.openExtensionPage();
    const ids = await probe.evaluate(async (url) => {
      const { tabs } = (globalThis as unknown as ExtensionGlobal).browser;
      return (await tabs.query({})).filter((tab) => tab.url === url).map((tab) => tab.id);
    }, targetUrl);
    await probe.close();
    if (ids.length !== 1) throw new Error(`${ids.length} tabs show ${targetUrl}: give each page its own URL`);
    return ids[0]!;
  }

  /** Opens the popup as a page acting on the tab with id `tabId`. */
  async openPopupOnTab(tabId: number): Promise<Page> {
    const popup = await this.firefox.browser.newPage();
    await popup.setViewport({ width: 360, height: 600 });
    await showExtensionPage(popup, `${this.popupUrl}?tab=${tabId}`, POPUP_READY);
    return popup;
  }

  /** Opens the popup as a page acting on `target`, whose tab id it asks `tabs.query` for. */
  async openPopup(target: Page): Promise<Page> {
    return this.openPopupOnTab(await this.tabIdOf(target));
  }

  /**
   * Reopens the popup and waits until it shows its data. It comes to the
   * front first, as the real popup does: in a background tab Firefox holds
   * back animation frames, and so Preact's effects (the popup's data load)
   * by a second or more.
   */
  async reloadPopup(popup: Page): Promise<void> {
    await popup.bringToFront();
    await showExtensionPage(popup, await popup.evaluate(() => location.href), POPUP_READY);
  }

  /** Starts a journey named `title`, ending the running one first if there is one. */
  async startJourney(popup: Page, title: string): Promise<void> {
    if (await popup.$('.wm-pill[data-running="true"]')) {
      await popup.click('[data-action="end"]');
      await popup.waitForSelector('.wm-pill[data-running="false"]');
    }
    await popup.locator('input[name="title"]').fill(title);
    await popup.click('[data-action="start"]');
    await popup.waitForSelector('.wm-pill[data-running="true"]');
  }

  /** "Tag an element" in the popup, then a click on `selector`: the card opens. */
  async pickElement(popup: Page, page: Page, selector: string): Promise<ElementHandle> {
    await popup.click('[data-action="tag-element"]');
    // The researcher is on the page now: it must be the active tab, as
    // `captureVisibleTab` shoots the active tab only.
    await page.bringToFront();
    await waitForOverlay(page, '.wm-picker-hint');
    await page.click(selector);
    return waitForOverlay(page, '.wm-card');
  }

  /** Rates by keyboard alone: digits for emotion, Shift+digits for effort; types the note. */
  async rate(page: Page, card: ElementHandle, rating: Rating): Promise<void> {
    await page.keyboard.press(`Digit${rating.emotion + 3}` as 'Digit1');
    await page.keyboard.down('Shift');
    await page.keyboard.press(`Digit${rating.effort}` as 'Digit1');
    await page.keyboard.up('Shift');
    if (rating.note) {
      await page.type(`${CARD} textarea`, rating.note);
      // Enter in the note is a new line; on the card it saves.
      await card.focus();
    }
  }

  /** Tags the element at `selector`: picks it, rates it, saves with Enter, waits for the confirmation. */
  async tagElement(popup: Page, page: Page, selector: string, rating: Rating): Promise<void> {
    const card = await this.pickElement(popup, page, selector);
    await this.rate(page, card, rating);
    await page.keyboard.press('Enter');
    await waitForOverlay(page, '.wm-card .wm-confirm[role="status"]');
  }

  /** Clicks "Export JSON" and returns the file's name, text and parsed content. */
  async exportJson(popup: Page): Promise<{ fileName: string; json: unknown; text: string }> {
    const dir = this.downloadsPath;
    if (!dir) throw new Error('Launch Firefox with a downloads folder to export.');
    const before = new Set(await readdir(dir));
    await popup.click('[data-action="export-json"]');
    const notice = await popup.waitForSelector('.wm-notice[data-kind="info"]');
    const text = (await notice?.evaluate((el) => el.textContent)) ?? '';
    const fileName = /waymark-[^\s]+\.json/.exec(text)?.[0] ?? '';
    const file = await waitForNewFile(dir, before);
    const content = await readFile(join(dir, file), 'utf8');
    return { fileName, json: JSON.parse(content), text: content };
  }

  /** Opens the journeys page (list, export, import, settings). */
  async openJourneysPage(): Promise<Page> {
    return this.openExtensionPage('journeys.html', JOURNEYS_READY);
  }

  /**
   * On the journeys page: selects the journeys titled `titles` (or all), picks
   * `format`, exports, and returns the downloaded file's bytes and name.
   */
  async exportFrom(page: Page, titles: string[] | 'all', format: string): Promise<{ fileName: string; bytes: Buffer }> {
    const dir = this.downloadsPath;
    if (!dir) throw new Error('Launch Firefox with a downloads folder to export.');
    await page.bringToFront();
    const before = new Set(await readdir(dir));
    const checked = (selector: string) => page.$eval(selector, (el) => (el as HTMLInputElement).checked);
    if (titles === 'all') {
      if (!(await checked('input[name="scope"][value="all"]'))) await page.click('input[name="scope"][value="all"]');
    } else {
      if (!(await checked('input[name="scope"][value="selected"]'))) await page.click('input[name="scope"][value="selected"]');
      for (const row of await page.$$('tbody tr')) {
        const title = (await row.$eval('.wm-title', (el) => el.textContent)) ?? '';
        const box = (await row.$('input[type="checkbox"]'))!;
        const isChecked = await box.evaluate((el) => (el as HTMLInputElement).checked);
        if (titles.includes(title) !== isChecked) await box.click();
      }
    }
    await page.select('select[name="format"]', format);
    // The click clears the last notice at once; the new one comes after the download starts.
    await page.click('[data-action="export"]');
    const file = await waitForNewFile(dir, before);
    const notice = await page.waitForSelector('.wm-side > .wm-notice[data-kind="info"]');
    const text = (await notice?.evaluate((el) => el.textContent)) ?? '';
    const fileName = /waymark-\S+\.\w+/.exec(text)?.[0] ?? '';
    return { fileName, bytes: await readFile(join(dir, file)) };
  }

  /** On the journeys page: imports the file at `path` and returns the report or the problems shown. */
  async importInto(page: Page, path: string): Promise<{ ok: boolean; text: string }> {
    const outcome = '.wm-panel .wm-notice[data-kind="info"], .wm-panel .wm-notice[data-kind="error"]';
    const read = () =>
      page.evaluate((sel) => {
        const el = document.querySelector(sel);
        return el ? { text: el.textContent ?? '', kind: el.getAttribute('data-kind') } : null;
      }, outcome);
    await page.bringToFront();
    const previous = (await read())?.text ?? null;
    const input = await page.$('input[name="import"]');
    if (!input) throw new Error('No import field on the journeys page');
    await (input as ElementHandle<HTMLInputElement>).uploadFile(path);
    const name = basename(path);
    // The outcome names the file; wait for this import's, not the last one's.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const now = await read();
      if (now?.text && now.text !== previous && now.text.includes(name)) return { ok: now.kind === 'info', text: now.text };
      if (Date.now() > deadline) throw new Error(`No import outcome for ${name}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Sends each of `messages` to the background from an extension page; the replies. */
  async sendMessages(messages: unknown[]): Promise<unknown[]> {
    const page = await this.openExtensionPage();
    const replies = await page.evaluate(sendMessagesInPage, messages);
    await page.close();
    return replies;
  }

  /** Everything in Waymark's IndexedDB as JSON text (Blobs show as `{}`), read from an extension page. */
  async dumpDatabase(): Promise<string> {
    const page = await this.openExtensionPage();
    const dump = await page.evaluate(dumpDatabaseInPage);
    await page.close();
    return dump;
  }

  /** Counts near-black pixels of a stored screenshot inside each region, decoded in an extension page. */
  async screenshotPixels(
    touchpointId: string,
    viewportWidth: number,
    regions: Region[],
  ): Promise<{ black: number; total: number }[]> {
    const page = await this.openExtensionPage();
    const result = await page.evaluate(screenshotPixelsInPage, { id: touchpointId, boxes: regions, cssWidth: viewportWidth });
    await page.close();
    return result;
  }

  /**
   * Reloads the background page, from an extension page, and waits until it
   * answers again. Firefox never stops an MV2 background page on its own; a
   * reload is the nearest to Chrome killing an idle worker: every module
   * variable is gone and only IndexedDB remains.
   */
  async restartBackground(): Promise<void> {
    const probe = await this.openExtensionPage();
    await probe.evaluate(async () => {
      const background = await (globalThis as unknown as ExtensionGlobal).browser.runtime.getBackgroundPage();
      background.waymarkStale = true;
      background.location.reload();
    });
    await waitInPage(probe, 'the background page to answer again', async () => {
      const { runtime } = (globalThis as unknown as ExtensionGlobal).browser;
      const background = await runtime.getBackgroundPage();
      if (background.waymarkStale || background.document.readyState !== 'complete') return false;
      const reply = await runtime.sendMessage({ type: 'journey.overview', payload: {} });
      return reply?.ok === true;
    });
    await probe.close();
  }
}
