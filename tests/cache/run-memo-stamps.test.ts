/**
 * A run with no memo stored takes its start as stat stamps, reading no file: nothing can answer it,
 * and a stamp is enough to tell at the end whether a file was written meanwhile. The closing
 * fingerprint hashes files by content, taking the hashes of files the run read itself when their
 * stat has not changed since. A file changed within the racy window is hashed at the start
 * instead: its stat might not show a write in the same clock tick.
 *
 * The files here were all written moments ago, inside the racy window; the clock is moved on so
 * that they read as old files do, and the stamp path is the one taken.
 */
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCacheEnabled } from '../../tools/cache/settings.js';
import { loadConfig } from '../../tools/config/load.js';
import { hashReadBefore, readTextHashed } from '../../tools/io/read-hashes.js';
import { FileHashes, Fingerprint } from '../../tools/pipeline/fingerprint.js';
import { openRunMemo } from '../../tools/pipeline/run-memo.js';
import { sha256 } from '../../tools/sources/read.js';
import { makeSmallProject } from './small-project.js';

let root: string;
const isText = (v: unknown): v is string => typeof v === 'string';
const slot = () => join(root, '.specmap/cache/test-state.json');
const later = () => vi.setSystemTime(Date.now() + 60_000);

beforeEach(() => {
  setCacheEnabled(true);
  root = makeSmallProject('specmap-memo-stamps-');
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(root, { recursive: true, force: true });
});

async function memo() {
  const { config, text } = await loadConfig(undefined, root);
  return openRunMemo('test', config, root, text, isText);
}

describe('the start of a run with no memo stored', () => {
  it('stamps old files by their stat and hashes files changed within the racy window', () => {
    const stamps = (now: boolean) => {
      if (now) later();
      const fp = new Fingerprint(root, FileHashes.open(undefined, root), true).files(['src/app.ts', 'docs/nowhere.md']);
      return Object.fromEntries(fp.entries().map((e) => e.split('\u0000')));
    };
    expect(stamps(false)).toEqual({ 'src/app.ts': sha256('export {};\n'), 'docs/nowhere.md': 'missing' });
    const st = statSync(join(root, 'src/app.ts'));
    expect(stamps(true)['src/app.ts']).toBe(`stat:${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`);
  });

  it('has no digest to answer from while it holds a stamp', () => {
    later();
    const fp = new Fingerprint(root, FileHashes.open(undefined, root), true).files(['src/app.ts']);
    expect(fp.complete).toBe(false);
    expect(() => fp.digest()).toThrow(/no content digest/);
  });

  it('takes the hash the stored table holds for a file whose stat is unchanged, and then has a digest', () => {
    const cacheDir = join(root, '.specmap/cache');
    later();
    const hashes = FileHashes.open(cacheDir, root);
    const full = new Fingerprint(root, hashes).files(['src/app.ts', 'specmap.config.json']);
    hashes.save();
    const stamped = new Fingerprint(root, FileHashes.open(cacheDir, root), true).files(['src/app.ts', 'specmap.config.json']);
    expect(stamped.complete).toBe(true);
    expect(stamped.entries()).toEqual(full.entries());
    expect(stamped.digest()).toBe(full.digest());
  });

  it.each([
    ['an input edited meanwhile', () => writeFileSync(join(root, 'src/app.ts'), "export const t = 'response.created';\n")],
    ['an input deleted meanwhile', () => rmSync(join(root, 'src/app.ts'))],
    ['a new module file', () => writeFileSync(join(root, 'src/new.ts'), 'export {};\n')],
  ])('stores nothing for %s', async (_name, change) => {
    later();
    const m = await memo();
    expect(await m.hit()).toBeUndefined();
    change();
    await m.save('answer', new Map());
    expect(existsSync(slot())).toBe(false);
  });

  it('stores the answer when only what the run wrote changed, and that answer then stands', async () => {
    later();
    const m = await memo();
    expect(await m.hit()).toBeUndefined();
    writeFileSync(join(root, 'mapping.json'), '{}\n');
    await m.save('answer', new Map([['mapping.json', sha256('{}\n')]]));
    expect(await (await memo()).hit()).toBe('answer');
    // And no longer once an input differs.
    writeFileSync(join(root, 'src/app.ts'), 'export const x = 1;\n');
    expect(await (await memo()).hit()).toBeUndefined();
  });
});

describe('the stats a run start took', () => {
  it('are none before the start, and afterwards the stat of each file it looked at', async () => {
    later();
    const m = await memo();
    expect(m.startStats()).toBeUndefined();
    expect(await m.hit()).toBeUndefined();
    const statAt = m.startStats()!;
    const path = join(root, 'src/app.ts');
    const st = statSync(path);
    expect(statAt(path)).toMatchObject({ size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino });
    expect(statAt(join(root, 'src/nowhere.ts'))).toBeUndefined();
  });

  it('are those of the start, not of a file written since (the run then stores no memo)', async () => {
    later();
    const m = await memo();
    await m.begin();
    const path = join(root, 'src/app.ts');
    const before = statSync(path);
    writeFileSync(path, 'export const grown = 1;\n');
    expect(m.startStats()!(path)?.size).toBe(before.size);
    await m.save('answer', new Map());
    expect(await (await memo()).hit()).toBeUndefined();
  });
});

describe('the hashes the stored table holds', () => {
  it('serve a later look at the same file in the run (the generated files the check compares), and not once the file changes', () => {
    const cacheDir = join(root, '.specmap/cache');
    const path = join(root, 'src/app.ts');
    later();
    const hashes = FileHashes.open(cacheDir, root);
    new Fingerprint(root, hashes).files(['src/app.ts']);
    hashes.save();
    // A new run: its start finds the hash in the table, for this very stat.
    expect(hashReadBefore(path, statSync(path))).toBeUndefined();
    new Fingerprint(root, FileHashes.open(cacheDir, root), true).files(['src/app.ts']);
    expect(hashReadBefore(path, statSync(path))).toBe(sha256('export {};\n'));
    expect(new Fingerprint(root).files(['src/app.ts']).entries()).toEqual([`src/app.ts\u0000${sha256('export {};\n')}`]);
    writeFileSync(path, 'export const changed = true;\n');
    expect(hashReadBefore(path, statSync(path))).toBeUndefined();
    expect(new Fingerprint(root).files(['src/app.ts']).entries()).toEqual([`src/app.ts\u0000${sha256('export const changed = true;\n')}`]);
  });
});

describe('the hashes of files a run read', () => {
  it('answer for a file whose stat is unchanged, and for no other state of it', () => {
    later();
    const path = join(root, 'src/app.ts');
    const read = readTextHashed(path, statSync(path));
    expect(read).toEqual({ text: 'export {};\n', sha256: sha256('export {};\n') });
    expect(hashReadBefore(path, statSync(path))).toBe(read.sha256);
    writeFileSync(path, 'export const changed = true;\n');
    expect(hashReadBefore(path, statSync(path))).toBeUndefined();
  });

  it('are not kept for a file changed within the racy window', () => {
    const path = join(root, 'src/app.ts');
    writeFileSync(path, 'export const recent = 1;\n');
    expect(readTextHashed(path, statSync(path)).text).toBe('export const recent = 1;\n');
    expect(hashReadBefore(path, statSync(path))).toBeUndefined();
  });
});
