import { accessSync, constants, lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { EnvironmentError } from './env-error.js';
import { assertRealPathInside } from './confine.js';

/**
 * Our temporary names: `.<name>.<pid>.<time>.tmp` beside the target. A kill between write and
 * rename leaves one behind; `removeStaleTemps` recognises exactly this pattern and nothing else.
 */
export const TEMP_NAME = /^\.(.+)\.(\d+)\.(\d+)\.tmp$/;

function tempNameFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
}

export interface AtomicWriteOptions {
  /**
   * The project root. With it, a symlinked target is written through to the file it points at
   * (the link is kept) only if that file is inside the root, and a folder on the way that is a
   * link leading outside the root is refused.
   */
  root?: string;
  /** How messages name the file (the project-relative path); default the path itself. */
  display?: string;
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The path actually written: the target itself, or, when it is a symlink, the file the link
 * resolves to (a rename over the link would replace it with a regular file).
 */
function writeTarget(path: string, root: string | undefined, display: string): string {
  let target = path;
  for (let hops = 0; ; hops++) {
    const stat = lstatOrUndefined(target);
    if (!stat?.isSymbolicLink()) break;
    // Past the kernel's own limit of links in a chain: a loop.
    if (hops === 40)
      throw Object.assign(new Error(`ELOOP: too many symbolic links, ${display}`), { code: 'ELOOP', syscall: 'open', path: display });
    target = resolve(dirname(target), readlinkSync(target));
  }
  if (root) assertRealPathInside(root, target, display);
  return target;
}

/** A file the user made read-only is theirs to keep: refuse instead of renaming over it. */
function assertWritable(target: string, display: string): void {
  const stat = lstatOrUndefined(target);
  if (!stat) return;
  // No write bit at all is a human's "do not touch", which root's access check would ignore.
  let readOnly = (stat.mode & 0o222) === 0;
  try {
    accessSync(target, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS') throw error;
    readOnly = true;
  }
  if (readOnly) {
    throw new EnvironmentError(`${display} is read-only`, [
      {
        severity: 'error',
        code: 'output-read-only',
        file: display,
        line: 1,
        column: 1,
        message: `Found a read-only file \`${display}\`, expected a file specmap may replace`,
        hint: `make it writable (\`chmod u+w ${display}\`) if specmap should update it, or leave it and run specmap where it may write`,
      },
    ]);
  }
}

export interface StagedWrite {
  tmp: string;
  target: string;
}

/** First half of an atomic write: checks the target and writes the bytes to a temporary file beside it. */
export function stageWrite(path: string, content: string | Uint8Array, options: AtomicWriteOptions = {}): StagedWrite {
  const display = options.display ?? path;
  const target = writeTarget(path, options.root, display);
  assertWritable(target, display);
  mkdirSync(dirname(target), { recursive: true });
  if (options.root) assertRealPathInside(options.root, target, display);
  const tmp = tempNameFor(target);
  try {
    writeFileSync(tmp, content);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  return { tmp, target };
}

export function discardStaged(staged: readonly StagedWrite[]): void {
  for (const s of staged) rmSync(s.tmp, { force: true });
}

/** Writes to a temporary file beside the target and renames it over: never a half-written output. */
export function writeFileAtomic(path: string, content: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const staged = stageWrite(path, content, options);
  try {
    renameSync(staged.tmp, staged.target);
  } catch (error) {
    discardStaged([staged]);
    throw error;
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes our temporary files left in `dir` by a run that was killed between write and rename
 * (its pid no longer runs). Files of a live run, and every other file, are left alone. Returns the
 * names removed.
 */
export function removeStaleTemps(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names.sort()) {
    const m = TEMP_NAME.exec(name);
    if (!m || isAlive(Number(m[2]))) continue;
    const stat = lstatOrUndefined(join(dir, name));
    if (!stat?.isFile()) continue;
    try {
      rmSync(join(dir, name));
      removed.push(name);
    } catch {
      // Not ours to fight over: a file we cannot remove is reported by `check`, not here.
    }
  }
  return removed;
}

export { isAlive as isProcessAlive };
