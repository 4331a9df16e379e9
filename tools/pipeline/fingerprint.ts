/**
 * The warm path of `check` (it runs on every commit): a fingerprint of every input the check
 * reads — config, sources, templates, mapped code, mapping.json, model, generated files — by
 * content hash. When it equals the fingerprint of the last clean check, nothing can have
 * drifted and the check is done without loading a parser, a generator or Zod. The digest
 * includes the tool's code hash: another specmap (an upgrade, a rebuild) never answers from the
 * memo of this one.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { cacheKey, readSlot, writeSlot } from '../cache/store.js';
import { toolCodeHash } from '../cache/tool-hash.js';
import { TEMP_NAME } from '../io/atomic.js';
import { hashFile } from '../io/hash-file.js';
import { hashFileRemembered, hashReadBefore, isRacy, rememberRead, statStamp, type StatLike } from '../io/read-hashes.js';

/** The slot of the whole check's memo (`check-state.json` in the cache folder). */
const CHECK_MEMO_SLOT = 'check-state';

export function hashText(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Files under `dir` (recursive), relative to `root`; missing folder → none. */
export function listFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: string) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name === 'node_modules' || e.name === '.git') continue;
      // Our own temporary files (a run killed between write and rename) are not outputs; `sync` removes them.
      if (TEMP_NAME.test(e.name)) continue;
      const p = join(abs, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(relative(root, p).split('\\').join('/'));
    }
  };
  walk(resolve(root, dir));
  return out.sort();
}

/** [size, mtimeMs, ctimeMs, ino, sha256] of a file when it was hashed. */
type StatEntry = [number, number, number, number, string];

/**
 * Content hashes of files, remembered with their stat (as git's index does): a file whose size,
 * modification and change times and inode are all unchanged is not read again. Only files last
 * modified well before they were hashed are remembered (git's "racily clean" rule), so a write in
 * the same clock tick as the hash can never be mistaken for the hashed bytes.
 */
export class FileHashes {
  private readonly next: Record<string, StatEntry> = {};
  private changed = false;
  private readonly startedAt = Date.now();

  private constructor(
    private readonly cacheDir: string | undefined,
    private readonly key: string,
    private readonly known: Record<string, StatEntry>,
  ) {}

  static open(cacheDir: string | undefined, root: string): FileHashes {
    const key = cacheKey('file-hashes', root);
    const known = readSlot(cacheDir, 'file-hashes', key, isStatTable) ?? {};
    return new FileHashes(cacheDir, key, known);
  }

  /** Absolute path of each folder already seen, by root and relative folder. */
  private readonly folders = new Map<string, string>();

  /**
   * `resolve(root, path)`, with the folder part resolved once per folder: a workspace beside the
   * project (`../../code/…`) made every file's resolve normalise the whole path (with the labels
   * below, the warm fingerprint over llama-stack's 753 files went from ~67 to ~60 ms).
   */
  private absolute(root: string, path: string): string {
    const slash = path.lastIndexOf('/');
    const name = path.slice(slash + 1);
    if (slash <= 0 || name === '' || name === '.' || name === '..') return resolve(root, path);
    const key = `${root}\0${path.slice(0, slash)}`;
    let folder = this.folders.get(key);
    if (folder === undefined) {
      folder = resolve(root, path.slice(0, slash));
      this.folders.set(key, folder);
    }
    return folder.endsWith(sep) ? folder + name : folder + sep + name;
  }

  /** The stat stamp each file had when `hash` or `stamp` last looked at it, by path. */
  private readonly stamps = new Map<string, string>();

  /** The stat each file had when `hash` or `stamp` looked at it, by absolute path. */
  private readonly stats = new Map<string, StatLike>();

  /** The stat the file at `abs` had when this table looked at it (none for one it never looked at, or found missing). */
  statAt(abs: string): StatLike | undefined {
    return this.stats.get(abs);
  }

  /**
   * The hash the stored table holds for `path` when its stat is still `st`'s, kept for the next
   * table. Known for this stat as surely as if read now, so it is also remembered for the process:
   * the check's own fingerprint of the generated files, moments later, takes it from there instead
   * of reading each file again.
   */
  private knownFor(path: string, abs: string, st: StatLike): string | undefined {
    const old = Object.hasOwn(this.known, path) ? this.known[path] : undefined;
    if (!old || old[0] !== st.size || old[1] !== st.mtimeMs || old[2] !== st.ctimeMs || old[3] !== st.ino) return undefined;
    this.next[path] = old;
    rememberRead(abs, st, this.startedAt, old[4]);
    return old[4];
  }

  /** sha256 of the file at `path` (relative to `root`; the table is kept by that name), or 'missing'. */
  hash(root: string, path: string): string {
    const abs = this.absolute(root, path);
    let st: import('node:fs').Stats;
    try {
      st = statSync(abs);
    } catch {
      this.stamps.set(path, MISSING);
      return MISSING;
    }
    this.stamps.set(path, STAMP + statStamp(st));
    this.stats.set(abs, st);
    const known = this.knownFor(path, abs, st);
    if (known !== undefined) return known;
    // Read whole by this process already (the analyzer's prefilter), and not written since.
    let digest = hashReadBefore(abs, st);
    if (digest === undefined) {
      try {
        digest = hashFile(abs);
      } catch {
        return MISSING;
      }
    }
    if (!isRacy(st, this.startedAt)) this.next[path] = [st.size, st.mtimeMs, st.ctimeMs, st.ino, digest];
    this.changed = true;
    return digest;
  }

