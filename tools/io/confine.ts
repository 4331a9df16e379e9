/**
 * Confinement by real path: a path that is lexically inside the project can still lead outside
 * through a symlink (a linked `generated/`, a linked source file). Reads and writes compare the
 * real path of what they touch with the real path of the root.
 */
import { accessSync, constants, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { GeneratorError } from '../diagnostics/errors.js';

/** True when `child` is `parent` or below it (both absolute, already resolved). */
export function isWithin(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * The real path of `path`, following links in every existing part; the parts that do not exist
 * yet are appended as written (they will be created as plain folders and files).
 */
export function realPathOf(path: string): string {
  let existing = resolve(path);
  const rest: string[] = [];
  for (;;) {
    try {
      // The native call (realpath(3)): one call rather than an lstat per segment in JavaScript.
      return join(realpathSync.native(existing), ...rest.reverse());
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
      const parent = dirname(existing);
      if (parent === existing) return join(existing, ...rest.reverse());
      rest.push(basename(existing));
      existing = parent;
    }
  }
}

export function isRealPathInside(root: string, path: string): boolean {
  try {
    return isWithin(realPathOf(root), realPathOf(path));
  } catch (error) {
    // A link loop leads nowhere, so certainly not inside.
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') return false;
    throw error;
  }
}

/** Throws when writing `path` would land outside `root` once links are followed. */
export function assertRealPathInside(root: string, path: string, display: string): void {
  if (isRealPathInside(root, path)) return;
  let real: string;
  try {
    real = realPathOf(path);
  } catch {
    throw new GeneratorError(`${display} is a symlink loop`, [
      {
        severity: 'error',
        code: 'output-symlink-loop',
        file: display,
        line: 1,
        column: 1,
        message: `Found \`${display}\` in a loop of symlinks, expected a file or folder inside the project`,
        hint: 'remove the looping symlink',
      },
    ]);
  }
  throw new GeneratorError(`${display} leads outside the project through a symlink (to ${real})`, [
    {
      severity: 'error',
      code: 'output-outside-workspace',
      file: display,
      line: 1,
      column: 1,
      message: `Found \`${display}\` resolving to \`${real}\` through a symlink, expected a path inside the project \`${realPathOf(root)}\``,
      hint: 'replace the symlink with a folder or file inside the project, or point the output at one',
    },
  ]);
}

/**
 * True when a file could be created at `dir` (itself or its nearest existing ancestor is a
 * writable folder). Caches use it to skip writing on a read-only checkout instead of failing.
 */
export function canWriteBelow(dir: string): boolean {
  let cur = resolve(dir);
  for (;;) {
    try {
      accessSync(cur, constants.W_OK);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') return false;
      const parent = dirname(cur);
      if (parent === cur) return false;
      cur = parent;
    }
  }
}
