import { mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Script } from 'node:vm';
import {
  builtCodeCacheDir,
  codeCacheDir,
  codeCacheName,
  forgetDigestTables,
  lastCodeCacheLoad,
  pruneCodeCaches,
  ranCodeDigest,
  runCompiled,
  runWithCodeCache,
  saveCodeCache,
  wrapCommonJs,
} from './code-cache.js';

/** A CommonJS module with a dependency of its own, as the compiler's file is. */
function bigModule(): { dir: string; entry: string } {
  const dir = mkdtempSync(join(tmpdir(), 'specmap-v8-'));
  writeFileSync(join(dir, 'dep.js'), 'module.exports = { answer: 42 };\n');
  const filler = Array.from({ length: 20_000 }, (_, i) => `function f${i}(x) { return x + ${i}; }`).join('\n');
  writeFileSync(
    join(dir, 'big.js'),
    `${filler}\nconst dep = require('./dep.js');\nexports.value = f7(dep.answer) + __filename.length * 0;\nexports.dirname = __dirname;\nmodule.exports.self = module.exports === exports;\n`,
  );
  return { dir, entry: join(dir, 'big.js') };
}

/** Another file with the same text: the code cache is keyed by text, not by path. */
function copyOf(entry: string, name: string): string {
  const copy = join(entry, '..', name);
  writeFileSync(copy, readFileSync(entry));
  return copy;
}

type Big = { value: number; dirname: string; self: boolean };

describe('runWithCodeCache', () => {
  it('runs the module with its own require, module, __dirname, and stores a code cache once asked to', () => {
    const { dir, entry } = bigModule();
    const cache = join(dir, 'cache');
    const mod = runWithCodeCache<Big>(entry, cache, 'big');
    expect(mod).toEqual({ value: 49, dirname: dir, self: true });
    saveCodeCache();
    expect(readdirSync(join(cache, 'v8'))).toEqual([expect.stringMatching(/^big-[0-9a-f]{32}\.bin$/)]);
  });

  it('stores the caches of every load left to write, each under its own label', () => {
    const { dir, entry } = bigModule();
    const cache = join(dir, 'cache');
    runWithCodeCache(entry, cache, 'one');
    runWithCodeCache(copyOf(entry, 'other.js'), cache, 'two');
    saveCodeCache();
    expect(
      readdirSync(join(cache, 'v8'))
        .map((f) => f.split('-')[0])
        .sort(),
    ).toEqual(['one', 'two']);
  });

  it('uses an existing cache, and survives a corrupt one by compiling and rewriting it', () => {
    const { dir, entry } = bigModule();
    const cache = join(dir, 'cache');
    runWithCodeCache(entry, cache, 'big');
    saveCodeCache();
    const [file] = readdirSync(join(cache, 'v8'));
    const good = readFileSync(join(cache, 'v8', file!));
    expect(runWithCodeCache<Big>(copyOf(entry, 'again.js'), cache, 'big').value).toBe(49);
    saveCodeCache();
    // Accepted: nothing rewritten.
    expect(readFileSync(join(cache, 'v8', file!))).toEqual(good);
    writeFileSync(join(cache, 'v8', file!), 'not v8 data');
    expect(runWithCodeCache<Big>(copyOf(entry, 'third.js'), cache, 'big').value).toBe(49);
    saveCodeCache();
    expect(readFileSync(join(cache, 'v8', file!)).length).toBeGreaterThan(100);
    expect(readdirSync(join(cache, 'v8'))).toEqual([file]);
  });

  it('takes the cache the build left beside the file when it has none of its own, and still writes its own', () => {
    const { dir, entry } = bigModule();
    const bytes = readFileSync(entry);
    const name = codeCacheName('big', createHash('sha256').update(bytes).digest('hex'));
    const built = new Script(wrapCommonJs(bytes.toString('utf8')), { filename: entry });
    expect(runCompiled<Big>(built, entry).value).toBe(49);
    mkdirSync(builtCodeCacheDir(entry), { recursive: true });
    writeFileSync(join(builtCodeCacheDir(entry), name), built.createCachedData());
    const cache = join(dir, 'cache');
    expect(runWithCodeCache<Big>(entry, cache, 'big')).toEqual({ value: 49, dirname: dir, self: true });
    expect(lastCodeCacheLoad('big')).toBe('built');
    saveCodeCache();
    // Its own, made at the end of the run: it holds what the run ran, more than the build's.
    expect(readdirSync(join(cache, 'v8'))).toContain(name);
    runWithCodeCache(entry, cache, 'big');
    expect(lastCodeCacheLoad('big')).toBe('own');
    saveCodeCache();
  });

  it('compiles without the build’s cache when V8 rejects it, or when it is for another text', () => {
    const { dir, entry } = bigModule();
    const name = codeCacheName('big', createHash('sha256').update(readFileSync(entry)).digest('hex'));
    mkdirSync(builtCodeCacheDir(entry), { recursive: true });
    writeFileSync(join(builtCodeCacheDir(entry), name), 'not v8 data');
    expect(runWithCodeCache<Big>(entry, join(dir, 'one'), 'big').value).toBe(49);
    expect(lastCodeCacheLoad('big')).toBe('rejected');
    saveCodeCache();
    expect(readFileSync(join(dir, 'one', 'v8', name)).length).toBeGreaterThan(100);
    const edited = join(dir, 'edited.js');
    writeFileSync(edited, `${readFileSync(entry, 'utf8')}\n// edited\n`);
    expect(runWithCodeCache<Big>(edited, join(dir, 'two'), 'big').value).toBe(49);
    expect(lastCodeCacheLoad('big')).toBe('none');
    saveCodeCache();
  });

  it('a cache folder that cannot be written only loses the speed-up', () => {
    const { dir, entry } = bigModule();
    writeFileSync(join(dir, 'blocked'), 'a file where the cache folder would be');
    expect(runWithCodeCache<Big>(entry, join(dir, 'blocked'), 'big').value).toBe(49);
    expect(() => saveCodeCache()).not.toThrow();
  });
});

