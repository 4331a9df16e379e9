/**
 * The warm path of `check` (it runs on every commit): a fingerprint of every input the check
 * reads — config, sources, templates, mapped code, mapping.json, model, generated files — by
 * content hash. When it equals the fingerprint of the last clean check, nothing can have
 * drifted and the check is done without loading a parser, a generator or Zod.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { TEMP_NAME, writeFileAtomic } from '../io/atomic.js';
import { isEnvironmentErrno } from '../io/env-error.js';

export const CHECK_CACHE_FILE = 'check-state.json';

/** Bumped when what a check computes changes, so an old memo never hides a new finding. */
const CHECK_LOGIC_VERSION = 1;

export function hashText(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Files under `dir` (recursive), relative to `root`; missing folder → none. */
export function listFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: string) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name === 'node_modules' || e.name === '.git') continue;
      // Our own temporary files (a run killed between write and rename) are not outputs; `sync` removes them.
      if (TEMP_NAME.test(e.name)) continue;
      const p = join(abs, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(relative(root, p).split('\\').join('/'));
    }
  };
  walk(resolve(root, dir));
  return out.sort();
}

export class Fingerprint {
  private readonly parts: string[] = [];
  constructor(private readonly root: string) {}

  text(label: string, text: string): this {
    this.parts.push(`${label}\u0000${hashText(text)}`);
    return this;
  }

  /** A file's bytes; a missing file counts as its own state. */
  file(path: string): this {
    let digest: string;
    try {
      digest = hashText(readFileSync(resolve(this.root, path)));
    } catch {
      digest = 'missing';
    }
    this.parts.push(`${path}\u0000${digest}`);
    return this;
  }

  files(paths: readonly string[]): this {
    for (const p of [...paths].sort()) this.file(p);
    return this;
  }

  digest(): string {
    return hashText([`v${CHECK_LOGIC_VERSION}`, ...this.parts].join('\n'));
  }
}

export function readMemo(cacheDir: string, file = CHECK_CACHE_FILE): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(cacheDir, file), 'utf8')) as { clean?: string }).clean;
  } catch {
    return undefined;
  }
}

/** Best effort: a read-only checkout or a full disk only costs the next check its warm path. */
export function writeMemo(cacheDir: string, digest: string, file = CHECK_CACHE_FILE): void {
  try {
    writeFileAtomic(join(cacheDir, file), JSON.stringify({ clean: digest }) + '\n');
  } catch (error) {
    if (!isEnvironmentErrno(error)) throw error;
  }
}
