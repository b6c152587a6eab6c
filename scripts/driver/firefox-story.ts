import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { FIREFOX_E2E_EXTENSION_DIR, launchFirefoxWaymark } from './firefox';
import { FirefoxWaymarkDriver } from './firefox-waymark';
import { type LaunchStory, type StoryDriver, type StoryTab, TabRegistry } from './story';
import type { Rating } from './waymark';

/** The user stories in Firefox, through `FirefoxWaymarkDriver` (puppeteer-core). */
class FirefoxStory implements StoryDriver {
  readonly name = 'firefox';
  readonly #tabs = new TabRegistry<Page>();

  constructor(
    readonly waymark: FirefoxWaymarkDriver,
    readonly downloadsPath: string,
  ) {}

  #tab(page: Page, isPopup = false): StoryTab {
    return this.#tabs.add(
      {
        goto: async (url) => {
          await page.goto(url);
        },
        reload: async () => {
          if (isPopup) await this.waymark.reloadPopup(page);
          else await page.reload();
        },
        count: async (selector) => (await page.$$(selector)).length,
        evaluate: <A, R>(fn: (arg: A) => R, arg: A) => page.evaluate(fn as (arg: unknown) => Promise<R>, arg),
        screenshot: async (path) => {
          await page.screenshot({ path: path as `${string}.png` });
        },
      },
      page,
    );
  }

  async openPage(url: string): Promise<StoryTab> {
    return this.#tab(await this.waymark.openPage(url));
  }

  async openPopup(target: StoryTab): Promise<StoryTab> {
    return this.#tab(await this.waymark.openPopup(this.#tabs.pageOf(target)), true);
  }

  startJourney(popup: StoryTab, title: string): Promise<void> {
    return this.waymark.startJourney(this.#tabs.pageOf(popup), title);
  }

  tagElement(popup: StoryTab, page: StoryTab, selector: string, rating: Rating): Promise<void> {
    return this.waymark.tagElement(this.#tabs.pageOf(popup), this.#tabs.pageOf(page), selector, rating);
  }

  exportJson(popup: StoryTab): Promise<{ fileName: string; json: unknown; text: string }> {
    return this.waymark.exportJson(this.#tabs.pageOf(popup));
  }

  restartBackground(): Promise<void> {
    return this.waymark.restartBackground();
  }

  async close(): Promise<void> {
    await this.waymark.firefox.close();
    await rm(this.downloadsPath, { recursive: true, force: true });
  }
}

/** Firefox with the e2e build (`wxt build -b firefox --mode e2e`), a fresh profile and downloads folder. */
export const launchFirefoxStory: LaunchStory = async () => {
  const downloadsPath = await mkdtemp(join(tmpdir(), 'waymark-downloads-'));
  const firefox = await launchFirefoxWaymark({ extensionDir: FIREFOX_E2E_EXTENSION_DIR, downloadsPath });
  return new FirefoxStory(new FirefoxWaymarkDriver(firefox, downloadsPath), downloadsPath);
};
