/**
 * The warm path of `check` (it runs on every commit): a fingerprint of every input the check
 * reads — config, sources, templates, mapped code, mapping.json, model, generated files — by
 * content hash. When it equals the fingerprint of the last clean check, nothing can have
 * drifted and the check is done without loading a parser, a generator or Zod. The digest
 * includes the tool's code hash: another specmap (an upgrade, a rebuild) never answers from the
 * memo of this one.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { readSlot, writeSlot } from '../cache/store.js';
import { toolCodeHash } from '../cache/tool-hash.js';
import { TEMP_NAME } from '../io/atomic.js';

/** The slot of the whole check's memo (`check-state.json` in the cache folder). */
export const CHECK_MEMO_SLOT = 'check-state';

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
    return hashText([`tool\u0000${toolCodeHash()}`, ...this.parts].join('\n'));
  }
}

const isClean = (v: unknown): v is { clean: true } => typeof v === 'object' && v !== null && (v as { clean?: unknown }).clean === true;

/** True when the memo in `slot` says the check of exactly these inputs (`digest`) was clean. */
export function memoSaysClean(cacheDir: string | undefined, digest: string, slot = CHECK_MEMO_SLOT): boolean {
  return readSlot(cacheDir, slot, digest, isClean) !== undefined;
}

/** Best effort: a read-only checkout or a full disk only costs the next check its warm path. */
export function writeMemo(cacheDir: string | undefined, digest: string, slot = CHECK_MEMO_SLOT): void {
  writeSlot(cacheDir, slot, digest, { clean: true });
}
