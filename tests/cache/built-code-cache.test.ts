/**
 * The build leaves a V8 code cache beside each of the two large files a run compiles (the CLI's
 * bundle, the minified compiler), made with this Node version, and V8 accepts it: a first run after
 * an install, with no cache of its own, compiles neither file whole. The CLI's is made after a run
 * of the example workspace, so it holds the code a cold run runs.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { Script } from 'node:vm';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  builtCodeCacheDir,
  codeCacheName,
  lastCodeCacheLoad,
  runCompiled,
  runWithCodeCache,
  saveCodeCache,
  wrapCommonJs,
} from '../../tools/cache/code-cache.js';

const dist = join(import.meta.dirname, '..', '..', 'dist');
const own = mkdtempSync(join(tmpdir(), 'specmap-built-v8-'));
afterAll(() => rmSync(own, { recursive: true, force: true }));

const files = [
  { label: 'cli', file: join(dist, 'cli.bundle.cjs') },
  { label: 'typescript', file: join(dist, 'vendor', 'typescript.cjs') },
];

describe('the code caches the build leaves', () => {
  it.each(files)('$label: one, beside the file, for its text and this Node version', ({ label, file }) => {
    const name = codeCacheName(label, createHash('sha256').update(readFileSync(file)).digest('hex'));
    expect(readdirSync(builtCodeCacheDir(file))).toEqual([name]);
  });

  it.each(files)('$label: taken by a run with no cache of its own, which then writes its own', ({ label, file }) => {
    const cacheDir = join(own, label);
    const loaded = runWithCodeCache<Record<string, unknown>>(file, cacheDir, label);
    expect(Object.keys(loaded).length).toBeGreaterThan(0);
    expect(lastCodeCacheLoad(label)).toBe('built');
    saveCodeCache();
    expect(existsSync(join(cacheDir, 'v8'))).toBe(true);
    expect(readdirSync(join(cacheDir, 'v8')).filter((n) => n.endsWith('.bin'))).toHaveLength(1);
  });

  it("CLI's: holds the code of a run, not only the bundle's top level (over twice the size of a cache made at load)", () => {
    const file = files[0]!.file;
    const name = codeCacheName('cli', createHash('sha256').update(readFileSync(file)).digest('hex'));
    const built = statSync(join(builtCodeCacheDir(file), name)).size;
    const atLoad = new Script(wrapCommonJs(readFileSync(file, 'utf8')), { filename: file });
    runCompiled(atLoad, file);
    expect(built).toBeGreaterThan(2 * atLoad.createCachedData().length);
  });
});
