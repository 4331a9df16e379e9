/**
 * Facts per file, keyed by the file's content hash (with its path and adapter) under the config's
 * cacheDir, so a warm run parses nothing. One JSON file per workspace:
 * one read and at most one write per run. The whole cache is dropped when the analyzer's code or
 * the model's candidates change, since either changes what a file yields.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FileFacts } from './fact-sink.js';

/**
 * The analyzer's own code, hashed: what a file yields depends on it, so an upgrade (or any edit)
 * drops the cache by itself, with no version number to remember to bump.
 */
export function analyzerCodeHash(): string {
  if (codeHash !== undefined) return codeHash;
  const hash = createHash('sha1');
  const root = fileURLToPath(new URL('.', import.meta.url));
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.[cm]?[jt]s$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) hash.update(entry.name).update('\0').update(readFileSync(path));
    }
  };
  walk(root);
  return (codeHash = hash.digest('hex').slice(0, 16));
}
let codeHash: string | undefined;

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

export function fileKey(file: string, language: string, text: string): string {
  return createHash('sha1').update(file).update('\0').update(language).update('\0').update(text).digest('hex');
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

  static async open(cacheDir: string | undefined, candidates: string): Promise<FactCache> {
    if (!cacheDir) return new FactCache(undefined, candidates, {});
    const path = join(cacheDir, 'analyzer-facts.json');
    try {
      const data = JSON.parse(await readFile(path, 'utf8')) as CacheFile;
      if (data.version === analyzerCodeHash() && data.candidates === candidates && data.entries) return new FactCache(path, candidates, data.entries, data);
    } catch {
      // No cache yet, or an unreadable one: start empty; it is only a cache.
    }
    return new FactCache(path, candidates, {});
  }

  get(key: string): FileFacts | undefined {
    const hit = this.entries[key];
    if (hit) this.used[key] = hit;
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
    const changed = names !== this.names || negatives.length !== this.negatives.size || negatives.some((k) => !this.negatives.has(k)) || JSON.stringify(stats) !== JSON.stringify(this.stats);
    if (changed) this.dirty = true;
  }

  /** Writes only what this run used (entries of changed or deleted files fall out), and only if something changed. */
  async save(): Promise<void> {
    if (!this.path) return;
    if (!this.dirty && Object.keys(this.used).length === Object.keys(this.entries).length) return;
    const data: CacheFile = { version: analyzerCodeHash(), candidates: this.candidates, entries: this.used, negatives: this.newNegatives, names: this.newNames, stats: this.newStats };
    const tmp = `${this.path}.${process.pid}.tmp`;
    try {
      await mkdir(dirname(this.path), { recursive: true });
      await writeFile(tmp, JSON.stringify(data));
      await rename(tmp, this.path);
    } catch (error) {
      // A cache that cannot be written (a read-only checkout, a full disk) only costs the next run
      // its speed-up; the analysis itself is complete.
      if (!['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    }
  }
}
