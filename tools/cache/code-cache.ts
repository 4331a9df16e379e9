/**
 * V8 code caches for the tool's own large CommonJS files (the TypeScript compiler, the CLI's bundle):
 * each is compiled as Node would wrap it, through the public `vm.Script` API with `cachedData`, and
 * run with a `require` of its own (`createRequire`): Node's module loader is not touched. A rejected
 * or damaged cache only costs the normal compile, and is rewritten.
 *
 * A code cache is of the tool's own code, not of anything in the project, so it lives where that
 * code is installed, in the `node_modules/.cache/` folder that build tools share
 * (`node_modules/.cache/specmap/v8/`), not in the project's cache folder: deleting the project's
 * cache, or a fresh checkout beside an installed specmap, does not cost the compile again. It is
 * written only where the user can write that folder. Its file name is a label and a hash of the
 * file's whole text and the Node version, and V8 itself rejects data made by another V8 version or
 * with other flags, or for a text of another length.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { Script } from 'node:vm';
import { writeFileAtomic } from '../io/atomic.js';
import { isRacy, statStamp, type StatLike } from '../io/read-hashes.js';

/**
 * Code caches left to write, by file: the compiler's once it has parsed something, so that the
 * functions a parse compiles are in it; the CLI's at the end of the run.
 */
const pending = new Map<string, () => void>();

/** sha256 of the bytes each file run here had, by file name. */
const digests = new Map<string, string>();

/** The content hash of a file this process ran through `runWithCodeCache` (none for any other). */
export function ranCodeDigest(filename: string): string | undefined {
  return digests.get(filename);
}

/**
 * `…/node_modules/typescript/lib/typescript.js` → `…/node_modules/.cache/specmap`: the nearest
 * `node_modules` folder that holds the module. None when the module is not under one.
 */
export function codeCacheDir(filename: string): string | undefined {
  const at = filename.lastIndexOf(`${sep}node_modules${sep}`);
  return at < 0 ? undefined : join(filename.slice(0, at), 'node_modules', '.cache', 'specmap');
}

/** Stores the code caches loads left to write (after the first parses, so they hold their code too). */
export function saveCodeCache(): void {
  for (const write of pending.values()) write();
  pending.clear();
  saveDigests();
}

/**
 * The content hashes of the files run here, remembered by their stat (git's index rule) in
 * `<cacheDir>/v8/digests.json`: absolute path → [stat stamp, sha256]. Hashing the compiler's 9 MB
 * took ~20 ms of every cold run, and the bundle's 1.8 MB ~5 ms of every run.
 */
type DigestTable = Record<string, [string, string]>;

const DIGESTS = 'digests.json';

/** The table read from each cache folder this process used, and whether it gained an entry. */
const digestTables = new Map<string, { table: DigestTable; changed: boolean }>();

function digestTable(cacheDir: string): { table: DigestTable; changed: boolean } {
  let entry = digestTables.get(cacheDir);
  if (!entry) {
    let table: DigestTable = Object.create(null);
    try {
      const parsed: unknown = JSON.parse(readFileSync(join(cacheDir, 'v8', DIGESTS), 'utf8'));
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
        for (const [path, v] of Object.entries(parsed))
          if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') table[path] = [v[0], v[1]];
      }
    } catch {
      // None yet, or damaged: every file is hashed, and the table written again.
      table = Object.create(null);
    }
    entry = { table, changed: false };
    digestTables.set(cacheDir, entry);
  }
  return entry;
}

/** Forgets the tables read so far, as a new process would (for tests). */
export function forgetDigestTables(): void {
  digestTables.clear();
}

function saveDigests(): void {
  for (const [cacheDir, entry] of digestTables) {
    if (!entry.changed) continue;
    entry.changed = false;
    try {
      writeFileAtomic(join(cacheDir, 'v8', DIGESTS), `${JSON.stringify(entry.table)}\n`);
    } catch {
      // A read-only cache folder only costs the next run the hash.
    }
  }
}

/**
 * The sha256 of `bytes`, read from `filename` between two stats of it: the remembered one when
 * both stats are the one it was remembered with (no write came between, nor since), else computed,
 * and remembered when the file was last changed well before it was looked at.
 */
function digestOf(filename: string, bytes: Buffer, before: StatLike, cacheDir: string): string {
  const after = statSync(filename);
  const stamp = statStamp(before);
  const entry = digestTable(cacheDir);
  const known = Object.hasOwn(entry.table, filename) ? entry.table[filename] : undefined;
  if (known && known[0] === stamp && statStamp(after) === stamp) return known[1];
  const digest = createHash('sha256').update(bytes).digest('hex');
  if (statStamp(after) === stamp && !isRacy(before, Date.now())) {
    entry.table[filename] = [stamp, digest];
    entry.changed = true;
  }
  return digest;
}

