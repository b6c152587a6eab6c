import type { Rating } from './waymark';

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

/** Starts a browser with the e2e build of Waymark in a fresh profile. */
export type LaunchStory = () => Promise<StoryDriver>;

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
