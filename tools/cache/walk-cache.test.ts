import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { globSync } from 'tinyglobby';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { slotPath } from './store.js';
import { WalkCache, type WalkSpec } from './walk-cache.js';

/**
 * The folders a test makes are seconds old at most, which the cache never trusts (a change in the
 * same clock tick could leave a folder's stat as it was). These tests look from ten seconds later,
 * and leave the file system's clock a few ticks between a walk and the change after it, so that the
 * change shows in the folder's times as any change made later than two seconds would.
 */
const LATER = () => Date.now() + 10_000;
const tick = () => new Promise((r) => setTimeout(r, 30));

let root = '';
let cacheDir = '';
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'specmap-walks-'));
  cacheDir = join(root, '.cache');
  mkdirSync(cacheDir);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function put(...files: string[]): void {
  for (const f of files) {
    mkdirSync(join(root, 'ws', f, '..'), { recursive: true });
    writeFileSync(join(root, 'ws', f), '\n');
  }
}

const spec = (patterns: string[], ignore: string[] = ['**/node_modules/**'], expandDirectories = false): WalkSpec => ({
  cwd: join(root, 'ws'),
  patterns,
  ignore,
  expandDirectories,
});

/** What tinyglobby finds now, sorted. */
const fresh = (s: WalkSpec): string[] =>
  globSync([...s.patterns], { cwd: s.cwd, ignore: [...s.ignore], onlyFiles: true, expandDirectories: s.expandDirectories }).sort();

/** One run: the walk asked through a cache opened anew on the slot, which is saved after. */
function walkOnce(s: WalkSpec, now = LATER, dir: string | null = cacheDir) {
  const cache = WalkCache.open(dir ?? undefined, 'walks', now);
  const walk = cache.walk(s);
  cache.save();
  return { ...walk, files: [...walk.files].sort() };
}

