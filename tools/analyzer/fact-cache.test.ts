import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzerCodeHash, FactCache } from './fact-cache.js';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('FactCache', () => {
  const facts = { facts: [], warnings: [] };

  it('answers from a cache its own code wrote, and ignores one written by other analyzer code', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'specmap-facts-'));
    dirs.push(dir);
    const first = await FactCache.open(dir, 'cands');
    first.set('k1', facts);
    first.record({}, [], '');
    await first.save();
    expect((await FactCache.open(dir, 'cands')).get('k1')).toEqual(facts);
    expect((await FactCache.open(dir, 'other candidates')).get('k1')).toBeUndefined();

    // The same file as an older (or newer) analyzer would have left it.
    const path = join(dir, 'analyzer-facts.json');
    const data = JSON.parse(await readFile(path, 'utf8')) as { version: string };
    expect(data.version).toBe(analyzerCodeHash());
    await writeFile(path, JSON.stringify({ ...data, version: 'an-older-analyzer' }));
    expect((await FactCache.open(dir, 'cands')).get('k1')).toBeUndefined();
  });

  it('ignores a corrupt cache file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'specmap-facts-'));
    dirs.push(dir);
    await writeFile(join(dir, 'analyzer-facts.json'), '{ not json');
    expect((await FactCache.open(dir, 'cands')).get('k1')).toBeUndefined();
  });
});
