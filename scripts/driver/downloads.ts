import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Names of unfinished downloads: Chromium writes `<name>.crdownload`; Firefox
 * writes `<name>.part` beside an empty placeholder `<name>` and renames the
 * part over it when done.
 */
const PARTIAL = /\.(crdownload|part)$/;

/**
 * Waits for a finished download in `dir` that was not in `before`: no partial
 * file of its own left, and not empty (Firefox's placeholder).
 */
export async function waitForNewFile(dir: string, before: Set<string>, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const names = await readdir(dir);
    const partial = new Set(names.filter((name) => PARTIAL.test(name)).map((name) => name.replace(PARTIAL, '')));
    for (const name of names) {
      if (before.has(name) || PARTIAL.test(name) || partial.has(name)) continue;
      if ((await stat(join(dir, name))).size > 0) return name;
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`No download arrived in ${dir} within ${timeoutMs} ms`);
}