  /**
   * What tells, at the end of a run, whether the file is still as it is now: its stat stamp, which
   * any write changes; its content hash when it changed too recently for its stat to show a write in
   * the same clock tick; 'missing'.
   */
  stamp(root: string, path: string): string {
    const abs = this.absolute(root, path);
    const st = statSync(abs, { throwIfNoEntry: false });
    if (!st) return MISSING;
    this.stats.set(abs, st);
    // A hash the table holds for this very stat costs no more than the stamp, and says more.
    const known = this.knownFor(path, abs, st);
    if (known !== undefined) return known;
    return isRacy(st, Date.now()) ? this.hash(root, path) : STAMP + statStamp(st);
  }

  /** The stamp `hash` or `stamp` last saw for `path`. */
  stampOf(path: string): string | undefined {
    return this.stamps.get(path);
  }

  /** Stores what this run saw, when it differs from what was stored. */
  save(): void {
    if (!this.changed && Object.keys(this.next).length === Object.keys(this.known).length) return;
    writeSlot(this.cacheDir, 'file-hashes', this.key, this.next);
  }
}

const MISSING = 'missing';
/** Marks an entry of a fingerprint that is a stat stamp, not a content hash. */
export const STAMP = 'stat:';

const isStatTable = (v: unknown): v is Record<string, StatEntry> =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.values(v).every(
    (e) => Array.isArray(e) && e.length === 5 && e.slice(0, 4).every((n) => typeof n === 'number') && typeof e[4] === 'string',
  );

export class Fingerprint {
  private readonly parts: string[] = [];
  /** How many files this fingerprint holds by their stat stamp rather than by content. */
  private stamped = 0;
  /**
   * `hashes`: stat-remembered content hashes; without it every file is read. `stampsOnly`: each file
   * as `FileHashes.stamp` has it: by the hash the table holds for its stat, else by that stat,
   * enough to tell later whether it was written since, without reading it.
   */
  constructor(
    private readonly root: string,
    private readonly hashes?: FileHashes,
    private readonly stampsOnly = false,
  ) {}

  /** True when every file is held by its content: the fingerprint has a digest. */
  get complete(): boolean {
    return this.stamped === 0;
  }

  text(label: string, text: string): this {
    this.parts.push(`${label}\u0000${hashText(text)}`);
    return this;
  }

  /** A file's bytes; a missing file counts as its own state. */
  file(path: string): this {
    let digest: string;
    if (this.hashes) {
      digest = this.stampsOnly ? this.hashes.stamp(this.root, path) : this.hashes.hash(this.root, path);
      if (digest.startsWith(STAMP)) this.stamped++;
    } else {
      const abs = resolve(this.root, path);
      try {
        // Known already when this process read or fingerprinted the file at this stat; else read,
        // and remembered: the check compares these same files (the generated ones) moments later,
        // and the memo's closing fingerprint would otherwise read and hash them again.
        const st = statSync(abs, { throwIfNoEntry: false });
        digest = st ? (hashReadBefore(abs, st) ?? hashFileRemembered(abs)) : 'missing';
      } catch {
        digest = 'missing';
      }
    }
    this.parts.push(`${path}\u0000${digest}`);
    return this;
  }

  files(paths: readonly string[]): this {
    for (const p of [...paths].sort()) this.file(p);
    return this;
  }

  /** `label\0hash` per file or text, in the order added. */
  entries(): readonly string[] {
    return this.parts;
  }

  /** The stat the file at `abs` had when this fingerprint looked at it (with `hashes` only). */
  statAt(abs: string): StatLike | undefined {
    return this.hashes?.statAt(abs);
  }

  /** The stat stamp a file had when this fingerprint hashed it (with `hashes` only). */
  stampOf(path: string): string | undefined {
    return this.hashes?.stampOf(path);
  }

  digest(): string {
    if (!this.complete) throw new Error('a fingerprint with stat stamps has no content digest');
    return hashText([`tool\u0000${toolCodeHash()}`, ...this.parts].join('\n'));
  }
}

export const isClean = (v: unknown): v is { clean: true } =>
  typeof v === 'object' && v !== null && (v as { clean?: unknown }).clean === true;

/** True when the memo in `slot` says the check of exactly these inputs (`digest`) was clean. */
export function memoSaysClean(cacheDir: string | undefined, digest: string, slot = CHECK_MEMO_SLOT): boolean {
  return readSlot(cacheDir, slot, digest, isClean) !== undefined;
}

/** Best effort: a read-only checkout or a full disk only costs the next check its warm path. */
export function writeMemo(cacheDir: string | undefined, digest: string, slot = CHECK_MEMO_SLOT): void {
  writeSlot(cacheDir, slot, digest, { clean: true });
}
