import { getScreenshot } from '../store/touchpoints';
import { pageDb } from './page-db';

/**
 * Object URLs of stored screenshots (thumbnails and full images), read from
 * IndexedDB in the page and cached per touchpoint; `revokeAll` frees them.
 */
export class ScreenshotUrls {
  readonly #thumbs = new Map<string, Promise<string | undefined>>();
  readonly #urls: string[] = [];

  #url(blob: Blob): string {
    const url = URL.createObjectURL(blob);
    this.#urls.push(url);
    return url;
  }

  /** Thumbnail URLs of the touchpoints that have one, by touchpoint id. */
  async thumbnails(touchpointIds: readonly string[]): Promise<Record<string, string>> {
    const entries = await Promise.all(
      touchpointIds.map(async (id) => {
        let pending = this.#thumbs.get(id);
        if (!pending) {
          pending = pageDb()
            .then((db) => getScreenshot(db, id))
            .then((shot) => (shot ? this.#url(shot.thumbnail) : undefined))
            .catch(() => undefined);
          this.#thumbs.set(id, pending);
        }
        return [id, await pending] as const;
      }),
    );
    return Object.fromEntries(entries.filter((e): e is readonly [string, string] => e[1] !== undefined));
  }

  /** The full screenshot of a touchpoint, or `undefined` when it has none. */
  async image(touchpointId: string): Promise<string | undefined> {
    const shot = await getScreenshot(await pageDb(), touchpointId);
    return shot ? this.#url(shot.image) : undefined;
  }

  /** Forgets a touchpoint's cached thumbnail (its screenshot may have changed). */
  forget(touchpointId: string): void {
    this.#thumbs.delete(touchpointId);
  }

  revokeAll(): void {
    for (const url of this.#urls.splice(0)) URL.revokeObjectURL(url);
    this.#thumbs.clear();
  }
}
