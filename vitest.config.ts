import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tools/**/*.test.ts', 'tests/**/*.test.ts'],
    // Two cores on the reference machine: the corpus-heavy suites are CPU bound.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
