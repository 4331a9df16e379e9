/**
 * Loads the TypeScript compiler (one CommonJS file of ~9 MB) once per process, with a V8 code cache
 * beside it (tools/cache/code-cache.ts). Node 20 has no `module.enableCompileCache` (Node 22), so
 * the file is compiled as Node would wrap it, through the public `vm.Script` API with `cachedData`.
 */
import { createRequire } from 'node:module';
import type * as TS from 'typescript';
import { codeCacheDir, runWithCodeCache } from '../../cache/code-cache.js';

/** The whole compiler module (the adapter itself gets the small `Ts` of compiler-api.ts). */
type TsModule = typeof TS;

let loaded: TsModule | undefined;

/** `useCodeCache` false (`--no-cache`): a plain `require`, nothing read or written besides the compiler. */
export function loadTypeScript(useCodeCache: boolean): TsModule {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const filename = require.resolve('typescript');
  const cacheDir = useCodeCache ? codeCacheDir(filename) : undefined;
  loaded = cacheDir ? runWithCodeCache<TsModule>(filename, cacheDir, 'typescript') : (require(filename) as TsModule);
  return loaded;
}
