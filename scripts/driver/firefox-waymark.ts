import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { waitForNewFile } from './downloads';
import { type FirefoxWaymark, showExtensionPage, waitInPage } from './firefox';
import type { Rating } from './waymark';

/** What the popup shows once it has its data. */
export const POPUP_READY = '.wm-popup[aria-busy="false"]';
/** The capture card, inside the overlay's open shadow root (`>>>` pierces it). */
const CARD = 'waymark-capture >>> .wm-card';

/**
 * Waits for `selector` inside the overlay's shadow root. `waitForSelector`
 * watches the document with a MutationObserver, which does not see changes
 * inside a shadow root (the card's confirmation would be missed): poll.
 */
async function waitForOverlay(page: Page, selector: string): Promise<ElementHandle> {
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

  /** Opens the popup as a page acting on `target`, whose tab id it asks `tabs.query` for. */
  async openPopup(target: Page): Promise<Page> {
    const targetUrl = await target.evaluate(() => location.href);
    const popup = await this.firefox.browser.newPage();
    await popup.setViewport({ width: 360, height: 600 });
    await showExtensionPage(popup, this.popupUrl, POPUP_READY);
    const ids = await popup.evaluate(async (url) => {
      const { tabs } = (globalThis as unknown as ExtensionGlobal).browser;
      return (await tabs.query({})).filter((tab) => tab.url === url).map((tab) => tab.id);
    }, targetUrl);
    if (ids.length !== 1) throw new Error(`${ids.length} tabs show ${targetUrl}: give each page its own URL`);
    await showExtensionPage(popup, `${this.popupUrl}?tab=${ids[0]}`, POPUP_READY);
    return popup;
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

  /**
   * Reloads the background page, from an extension page, and waits until it
   * answers again. Firefox never stops an MV2 background page on its own; a
   * reload is the nearest to Chrome killing an idle worker: every module
   * variable is gone and only IndexedDB remains.
   */
  async restartBackground(): Promise<void> {
    const probe = await this.firefox.browser.newPage();
    await showExtensionPage(probe, this.popupUrl, POPUP_READY);
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
