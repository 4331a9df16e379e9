import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { SourceFile } from './read.js';
import { emptyExtract, type SourceExtract } from './source-extract.js';
import { cachePath, extractCached } from './extract-cache.js';

const file = (sha: string, pathPrefix?: string): SourceFile => ({
  config: { path: 'spec.yaml', ...(pathPrefix ? { pathPrefix } : {}) },
  info: { id: 'spec.yaml', kind: 'openapi', path: 'spec.yaml', sha256: sha.repeat(64) },
  text: '',
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'specmap-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A reader that counts its calls and reports one warning. */
function reader(f: SourceFile, calls: { n: number }, error = false) {
  return (bag: DiagnosticBag): SourceExtract => {
    calls.n++;
    const report = error ? bag.error.bind(bag) : bag.warn.bind(bag);
    report({ code: 'w', file: 'spec.yaml', line: 3, column: 1, message: 'm' });
    return { ...emptyExtract(f.info), schemas: { A: { kind: 'string' } } };
  };
}

describe('extractCached', () => {
  it('reads once, then serves the entry with the same diagnostics', async () => {
    const f = file('a');
    const calls = { n: 0 };
    const first = new DiagnosticBag();
    const a = await extractCached(f, dir, first, reader(f, calls));
    const second = new DiagnosticBag();
    const b = await extractCached(f, dir, second, reader(f, calls));
    expect(calls.n).toBe(1);
    expect(b).toEqual(a);
    expect(second.items).toEqual(first.items);
  });

  it.each([
    ['a changed file', file('b')],
    ['a changed source config', file('a', '/v2')],
  ])('%s misses', async (_name, other) => {
    const calls = { n: 0 };
    await extractCached(file('a'), dir, new DiagnosticBag(), reader(file('a'), calls));
    await extractCached(other, dir, new DiagnosticBag(), reader(other, calls));
    expect(calls.n).toBe(2);
  });

  it.each([
    ['truncated', (text: string) => text.slice(0, 20)],
    ['not JSON at all', () => '\u0000garbage'],
    ['valid JSON of the wrong shape', () => '{"format":1,"key":"x"}'],
    ['an entry for another file', (text: string) => text.replace(/"sha256":"a+"/, `"sha256":"${'c'.repeat(64)}"`)],
  ])('a corrupted entry (%s) is ignored and rebuilt', async (_name, corrupt) => {
    const f = file('a');
    const calls = { n: 0 };
    await extractCached(f, dir, new DiagnosticBag(), reader(f, calls));
    const path = cachePath(dir, f);
    writeFileSync(path, corrupt(readFileSync(path, 'utf8')));
    const again = await extractCached(f, dir, new DiagnosticBag(), reader(f, calls));
    expect(calls.n).toBe(2);
    expect(again.schemas).toEqual({ A: { kind: 'string' } });
    expect(JSON.parse(readFileSync(path, 'utf8')).value.extract.source.sha256).toBe('a'.repeat(64));
  });

  it('never stores an extract whose reader reported errors', async () => {
    const f = file('a');
    await extractCached(f, dir, new DiagnosticBag(), reader(f, { n: 0 }, true));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('docs pages are cached too, apart from an OpenAPI file of the same name; no cache folder just reads', async () => {
    const calls = { n: 0 };
    const md: SourceFile = { ...file('a'), info: { ...file('a').info, kind: 'openai-docs' } };
    await extractCached(md, dir, new DiagnosticBag(), reader(md, calls));
    await extractCached(md, dir, new DiagnosticBag(), reader(md, calls));
    expect(calls.n).toBe(1);
    await extractCached(file('a'), dir, new DiagnosticBag(), reader(file('a'), calls));
    expect(calls.n).toBe(2);
    await extractCached(file('a'), undefined, new DiagnosticBag(), reader(file('a'), calls));
    expect(calls.n).toBe(3);
    expect(readdirSync(join(dir, 'sources')).sort()).toEqual(['openai-docs-spec.yaml.json', 'openapi-spec.yaml.json']);
  });
});
