/**
 * Glob walks of a workspace, remembered by the folders they looked at, as git's untracked cache
 * remembers untracked files: a folder's entries change only with its stat (creating, removing or
 * renaming an entry updates the folder's modification and change times), so when every folder a
 * walk listed, and every folder between the walk's root and those, still has the stat it had when
 * the walk was made, the walk would find the same files, and its answer stands. On vercel-ai's 363
 * folders that is a stat per folder instead of tinyglobby listing and matching 3,141 files.
 *
 * Remembered only when nothing in the way could change behind a folder's back: no symbolic link
 * among the entries of a listed folder or above one (a link's target changes without its folder
 * knowing), no pattern that climbs out of the root, and no folder changed within the last two
 * seconds when looked at (a change in the same clock tick as the look could leave the stat as it
 * was; the same rule as the file hashes in io/read-hashes.ts). Each folder is looked at before it
 * is listed, so a folder changed in between is remembered with its older stat and misses next time.
 */
import { type Dirent, lstatSync, readdirSync, type Stats } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { globSync } from 'tinyglobby';
import { cacheKey, isObject, readSlot, writeSlot } from './store.js';
import { isWithin } from '../io/confine.js';
import { isRacy } from '../io/read-hashes.js';

export interface WalkSpec {
  /** The folder the patterns are relative to. */
  cwd: string;
  patterns: readonly string[];
  ignore: readonly string[];
  /** tinyglobby's option: a pattern naming a folder (`src`) takes the files under it. */
  expandDirectories: boolean;
}

export interface Walk {
  /** As tinyglobby returns them: relative to `cwd`, with `/`, in the order it found them. */
  files: string[];
  /**
   * No folder on the way from `cwd` to any file the walk found is a symbolic link (nor is the
   * file): each file's real path is the root's joined with it.
   */
  linkFree: boolean;
  /** Answered from the folders' stats, not walked. */
  remembered: boolean;
}

/** A folder the walk looked at: its path, then its stat, or nothing more when it was missing. */
type FolderStamp = [path: string, size: number, mtimeMs: number, ctimeMs: number, ino: number] | [path: string];

interface Remembered {
  folders: FolderStamp[];
  files: string[];
}

const stampOf = (path: string, st: Stats | undefined): FolderStamp => (st ? [path, st.size, st.mtimeMs, st.ctimeMs, st.ino] : [path]);

const isFolderStamp = (v: unknown): v is FolderStamp =>
  Array.isArray(v) && typeof v[0] === 'string' && (v.length === 1 || (v.length === 5 && v.slice(1).every((n) => typeof n === 'number')));

const isRemembered = (v: unknown): v is Remembered =>
  isObject(v) &&
  Array.isArray(v.folders) &&
  v.folders.every(isFolderStamp) &&
  Array.isArray(v.files) &&
  v.files.every((f) => typeof f === 'string');

const isTable = (v: unknown): v is Record<string, Remembered> => isObject(v) && Object.values(v).every(isRemembered);

/** True when every folder still has the stat it was remembered with (missing ones still missing). */
function unchanged(folders: readonly FolderStamp[]): boolean {
  for (const f of folders) {
    const st = lstatSync(f[0], { throwIfNoEntry: false });
    if (f.length === 1) {
      if (st) return false;
    } else if (!st?.isDirectory() || st.size !== f[1] || st.mtimeMs !== f[2] || st.ctimeMs !== f[3] || st.ino !== f[4]) return false;
  }
  return true;
}

/** A pattern that may lead out of `cwd`: its walks are never remembered. */
const leavesRoot = (pattern: string): boolean => /^[\\/]|^[A-Za-z]:|(?:^|[\\/])\.\.(?:[\\/]|$)/.test(pattern);

/**
 * The walks asked through one slot of the cache folder (one per caller: the memo's fingerprint,
 * the lanes). `now` is when a look counts as made, for the two-second rule (tests move it).
 */
export class WalkCache {
  private readonly asked: Record<string, Remembered> = {};
  private changed = false;
  /**
   * The stat each folder had before this cache's walks first listed it (the lanes' walks list the
   * same folders). Kept by the cache, not the process: a long-lived process (`check --watch`)
   * opens one per run, and must not remember a folder as it was several runs ago.
   */
  private readonly looked = new Map<string, { stamp: FolderStamp; racy: boolean }>();

  private constructor(
    private readonly cacheDir: string | undefined,
    private readonly slot: string,
    private readonly known: Record<string, Remembered>,
    private readonly now: () => number,
  ) {}

  /** Without a cache folder (`--no-cache`) every walk is made. */
  static open(cacheDir: string | undefined, slot: string, now: () => number = Date.now): WalkCache {
    const known = readSlot(cacheDir, slot, cacheKey(slot), isTable) ?? {};
    return new WalkCache(cacheDir, slot, known, now);
  }

