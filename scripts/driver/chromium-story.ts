import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Region } from './in-page';
import { sendMessagesInPage } from './in-page';
import { E2E_EXTENSION_DIR, launchWaymark } from './launch';
import { type CardRole, type ExportFormat, type LaunchStory, type StoryTab, TabRegistry, type WaymarkStoryDriver } from './story';
import { type TriggerMessage, triggerInPage } from './trigger-in-page';
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
    url: async () => page.url(),
    fill: (selector, value) => page.fill(selector, value),
    press: (key) => page.keyboard.press(key),
    mouseAt: (x, y, action) => (action === 'click' ? page.mouse.click(x, y) : page.mouse.move(x, y)),
    wheel: async (deltaY, alt) => {
      if (alt) await page.keyboard.down('Alt');
      await page.mouse.wheel(0, deltaY);
      if (alt) await page.keyboard.up('Alt');
    },
  };
}

/** The user stories in Chromium, through `WaymarkDriver` (Playwright). */
class ChromiumStory implements WaymarkStoryDriver {
  readonly name = 'chromium';
  readonly internalPageUrl = 'chrome://version';
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

  get popupUrl(): string {
    return this.waymark.popupUrl;
  }

  tabIdOf(tab: StoryTab): Promise<number> {
    return this.waymark.tabIdOf(this.#tabs.pageOf(tab));
  }

  async trigger(message: TriggerMessage): Promise<unknown> {
    const page = await this.waymark.browser.context.newPage();
    await page.goto(this.waymark.popupUrl);
    const result = await page.evaluate(triggerInPage, message);
    await page.close();
    return result;
  }

  async openPopupOnTab(tabId: number): Promise<StoryTab> {
    const popup = await this.waymark.browser.context.newPage();
    await popup.goto(`${this.popupUrl}?tab=${tabId}`);
    return this.#tabs.add(tabOf(popup, '.wm-popup[aria-busy="false"]'), popup);
  }

  async clickTagElement(popup: StoryTab): Promise<void> {
    await this.#tabs.pageOf(popup).getByRole('button', { name: 'Tag an element' }).click();
  }

  async waitForPicker(page: StoryTab): Promise<void> {
    await this.#tabs.pageOf(page).bringToFront();
    await this.#tabs.pageOf(page).locator('waymark-capture .wm-picker-hint').waitFor();
  }

  async pickElement(popup: StoryTab, page: StoryTab, selector: string): Promise<void> {
    await this.waymark.pickElement(this.#tabs.pageOf(popup), this.#tabs.pageOf(page), selector);
  }

  rate(page: StoryTab, rating: Rating): Promise<void> {
    const shop = this.#tabs.pageOf(page);
    return this.waymark.rate(shop, shop.locator('waymark-capture .wm-card'), rating);
  }

  async cardMessage(page: StoryTab, role: CardRole, text?: string): Promise<string> {
    const messages = this.#tabs.pageOf(page).locator('waymark-capture .wm-card').getByRole(role);
    const message = text === undefined ? messages : messages.filter({ hasText: text });
    await message.waitFor();
    return (await message.textContent()) ?? '';
  }

  async popupAlert(popup: StoryTab): Promise<string> {
    return (await this.#tabs.pageOf(popup).getByRole('alert').textContent()) ?? '';
  }

  async sendMessages(messages: unknown[]): Promise<unknown[]> {
    const page = await this.waymark.browser.context.newPage();
    await page.goto(this.popupUrl);
    const replies = await page.evaluate(sendMessagesInPage, messages);
    await page.close();
    return replies;
  }

  dumpDatabase(): Promise<string> {
    return this.waymark.dumpDatabase();
  }

  screenshotPixels(touchpointId: string, viewportWidth: number, regions: Region[]): Promise<{ black: number; total: number }[]> {
    return this.waymark.screenshotPixels(touchpointId, viewportWidth, regions);
  }

  async openJourneysPage(): Promise<StoryTab> {
    const page = await this.waymark.openJourneysPage();
    return this.#tabs.add(tabOf(page, '.wm-page[aria-busy="false"]'), page);
  }

  exportFrom(page: StoryTab, titles: string[] | 'all', format: ExportFormat): Promise<{ fileName: string; bytes: Buffer }> {
    return this.waymark.exportFrom(this.#tabs.pageOf(page), this.downloadsPath, titles, format);
  }

  importInto(page: StoryTab, path: string): Promise<{ ok: boolean; text: string }> {
    return this.waymark.importInto(this.#tabs.pageOf(page), path);
  }

  async openHtml(html: string): Promise<StoryTab> {
    const page = await this.waymark.browser.context.newPage();
    await page.setContent(html);
    return this.#tabs.add(tabOf(page), page);
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
