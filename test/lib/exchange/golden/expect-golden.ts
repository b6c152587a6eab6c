import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

// Not `new URL(name, import.meta.url)`: under happy-dom the global URL is
// happy-dom's, which node:fs does not take for a file URL.
const GOLDEN_DIR = dirname(fileURLToPath(import.meta.url));

/**
 * Compares an exporter's output with the golden file `name` in this folder,
 * byte for byte. `UPDATE_GOLDEN=1 npx vitest run test/lib/exchange` rewrites
 * the golden files instead: read the diff before committing it.
 */
export function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
