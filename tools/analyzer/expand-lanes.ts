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
import { type Dirent, lstatSync, readdirSync, realpathSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { globSync } from 'tinyglobby';
import type { LaneConfig } from '../config/schema.js';
import { ConfigError } from '../diagnostics/errors.js';
import { isWithin } from '../io/confine.js';
import { isPlainPath } from '../io/plain-path.js';
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

interface Walk {
  files: string[];
  /**
   * No folder on the way from the root to any file the walk found is a symbolic link (nor is the
   * file): each file's real path is the root's joined with it.
   */
  linkFree: boolean;
}

/**
 * tinyglobby's walk, watching the directory listings it reads: a tree with no link in it (the
 * common case) needs no realpath(3) per file, ~60 ms on 3,000 files. A walk that starts below the
 * root (a pattern with a fixed folder, `src/**`) never lists the folders above where it starts,
 * whose entries may be links: each of those is looked at once (lstat), not each file's path.
 */
function globNoticingLinks(pattern: string, root: string, ignore: string[]): Walk {
  let links = false;
  const listed = new Set<string>();
  const rootPath = resolve(root);
  const watched = (path: string, options: { withFileTypes: true }): Dirent[] => {
    const entries = readdirSync(path, options);
    listed.add(resolve(root, path));
    if (!links && entries.some((e) => e.isSymbolicLink())) links = true;
    return entries;
  };
  // The synchronous walk: the asynchronous one hands each folder's listing to libuv's thread pool
  // and back, which took 2-3 times as long on these trees and waited on whatever else the main
  // thread was doing meanwhile.
  const files = globSync(pattern, {
    cwd: root,
    ignore,
    onlyFiles: true,
    expandDirectories: false,
    fs: { readdirSync: watched as unknown as typeof readdirSync },
  });
  return { files, linkFree: !links && noLinkAbove(rootPath, listed) };
}

/**
 * True when no folder between `rootPath` and a listed folder is a link. A folder whose parent was
 * listed was seen as an entry there (a link among entries already counts); the others, the
 * folders above where a walk started, are looked at themselves, each once.
 */
function noLinkAbove(rootPath: string, listed: ReadonlySet<string>): boolean {
  const looked = new Set<string>();
  const rootSlash = rootPath.endsWith(sep) ? rootPath : rootPath + sep;
  for (const folder of listed) {
    for (let d = folder; d !== rootPath; d = dirname(d)) {
      const parent = dirname(d);
      // Outside the root (or at the file system's root without meeting it): no shortcut. Both
      // paths are resolved, so one under the root starts with it; any other asks the long way.
      if (parent === d || (!d.startsWith(rootSlash) && !isWithin(rootPath, d))) return false;
      // Its parent's listing showed it (and the parent is a listed folder of its own), or it was
      // looked at already, with every folder above it: nothing above needs a look from here.
      if (listed.has(parent) || looked.has(d)) break;
      looked.add(d);
      try {
        if (lstatSync(d).isSymbolicLink()) return false;
      } catch {
        return false;
      }
    }
  }
  return true;
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
  maxFiles = MAX_WORKSPACE_FILES,
): Promise<Expanded> {
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
  // distinct pattern and ignore list walks the tree once.
  const walks = new Map<string, Walk>();
  const walk = (pattern: string, ignore: string[]): Walk => {
    const key = JSON.stringify([pattern, ignore]);
    let found = walks.get(key);
    if (!found) {
      found = globNoticingLinks(pattern, root, ignore);
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
