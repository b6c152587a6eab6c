import { browser } from 'wxt/browser';

/**
 * One value in `storage.local`, read through a parse function so a missing,
 * old or malformed value becomes a usable one. Written by hand instead of
 * WXT's storage helper (7.7 KB of the worker's bundle for versioning we do
 * with zod: each schema accepts its older shapes or falls back).
 */
export interface LocalItem<T> {
  get(): Promise<T>;
  set(value: T): Promise<void>;
}

export function localItem<T>(key: string, parse: (stored: unknown) => T): LocalItem<T> {
  return {
    async get() {
      const stored = await browser.storage.local.get(key);
      return parse(stored[key]);
    },
    async set(value) {
      await browser.storage.local.set({ [key]: value });
    },
  };
}
