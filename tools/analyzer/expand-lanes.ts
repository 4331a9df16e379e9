/**
 * Lane globs → workspace files (tinyglobby; `node_modules` never). A file that several lanes name
 * is read once; its adapter comes from the first lane whose language accepts it. An include glob
 * that matches nothing is a warning: usually a typo or a moved folder.
 *
 * Links are followed, but a file whose real path leaves the workspace is dropped with a warning
 * (its content would otherwise land in mapping.json and the reports), and a file reached by
 * several paths (a link loop, a linked folder) is taken once, by its shortest path. The number of
 * files is bounded: a workspace glob that matches more is almost always a misconfigured root.
 */
import { realpathSync } from 'node:fs';
import { join, sep } from 'node:path';
import { recordTiming } from '../cache/timings.js';
import type { LaneConfig } from '../config/schema.js';
import { ConfigError } from '../diagnostics/errors.js';
import { isWithin } from '../io/confine.js';
import { isPlainPath } from '../io/plain-path.js';
import { type Walk, WalkCache } from '../cache/walk-cache.js';
import type { AnalyzerWarning } from './facts.js';
import { languageOf, type FactLanguage } from './file-role.js';

export interface Expanded {
  files: Record<string, string[]>;
  languages: Map<string, FactLanguage>;
}

/** At most this many distinct files over all lanes. */
const MAX_WORKSPACE_FILES = 50_000;

/** Shorter paths first (fewer segments), then by text: the path a file is reached by when there are several. */
function byDepth(files: Iterable<string>): string[] {
  // Each path's depth counted once, not at every comparison of the sort.
  const depth = (f: string) => {
    let n = 0;
    for (let i = f.indexOf('/'); i >= 0; i = f.indexOf('/', i + 1)) n++;
    return n;
  };
  return [...files]
    .map((f) => [depth(f), f] as const)
    .sort(([da, a], [db, b]) => da - db || (a < b ? -1 : a > b ? 1 : 0))
    .map(([, f]) => f);
}

const noFileFor = (lane: string, pattern: string): AnalyzerWarning => ({
  file: 'specmap.config.json',
  line: 1,
  column: 1,
  message: `Found no file for lane "${lane}" glob ${JSON.stringify(pattern)}, expected at least one match under the workspace`,
});

/**
 * Async although the walks are synchronous: a refused workspace (too many files) is a rejection,
 * which the analyzer awaits only after the model, so that a model that cannot be built is reported first.
 */
