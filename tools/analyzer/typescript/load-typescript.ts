/**
 * Loads the TypeScript compiler once per process, with a V8 code cache beside it
 * (tools/cache/code-cache.ts): the build's minified copy of it (dist/vendor/typescript.cjs, made by
 * tools/scripts/finish-build.ts from the installed one) where there is one, else the installed
 * one (one CommonJS file of ~9 MB). Node 20 has no `module.enableCompileCache` (Node 22), so
 * the file is compiled as Node would wrap it, through the public `vm.Script` API with `cachedData`.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as TS from 'typescript';
import { codeCacheDir, lastCodeCacheLoad, runWithCodeCache } from '../../cache/code-cache.js';
import { recordTiming } from '../../cache/timings.js';

/** The whole compiler module (the adapter itself gets the small `Ts` of compiler-api.ts). */
type TsModule = typeof TS;

let loaded: TsModule | undefined;

/** `useCodeCache` false (`--no-cache`): a plain `require`, nothing read or written besides the compiler. */
export function loadTypeScript(useCodeCache: boolean): TsModule {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const installed = require.resolve('typescript');
  const minified = fileURLToPath(new URL('../../vendor/typescript.cjs', import.meta.url));
  const filename = existsSync(minified) ? minified : installed;
  // The installed compiler's cache folder, where the built tool has none of its own (a source checkout).
  const cacheDir = useCodeCache ? (codeCacheDir(filename) ?? codeCacheDir(installed)) : undefined;
  const t0 = performance.now();
  loaded = cacheDir ? runWithCodeCache<TsModule>(filename, cacheDir, 'typescript') : (require(filename) as TsModule);
  // Where a cold run's time went includes this: without a code cache (a CI job that does not keep
  // node_modules/.cache/, on another Node version than the build's) the load took 165 ms against
  // 62 ms through one, on vercel-ai (measured).
  recordTiming(
    'load the TypeScript compiler',
    t0,
    cacheDir ? CODE_CACHE_NOTE[lastCodeCacheLoad('typescript') ?? 'none'] : 'no code cache: --no-cache',
  );
  return loaded;
}

const CODE_CACHE_NOTE = {
  own: 'its own code cache',
  built: "the build's code cache",
  rejected: 'code cache rejected by V8',
  none: 'no code cache yet',
} as const;
