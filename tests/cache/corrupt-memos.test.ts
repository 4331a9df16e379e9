/**
 * The caches corrupt-entries.test.ts does not damage: the stat-remembered file hashes the memos
 * fingerprint with, the memos of the last `map` and `sync` (run-memo.ts, one slot per command), and
 * the memo of the generated files. Each is damaged the same six ways; a damaged entry must never
 * answer (a wrong file hash would make a changed file look unchanged) and the next run rewrites it.
 */
import { readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCacheEnabled } from '../../tools/cache/settings.js';
import { slotPath } from '../../tools/cache/store.js';
import { loadConfig } from '../../tools/config/load.js';
import { FileHashes, hashText, memoSaysClean, writeMemo } from '../../tools/pipeline/fingerprint.js';
import { openRunMemo } from '../../tools/pipeline/run-memo.js';
import { makeSmallProject } from './small-project.js';

let root: string;
let cache: string;
beforeEach(() => {
  setCacheEnabled(true);
  root = makeSmallProject('specmap-corrupt-memo-');
  cache = join(root, '.specmap/cache');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const CORRUPTIONS: [string, (good: string) => string][] = [
  ['truncated', (good) => good.slice(0, Math.floor(good.length / 2))],
  ['not JSON', () => '\u0000\u0001 garbage'],
  ['JSON null', () => 'null'],
  ['another key', (good) => good.replace(/"key":"[^"]*"/, '"key":"written-for-other-inputs"')],
  ['a foreign JSON file', (good) => JSON.stringify({ key: JSON.parse(good).key, value: JSON.parse(good).value })],
  ['a value of the wrong shape', (good) => JSON.stringify({ ...JSON.parse(good), value: [1, 2, 3] })],
];

const corrupt = (path: string, how: (good: string) => string): void => writeFileSync(path, how(readFileSync(path, 'utf8')));

describe('the file hashes', () => {
  // Hashed long after the file's last write, so the table remembers it (the racy-clean rule).
  const old = (path: string, text: string): void => {
    writeFileSync(path, text);
    const then = new Date(Date.now() - 60_000);
    utimesSync(path, then, then);
  };

  it.each(CORRUPTIONS)('a %s table is not trusted: the file is read again, and the table rewritten', (_name, how) => {
    old(join(root, 'src/app.ts'), 'export const a = 1;\n');
    const first = FileHashes.open(cache, root);
    expect(first.hash(root, 'src/app.ts')).toBe(hashText('export const a = 1;\n'));
    first.save();
    const slot = slotPath(cache, 'file-hashes');
    const good = readFileSync(slot, 'utf8');
    corrupt(slot, how);
    const again = FileHashes.open(cache, root);
    expect(again.hash(root, 'src/app.ts')).toBe(hashText('export const a = 1;\n'));
    again.save();
    expect(readFileSync(slot, 'utf8')).toBe(good);
  });

  it('a file changed since it was hashed is read again, not answered from the table', () => {
    old(join(root, 'src/app.ts'), 'export const a = 1;\n');
    const first = FileHashes.open(cache, root);
    first.hash(root, 'src/app.ts');
    first.save();
    // The same size but other bytes, and a new modification time: read again, not answered from the table.
    old(join(root, 'src/app.ts'), 'export const b = 2;\n');
    utimesSync(join(root, 'src/app.ts'), new Date(Date.now() - 30_000), new Date(Date.now() - 30_000));
    expect(FileHashes.open(cache, root).hash(root, 'src/app.ts')).toBe(hashText('export const b = 2;\n'));
  });
});

describe('the memos of the last map and sync', () => {
  const isText = (v: unknown): v is string => typeof v === 'string';
  async function memo(command: string) {
    const { config, text } = await loadConfig(undefined, root);
    return openRunMemo(command, config, root, text, isText);
  }

  it.each(CORRUPTIONS.flatMap(([name, how]) => ['map', 'sync'].map((command) => [command, name, how] as const)))(
    'a %s memo damaged (%s) does not answer, and the next run stores it again',
    async (command, _name, how) => {
      const m = await memo(command);
      expect(await m.hit()).toBeUndefined();
      await m.save('answer', new Map());
      expect(await (await memo(command)).hit()).toBe('answer');
      corrupt(slotPath(cache, `${command}-state`), how);
      const again = await memo(command);
      expect(await again.hit()).toBeUndefined();
      await again.save('answer', new Map());
      expect(await (await memo(command)).hit()).toBe('answer');
    },
  );
});

describe('the memo of the generated files', () => {
  it.each(CORRUPTIONS)('a %s memo says nothing is known to be clean', (_name, how) => {
    writeMemo(cache, 'digest-1', 'generated-state');
    expect(memoSaysClean(cache, 'digest-1', 'generated-state')).toBe(true);
    corrupt(slotPath(cache, 'generated-state'), how);
    expect(memoSaysClean(cache, 'digest-1', 'generated-state')).toBe(false);
    writeMemo(cache, 'digest-1', 'generated-state');
    expect(memoSaysClean(cache, 'digest-1', 'generated-state')).toBe(true);
  });
});
