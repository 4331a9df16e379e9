/**
 * How the binary gets the program: from `dist/cli.bundle.cjs`, the CLI and its dependencies in one
 * CommonJS file that the build writes, compiled through a V8 code cache as the TypeScript compiler
 * is (tools/cache/code-cache.ts), or else from the modules themselves. Node 20 caches no compiled
 * code for ES modules, so every run compiled each of the ~230 modules it loaded; from the bundle and its
 * cache a cold `sync` on a Python tree takes ~0.15 s less, and a warm `map` ~10 ms less (measured,
 * README: Benchmarks). The modules stay the library's: its callers get the real Zod, not a copy.
 *
 * `SPECMAP_BUNDLE=0` runs the modules (what a hook that lists loaded modules can see), and so does a
 * build without the bundle (an interrupted one). `npm run build` writes both; `tsc` alone leaves
 * the bundle as it was. Not told apart by file times: a copy of the tool (`cp -r`, a test's
 * install) gives its files new times in any order. `--no-cache` reads and writes no code cache, as
 * for the compiler.
 *
 * The program returned passes the bundle's content hash to `runCli`, so the hash of the code that
 * runs, which every cache key includes, is the bundle's (hashed here already, for the code cache)
 * and not that of the ~340 modules beside it.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { codeCacheDir, ranCodeDigest, runWithCodeCache, saveCodeCache } from '../cache/code-cache.js';
import type { runCli } from './run-cli.js';

type RunCli = typeof runCli;

export async function loadRunCli(args: readonly string[]): Promise<RunCli> {
  const bundle = fileURLToPath(new URL('../cli.bundle.cjs', import.meta.url));
  if (process.env.SPECMAP_BUNDLE === '0' || !existsSync(bundle)) return (await import('./run-cli.js')).runCli;
  const require = createRequire(import.meta.url);
  // Beside the installed tool, or in a source checkout beside the compiler it installed.
  const cacheDir = args.includes('--no-cache') ? undefined : (codeCacheDir(bundle) ?? codeCacheDir(require.resolve('typescript')));
  if (!cacheDir) return (require(bundle) as { runCli: RunCli }).runCli;
  const loaded = runWithCodeCache<{ runCli: RunCli }>(bundle, cacheDir, 'cli');
  // Written at the end, so that it holds the code of everything the run executed.
  process.once('exit', saveCodeCache);
  const bundleSha256 = ranCodeDigest(bundle);
  return (runArgs, options = {}) => loaded.runCli(runArgs, { bundleSha256, ...options });
}
