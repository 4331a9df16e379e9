import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeCacheDir, runWithCodeCache, saveCodeCache } from './load-typescript.js';

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
    const mod = runWithCodeCache<Big>(entry, cache);
    expect(mod).toEqual({ value: 49, dirname: dir, self: true });
    saveCodeCache();
    expect(readdirSync(join(cache, 'v8'))).toHaveLength(1);
  });

  it('uses an existing cache, and survives a corrupt one by compiling and rewriting it', () => {
    const { dir, entry } = bigModule();
    const cache = join(dir, 'cache');
    runWithCodeCache(entry, cache);
    saveCodeCache();
    const [file] = readdirSync(join(cache, 'v8'));
    const good = readFileSync(join(cache, 'v8', file!));
    expect(runWithCodeCache<Big>(copyOf(entry, 'again.js'), cache).value).toBe(49);
    saveCodeCache();
    // Accepted: nothing rewritten.
    expect(readFileSync(join(cache, 'v8', file!))).toEqual(good);
    writeFileSync(join(cache, 'v8', file!), 'not v8 data');
    expect(runWithCodeCache<Big>(copyOf(entry, 'third.js'), cache).value).toBe(49);
    saveCodeCache();
    expect(readFileSync(join(cache, 'v8', file!)).length).toBeGreaterThan(100);
    expect(readdirSync(join(cache, 'v8'))).toEqual([file]);
  });

  it('a cache folder that cannot be written only loses the speed-up', () => {
    const { dir, entry } = bigModule();
    writeFileSync(join(dir, 'blocked'), 'a file where the cache folder would be');
    expect(runWithCodeCache<Big>(entry, join(dir, 'blocked')).value).toBe(49);
    expect(() => saveCodeCache()).not.toThrow();
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