  walk(spec: WalkSpec): Walk {
    const id = JSON.stringify([resolve(spec.cwd), spec.patterns, spec.ignore, spec.expandDirectories]);
    const hit = Object.hasOwn(this.known, id) ? this.known[id] : undefined;
    if (this.cacheDir && hit && unchanged(hit.folders)) {
      this.asked[id] = hit;
      return { files: [...hit.files], linkFree: true, remembered: true };
    }
    const made = this.make(spec);
    this.changed = true;
    if (made.remembered) this.asked[id] = made.remembered;
    return { files: made.files, linkFree: made.linkFree, remembered: false };
  }

  /** Stores the walks asked since `open` (those that may be remembered), when any was made anew. */
  save(): void {
    if (this.changed) writeSlot(this.cacheDir, this.slot, cacheKey(this.slot), this.asked);
  }

  /**
   * tinyglobby's walk, watching the folders it lists: whether an entry is a symbolic link (a tree
   * with none, the common case, needs no realpath(3) per file, ~60 ms on 3,000 files), and each
   * folder's stat before its listing. A walk that starts below the root (a pattern with a fixed
   * folder, `src/**`) never lists the folders above where it starts: each of those is looked at once.
   */
  private make(spec: WalkSpec): { files: string[]; linkFree: boolean; remembered?: Remembered } {
    let links = false;
    let racy = false;
    const listed = new Set<string>();
    const folders: FolderStamp[] = [];
    // Each folder judged racy or not as of its own look (a later time would judge more leniently).
    const look = (folder: string): void => {
      let seen = this.looked.get(folder);
      if (!seen) {
        const lookedAt = this.now();
        const st = lstatSync(folder, { throwIfNoEntry: false });
        if (st?.isSymbolicLink()) links = true;
        seen = { stamp: stampOf(folder, st), racy: st !== undefined && isRacy(st, lookedAt) };
        this.looked.set(folder, seen);
      }
      if (seen.racy) racy = true;
      folders.push(seen.stamp);
    };
    const watched = (path: string, options: { withFileTypes: true }): Dirent[] => {
      // Looked at by its resolved path: tinyglobby lists `dir/`, and a trailing slash makes lstat(2) follow a link.
      const folder = resolve(spec.cwd, path);
      if (this.cacheDir) look(folder);
      const entries = readdirSync(path, options);
      listed.add(folder);
      if (!links && entries.some((e) => e.isSymbolicLink())) links = true;
      return entries;
    };
    // The synchronous walk: the asynchronous one hands each folder's listing to libuv's thread pool
    // and back, which took 2-3 times as long on these trees and waited on whatever else the main
    // thread was doing meanwhile.
    const files = globSync([...spec.patterns], {
      cwd: spec.cwd,
      ignore: [...spec.ignore],
      onlyFiles: true,
      expandDirectories: spec.expandDirectories,
      fs: { readdirSync: watched as unknown as typeof readdirSync },
    });
    const rootPath = resolve(spec.cwd);
    const above = links ? [] : foldersAbove(rootPath, listed);
    const linkFree = !links && above !== undefined;
    if (!this.cacheDir || !linkFree || spec.patterns.some(leavesRoot)) return { files, linkFree };
    for (const folder of above!) look(folder);
    return { files, linkFree, remembered: racy ? undefined : { folders, files: [...files] } };
  }
}

/**
 * The folders between `rootPath` and the listed folders that were not listed themselves (those
 * above where a walk started), each once; undefined when one of them is a symbolic link or the
 * way leaves the root. A folder whose parent was listed was seen as an entry there.
 */
function foldersAbove(rootPath: string, listed: ReadonlySet<string>): string[] | undefined {
  const looked = new Set<string>();
  const rootSlash = rootPath.endsWith(sep) ? rootPath : rootPath + sep;
  for (const folder of listed) {
    for (let d = folder; d !== rootPath; d = dirname(d)) {
      const parent = dirname(d);
      // Outside the root (or at the file system's root without meeting it): no shortcut. Both
      // paths are resolved, so one under the root starts with it; any other asks the long way.
      if (parent === d || (!d.startsWith(rootSlash) && !isWithin(rootPath, d))) return undefined;
      // Its parent's listing showed it (and the parent is a listed folder of its own), or it was
      // looked at already, with every folder above it: nothing above needs a look from here.
      if (listed.has(parent) || looked.has(d)) break;
      looked.add(d);
      try {
        if (lstatSync(d).isSymbolicLink()) return undefined;
      } catch {
        return undefined;
      }
    }
  }
  return [...looked];
}
