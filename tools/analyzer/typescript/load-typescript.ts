/**
 * Loads the TypeScript compiler (one CommonJS file of ~9 MB) once per process, with a V8 code cache
 * under the cache folder. Node 20 has no `module.enableCompileCache` (Node 22), so the file is
 * compiled here as Node would wrap it, through the public `vm.Script` API with `cachedData`, and
 * run with a `require` of its own (`createRequire`): Node's module loader is not touched. Without a
 * cache folder it is a plain `require`. A rejected or damaged cache only costs the normal compile,
 * and is rewritten.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import type * as TS from 'typescript';
import { writeFileAtomic } from '../../io/atomic.js';

/** The whole compiler module (the adapter itself gets the small `Ts` of compiler-api.ts). */
type TsModule = typeof TS;

let loaded: TsModule | undefined;
/** Written once the compiler has parsed something, so the functions a parse compiles are in it. */
let pending: (() => void) | undefined;

export function loadTypeScript(cacheDir: string | undefined): TsModule {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const filename = require.resolve('typescript');
  loaded = cacheDir ? runWithCodeCache<TsModule>(filename, cacheDir) : (require(filename) as TsModule);
  return loaded;
}

/** Stores the code cache a load left to write (after the first parses, so it holds their code too). */
export function saveCodeCache(): void {
  pending?.();
  pending = undefined;
}

/** Runs a self-contained CommonJS file with a code cache: `cacheDir/v8/<hash of Node's version and the text>.bin`. */
export function runWithCodeCache<T>(filename: string, cacheDir: string): T {
  // Read as bytes, hashed as bytes, then decoded: on Node 20 a 9 MB `readFileSync(…, 'utf8')` and a
  // hash of the string take about twice as long as the three steps (measured).
  const bytes = readFileSync(filename);
  // Keyed by text and Node version: V8's data belongs to both, wherever the file lives.
  const key = createHash('sha256').update(`${process.version}\0`).update(bytes).digest('hex').slice(0, 32);
  const content = bytes.toString('utf8');
  const file = join(cacheDir, 'v8', `${key}.bin`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(file);
  } catch {
    cachedData = undefined;
  }
  // The same wrapper (and so the same positions after line 1) as Node's CommonJS loader.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${content}\n});`, { filename, cachedData });
  const fn = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
  const module = { exports: {} as unknown, filename, id: filename, loaded: false };
  fn.call(module.exports, module.exports, createRequire(filename), module, filename, dirname(filename));
  module.loaded = true;
  if (!cachedData || script.cachedDataRejected)
    pending = () => {
      try {
        writeFileAtomic(file, script.createCachedData());
      } catch {
        // A read-only cache folder only loses the speed-up.
      }
    };
  return module.exports as T;
}
