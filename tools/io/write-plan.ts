/**
 * The one write path (STYLE.md "Generators return files, they never write"): every stage returns
 * `OutputFile`s; this module compares their bytes with what is on disk and writes only what
 * changed. `check` calls `planWrites` and never `applyPlan`.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { GeneratorError } from '../diagnostics/errors.js';
import { renameSync } from 'node:fs';
import { discardStaged, stageWrite, type StagedWrite } from './atomic.js';
import { assertRealPathInside, isRealPathInside } from './confine.js';
import { EnvironmentError } from './env-error.js';
import { readBytesShared, rememberRead } from './read-hashes.js';

export interface OutputFile {
  /** Path relative to the workspace root, `/`-separated. */
  path: string;
  content: string;
  /** The command that produces it, for messages ("run `specmap generate`"). */
  producedBy: string;
}

interface PlannedWrite {
  file: OutputFile;
  /** Current bytes on disk, or undefined for a new file. */
  before: string | undefined;
}

export interface WritePlan {
  root: string;
  changed: PlannedWrite[];
  unchanged: OutputFile[];
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Resolves a workspace-relative path, refusing anything that escapes the workspace. */
export function resolveInside(root: string, path: string): string {
  const abs = resolve(root, path);
  const rel = relative(resolve(root), abs);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new GeneratorError(`output path ${path} is outside the workspace ${root}`, [
      {
        severity: 'error',
        code: 'output-outside-workspace',
        file: path,
        line: 1,
        column: 1,
        message: `Unexpected output path \`${path}\`, expected a path inside the workspace \`${root}\``,
        hint: 'point the output folder in specmap.config.json at a folder inside the workspace',
      },
    ]);
  }
  return abs;
}

/** resolveInside, and the real path too: for files read before they are written (mapping.json). */
export function resolveInsideReal(root: string, path: string): string {
  const abs = resolveInside(root, path);
  assertRealPathInside(root, abs, path);
  return abs;
}

export function planWrites(root: string, files: readonly OutputFile[]): WritePlan {
  const plan: WritePlan = { root, changed: [], unchanged: [] };
  const seen = new Set<string>();
  const confined = confinedFolders(root);
  for (const file of files) {
    if (seen.has(file.path)) throw new GeneratorError(`two outputs claim the same path ${file.path}`);
    seen.add(file.path);
    const abs = resolveInside(root, file.path);
    // lstat, so that a plain file's real path is its folder's (resolved once per folder); a link,
    // or a file not there yet, is followed to its end.
    const lst = lstatSync(abs, { throwIfNoEntry: false });
    // A symlinked output folder must not make us read, compare or write outside the project.
    if (!lst?.isFile() || !confined(dirname(abs))) assertRealPathInside(root, abs, file.path);
    const st = lst?.isFile() ? lst : statSync(abs, { throwIfNoEntry: false });
    if (!st) {
      plan.changed.push({ file, before: undefined });
      continue;
    }
    // Compared as bytes; the text on disk is decoded only for a file that differs.
    const lookedAt = Date.now();
    const bytes = readBytesShared(abs, st.size);
    if (!sameBytes(bytes, file.content)) {
      plan.changed.push({ file, before: bytes.toString('utf8') });
      continue;
    }
    plan.unchanged.push(file);
    // The bytes are the content's: their hash is the one a writing run records, and the one the
    // memo's closing fingerprint needs.
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    outputHashes.set(file, sha256);
    rememberRead(abs, st, lookedAt, sha256);
  }
  return plan;
}

/**
 * Whether a folder's real path is inside the root's, answered once per folder: an output tree of
 * hundreds of files lies in a handful of folders.
 */
function confinedFolders(root: string): (folder: string) => boolean {
  const answers = new Map<string, boolean>();
  return (folder) => {
    let inside = answers.get(folder);
    if (inside === undefined) {
      inside = isRealPathInside(root, folder);
      answers.set(folder, inside);
    }
    return inside;
  };
}

/** Room to encode a content into, reused: a buffer per file lives outside V8's heap (see read-hashes.ts). */
let encoded = Buffer.allocUnsafe(1 << 20);

/** True when `bytes` are `content` encoded as UTF-8. */
function sameBytes(bytes: Buffer, content: string): boolean {
  // A UTF-8 encoding is at least as long as the string and at most three bytes per UTF-16 unit.
  if (bytes.length < content.length || bytes.length > content.length * 3) return false;
  if (encoded.length < content.length * 3) encoded = Buffer.allocUnsafe(Math.max(content.length * 3, encoded.length * 2));
  const n = encoded.write(content, 0, 'utf8');
  return n === bytes.length && bytes.equals(encoded.subarray(0, n));
}

const outputHashes = new WeakMap<OutputFile, string>();

/** The sha256 of the bytes an output file's content is written as (computed once per file). */
export function outputSha256(file: OutputFile): string {
  let sha256 = outputHashes.get(file);
  if (sha256 === undefined) {
    sha256 = createHash('sha256').update(file.content).digest('hex');
    outputHashes.set(file, sha256);
  }
  return sha256;
}

function changedMeanwhile(paths: string[]): EnvironmentError {
  return new EnvironmentError(
    `${paths.join(', ')} changed while specmap ran`,
    paths.map((path) => ({
      severity: 'error' as const,
      code: 'output-changed-during-run',
      file: path,
      line: 1,
      column: 1,
      message: `Found \`${path}\` changed since this run read it, expected it unchanged (writing would replace the newer text)`,
      hint: 'run the command again; it will start from the saved file',
    })),
  );
}

/**
 * Writes every changed file atomically; returns the paths written. All bytes go to temporary
 * files first and are renamed only when every one is written, so a full disk or a refused file
 * (read-only, outside the project) leaves the outputs as they were.
 */
export function applyPlan(plan: WritePlan): string[] {
  const staged: StagedWrite[] = [];
  try {
    for (const { file } of plan.changed)
      staged.push(stageWrite(resolveInside(plan.root, file.path), file.content, { root: plan.root, display: file.path }));
    // A file edited since the plan read it (a human saving a note or a stub) is not replaced.
    const moved = plan.changed
      .filter(({ file, before }) => readIfExists(resolveInside(plan.root, file.path)) !== before)
      .map(({ file }) => file.path);
    if (moved.length) throw changedMeanwhile(moved);
  } catch (error) {
    discardStaged(staged);
    throw error;
  }
  for (const s of staged) renameSync(s.tmp, s.target);
  return plan.changed.map(({ file }) => file.path);
}
