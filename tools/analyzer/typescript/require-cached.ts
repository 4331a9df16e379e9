/**
 * `require` with a V8 code cache for the large CommonJS files it loads (the TypeScript compiler
 * inside ts-morph is ~9 MB; compiling it is most of what a TypeScript parse costs a hook run).
 * Node 20 has no `module.enableCompileCache` (Node 22), so this does for one require tree what
 * that does: compile through `vm.Script` with the cached data, and store fresh data after the
 * module ran (so functions compiled while loading are in it). A rejected or corrupt cache only
 * costs the normal compile.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { writeFileAtomic } from '../../io/atomic.js';

/** Files smaller than this compile faster than a cache read pays off. */
const MIN_SIZE = 512 * 1024;

type Compile = (this: NodeJS.Module, content: string, filename: string) => unknown;
interface ModuleInternals {
  prototype: { _compile: Compile };
  wrap(content: string): string;
}

export function requireWithCodeCache<T>(id: string, cacheDir: string | undefined, from: string): T {
  const require = createRequire(from);
  if (!cacheDir) return require(id) as T;
  const internals = Module as unknown as ModuleInternals;
  const original = internals.prototype._compile;
  internals.prototype._compile = function (this: NodeJS.Module, content: string, filename: string) {
    if (content.length < MIN_SIZE) return original.call(this, content, filename);
    // Keyed by content alone: V8's cached data belongs to the source text, wherever it lives.
    const key = createHash('sha256').update(`${process.version}\0`).update(content).digest('hex').slice(0, 32);
    const file = join(cacheDir, 'v8', `${key}.bin`);
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(file);
    } catch {
      cachedData = undefined;
    }
    const script = new Script(internals.wrap(content), { filename, cachedData });
    const fn = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    const result = fn.call(this.exports, this.exports, createRequire(filename), this, filename, dirname(filename));
    if (!cachedData || script.cachedDataRejected) {
      try {
        writeFileAtomic(file, script.createCachedData());
      } catch {
        // A read-only cache folder only loses the speed-up.
      }
    }
    return result;
  };
  try {
    return require(id) as T;
  } finally {
    internals.prototype._compile = original;
  }
}
