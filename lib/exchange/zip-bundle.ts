import { strFromU8, strToU8, type Unzipped, unzipSync, zipSync } from 'fflate';

/** The JSON file's name inside a bundle; screenshots sit beside it under `screenshots/`. */
export const BUNDLE_JSON = 'waymark.json';

/** Limits that keep a hostile ZIP (a zip bomb, thousands of entries) from taking the browser down. */
export const ZIP_LIMITS = { maxEntries: 20_000, maxTotalBytes: 500_000_000, maxJsonBytes: 50_000_000 };

/** A file inside a bundle, by its relative path. */
export interface BundleFile {
  path: string;
  bytes: Uint8Array;
}

/**
 * A ZIP bundle: the export JSON and the screenshots it references by relative
 * path (`screenshots/<touchpoint id>.webp`). Images are stored, not
 * deflated: WebP is compressed already. A fixed file time keeps the bytes the
 * same for the same content.
 */
export function buildZipBundle(json: string, screenshots: readonly BundleFile[]): Uint8Array {
  const mtime = new Date('2000-01-01T00:00:00Z');
  const entries: Record<string, [Uint8Array, { level: 0 | 6; mtime: Date }]> = {
    [BUNDLE_JSON]: [strToU8(json), { level: 6, mtime }],
  };
  for (const shot of [...screenshots].sort((a, b) => a.path.localeCompare(b.path))) {
    entries[shot.path] = [shot.bytes, { level: 0, mtime }];
  }
  return zipSync(entries);
}

/** What a bundle held: the JSON text and its screenshots by path. */
export interface OpenedBundle {
  json: string;
  screenshots: Map<string, Uint8Array>;
}

/** True for a ZIP's local file header signature `PK\x03\x04`. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Opens a bundle, refusing before inflating anything that is too big, has too
 * many entries, or has paths that climb out of the bundle. Throws an `Error`
 * whose message says which rule was broken.
 */
export function readZipBundle(bytes: Uint8Array, limits = ZIP_LIMITS): OpenedBundle {
  let entries = 0;
  let total = 0;
  let files: Unzipped;
  try {
    files = unzipSync(bytes, {
      filter(file) {
        entries += 1;
        total += file.originalSize;
        if (entries > limits.maxEntries) throw new Error(`The ZIP has more than ${limits.maxEntries} files.`);
        if (total > limits.maxTotalBytes) {
          throw new Error(`The ZIP would unpack to more than ${Math.round(limits.maxTotalBytes / 1e6)} MB.`);
        }
        if (file.name.startsWith('/') || file.name.split('/').includes('..')) {
          throw new Error(`The ZIP has an unsafe path: ${file.name}`);
        }
        return file.name === BUNDLE_JSON || /^screenshots\/[0-9a-f-]{36}\.(webp|jpg|png)$/.test(file.name);
      },
    });
  } catch (error) {
    if (error instanceof Error && /^The ZIP/.test(error.message)) throw error;
    throw new Error(`This ZIP file cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const json = files[BUNDLE_JSON];
  if (!json) throw new Error(`The ZIP has no ${BUNDLE_JSON}: it is not a Waymark bundle.`);
  if (json.length > limits.maxJsonBytes)
    throw new Error(`${BUNDLE_JSON} is larger than ${Math.round(limits.maxJsonBytes / 1e6)} MB.`);
  const screenshots = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(files)) if (name !== BUNDLE_JSON) screenshots.set(name, data);
  return { json: strFromU8(json), screenshots };
}