describe('the hash of a file run with a code cache', () => {
  const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
  const table = (cache: string) => JSON.parse(readFileSync(join(cache, 'v8', 'digests.json'), 'utf8')) as Record<string, [string, string]>;
  /** Past the window in which a write may leave a file's stat unchanged (git's racy-clean rule). */
  const later = () => vi.setSystemTime(Date.now() + 60_000);
  afterEach(() => {
    vi.useRealTimers();
    forgetDigestTables();
  });

  const PLANTED = 'f'.repeat(64);

  /**
   * A module run once well after its last write (so its hash is remembered), then the remembered
   * hash replaced by PLANTED under the same stat, as the next process would find it.
   */
  function remembered(): { entry: string; cache: string } {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { dir, entry } = bigModule();
    const cache = join(dir, 'cache');
    later();
    runWithCodeCache(entry, cache, 'big');
    saveCodeCache();
    expect(ranCodeDigest(entry)).toBe(sha(entry));
    const [stamp, digest] = table(cache)[entry]!;
    expect(digest).toBe(sha(entry));
    writeFileSync(join(cache, 'v8', 'digests.json'), JSON.stringify({ [entry]: [stamp, PLANTED] }));
    forgetDigestTables();
    return { entry, cache };
  }

  it('is remembered by the file’s stat, and taken from the table while the stat is the same', () => {
    const { entry, cache } = remembered();
    // The table's word is taken for the unchanged file: the hash put there is the one used.
    runWithCodeCache(entry, cache, 'big');
    expect(ranCodeDigest(entry)).toBe(PLANTED);
  });

  it('is taken again when the file changed, and not remembered for a file changed just now', () => {
    const { entry, cache } = remembered();
    // A write now: the stat is another, and too recent for the table to keep.
    writeFileSync(entry, `${readFileSync(entry, 'utf8')}// edited\n`);
    vi.setSystemTime(vi.getRealSystemTime());
    runWithCodeCache(entry, cache, 'big');
    saveCodeCache();
    expect(ranCodeDigest(entry)).toBe(sha(entry));
    expect(table(cache)[entry]![1]).toBe(PLANTED);
    // Once the write is old, the new stat and hash are remembered.
    later();
    forgetDigestTables();
    runWithCodeCache(entry, cache, 'big');
    saveCodeCache();
    expect(table(cache)[entry]![1]).toBe(sha(entry));
  });

  it('survives a damaged table: the file is hashed and the table written again', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { dir, entry } = bigModule();
    const cache = join(dir, 'cache');
    mkdirSync(join(cache, 'v8'), { recursive: true });
    writeFileSync(join(cache, 'v8', 'digests.json'), '{"not": "a table"');
    later();
    expect(runWithCodeCache<Big>(entry, cache, 'big').value).toBe(49);
    saveCodeCache();
    expect(ranCodeDigest(entry)).toBe(sha(entry));
    expect(table(cache)[entry]![1]).toBe(sha(entry));
  });
});

