import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Files that change what the whole process sees (module mocks, spies on the process's streams, the
 * cache switch left off at their end) get a fresh worker each. Every other file shares its worker
 * with the files before it: no second start-up and module load per file, and the CLI runs they
 * make in-process (tests/helpers/run-in-process.ts) find the parsers already optimized by V8.
 */
const ISOLATED = [
  'tests/hostile/lost-update.test.ts',
  'tests/hostile/environment-errors.test.ts',
  'tests/api/commands.test.ts',
  'tests/where/api.test.ts',
  'tests/cache/corrupt-entries.test.ts',
  'tests/cache/corrupt-memos.test.ts',
  'tests/cache/run-memo-race.test.ts',
  'tests/cache/run-memo-start.test.ts',
];
const ALL = ['tools/**/*.test.ts', 'tests/**/*.test.ts'];

export default defineConfig({
  test: {
    pool: 'forks',
    // Vitest's default on two cores is one worker (cores − 1), which runs every file in turn. Files
    // still wait on processes they spawn (the packed CLI, git hooks, npm, python), so two workers
    // overlap those waits; no two files share an output folder (each makes its own temp project),
    // and the shared corpus caches are written atomically.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'shared', include: ALL, exclude: [...configDefaults.exclude, ...ISOLATED], isolate: false } },
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
    ],
  },
});
