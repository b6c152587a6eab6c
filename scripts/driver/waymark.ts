import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { waitForNewFile } from './downloads';
import { dumpDatabaseInPage, type Region, screenshotPixelsInPage } from './in-page';
import type { WaymarkBrowser } from './launch';

/** The ratings a researcher gives a touchpoint. */
export interface Rating {
  emotion: -2 | -1 | 0 | 1 | 2;
  effort: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  note?: string;
}

/**
 * Acts as the researcher does, through the extension's own pages and the
 * page under study; never through the worker, which may be asleep or killed.
 */
export class WaymarkDriver {
  constructor(readonly browser: WaymarkBrowser) {}

  get popupUrl(): string {
    return `chrome-extension://${this.browser.extensionId}/popup.html`;
  }

  /** The browser's tab id of `page`, asked from an extension page. */
  async tabIdOf(page: Page): Promise<number> {
    const probe = await this.browser.context.newPage();
    await probe.goto(this.popupUrl);
    const ids = await probe.evaluate(async (url) => {
      // Runs in the extension page, where `chrome.tabs` exists.
      const tabs = (
        globalThis as unknown as { chrome: { tabs: { query: (q: object) => Promise<{ id?: number; url?: string }[]> } } }
      ).chrome.tabs;
      return (await tabs.query({})).filter((tab) => tab.url === url).map((tab) => tab.id);
    }, page.url());
    await probe.close();
    if (ids.length > 1) throw new Error(`Several tabs show ${page.url()}: give each page its own URL`);
    const id = ids[0];
    if (id === undefined) throw new Error(`No tab shows ${page.url()}`);
    return id;
  }

  /** Opens the popup as a page, acting on `target` (the toolbar popup's active tab). */
  async openPopup(target?: Page): Promise<Page> {
    const popup = await this.browser.context.newPage();
    await popup.setViewportSize({ width: 360, height: 600 });
    const query = target ? `?tab=${await this.tabIdOf(target)}` : '';
    await popup.goto(`${this.popupUrl}${query}`);
    await popup.locator('.wm-popup[aria-busy="false"]').waitFor();
    return popup;
  }

  /** Starts a journey named `title`, ending the running one first if there is one. */
  async startJourney(popup: Page, title: string): Promise<void> {
    if (await popup.locator('.wm-pill[data-running="true"]').count()) await this.endJourney(popup);
    await popup.locator('input[name="title"]').fill(title);
    await popup.locator('[data-action="start"]').click();
    await popup.locator('.wm-pill[data-running="true"]').waitFor();
  }

  async endJourney(popup: Page): Promise<void> {
    await popup.locator('[data-action="end"]').click();
    await popup.locator('.wm-pill[data-running="false"]').waitFor();
  }

  /** "Tag an element" in the popup, then a click on `selector`: the card opens. */
  async pickElement(popup: Page, page: Page, selector: string): Promise<Locator> {
    await popup.locator('[data-action="tag-element"]').click();
    // The researcher is on the page now (the real popup closes): it is the active tab.
    await page.bringToFront();
    await page.locator('waymark-capture .wm-picker-hint').waitFor();
    await page.click(selector);
    const card = page.locator('waymark-capture .wm-card');
    await card.waitFor();
    return card;
  }

  /** Rates by keyboard alone: digits for emotion, Shift+digits for effort; types the note. */
  async rate(page: Page, card: Locator, rating: Rating): Promise<void> {
    await page.keyboard.press(`Digit${rating.emotion + 3}`);
    await page.keyboard.press(`Shift+Digit${rating.effort}`);
    if (rating.note) {
      await card.locator('textarea').fill(rating.note);
      await card.focus();
    }
  }

  /**
   * Tags the element at `selector` on `page`: picks it, rates it by keyboard,
   * and saves with Enter, waiting for the card's confirmation.
   */
  async tagElement(popup: Page, page: Page, selector: string, rating: Rating): Promise<void> {
    const card = await this.pickElement(popup, page, selector);
    await this.rate(page, card, rating);
    await page.keyboard.press('Enter');
    await card.locator('.wm-confirm[role="status"]').waitFor();
  }

  /** Opens the journeys page (list, export, import, settings). */
  async openJourneysPage(): Promise<Page> {
    const page = await this.browser.context.newPage();
    await page.goto(`chrome-extension://${this.browser.extensionId}/journeys.html`);
    await page.locator('.wm-page[aria-busy="false"]').waitFor();
    return page;
  }

