import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { E2E_EXTENSION_DIR, launchWaymark } from './launch';
import { type LaunchStory, type StoryDriver, type StoryTab, TabRegistry } from './story';
import { type Rating, WaymarkDriver } from './waymark';

/** A Playwright page as a story tab; `ready` is what Waymark's pages show once loaded. */
function tabOf(page: Page, ready?: string): StoryTab {
  return {
    goto: async (url) => {
      await page.goto(url);
    },
    reload: async () => {
      await page.reload();
      if (ready) await page.locator(ready).waitFor();
    },
    count: (selector) => page.locator(selector).count(),
    // Plain JSON arguments are their own unboxed form.
    evaluate: <A, R>(fn: (arg: A) => R, arg: A) => page.evaluate(fn as (arg: unknown) => R, arg),
    screenshot: async (path) => {
      await page.screenshot({ path });
    },
  };
}

/** The user stories in Chromium, through `WaymarkDriver` (Playwright). */
class ChromiumStory implements StoryDriver {
  readonly name = 'chromium';
  readonly #tabs = new TabRegistry<Page>();

  constructor(
    readonly waymark: WaymarkDriver,
    readonly downloadsPath: string,
  ) {}

  async openPage(url: string): Promise<StoryTab> {
    const page = await this.waymark.browser.context.newPage();
    await page.goto(url);
    return this.#tabs.add(tabOf(page), page);
  }

  async openPopup(target: StoryTab): Promise<StoryTab> {
    const popup = await this.waymark.openPopup(this.#tabs.pageOf(target));
    return this.#tabs.add(tabOf(popup, '.wm-popup[aria-busy="false"]'), popup);
  }

  startJourney(popup: StoryTab, title: string): Promise<void> {
    return this.waymark.startJourney(this.#tabs.pageOf(popup), title);
  }

  tagElement(popup: StoryTab, page: StoryTab, selector: string, rating: Rating): Promise<void> {
    return this.waymark.tagElement(this.#tabs.pageOf(popup), this.#tabs.pageOf(page), selector, rating);
  }

  exportJson(popup: StoryTab): Promise<{ fileName: string; json: unknown; text: string }> {
    return this.waymark.exportJson(this.#tabs.pageOf(popup), this.downloadsPath);
  }

  restartBackground(page: StoryTab): Promise<void> {
    // Chrome starts the worker again on the next message.
    return this.waymark.killWorker(this.#tabs.pageOf(page));
  }

  async close(): Promise<void> {
    await this.waymark.browser.close();
    await rm(this.downloadsPath, { recursive: true, force: true });
  }
}

/** Chromium with the e2e build (`wxt build --mode e2e`), a fresh profile and downloads folder. */
export const launchChromiumStory: LaunchStory = async () => {
  const downloadsPath = await mkdtemp(join(tmpdir(), 'waymark-downloads-'));
  const browser = await launchWaymark({ extensionDir: E2E_EXTENSION_DIR, downloadsPath });
  return new ChromiumStory(new WaymarkDriver(browser), downloadsPath);
};