describe('codeCacheDir', () => {
  const p = (...parts: string[]) => parts.join(sep);
  it('is the .cache folder of the nearest node_modules that holds the module', () => {
    expect(codeCacheDir(p('', 'proj', 'node_modules', 'typescript', 'lib', 'typescript.js'))).toBe(
      p('', 'proj', 'node_modules', '.cache', 'specmap'),
    );
    // A dependency installed under another package's own node_modules: its folder, not the outer one.
    expect(codeCacheDir(p('', 'proj', 'node_modules', 'specmap', 'node_modules', 'typescript', 'lib', 'typescript.js'))).toBe(
      p('', 'proj', 'node_modules', 'specmap', 'node_modules', '.cache', 'specmap'),
    );
  });

  it('is none for a module outside any node_modules (nothing is written beside it)', () => {
    expect(codeCacheDir(p('', 'opt', 'typescript', 'lib', 'typescript.js'))).toBeUndefined();
    expect(codeCacheDir(p('', 'proj', 'my_node_modules', 'typescript.js'))).toBeUndefined();
  });
});

describe('pruneCodeCaches', () => {
  it('keeps the one just written and the most recently written others, up to the number kept', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'specmap-v8-prune-')), 'v8');
    mkdirSync(dir);
    // Six older caches, a minute apart, and one foreign file that is not a cache.
    for (let i = 0; i < 6; i++) {
      writeFileSync(join(dir, `old${i}.bin`), 'x');
      utimesSync(join(dir, `old${i}.bin`), 1_000_000 + i * 60, 1_000_000 + i * 60);
    }
    writeFileSync(join(dir, 'notes.txt'), 'not a cache');
    // The one just written is kept even when it is the oldest by its time.
    writeFileSync(join(dir, 'new.bin'), 'x');
    utimesSync(join(dir, 'new.bin'), 1, 1);
    pruneCodeCaches(dir, join(dir, 'new.bin'), 4);
    expect(readdirSync(dir).sort()).toEqual(['new.bin', 'notes.txt', 'old3.bin', 'old4.bin', 'old5.bin']);
  });

  it('runWithCodeCache leaves at most four caches in its folder', () => {
    const { dir, entry } = bigModule();
    const cache = join(dir, 'cache');
    mkdirSync(join(cache, 'v8'), { recursive: true });
    for (let i = 0; i < 5; i++) writeFileSync(join(cache, 'v8', `other${i}.bin`), 'x');
    runWithCodeCache(entry, cache, 'big');
    saveCodeCache();
    const left = readdirSync(join(cache, 'v8'));
    expect(left).toHaveLength(4);
    // The cache of this module is among them.
    expect(left.filter((n) => !n.startsWith('other'))).toHaveLength(1);
  });
});
