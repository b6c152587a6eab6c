import type { Region } from './in-page';
import type { TriggerMessage } from './trigger-in-page';
import type { Rating } from './waymark';

export type { Region } from './in-page';
export type { Rating } from './waymark';

/**
 * A tab a user story acts in, whichever browser drives it. The driver that
 * opened it is the only one that can act on it.
 */
export interface StoryTab {
  /** Loads a web page in this tab and waits for it. */
  goto(url: string): Promise<void>;
  /** Reloads, and for Waymark's own pages waits until they show their data. */
  reload(): Promise<void>;
  /** How many elements match the CSS `selector` now. */
  count(selector: string): Promise<number>;
  /** Runs `fn(arg)` in the page; argument and result are plain JSON data. */
  evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<R>;
  /** Saves a PNG of the tab's viewport. */
  screenshot(path: string): Promise<void>;
  /** The address the tab shows now. */
  url(): Promise<string>;
  /** Types `value` into the field at `selector`, replacing what it held. */
  fill(selector: string, value: string): Promise<void>;
  /** Presses a key as the keyboard does: `Escape`, `Enter`, `Digit2`, `Shift+Digit4`. */
  press(key: string): Promise<void>;
  /** Moves the pointer to (`x`, `y`) in the viewport (CSS pixels), and clicks there for `click`; inside an iframe too. */
  mouseAt(x: number, y: number, action: 'move' | 'click'): Promise<void>;
  /** Turns the mouse wheel where the pointer is (negative `deltaY`: up), holding Alt if `alt`. */
  wheel(deltaY: number, alt: boolean): Promise<void>;
}

/**
 * The researcher's actions in one browser with Waymark loaded, in the words
 * of the user stories, so one e2e test file runs in every browser. Each
 * implementation uses the same selectors (`data-action` buttons,
 * `input[name=title]`, the `waymark-capture` shadow host) and acts through
 * Waymark's pages and the page under study, never through the background.
 */
export interface StoryDriver {
  /** `chromium` or `firefox`. */
  readonly name: string;
  /** A new tab showing `url`. */
  openPage(url: string): Promise<StoryTab>;
  /** The popup, opened as a page that acts on `target` (`popup.html?tab=<id>`). */
  openPopup(target: StoryTab): Promise<StoryTab>;
  /** Starts a journey named `title` in the popup, ending a running one first. */
  startJourney(popup: StoryTab, title: string): Promise<void>;
  /** "Tag an element", a click on `selector` in `page`, ratings by keyboard, Enter; waits for the confirmation. */
  tagElement(popup: StoryTab, page: StoryTab, selector: string, rating: Rating): Promise<void>;
  /** "Export JSON" in the popup: the downloaded file's name, text and parsed content. */
  exportJson(popup: StoryTab): Promise<{ fileName: string; json: unknown; text: string }>;
  /**
   * Stops Waymark's background and lets the browser start it again, as
   * Chrome does to idle MV3 workers (Firefox: the background page reloads).
   * Whatever was acknowledged must survive.
   */
  restartBackground(page: StoryTab): Promise<void>;
  /** Closes the browser and removes its profile and downloads. */
  close(): Promise<void>;
}

/** Which messages of the capture card (inside the overlay's shadow root) to read. */
export type CardRole = 'alert' | 'status';

/** An export format of the journeys page (`select[name=format]`). */
export type ExportFormat = 'json' | 'zip' | 'csv' | 'mermaid' | 'html' | 'annotations';

/**
 * Everything the capture-card and exchange stories need, on top of
 * `StoryDriver`, in both browsers. Reading Waymark's data (`dumpDatabase`,
 * `screenshotPixels`, `sendMessages`) happens in an extension page, with the
 * same code in every browser (`in-page.ts`).
 */
export interface WaymarkStoryDriver extends StoryDriver {
  /** The popup page's address (`…/popup.html`), without a target tab. */
  readonly popupUrl: string;
  /** An internal page of this browser no extension may script (`chrome://version`, `about:config`). */
  readonly internalPageUrl: string;
  /** The browser's tab id of `tab`, asked from an extension page. */
  tabIdOf(tab: StoryTab): Promise<number>;
  /** The popup, opened as a page acting on the tab with id `tabId`, without waiting for its data. */
  openPopupOnTab(tabId: number): Promise<StoryTab>;
  /** Calls a shortcut's or context menu's handler in the background as the browser would (test builds). */
  trigger(message: TriggerMessage): Promise<unknown>;
  /** Clicks "Tag an element" in the popup, nothing more. */
  clickTagElement(popup: StoryTab): Promise<void>;
  /** Brings `page` to the front and waits for the picker's hint there. */
  waitForPicker(page: StoryTab): Promise<void>;
  /** "Tag an element", then a click on `selector` in `page`: waits until the card opens. */
  pickElement(popup: StoryTab, page: StoryTab, selector: string): Promise<void>;
  /** Rates on the open card by keyboard alone (digits, Shift+digits) and types the note. */
  rate(page: StoryTab, rating: Rating): Promise<void>;
  /**
   * Waits for the card's message with `role` (containing `text`, if given) and
   * returns its text.
   */
  cardMessage(page: StoryTab, role: CardRole, text?: string): Promise<string>;
  /** Waits for the popup's alert (`.wm-notice[role=alert]`) and returns its text. */
  popupAlert(popup: StoryTab): Promise<string>;
  /** Sends each of `messages` to the background from an extension page; the replies. */
  sendMessages(messages: unknown[]): Promise<unknown[]>;
  /** Everything in Waymark's IndexedDB as JSON text (Blobs show as `{}`). */
  dumpDatabase(): Promise<string>;
  /** Near-black pixels of a stored screenshot inside each region (CSS pixels of its viewport). */
  screenshotPixels(touchpointId: string, viewportWidth: number, regions: Region[]): Promise<{ black: number; total: number }[]>;
  /** Opens the journeys page (list, export, import, settings) once it shows its data. */
  openJourneysPage(): Promise<StoryTab>;
  /** On the journeys page: selects the journeys titled `titles` (or all), exports as `format`; the file. */
  exportFrom(page: StoryTab, titles: string[] | 'all', format: ExportFormat): Promise<{ fileName: string; bytes: Buffer }>;
  /** On the journeys page: imports the file at `path`; the report or the problems shown. */
  importInto(page: StoryTab, path: string): Promise<{ ok: boolean; text: string }>;
  /** A new tab showing the HTML `html` (e.g. an exported map). */
  openHtml(html: string): Promise<StoryTab>;
}

/** Starts a browser with the e2e build of Waymark in a fresh profile. */
export type LaunchStory = () => Promise<WaymarkStoryDriver>;

/** A registry of the tabs a driver opened, so it can act on its own tabs only. */
export class TabRegistry<Page> {
  readonly #pages = new WeakMap<StoryTab, Page>();

  add(tab: StoryTab, page: Page): StoryTab {
    this.#pages.set(tab, page);
    return tab;
  }

  pageOf(tab: StoryTab): Page {
    const page = this.#pages.get(tab);
    if (!page) throw new Error('This tab belongs to another browser driver.');
    return page;
  }
}