export async function expandLanes(
  root: string,
  lanes: readonly Pick<LaneConfig, 'name' | 'include' | 'exclude' | 'language'>[],
  warnings: AnalyzerWarning[],
  options: { maxFiles?: number; cacheDir?: string } = {},
): Promise<Expanded> {
  const maxFiles = options.maxFiles ?? MAX_WORKSPACE_FILES;
  const t0 = performance.now();
  const files: Record<string, string[]> = {};
  const languages = new Map<string, FactLanguage>();
  // The native call: one realpath(3) per file instead of an lstat per path segment in JavaScript
  // (half the time on 3,000 files); the root goes the same way so that both compare alike.
  const realRoot = realpathSync.native(root);
  const realRootSlash = realRoot.endsWith(sep) ? realRoot : realRoot + sep;
  /** Real path → the workspace path it is known by; null when it leads outside or cannot be read. */
  const known = new Map<string, string | null>();
  const byPath = new Map<string, string | null>();
  const outside = new Set<string>();
  /** `linkFree`: the walk that found `f` met no symbolic link, so its real path is the root's joined with it. */
  const canonical = (f: string, linkFree: boolean): string | null => {
    const cached = byPath.get(f);
    if (cached !== undefined) return cached;
    let real: string;
    // `join` normalises every one of thousands of paths, ~20 ms on 3,000 files.
    if (linkFree) real = isPlainPath(f) ? realRootSlash + (sep === '/' ? f : f.split('/').join(sep)) : join(realRoot, f);
    else {
      try {
        real = realpathSync.native(join(root, f));
      } catch {
        byPath.set(f, null);
        return null;
      }
    }
    // A real path that starts with the root's is inside it (both are normalised); any other goes
    // the long way, which also knows where a file system ignores case.
    if (!real.startsWith(realRootSlash) && !isWithin(realRoot, real)) {
      outside.add(f);
      byPath.set(f, null);
      return null;
    }
    const first = known.get(real);
    const chosen = first ?? f;
    if (first === undefined) known.set(real, f);
    byPath.set(f, chosen);
    return chosen;
  };
  // Lanes often share their globs (definitions, handlers and emitters over the same sources): each
  // distinct pattern and ignore list walks the tree once, answered from the folders' stats when none
  // changed since the last run (cache/walk-cache.ts).
  const walks = new Map<string, Walk>();
  const cache = WalkCache.open(options.cacheDir, 'lane-walks');
  const walk = (pattern: string, ignore: string[]): Walk => {
    const key = JSON.stringify([pattern, ignore]);
    let found = walks.get(key);
    if (!found) {
      found = cache.walk({ cwd: root, patterns: [pattern], ignore, expandDirectories: false });
      walks.set(key, found);
    }
    return found;
  };
  // Lanes that select alike (definitions, handlers and emitters over the same globs) get the same
  // files: each selection is expanded once (on vercel-ai, two of three source lanes repeat the
  // first's 2,361 files; the whole expansion went from 128 to 121 ms, medians), and a lane that
  // repeats one takes its files and its warnings.
  const selections = new Map<string, { files: string[]; empty: string[] }>();
  for (const lane of lanes) {
    const selection = JSON.stringify([lane.include, lane.exclude ?? [], lane.language ?? 'auto']);
    const same = selections.get(selection);
    if (same) {
      for (const pattern of same.empty) warnings.push(noFileFor(lane.name, pattern));
      files[lane.name] = [...same.files];
      continue;
    }
    const ignore = ['**/node_modules/**', ...(lane.exclude ?? [])];
    const empty: string[] = [];
    const matched: string[] = [];
    const linkFree = new Set<string>();
    for (const pattern of lane.include) {
      const { files: found, linkFree: walkedLinkFree } = walk(pattern, ignore);
      if (found.length === 0) {
        empty.push(pattern);
        warnings.push(noFileFor(lane.name, pattern));
      }
      for (const f of found) {
        const path = f.split('\\').join('/');
        matched.push(path);
        if (walkedLinkFree) linkFree.add(path);
      }
      if (matched.length > maxFiles * 2) break;
    }
    const laneFiles = new Set<string>();
    for (const f of byDepth(new Set(matched))) {
      const language = languageOf(f, lane.language ?? 'auto');
      if (!language) continue;
      const path = canonical(f, linkFree.has(f));
      if (!path) continue;
      laneFiles.add(path);
      if (!languages.has(path)) languages.set(path, language);
    }
    if (languages.size > maxFiles) {
      throw new ConfigError(`the lanes match more than ${maxFiles} files under ${root}`, [
        {
          severity: 'error',
          code: 'workspace-too-many-files',
          file: 'specmap.config.json',
          line: 1,
          column: 1,
          message: `Found more than ${maxFiles} files for the lanes (lane "${lane.name}") under \`${root}\`, expected at most ${maxFiles}`,
          hint: 'narrow `workspace` or the lane `include` globs, or add `exclude` globs for vendored and generated code',
        },
      ]);
    }
    const sorted = [...laneFiles].sort();
    files[lane.name] = sorted;
    selections.set(selection, { files: sorted, empty });
  }
  cache.save();
  const remembered = [...walks.values()].filter((w) => w.remembered).length;
  recordTiming("list the lanes' files", t0, `${walks.size} ${walks.size === 1 ? 'walk' : 'walks'}, ${remembered} from the folders' stats`);
  for (const f of [...outside].sort()) {
    warnings.push({
      file: f,
      line: 1,
      column: 1,
      message: `Found \`${f}\` leading outside the workspace through a symlink, expected a file inside it; the file is not read`,
    });
  }
  return { files, languages };
}
