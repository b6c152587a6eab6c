import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyInput, Page } from 'puppeteer-core';
import { FIREFOX_E2E_EXTENSION_DIR, launchFirefoxWaymark, showExtensionPage, waitInPage } from './firefox';
import { FirefoxWaymarkDriver, JOURNEYS_READY, waitForOverlay } from './firefox-waymark';
import type { Region } from './in-page';
import { type CardRole, type ExportFormat, type LaunchStory, type StoryTab, TabRegistry, type WaymarkStoryDriver } from './story';
import { type TriggerMessage, triggerInPage } from './trigger-in-page';
import type { Rating } from './waymark';

/** Presses `key`, e.g. `Shift+Digit4`: the modifiers go down first and up last. */
async function pressKey(page: Page, key: string): Promise<void> {
  const parts = key.split('+') as KeyInput[];
  const main = parts.pop()!;
  for (const modifier of parts) await page.keyboard.down(modifier);
  await page.keyboard.press(main);
  for (const modifier of parts.reverse()) await page.keyboard.up(modifier);
}

/** The user stories in Firefox, through `FirefoxWaymarkDriver` (puppeteer-core). */
class FirefoxStory implements WaymarkStoryDriver {
  readonly name = 'firefox';
  /**
   * The add-ons manager: no extension may script it, as `chrome://version` in Chromium
   * (`about:` pages are privileged: `tabs.executeScript` is refused there).
   */
  readonly internalPageUrl = 'about:addons';
  readonly #tabs = new TabRegistry<Page>();

  constructor(
    readonly waymark: FirefoxWaymarkDriver,
    readonly downloadsPath: string,
  ) {}

  /** `ready`: for Waymark's own pages, what they show once loaded (`reload` waits for it). */
  #tab(page: Page, ready?: 'popup' | string): StoryTab {
    return this.#tabs.add(
      {
        goto: async (url) => {
          if (url.startsWith('about:')) {
            // Like moz-extension pages, privileged pages send no navigation events: poll.
            page.goto(url).catch(() => undefined);
            const deadline = Date.now() + 15_000;
            // `page.url()` can lag behind (the old frame is detached): ask the page too.
            const shows = async () => page.url() === url || (await page.evaluate(() => location.href).catch(() => '')) === url;
            while (!(await shows())) {
              if (Date.now() > deadline) throw new Error(`Firefox did not show ${url}`);
              await new Promise((done) => setTimeout(done, 50));
            }
            return;
          }
          await page.goto(url);
        },
        reload: async () => {
          if (ready === 'popup') await this.waymark.reloadPopup(page);
          else if (ready) {
            await page.bringToFront();
            await showExtensionPage(page, await page.evaluate(() => location.href), ready);
          } else await page.reload();
        },
        count: async (selector) => (await page.$$(selector)).length,
        evaluate: <A, R>(fn: (arg: A) => R, arg: A) => page.evaluate(fn as (arg: unknown) => Promise<R>, arg),
        screenshot: async (path) => {
          await page.screenshot({ path: path as `${string}.png` });
        },
        url: async () => page.url(),
        fill: async (selector, value) => {
          await page.locator(selector).fill(value);
        },
        press: (key) => pressKey(page, key),
        mouseAt: (x, y, action) => (action === 'click' ? page.mouse.click(x, y) : page.mouse.move(x, y)),
        wheel: async (deltaY, alt) => {
          if (alt) await page.keyboard.down('Alt');
          await page.mouse.wheel({ deltaY });
          if (alt) await page.keyboard.up('Alt');
        },
      },
      page,
    );
  }

  get popupUrl(): string {
    return this.waymark.popupUrl;
  }

  async openPage(url: string): Promise<StoryTab> {
    return this.#tab(await this.waymark.openPage(url));
  }

  async openPopup(target: StoryTab): Promise<StoryTab> {
    return this.#tab(await this.waymark.openPopup(this.#tabs.pageOf(target)), 'popup');
  }

  tabIdOf(tab: StoryTab): Promise<number> {
    return this.waymark.tabIdOf(this.#tabs.pageOf(tab));
  }

  async trigger(message: TriggerMessage): Promise<unknown> {
    const page = await this.waymark.openExtensionPage();
    const result = await page.evaluate(triggerInPage, message);
    await page.close();
    return result;
  }

  async openPopupOnTab(tabId: number): Promise<StoryTab> {
    return this.#tab(await this.waymark.openPopupOnTab(tabId), 'popup');
  }

  startJourney(popup: StoryTab, title: string): Promise<void> {
    return this.waymark.startJourney(this.#tabs.pageOf(popup), title);
  }

  async clickTagElement(popup: StoryTab): Promise<void> {
    await this.#tabs.pageOf(popup).click('[data-action="tag-element"]');
  }

  async waitForPicker(page: StoryTab): Promise<void> {
    const shop = this.#tabs.pageOf(page);
    await shop.bringToFront();
    await waitForOverlay(shop, '.wm-picker-hint');
  }

  async pickElement(popup: StoryTab, page: StoryTab, selector: string): Promise<void> {
    await this.waymark.pickElement(this.#tabs.pageOf(popup), this.#tabs.pageOf(page), selector);
  }

  async rate(page: StoryTab, rating: Rating): Promise<void> {
    const shop = this.#tabs.pageOf(page);
    await this.waymark.rate(shop, await waitForOverlay(shop, '.wm-card'), rating);
  }

  async cardMessage(page: StoryTab, role: CardRole, text = ''): Promise<string> {
    const shop = this.#tabs.pageOf(page);
    // Polled: `waitForSelector` does not see changes inside the overlay's shadow root.
    const found = await shop.waitForFunction(
      (r, t) => {
        const card = document.querySelector('waymark-capture')?.shadowRoot?.querySelector('.wm-card');
        const match = Array.from(card?.querySelectorAll(`[role="${r}"]`) ?? []).find((el) => el.textContent?.includes(t));
        return match ? (match.textContent ?? '') : false;
      },
      { polling: 50, timeout: 15_000 },
      role,
      text,
    );
    return (await found.jsonValue()) as string;
  }

  async popupAlert(popup: StoryTab): Promise<string> {
    const page = this.#tabs.pageOf(popup);
    await waitInPage(page, 'the popup alert', () => document.querySelector('[role="alert"]') !== null);
    return page.$eval('[role="alert"]', (el) => el.textContent ?? '');
  }

  sendMessages(messages: unknown[]): Promise<unknown[]> {
    return this.waymark.sendMessages(messages);
  }

  dumpDatabase(): Promise<string> {
    return this.waymark.dumpDatabase();
  }

  screenshotPixels(touchpointId: string, viewportWidth: number, regions: Region[]): Promise<{ black: number; total: number }[]> {
    return this.waymark.screenshotPixels(touchpointId, viewportWidth, regions);
  }

  async openJourneysPage(): Promise<StoryTab> {
    return this.#tab(await this.waymark.openJourneysPage(), JOURNEYS_READY);
  }

  exportFrom(page: StoryTab, titles: string[] | 'all', format: ExportFormat): Promise<{ fileName: string; bytes: Buffer }> {
    return this.waymark.exportFrom(this.#tabs.pageOf(page), titles, format);
  }

  importInto(page: StoryTab, path: string): Promise<{ ok: boolean; text: string }> {
    return this.waymark.importInto(this.#tabs.pageOf(page), path);
  }

  async openHtml(html: string): Promise<StoryTab> {
    const page = await this.waymark.firefox.browser.newPage();
    await page.setContent(html);
    return this.#tab(page);
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
