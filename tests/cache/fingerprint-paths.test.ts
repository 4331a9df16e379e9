/**
 * The fingerprint names and finds each file without normalising its whole path again: a
 * workspace's labels are its path from the root joined to each path the walk returns, and a file
 * is found from its folder's resolved path. Both must give what `relative(root, resolve(…))` and
 * `resolve(root, path)` give, for a workspace inside the project, beside it, or the project itself.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileHashes, hashText } from '../../tools/pipeline/fingerprint.js';
import { workspaceLabel } from '../../tools/pipeline/run-memo.js';

const PATHS = [
  'a.py',
  'pkg/a.py',
  'pkg/sub/b.ts',
  './a.py',
  'pkg/../a.py',
  '../out.py',
  'pkg/./c.py',
  'x..y/z.py',
  '.hidden/a.py',
  'a\\b.py',
];

describe('workspaceLabel', () => {
  it.each([
    ['inside the project', '/p/root', '/p/root/src'],
    ['the project itself', '/p/root', '/p/root'],
    ['beside the project', '/p/root/tools/config', '/p/code/packages'],
    ['at the file system root', '/p', '/'],
  ])('labels like relative(root, resolve(workspace, path)): workspace %s', (_what, root, workspace) => {
    const label = workspaceLabel(root, workspace);
    for (const path of PATHS) expect(label(path), path).toBe(relative(root, resolve(workspace, path)).split('\\').join('/'));
  });
});

describe('FileHashes.hash', () => {
  it('finds files through `..`, `.` and plain folders as resolve(root, path) does, folder after folder', () => {
    const base = mkdtempSync(join(tmpdir(), 'specmap-fp-paths-'));
    const root = join(base, 'project/config');
    mkdirSync(root, { recursive: true });
    mkdirSync(join(base, 'code/pkg/sub'), { recursive: true });
    const files: Record<string, string> = {
      'code/top.py': 'top',
      'code/pkg/a.py': 'a',
      'code/pkg/sub/b.py': 'b',
      'project/config/here.py': 'here',
    };
    for (const [path, text] of Object.entries(files)) writeFileSync(join(base, path), text);
    const hashes = FileHashes.open(undefined, root);
    const expected = (path: string) => hashText(files[relative(base, resolve(root, path)).split('\\').join('/')]!);
    for (const path of [
      '../../code/top.py',
      '../../code/pkg/a.py',
      '../../code/pkg/sub/b.py',
      '../../code/pkg/sub/../a.py',
      '../../code/pkg/./a.py',
      'here.py',
      './here.py',
      '../config/here.py',
    ])
      expect(hashes.hash(root, path), path).toBe(expected(path));
    expect(hashes.hash(root, '../../code/pkg/none.py')).toBe('missing');
    expect(hashes.hash(root, '../../code/pkg/..')).toBe('missing');
  });
});
