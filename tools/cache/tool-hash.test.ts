import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeHash, listTree, toolCodeHash } from './tool-hash.js';

const recursive = (root: string): string[] => (readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[]).sort();

describe('listTree', () => {
  it("lists what Node's recursive readdir lists: nested files, folders, a folder named like a file, a link to a folder", () => {
    const root = mkdtempSync(join(tmpdir(), 'specmap-tree-'));
    mkdirSync(join(root, 'a/b/c'), { recursive: true });
    mkdirSync(join(root, 'looks-like.js'));
    writeFileSync(join(root, 'top.js'), '1');
    writeFileSync(join(root, 'a/one.js'), '1');
    writeFileSync(join(root, 'a/b/c/deep.wasm'), '1');
    writeFileSync(join(root, 'looks-like.js/inside.json'), '{}');
    symlinkSync(join(root, 'a'), join(root, 'link-to-a'), 'dir');
    expect(listTree(root).sort()).toEqual(recursive(root));
    expect(listTree(root)).toContain(join('a', 'b', 'c', 'deep.wasm'));
    expect(listTree(root)).toContain(join('link-to-a', 'b', 'c', 'deep.wasm'));
  });

  it('lists a folder reached twice by links once (a link loop ends)', () => {
    const root = mkdtempSync(join(tmpdir(), 'specmap-tree-loop-'));
    mkdirSync(join(root, 'a'));
    writeFileSync(join(root, 'a/one.js'), '1');
    symlinkSync(root, join(root, 'a/back-to-root'), 'dir');
    const names = listTree(root);
    expect(names).toContain(join('a', 'one.js'));
    expect(names).toContain(join('a', 'back-to-root'));
    expect(names.filter((n) => n.endsWith('one.js'))).toHaveLength(1);
  });

  it('lists the running tree as the recursive listing does', () => {
    const tools = join(import.meta.dirname, '..');
    expect(listTree(tools).sort()).toEqual(recursive(tools));
    expect(toolCodeHash()).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('codeHash', () => {
  /** A built tool in miniature: dist/ with two modules, the bundle and a grammar; package.json and a template beside it. */
  const tool = () => {
    const root = mkdtempSync(join(tmpdir(), 'specmap-code-'));
    mkdirSync(join(root, 'dist/grammars'), { recursive: true });
    mkdirSync(join(root, 'templates'));
    writeFileSync(join(root, 'dist/a.js'), 'export const a = 1;');
    writeFileSync(join(root, 'dist/cli.bundle.cjs'), 'exports.a = 1;');
    writeFileSync(join(root, 'dist/grammars/python.wasm'), 'wasm');
    writeFileSync(join(root, 'package.json'), JSON.stringify({ files: ['dist', 'templates'] }));
    writeFileSync(join(root, 'templates/t.hbs'), '{{x}}');
    return { root, dist: join(root, 'dist') };
  };

  it('from the modules, follows every module; from the bundle, the bundle and not the modules it was built from', () => {
    const { dist } = tool();
    const modules = codeHash(dist);
    const bundled = codeHash(dist, 'b1');
    expect(bundled).not.toBe(modules);
    expect(codeHash(dist, 'b2')).not.toBe(bundled);
    writeFileSync(join(dist, 'a.js'), 'export const a = 2;');
    expect(codeHash(dist)).not.toBe(modules);
    expect(codeHash(dist, 'b1')).toBe(bundled);
  });

  it('from the bundle, still follows what the bundle loads: the grammar, package.json, the data folders', () => {
    const { root, dist } = tool();
    const seen = new Set([codeHash(dist, 'b1')]);
    for (const [file, text] of [
      ['dist/grammars/python.wasm', 'wasm 2'],
      ['package.json', JSON.stringify({ files: ['dist', 'templates'], version: '2' })],
      ['templates/t.hbs', '{{y}}'],
    ] as const) {
      writeFileSync(join(root, file), text);
      const hash = codeHash(dist, 'b1');
      expect(seen.has(hash), file).toBe(false);
      seen.add(hash);
    }
  });
});
