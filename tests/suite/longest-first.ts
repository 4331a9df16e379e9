/**
 * Vitest's order of test files, longest first by the durations last measured
 * (tests/suite/durations.json). Vitest sorts that way itself when its results cache has the
 * durations, but a fresh checkout (CI) has no cache and gets files largest first, which sends the
 * slow end-to-end files (a packed install, git hooks, the binary under other users) to the end of
 * the run, where one worker finishes them while the other waits. A file not in the list keeps
 * Vitest's place for it, ahead of the listed ones (it may be slow, and it is new). Projects keep
 * their order. `npm run test:durations` rewrites the list; a stale one only orders less well.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export const DURATIONS = new URL('./durations.json', import.meta.url);

function readDurations(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(DURATIONS, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

/**
 * `items` (in Vitest's order) reordered: projects keep their order; within one, the files with no
 * known duration first, in the order given, then the rest longest first (ties in the order given).
 */
export function longestFirst<T>(items: readonly T[], project: (t: T) => string, seconds: (t: T) => number | undefined): T[] {
  const rank = new Map(items.map((item, i) => [item, i]));
  const projects = [...new Set(items.map(project))];
  return items.slice().sort((a, b) => {
    const byProject = projects.indexOf(project(a)) - projects.indexOf(project(b));
    if (byProject !== 0) return byProject;
    const da = seconds(a);
    const db = seconds(b);
    if (da === undefined || db === undefined) return da === db ? rank.get(a)! - rank.get(b)! : da === undefined ? -1 : 1;
    return db - da || rank.get(a)! - rank.get(b)!;
  });
}

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const seconds = readDurations();
    const root = this.ctx.config.root;
    return longestFirst(
      await super.sort(files),
      (spec) => spec.project.name,
      (spec) => seconds[relative(root, spec.moduleId).split('\\').join('/')],
    );
  }
}
