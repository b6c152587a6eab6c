import { readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Gzip sizes of the built Chrome extension's three bundles that have a budget
 * (issue #7), read from a `wxt build` output folder. Shared by the bundle
 * budget test (test/build/) and the bundle bench (bench/bundle-size.bench.ts).
 *
 * Sizes are gzip level 9 of the JavaScript as built, in bytes; 1 KB = 1,000
 * bytes (as Vite's build report). Styles the overlay bundles as text are in
 * its script, so they count; the popup's stylesheets are files of their own
 * and are listed apart, not counted.
 */

/** The budgets of issue #7, gzip bytes. */
export const BUDGETS = {
  /** The capture overlay, injected into a page on demand. */
  overlay: 25_000,
  /** The popup: its entry chunk and every chunk it imports statically. */
  popup: 40_000,
  /** The background service worker (one file: a worker cannot `import()`). */
  background: 30_000,
} as const;

export type BundleName = keyof typeof BUDGETS;

/** One bundle: its files (relative to the output folder) and their gzip bytes. */
export interface BundleSize {
  name: BundleName;
  files: string[];
  gzipBytes: number;
  rawBytes: number;
  budget: number;
}

/** The default Chrome output folder of `wxt build`. */
export const CHROME_OUTPUT = '.output/chrome-mv3';

const gzipBytes = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

/** Chunks a module imports statically (`import … from "./x.js"`, `import "./x.js"`); not `import()`. */
function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) found.add(match[1]!);
  return [...found];
}

/** `file` (relative to `root`) and every chunk it imports statically, transitively. */
function withStaticImports(root: string, file: string): string[] {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const code = readFileSync(join(root, path), 'utf8');
    for (const spec of staticImports(code)) {
      const next = spec.startsWith('/') ? spec.slice(1) : normalize(join(dirname(path), spec));
      visit(relative('.', next));
    }
  };
  visit(file);
  return [...seen];
}

/** The popup's entry script, from popup.html's `<script type="module" src>`. */
function popupEntry(root: string): string {
  const html = readFileSync(join(root, 'popup.html'), 'utf8');
  const src = /<script[^>]*type="module"[^>]*src="([^"]+)"/.exec(html)?.[1];
  if (!src) throw new Error(`popup.html in ${root} has no module script`);
  return src.replace(/^\//, '');
}

function sizeOf(root: string, name: BundleName, files: string[]): BundleSize {
  const contents = files.map((f) => readFileSync(join(root, f)));
  return {
    name,
    files,
    // Each file is fetched and compressed on its own: sum their gzip sizes.
    gzipBytes: contents.reduce((sum, c) => sum + gzipBytes(c), 0),
    rawBytes: contents.reduce((sum, c) => sum + c.length, 0),
    budget: BUDGETS[name],
  };
}

/** The three budgeted bundles of a Chrome build in `root` (by default `.output/chrome-mv3`). */
export function measureBundles(root = CHROME_OUTPUT): Record<BundleName, BundleSize> {
  return {
    overlay: sizeOf(root, 'overlay', ['content-scripts/capture.js']),
    popup: sizeOf(root, 'popup', withStaticImports(root, popupEntry(root))),
    background: sizeOf(root, 'background', ['background.js']),
  };
}

/** Gzip bytes of a built file, or `null` when the build has no such file (e.g. a recorder not built yet). */
export function gzipSizeOf(path: string): number | null {
  try {
    return gzipBytes(readFileSync(path));
  } catch {
    return null;
  }
}

/** `12,345 B` as `12.3 KB`. */
export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
