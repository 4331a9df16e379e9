/**
 * Facts per file, keyed by the file's content hash (with its path and adapter) under the config's
 * cacheDir, so a warm run parses nothing. One JSON file per workspace: one read and at most one
 * write per run. The whole cache is dropped when the tool's code (the analyzer's included) or the
 * model's candidates change, since either changes what a file yields; a file whose entries do not
 * have the shape written is ignored and rewritten.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomic.js';
import { EnvironmentError, isEnvironmentErrno } from '../io/env-error.js';
import { toolCodeHash } from '../cache/tool-hash.js';
import type { FileFacts } from './fact-sink.js';

/**
 * The code a file's facts depend on, hashed: the whole running tool (the analyzer and everything
 * it imports), so an upgrade or any edit drops the cache by itself, with no version number to
 * remember to bump.
 */
export function analyzerCodeHash(): string {
  return toolCodeHash();
}

interface CacheFile {
  /** analyzerCodeHash() of the code that wrote it. */
  version: string;
  candidates: string;
  entries: Record<string, FileFacts>;
  /** Keys of files no pass selected, valid while the workspace's own class names hash to `names`. */
  negatives?: string[];
  names?: string;
  /** path → [size, mtimeMs, key]: an unchanged file is not even read (as git's index does). */
  stats?: Record<string, [number, number, string]>;
}

const FILE = 'analyzer-facts.json';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isFileFacts(v: unknown): v is FileFacts {
  return (
    isRecord(v) &&
    Array.isArray(v.facts) &&
    Array.isArray(v.warnings) &&
    (v.module === undefined || isRecord(v.module)) &&
    (v.quietClasses === undefined || (Array.isArray(v.quietClasses) && v.quietClasses.every((n) => typeof n === 'string')))
  );
}

function isCacheFile(v: unknown): v is CacheFile {
  if (!isRecord(v) || typeof v.version !== 'string' || typeof v.candidates !== 'string' || !isRecord(v.entries)) return false;
  if (v.negatives !== undefined && !(Array.isArray(v.negatives) && v.negatives.every((k) => typeof k === 'string'))) return false;
  if (
    v.stats !== undefined &&
    !(isRecord(v.stats) && Object.values(v.stats).every((s) => Array.isArray(s) && s.length === 3 && typeof s[2] === 'string'))
  )
    return false;
  return v.names === undefined || typeof v.names === 'string';
}

const isEnvironmentError = (error: unknown): boolean => error instanceof EnvironmentError || isEnvironmentErrno(error);

/** A file's entry key: its path, adapter and content (`sha256`: of its bytes, or of its text). */
export function fileKey(file: string, language: string, sha256: string): string {
  return createHash('sha1').update(`${file}\0${language}\0${sha256}`).digest('hex');
}

export class FactCache {
  private readonly used: Record<string, FileFacts> = {};
  private dirty = false;
  private readonly negatives: ReadonlySet<string>;
  private readonly stats: Record<string, [number, number, string]>;
  private readonly names: string | undefined;
  private newNegatives: string[] = [];
  private newNames = '';
  private newStats: Record<string, [number, number, string]> = {};

  private constructor(
    private readonly path: string | undefined,
    private readonly candidates: string,
    private readonly entries: Record<string, FileFacts>,
    data?: CacheFile,
  ) {
    this.negatives = new Set(data?.negatives ?? []);
    this.stats = data?.stats ?? {};
    this.names = data?.names;
  }

  /** Whether a run has left facts in `cacheDir` (of any code and candidates: only that the folder is not new). */
  static present(cacheDir: string | undefined): boolean {
    return cacheDir !== undefined && existsSync(join(cacheDir, FILE));
  }

  static async open(cacheDir: string | undefined, candidates: string): Promise<FactCache> {
    if (!cacheDir) return new FactCache(undefined, candidates, {});
    const path = join(cacheDir, FILE);
    try {
      const data = JSON.parse(await readFile(path, 'utf8')) as CacheFile;
      if (isCacheFile(data) && data.version === analyzerCodeHash() && data.candidates === candidates)
        return new FactCache(path, candidates, data.entries, data);
    } catch {
      // No cache yet, or an unreadable one: start empty; it is only a cache.
    }
    return new FactCache(path, candidates, {});
  }

  get(key: string): FileFacts | undefined {
    const hit = Object.hasOwn(this.entries, key) ? this.entries[key] : undefined;
    // An entry of another shape (a hand edit, a damaged file) is a miss: the file is parsed again.
    if (!isFileFacts(hit)) return undefined;
    this.used[key] = hit;
    return hit;
  }

  set(key: string, value: FileFacts): void {
    this.used[key] = value;
    this.dirty = true;
  }

  /** The content key recorded for a file whose size and mtime have not changed since. */
  knownKey(file: string, size: number, mtimeMs: number): string | undefined {
    const s = this.stats[file];
    return s && s[0] === size && s[1] === mtimeMs ? s[2] : undefined;
  }

  /** A file no pass selected last time, while the workspace's class names were `names`. */
  isNegative(key: string, names: string): boolean {
    return this.names === names && this.negatives.has(key);
  }

  /** What this run learnt besides facts: file stats, files that hold nothing, the class names that decided it. */
  record(stats: Record<string, [number, number, string]>, negatives: string[], names: string): void {
    this.newStats = stats;
    this.newNegatives = negatives.sort();
    this.newNames = names;
    const changed =
      names !== this.names ||
      negatives.length !== this.negatives.size ||
      negatives.some((k) => !this.negatives.has(k)) ||
      JSON.stringify(stats) !== JSON.stringify(this.stats);
    if (changed) this.dirty = true;
  }

  /** Writes only what this run used (entries of changed or deleted files fall out), and only if something changed. */
  async save(): Promise<void> {
    if (!this.path) return;
    if (!this.dirty && Object.keys(this.used).length === Object.keys(this.entries).length) return;
    const data: CacheFile = {
      version: analyzerCodeHash(),
      candidates: this.candidates,
      entries: this.used,
      negatives: this.newNegatives,
      names: this.newNames,
      stats: this.newStats,
    };
    try {
      writeFileAtomic(this.path, JSON.stringify(data));
    } catch (error) {
      // A cache that cannot be written (a read-only checkout, a full disk) only costs the next run
      // its speed-up; the analysis itself is complete.
      if (!isEnvironmentError(error)) throw error;
    }
  }
}
