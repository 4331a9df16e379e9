import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheKey, slotPath, writeSlot } from '../cache/store.js';
import { InputError } from '../diagnostics/errors.js';
import { parseMapping } from './read.js';
import { readMappingSnapshotRemembered } from './read-remembered.js';
import { hashMappingText } from './text.js';

const base = { mappingVersion: 1, sources: {}, lanes: [], orphans: {}, unknownLiterals: [], summary: {} };
const entry = (manual: unknown) => ({ kind: 'event', anchor: null, lanes: {}, status: 'missing', manual });
/** Manual words in an order the schema's own would change, and keys it does not know. */
const text = JSON.stringify(
  {
    ...base,
    items: { 'event:x': entry({ zz: { b: 1, a: [2, 'x'] }, used: 'no', notes: 'n' }) },
    orphans: { 'event:y': { origin: 'o', manual: { used: 'y', notes: 'z' } } },
  },
  null,
  2,
);

let dir = '';
let cacheDir = '';
let file = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'specmap-mapping-read-'));
  cacheDir = join(dir, 'cache');
  file = join(dir, 'mapping.json');
  writeFileSync(file, text);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const read = (at: string | null = cacheDir) => readMappingSnapshotRemembered(file, 'mapping.json', at ?? undefined);
const slot = () => slotPath(cacheDir, 'mapping-read');

describe('mapping.json read through the memo of its validation', () => {
  it('gives what the full read gives, key order of the manual words included, first and from the memo', async () => {
    const full = JSON.stringify(parseMapping(text, 'mapping.json'));
    const first = await read();
    expect(existsSync(slot())).toBe(true);
    const again = await read();
    for (const r of [first, again]) {
      expect(JSON.stringify(r.mapping)).toBe(full);
      expect(r.hash).toBe(hashMappingText(text));
    }
    // Each answer is a mapping of its own: a caller may change it.
    expect(again.mapping).not.toBe(first.mapping);
  });

  it('answers from the memo for the same bytes, and not for other bytes', async () => {
    await read();
    // What the memo holds for these bytes, changed (with its digest): the answer shows where it came from.
    const marked = { ...parseMapping(text, 'mapping.json'), lanes: [{ name: 'from-the-memo', title: 't' }] };
    writeSlot(cacheDir, 'mapping-read', cacheKey('mapping-read', hashMappingText(text)), {
      digest: hashMappingText(JSON.stringify(marked)),
      mapping: marked,
    });
    expect((await read()).mapping!.lanes).toEqual([{ name: 'from-the-memo', title: 't' }]);
    writeFileSync(file, text.replace('"notes": "n"', '"notes": "m"'));
    const other = await read();
    expect(other.mapping!.lanes).toEqual([]);
    expect(other.mapping!.items['event:x']!.manual?.notes).toBe('m');
  });

  it.each([
    ['edited by hand (its digest no longer matches)', (good: string) => good.replace('"notes":"n"', '"notes":"edited"')],
    ['truncated', (good: string) => good.slice(0, good.length / 2)],
    ['of another shape', () => JSON.stringify({ tag: 'specmap-cache-entry', key: 'k', value: [1, 2] })],
  ])('takes an entry %s for a miss, reads the file in full and writes the entry anew', async (_name, corrupt) => {
    await read();
    writeFileSync(slot(), corrupt(readFileSync(slot(), 'utf8')));
    expect((await read()).mapping!.items['event:x']!.manual?.notes).toBe('n');
    expect(readFileSync(slot(), 'utf8')).toContain('"notes":"n"');
  });

  it('never remembers a file that does not validate: each read reports it', async () => {
    writeFileSync(file, JSON.stringify({ ...base, items: { 'event:x': { kind: 'nope' } } }));
    for (let i = 0; i < 2; i++) await expect(read()).rejects.toBeInstanceOf(InputError);
    expect(existsSync(slot())).toBe(false);
  });

  it('reads no file that is not there, and writes nothing without a cache folder (--no-cache)', async () => {
    expect((await read(null)).mapping).toBeDefined();
    expect(existsSync(cacheDir)).toBe(false);
    rmSync(file);
    expect(await read()).toEqual({ mapping: undefined, hash: '' });
  });
});
