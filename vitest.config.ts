import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tools/**/*.test.ts', 'tests/**/*.test.ts'],
    // Two cores on the reference machine: the corpus-heavy suites are CPU bound.
    pool: 'forks',
    // Vitest's default on two cores is one worker (cores − 1), which runs every file in turn. Most
    // files spend their time waiting on the CLI processes they spawn, so two workers overlap those
    // waits; no two files share an output folder (each makes its own temp project), and the shared
    // corpus caches are written atomically.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
