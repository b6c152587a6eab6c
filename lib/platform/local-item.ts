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

/** Where stored values are read and written: `storage.local`, or a stand-in for a context without it. */
export interface StoredValues {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

const storageLocal: StoredValues = {
  async get(key) {
    return (await browser.storage.local.get(key))[key];
  },
  async set(key, value) {
    await browser.storage.local.set({ [key]: value });
  },
};

let area: StoredValues = storageLocal;

/**
 * Reads and writes every item through `values` from now on. For Chrome's
 * offscreen document, whose only extension API is `runtime`: it reads and
 * writes through the worker (entrypoints/offscreen/main.ts).
 */
export function useStoredValues(values: StoredValues): void {
  area = values;
}

export function localItem<T>(key: string, parse: (stored: unknown) => T): LocalItem<T> {
  return {
    async get() {
      return parse(await area.get(key));
    },
    async set(value) {
      await area.set(key, value);
    },
  };
}
