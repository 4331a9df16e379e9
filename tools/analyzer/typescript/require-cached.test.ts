import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireWithCodeCache } from './require-cached.js';

/** A CommonJS module large enough to be cached, with a dependency of its own. */
function bigModule(): { dir: string; entry: string } {
  const dir = mkdtempSync(join(tmpdir(), 'specmap-v8-'));
  writeFileSync(join(dir, 'dep.js'), 'module.exports = { answer: 42 };\n');
  const filler = Array.from({ length: 20_000 }, (_, i) => `function f${i}(x) { return x + ${i}; }`).join('\n');
  writeFileSync(
    join(dir, 'big.js'),
    `${filler}\nconst dep = require('./dep.js');\nexports.value = f7(dep.answer) + __filename.length * 0;\nexports.dirname = __dirname;\n`,
  );
  return { dir, entry: join(dir, 'big.js') };
}

/** Another file with the same text: Node's module cache misses, the code cache (keyed by text) hits. */
function copyOf(entry: string, name: string): string {
  const copy = join(entry, '..', name);
  writeFileSync(copy, readFileSync(entry));
  return copy;
}

describe('requireWithCodeCache', () => {
  it('runs the module with its own require, __dirname, and stores a code cache', () => {
    const { dir, entry } = bigModule();
    const cache = join(dir, 'cache');
    const mod = requireWithCodeCache<{ value: number; dirname: string }>(entry, cache, import.meta.url);
    expect(mod.value).toBe(49);
    expect(mod.dirname).toBe(dir);
    expect(readdirSync(join(cache, 'v8'))).toHaveLength(1);
  });

  it('uses an existing cache, and survives a corrupt one by compiling and rewriting it', () => {
    const { dir, entry } = bigModule();
    const cache = join(dir, 'cache');
    requireWithCodeCache(entry, cache, import.meta.url);
    const [file] = readdirSync(join(cache, 'v8'));
    const good = readFileSync(join(cache, 'v8', file!));
    expect(requireWithCodeCache<{ value: number }>(copyOf(entry, 'again.js'), cache, import.meta.url).value).toBe(49);
    expect(readdirSync(join(cache, 'v8'))).toEqual([file]);
    writeFileSync(join(cache, 'v8', file!), 'not v8 data');
    expect(requireWithCodeCache<{ value: number }>(copyOf(entry, 'third.js'), cache, import.meta.url).value).toBe(49);
    expect(readFileSync(join(cache, 'v8', file!)).length).toBeGreaterThan(100);
    expect(good.length).toBeGreaterThan(100);
  });

  it('without a cache folder is a plain require', () => {
    const { entry } = bigModule();
    expect(requireWithCodeCache<{ value: number }>(entry, undefined, import.meta.url).value).toBe(49);
  });
});
