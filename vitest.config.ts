import { configDefaults, defineConfig } from 'vitest/config';
import LongestFirst from './tests/suite/longest-first.js';

/**
 * Test files share their worker (`isolate: false`): no second start-up and module load per file, and
 * the CLI runs they make in-process (tests/helpers/run-in-process.ts) find the parsers already
 * optimized by V8. So a file puts back what it changes process-wide (spies, the cache switch), and
 * one that mocks a module gets a fresh worker.
 */
const ISOLATED = ['tests/hostile/lost-update.test.ts'];
const ALL = ['tools/**/*.test.ts', 'tests/**/*.test.ts'];

export default defineConfig({
  test: {
    pool: 'forks',
    // Vitest's default on two cores is one worker (cores − 1), which runs every file in turn. Files
    // still wait on processes they spawn (the packed CLI, git hooks, npm, python), so two workers
    // overlap those waits; no two files share an output folder (each makes its own temp project),
    // and the shared corpus caches are written atomically.
    maxWorkers: 2,
    // Longest files first (tests/suite/longest-first.ts), so two workers finish together.
    sequence: { sequencer: LongestFirst },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'shared', include: ALL, exclude: [...configDefaults.exclude, ...ISOLATED], isolate: false } },
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
    ],
  },
});