describe('a walk remembered by its folders', () => {
  it('is answered from the folders’ stats while none changed, with the files a walk finds', async () => {
    put('a.ts', 'src/b.ts', 'src/deep/c.ts', 'src/deep/c.test.ts', 'node_modules/x/d.ts', 'notes.md');
    const s = spec(['**/*.ts'], ['**/node_modules/**', '**/*.test.ts']);
    const first = walkOnce(s);
    expect(first.remembered).toBe(false);
    expect(first.files).toEqual(['a.ts', 'src/b.ts', 'src/deep/c.ts']);
    const second = walkOnce(s);
    expect(second).toEqual({ ...first, remembered: true });
    // Another glob, ignore or option is another walk.
    expect(walkOnce(spec(['**/*.ts'])).remembered).toBe(false);
    expect(walkOnce(spec(['src'], [], true)).files).toEqual(['src/b.ts', 'src/deep/c.test.ts', 'src/deep/c.ts']);
  });

  it.each([
    ['a file added deep down', () => put('src/deep/e.ts')],
    ['a file removed', () => rmSync(join(root, 'ws/src/deep/c.ts'))],
    ['a folder renamed', () => renameSync(join(root, 'ws/src/deep'), join(root, 'ws/src/moved'))],
    ['the walk’s missing start folder made', () => put('lib/z.ts')],
    ['a file renamed within its folder', () => renameSync(join(root, 'ws/src/b.ts'), join(root, 'ws/src/b2.ts'))],
    [
      'a file turned into a folder',
      () => {
        rmSync(join(root, 'ws/src/b.ts'));
        put('src/b.ts/inner.ts');
      },
    ],
  ])('walks again after %s, and finds what a walk finds', async (_, change) => {
    put('a.ts', 'src/b.ts', 'src/deep/c.ts');
    const s = spec(['src/**/*.ts', 'lib/**/*.ts']);
    expect(walkOnce(s).remembered).toBe(false);
    expect(walkOnce(s).remembered).toBe(true);
    await tick();
    change();
    const after = walkOnce(s);
    expect(after.remembered).toBe(false);
    expect(after.files).toEqual(fresh(s));
    // Remembered again as it is now.
    expect(walkOnce(s)).toEqual({ ...after, remembered: true });
  });

  it('walks again when the folder a walk starts in is made', async () => {
    put('src/b.ts');
    const s = spec(['lib/**/*.ts']);
    expect(walkOnce(s).files).toEqual([]);
    expect(walkOnce(s).remembered).toBe(true);
    await tick();
    put('lib/z.ts');
    expect(walkOnce(s)).toEqual({ files: ['lib/z.ts'], linkFree: true, remembered: false });
  });

  it.each([
    ['the folder it starts in', 'src/deep', 'src/deep'],
    ['a folder above where it starts', 'src', 'src'],
  ])('is never remembered past a symbolic link: %s swapped for a link to it', async (_, moved, linked) => {
    put('src/deep/c.ts', 'src/b.ts');
    const s = spec(['src/deep/**/*.ts']);
    walkOnce(s);
    expect(walkOnce(s).remembered).toBe(true);
    await tick();
    // The same folder (same inode, same entries), reached through a link from where it was.
    mkdirSync(join(root, 'elsewhere'));
    renameSync(join(root, 'ws', moved), join(root, 'elsewhere/moved'));
    symlinkSync(join(root, 'elsewhere/moved'), join(root, 'ws', linked));
    const through = walkOnce(s);
    expect(through).toEqual({ files: ['src/deep/c.ts'], linkFree: false, remembered: false });
    expect(walkOnce(s).remembered).toBe(false);
  });

  it('is never remembered with a symbolic link among the entries of a folder it lists', () => {
    put('src/b.ts');
    mkdirSync(join(root, 'elsewhere'));
    // A link as an entry of a listed folder, whatever it points at.
    put('t/x.ts');
    symlinkSync(join(root, 'elsewhere'), join(root, 'ws/t/link'));
    walkOnce(spec(['t/**/*.ts']));
    expect(walkOnce(spec(['t/**/*.ts'])).remembered).toBe(false);
  });

  it('is not remembered while a folder it looked at changed within the last two seconds', () => {
    put('src/b.ts');
    const s = spec(['**/*.ts']);
    walkOnce(s, Date.now);
    expect(walkOnce(s, Date.now).remembered).toBe(false);
  });

  it('is not remembered for a glob that climbs out of the folder, nor without a cache folder', () => {
    put('src/b.ts');
    for (const patterns of [['../ws/src/*.ts'], ['src/../src/*.ts']]) {
      walkOnce(spec(patterns));
      expect(walkOnce(spec(patterns)).remembered, patterns[0]).toBe(false);
    }
    walkOnce(spec(['**/*.ts']), LATER, null);
    expect(walkOnce(spec(['**/*.ts']), LATER, null).remembered).toBe(false);
  });

  it('takes a corrupt, foreign or hand-edited slot for a miss, walks, and writes the slot anew', () => {
    put('src/b.ts');
    const s = spec(['**/*.ts']);
    for (const text of ['{"tag":"specmap-cache-entry","key', '[]', '{"tag":"specmap-cache-entry","key":"x","value":{}}']) {
      writeFileSync(slotPath(cacheDir, 'walks'), text);
      const walk = walkOnce(s);
      expect(walk).toEqual({ files: ['src/b.ts'], linkFree: true, remembered: false });
      expect(walkOnce(s).remembered).toBe(true);
    }
    // The right key, but an entry that says a file is there that is not: its folders' stats, wrong.
    const entry = JSON.parse(readFileSync(slotPath(cacheDir, 'walks'), 'utf8')) as {
      value: Record<string, { folders: unknown[][]; files: string[] }>;
    };
    for (const e of Object.values(entry.value)) {
      e.files.push('src/ghost.ts');
      for (const f of e.folders) if (f.length === 5) f[2] = 1;
    }
    writeFileSync(slotPath(cacheDir, 'walks'), JSON.stringify(entry));
    expect(walkOnce(s)).toEqual({ files: ['src/b.ts'], linkFree: true, remembered: false });
  });

  it('finds what a fresh walk finds, whatever the tree, the globs and the changes between walks', async () => {
    const name = fc.constantFrom('a', 'b', 'c', 'node_modules', 'x.test');
    const file = fc
      .tuple(fc.array(name, { maxLength: 3 }), fc.constantFrom('f.ts', 'g.ts', 'h.py', 'i.test.ts'))
      .map(([d, f]) => [...d, f].join('/'));
    const change = fc.oneof(
      file.map((f) => ({ add: f })),
      fc.nat().map((n) => ({ remove: n })),
      fc.tuple(fc.array(name, { minLength: 1, maxLength: 2 }), name).map(([from, to]) => ({ rename: from.join('/'), to })),
    );
    const globs = fc.constantFrom(['**/*.ts'], ['a/**/*.ts', 'b/*.py'], ['**/*'], ['c/**'], ['a'], ['**/*.test.ts']);
    const ignores = fc.constantFrom(['**/node_modules/**'], ['**/node_modules/**', '**/*.test.ts'], ['**/node_modules/**', 'b/**']);
    await fc.assert(
      fc.asyncProperty(
        fc.array(file, { minLength: 1, maxLength: 12 }),
        fc.array(change, { maxLength: 4 }),
        globs,
        ignores,
        fc.boolean(),
        async (files, changes, patterns, ignore, expand) => {
          rmSync(join(root, 'ws'), { recursive: true, force: true });
          rmSync(slotPath(cacheDir, 'walks'), { force: true });
          mkdirSync(join(root, 'ws'));
          for (const f of files) {
            try {
              put(f);
            } catch {
              // A path through a name already taken by a file: not made.
            }
          }
          const s = spec([...patterns], [...ignore], expand);
          walkOnce(s);
          await tick();
          for (const c of changes) {
            try {
              if ('add' in c) put(c.add);
              else if ('remove' in c) {
                const all = fresh(spec(['**/*'], [], false));
                if (all.length) rmSync(join(root, 'ws', all[c.remove % all.length]!));
              } else renameSync(join(root, 'ws', c.rename), join(root, 'ws', c.to));
            } catch {
              // A change that cannot be made here (nothing to rename, a name taken): none.
            }
          }
          const walk = walkOnce(s);
          expect(walk.files).toEqual(fresh(s));
          if (changes.length === 0) expect(walk.remembered).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });
});
