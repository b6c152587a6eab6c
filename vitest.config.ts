import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** Unit tests: Node by default, happy-dom per file where a DOM is needed. */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Checks on the built extension run after the build: vitest.build.config.ts.
    exclude: ['**/node_modules/**', 'test/build/**'],
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto'],
    // Property tests run hundreds of cases (some through Mermaid's parser); on a
    // shared CI machine 5 s is not enough. A time limit here guards against hangs,
    // it is not a performance check (those are in bench/).
    testTimeout: 60_000,
  },
});
