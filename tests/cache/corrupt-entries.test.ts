/**
 * Each cache answers only for what it stored: a slot that is truncated, not JSON, JSON of another
 * shape, written for other inputs, or not a specmap entry at all is a miss, and the next run
 * rewrites it with a good entry. One table per cache: the parsed sources, the model, the config
 * memo, the check memos, the analyzer's facts, the remembered walks and mapping.json's validation;
 * the other memos are in corrupt-memos.test.ts.
 * (The V8 code cache is V8's own format: its corrupt case is in
 * tools/analyzer/typescript/load-typescript.test.ts.)
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FactCache } from '../../tools/analyzer/fact-cache.js';
import { setCacheEnabled } from '../../tools/cache/settings.js';
import { cacheKey, readSlot, slotPath, writeSlot } from '../../tools/cache/store.js';
import { memoSaysClean, writeMemo } from '../../tools/pipeline/fingerprint.js';
import { loadConfig } from '../../tools/config/load.js';
import { DiagnosticBag } from '../../tools/diagnostics/diagnostic.js';
import { modelCacheKey, modelForSources } from '../../tools/pipeline/model.js';
import { readSources } from '../../tools/sources/read.js';
import { WalkCache } from '../../tools/cache/walk-cache.js';
import { readMappingSnapshotRemembered } from '../../tools/mapping/read-remembered.js';
import { CONFIG, DOCS } from '../hostile/project.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'specmap-corrupt-'));
  setCacheEnabled(true);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
// The files after this one in the worker start with the cache on, as a fresh process does.
afterAll(() => setCacheEnabled(true));

/** Ways a slot file goes bad, each given the good text. */
const CORRUPTIONS: [string, (good: string) => string][] = [
  ['truncated', (good) => good.slice(0, Math.floor(good.length / 2))],
  ['not JSON', () => '\u0000\u0001 garbage'],
  ['JSON null', () => 'null'],
  ['another key', (good) => good.replace(/"key":"[^"]*"/, '"key":"written-for-other-inputs"')],
  [
    'a foreign JSON file',
    (good) => JSON.stringify({ key: (JSON.parse(good) as { key: string }).key, value: (JSON.parse(good) as { value: unknown }).value }),
  ],
  ['a value of the wrong shape', (good) => JSON.stringify({ ...(JSON.parse(good) as object), value: { unexpected: [1, 2, 3] } })],
];

const isNumberList = (v: unknown): v is number[] => Array.isArray(v) && v.every((n) => typeof n === 'number');

describe('the slot store', () => {
  it('serves what was written for the same key only', () => {
    writeSlot(dir, 's', 'k1', [1, 2]);
    expect(readSlot(dir, 's', 'k1', isNumberList)).toEqual([1, 2]);
    expect(readSlot(dir, 's', 'k2', isNumberList)).toBeUndefined();
    expect(readSlot(undefined, 's', 'k1', isNumberList)).toBeUndefined();
  });

  it.each(CORRUPTIONS)('a %s slot is a miss, and the next write replaces it', (_name, corrupt) => {
    writeSlot(dir, 's', 'k1', [1, 2]);
    writeFileSync(slotPath(dir, 's'), corrupt(readFileSync(slotPath(dir, 's'), 'utf8')));
    expect(readSlot(dir, 's', 'k1', isNumberList)).toBeUndefined();
    writeSlot(dir, 's', 'k1', [3]);
    expect(readSlot(dir, 's', 'k1', isNumberList)).toEqual([3]);
  });

  it('keys differ by every part and include the tool', () => {
    expect(cacheKey('a', 1)).toBe(cacheKey('a', 1));
    expect(cacheKey('a', 1)).not.toBe(cacheKey('a', 2));
    expect(cacheKey('a', [1, 2])).not.toBe(cacheKey('a', [1], 2));
  });
});

/** A small project: one docs page with two events. */
function project(config: Record<string, unknown> = {}): { root: string; config: typeof CONFIG & Record<string, unknown> } {
  const root = join(dir, 'project');
  mkdirSync(join(root, 'docs'), { recursive: true });
  writeFileSync(join(root, 'docs/DOC_streaming_events.md'), DOCS);
  const full = { ...CONFIG, ...config };
  writeFileSync(join(root, 'specmap.config.json'), JSON.stringify(full, null, 2));
  return { root, config: full };
}

async function modelOf(root: string) {
  const { config } = await loadConfig(undefined, root);
  const bag = new DiagnosticBag();
  const sources = await readSources(config, root, bag);
  const built = await modelForSources(sources, config, root, bag);
  return { ...built, config, sources, bag };
}

describe('the model and parsed-source slots', () => {
  it.each(CORRUPTIONS)('a %s model slot is rebuilt to the same model and rewritten', async (_name, corrupt) => {
    const { root } = project();
    const first = await modelOf(root);
    const slot = slotPath(join(root, '.specmap/cache'), 'model');
    writeFileSync(slot, corrupt(readFileSync(slot, 'utf8')));
    const again = await modelOf(root);
    expect(again.model).toEqual(first.model);
    expect((JSON.parse(readFileSync(slot, 'utf8')) as { key: string }).key).toBe(modelCacheKey(first.sources, first.config));
  });

  it.each(CORRUPTIONS)('a %s parsed-source slot is parsed again and rewritten', async (_name, corrupt) => {
    const { root } = project();
    const first = await modelOf(root);
    const cache = join(root, '.specmap/cache');
    const slot = join(cache, 'sources/openai-docs-DOC_streaming_events.md.json');
    const good = readFileSync(slot, 'utf8');
    writeFileSync(slot, corrupt(good));
    // Without the model slot the sources are read again: the damaged one must not be served.
    rmSync(slotPath(cache, 'model'));
    const again = await modelOf(root);
    expect(again.model).toEqual(first.model);
    expect(readFileSync(slot, 'utf8')).toBe(good);
  });

  it('a change of the categories in the config is a new model, not the stored one', async () => {
    const { root } = project();
    const before = await modelOf(root);
    project({ categories: [{ id: 'all-of-it', title: 'Everything', match: ['*'] }] });
    const after = await modelOf(root);
    expect(after.model.events.map((e) => e.category)).toEqual(['all-of-it', 'all-of-it']);
    expect(before.model.events.map((e) => e.category)).not.toEqual(['all-of-it', 'all-of-it']);
  });
});

describe('the config memo', () => {
  it.each(CORRUPTIONS)('a %s memo is validated again and rewritten', async (_name, corrupt) => {
    const { root } = project();
    const good = (await loadConfig(undefined, root)).config;
    const memo = join(root, '.specmap/cache/config.json');
    writeFileSync(memo, corrupt(readFileSync(memo, 'utf8')));
    expect((await loadConfig(undefined, root)).config).toEqual(good);
    expect((JSON.parse(readFileSync(memo, 'utf8')) as { value: unknown }).value).toEqual(good);
  });

  it('is neither read nor written with --no-cache', async () => {
    const { root } = project();
    const good = (await loadConfig(undefined, root)).config;
    const memo = join(root, '.specmap/cache/config.json');
    const entry = JSON.parse(readFileSync(memo, 'utf8')) as { value: { cacheDir: string } };
    entry.value.cacheDir = 'somewhere-else';
    writeFileSync(memo, JSON.stringify(entry));
    setCacheEnabled(false);
    expect((await loadConfig(undefined, root)).config).toEqual(good);
    expect(readFileSync(memo, 'utf8')).toBe(JSON.stringify(entry));
  });
});

describe('the check memos', () => {
  it.each(CORRUPTIONS)('a %s memo says nothing is known to be clean', (_name, corrupt) => {
    writeMemo(dir, 'digest-1');
    expect(memoSaysClean(dir, 'digest-1')).toBe(true);
    expect(memoSaysClean(dir, 'digest-2')).toBe(false);
    const path = slotPath(dir, 'check-state');
    writeFileSync(path, corrupt(readFileSync(path, 'utf8')));
    expect(memoSaysClean(dir, 'digest-1')).toBe(false);
    writeMemo(dir, 'digest-1');
    expect(memoSaysClean(dir, 'digest-1')).toBe(true);
  });
});

describe('the analyzer fact cache', () => {
  const facts = { facts: [], warnings: [] };

  async function stored(): Promise<string> {
    const cache = await FactCache.open(dir, 'cands');
    cache.set('k1', facts);
    cache.record({ 'a.ts': [1, 2, 'k1'] }, [], '');
    await cache.save();
    return join(dir, 'analyzer-facts.json');
  }

  // `wholeFile`: the damage makes the whole file untrustworthy (its file stats too), not one entry.
  it.each([
    ['truncated', (good: string) => good.slice(0, 30), true],
    ['not JSON', () => 'garbage', true],
    ['entries of the wrong shape', (good: string) => good.replace('"k1":{"facts":[],"warnings":[]}', '"k1":{"facts":"none"}'), false],
    ['stats of the wrong shape', (good: string) => good.replace('"a.ts":[1,2,"k1"]', '"a.ts":"x"'), true],
    ['a top level of the wrong shape', () => '[1,2,3]', true],
  ])('%s: no entry is served, and the next save writes a good file', async (_name, corrupt, wholeFile) => {
    const path = await stored();
    writeFileSync(path, corrupt(readFileSync(path, 'utf8')));
    const cache = await FactCache.open(dir, 'cands');
    expect(cache.get('k1')).toBeUndefined();
    expect(cache.knownKey('a.ts', 1, 2)).toBe(wholeFile ? undefined : 'k1');
    cache.set('k1', facts);
    cache.record({}, [], '');
    await cache.save();
    expect((await FactCache.open(dir, 'cands')).get('k1')).toEqual(facts);
  });
});

describe('the walks remembered by their folders', () => {
  // Ten seconds on: the folders made here are new, and a walk of new folders is not stored.
  const later = () => Date.now() + 10_000;
  const spec = () => ({ cwd: join(dir, 'ws'), patterns: ['**/*.ts'], ignore: ['**/node_modules/**'], expandDirectories: false });
  const walk = () => {
    const cache = WalkCache.open(dir, 'lane-walks', later);
    const found = cache.walk(spec());
    cache.save();
    return found;
  };

  it.each(CORRUPTIONS)('a %s slot is walked again and rewritten', (_name, corrupt) => {
    mkdirSync(join(dir, 'ws/src'), { recursive: true });
    writeFileSync(join(dir, 'ws/src/a.ts'), '\n');
    walk();
    const path = slotPath(dir, 'lane-walks');
    writeFileSync(path, corrupt(readFileSync(path, 'utf8')));
    expect(walk()).toEqual({ files: ['src/a.ts'], linkFree: true, remembered: false });
    expect(walk().remembered).toBe(true);
  });
});

describe('the memo of mapping.json’s validation', () => {
  const text = `${JSON.stringify({ mappingVersion: 1, sources: {}, lanes: [], items: {}, orphans: {}, unknownLiterals: [], summary: {} })}\n`;

  it.each(CORRUPTIONS)('a %s slot is validated again and rewritten', async (_name, corrupt) => {
    writeFileSync(join(dir, 'mapping.json'), text);
    const read = () => readMappingSnapshotRemembered(join(dir, 'mapping.json'), 'mapping.json', dir);
    const good = await read();
    const path = slotPath(dir, 'mapping-read');
    writeFileSync(path, corrupt(readFileSync(path, 'utf8')));
    expect(await read()).toEqual(good);
    expect(readSlot(dir, 'mapping-read', cacheKey('mapping-read', good.hash), (v): v is object => typeof v === 'object')).toBeDefined();
  });
});
