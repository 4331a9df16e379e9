import { defineConfig } from 'vitest/config';
import LongestFirst from './tests/suite/longest-first.js';

/**
 * Test files share their worker (`isolate: false`): no second start-up and module load per file, and
 * the CLI runs they make in-process (tests/helpers/run-in-process.ts) find the parsers already
 * optimized by V8. So a file puts back what it changes process-wide (spies, the cache switch), and
 * no file mocks a module: a mock would leak into the files after it. A test that needs to see a
 * command between two of its steps passes the command a progress sink, as any library caller can.
 */
export default defineConfig({
  test: {
    include: ['tools/**/*.test.ts', 'tests/**/*.test.ts'],
    // One temporary folder for the whole run, removed at its end (tests/suite/temp-root.ts).
    globalSetup: ['tests/suite/temp-root.ts'],
    pool: 'forks',
    isolate: false,
    // Vitest's default on two cores is one worker (cores − 1), which runs every file in turn. Files
    // still wait on processes they spawn (the packed CLI, git hooks, npm, python), so two workers
    // overlap those waits; no two files share an output folder (each makes its own temp project),
    // and the shared corpus caches are written atomically.
    maxWorkers: 2,
    // Longest files first (tests/suite/longest-first.ts), so two workers finish together.
    sequence: { sequencer: LongestFirst },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
