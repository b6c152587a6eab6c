import { defineConfig } from 'vitest/config';

/**
 * Checks on the built extension (bundle budgets): they read `.output/`, so
 * `npm test` runs them after `wxt build` (scripts/test-all.ts).
 */
export default defineConfig({
  test: {
    include: ['test/build/**/*.test.ts'],
    environment: 'node',
  },
});