/** A code cache's file name: whose it is, and a hash of the Node version and the file's text (its sha256). */
export function codeCacheName(label: string, digest: string): string {
  // Keyed by text and Node version: V8's data belongs to both, wherever the file lives.
  const key = createHash('sha256').update(`${process.version}\0${digest}`).digest('hex').slice(0, 32);
  return `${label}-${key}.bin`;
}

/**
 * Where the build leaves a code cache of a file it ships (`v8/` beside the file): made by the Node
 * version that built the tool, it spares a first run with that version the whole compile, and is
 * only read. A run that takes it still writes its own, made at its end, where it keeps its caches.
 */
export const builtCodeCacheDir = (filename: string): string => join(dirname(filename), 'v8');

/** Node's CommonJS wrapper around a file's text: the same positions after line 1 as its loader gives. */
export const wrapCommonJs = (content: string): string => `(function (exports, require, module, __filename, __dirname) { ${content}\n});`;

/** Runs a compiled CommonJS file as Node's loader would, with a `require` of its own; returns its exports. */
export function runCompiled<T>(script: Script, filename: string): T {
  const fn = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
  const module = { exports: {} as unknown, filename, id: filename, loaded: false };
  fn.call(module.exports, module.exports, createRequire(filename), module, filename, dirname(filename));
  module.loaded = true;
  return module.exports as T;
}

/** Which code cache each label's last load compiled with: its own, the build's, one V8 rejected, none. */
const lastLoads = new Map<string, 'own' | 'built' | 'rejected' | 'none'>();

/** How the last load of `label` in this process was compiled (for tests and diagnostics). */
export function lastCodeCacheLoad(label: string): 'own' | 'built' | 'rejected' | 'none' | undefined {
  return lastLoads.get(label);
}

const readOrUndefined = (path: string): Buffer | undefined => {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
};

/**
 * Runs a self-contained CommonJS file with a code cache: `cacheDir/v8/<label>-<hash of Node's
 * version and the text>.bin` (the label says whose: `typescript`, `cli`), else the one the build
 * left beside the file.
 */
export function runWithCodeCache<T>(filename: string, cacheDir: string, label: string): T {
  // Read as bytes, hashed as bytes, then decoded: on Node 20 a 9 MB `readFileSync(…, 'utf8')` and a
  // hash of the string take about twice as long as the three steps (measured).
  const before = statSync(filename);
  const bytes = readFileSync(filename);
  const digest = digestOf(filename, bytes, before, cacheDir);
  digests.set(filename, digest);
  const name = codeCacheName(label, digest);
  const content = bytes.toString('utf8');
  const file = join(cacheDir, 'v8', name);
  const own = readOrUndefined(file);
  const cachedData = own ?? readOrUndefined(join(builtCodeCacheDir(filename), name));
  const script = new Script(wrapCommonJs(content), { filename, cachedData });
  const exports = runCompiled<T>(script, filename);
  lastLoads.set(label, !cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : own ? 'own' : 'built');
  // The build's cache holds only what its own load ran: this run's, made at its end, holds more.
  if (!own || script.cachedDataRejected)
    pending.set(file, () => {
      try {
        writeFileAtomic(file, script.createCachedData());
        pruneCodeCaches(dirname(file), file);
      } catch {
        // A read-only cache folder only loses the speed-up.
      }
    });
  return exports;
}

/**
 * At most this many code caches are kept in one folder. Each compiler, tool and Node version
 * writes its own (2.6 MB for TypeScript 5.9, ~1.4 MB for the CLI), and the folder outlives
 * upgrades of all three; a few stay for projects or Node versions used side by side.
 */
const KEPT_CODE_CACHES = 4;

/** Removes the least recently written code caches beyond the kept number, never `keep`. */
export function pruneCodeCaches(dir: string, keep: string, kept = KEPT_CODE_CACHES): void {
  const caches = readdirSync(dir)
    .filter((name) => name.endsWith('.bin') && join(dir, name) !== keep)
    .map((name) => {
      const path = join(dir, name);
      try {
        return { path, mtimeMs: statSync(path).mtimeMs };
      } catch {
        return undefined;
      }
    })
    .filter((c) => c !== undefined)
    .sort((a, b) => b.mtimeMs - a.mtimeMs || (a.path < b.path ? -1 : 1));
  for (const old of caches.slice(kept - 1)) rmSync(old.path, { force: true });
}