  /**
   * On the journeys page: selects the journeys titled `titles` (or all), picks
   * `format`, exports, and returns the downloaded file's bytes and name.
   */
  async exportFrom(
    page: Page,
    downloadsPath: string,
    titles: string[] | 'all',
    format: string,
  ): Promise<{ fileName: string; bytes: Buffer }> {
    const before = new Set(await readdir(downloadsPath));
    if (titles === 'all') {
      await page.locator('input[name="scope"][value="all"]').check();
    } else {
      await page.locator('input[name="scope"][value="selected"]').check();
      for (const row of await page.locator('tbody tr').all()) {
        const title = (await row.locator('.wm-title').textContent()) ?? '';
        const box = row.locator('input[type="checkbox"]');
        if (titles.includes(title) !== (await box.isChecked())) await box.click();
      }
    }
    await page.locator('select[name="format"]').selectOption(format);
    // The click clears the last notice at once; the new one comes after the download starts.
    await page.locator('[data-action="export"]').click();
    const file = await waitForNewFile(downloadsPath, before);
    const notice = page.locator('.wm-side > .wm-notice[data-kind="info"]');
    await notice.waitFor();
    const fileName = /waymark-\S+\.\w+/.exec((await notice.textContent()) ?? '')?.[0] ?? '';
    return { fileName, bytes: await readFile(join(downloadsPath, file)) };
  }

  /** On the journeys page: imports the file at `path` and returns the report or the problems shown. */
  async importInto(page: Page, path: string): Promise<{ ok: boolean; text: string }> {
    const done = page.locator('.wm-panel .wm-notice[data-kind="info"], .wm-panel .wm-notice[data-kind="error"]');
    const previous = (await done.count()) ? await done.first().textContent() : null;
    await page.locator('input[name="import"]').setInputFiles(path);
    const name = basename(path);
    // The outcome names the file; wait for this import's, not the last one's.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const text = (await done.count()) ? await done.first().textContent() : null;
      if (text && text !== previous && text.includes(name)) {
        return { ok: (await done.first().getAttribute('data-kind')) === 'info', text };
      }
      if (Date.now() > deadline) throw new Error(`No import outcome for ${name}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Clicks "Export JSON" and returns the file's name, text and parsed content. */
  async exportJson(popup: Page, downloadsPath: string): Promise<{ fileName: string; json: unknown; text: string }> {
    const before = new Set(await readdir(downloadsPath));
    await popup.locator('[data-action="export-json"]').click();
    const notice = popup.locator('.wm-notice[data-kind="info"]');
    await notice.waitFor();
    const fileName = /waymark-[^\s]+\.json/.exec((await notice.textContent()) ?? '')?.[0] ?? '';
    const file = await waitForNewFile(downloadsPath, before);
    const text = await readFile(join(downloadsPath, file), 'utf8');
    return { fileName, json: JSON.parse(text), text };
  }

  /** Everything in Waymark's IndexedDB as JSON text (Blobs show as `{}`), read from an extension page. */
  async dumpDatabase(): Promise<string> {
    const page = await this.browser.context.newPage();
    await page.goto(this.popupUrl);
    const dump = await page.evaluate(dumpDatabaseInPage);
    await page.close();
    return dump;
  }

  /**
   * Counts near-black pixels of a stored screenshot inside each region (CSS
   * pixels of the captured viewport), decoding the image in an extension page.
   */
  async screenshotPixels(
    touchpointId: string,
    viewportWidth: number,
    regions: Region[],
  ): Promise<{ black: number; total: number }[]> {
    const page = await this.browser.context.newPage();
    await page.goto(this.popupUrl);
    const result = await page.evaluate(screenshotPixelsInPage, { id: touchpointId, boxes: regions, cssWidth: viewportWidth });
    await page.close();
    return result;
  }

  /**
   * Kills the extension's service worker, as Chrome does to idle MV3 workers,
   * and waits until the browser reports it stopped.
   */
  async killWorker(page: Page): Promise<void> {
    const cdp = await this.browser.context.newCDPSession(page);
    const scope = `chrome-extension://${this.browser.extensionId}/`;
    const status = new Map<string, string>();
    // A stopped worker may be woken again at once (a page's message, a tab event): what counts
    // is that it was seen stopped after the command, not that it still is when we look.
    const stopped = new Set<string>();
    let commanded = false;
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) {
        if (!v.scriptURL.startsWith(scope)) continue;
        status.set(v.versionId, v.runningStatus);
        if (commanded && v.runningStatus === 'stopped') stopped.add(v.versionId);
      }
    });
    await cdp.send('ServiceWorker.enable');
    const deadline = Date.now() + 15_000;
    let sentAt = 0;
    while (status.size === 0 || [...status.keys()].some((id) => !stopped.has(id))) {
      if (Date.now() > deadline) throw new Error(`The worker did not stop: ${JSON.stringify([...status])}`);
      if (Date.now() - sentAt > 5_000) {
        commanded = true;
        for (const [id, s] of status) if (s === 'stopped') stopped.add(id);
        await cdp.send('ServiceWorker.stopAllWorkers');
        sentAt = Date.now();
      }
      await new Promise((done) => setTimeout(done, 50));
    }
    await cdp.detach();
  }
}
