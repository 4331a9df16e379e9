/**
 * Content hashes of the files this process has read whole, each with the stat the file had before
 * the read (or found in the stored hash table under that very stat). A cold run reads every lane
 * file for the analyzer's prefilter; the fingerprint its memo takes at the end (pipeline/run-memo.ts)
 * finds those files here, their stat unchanged, instead of reading and hashing all of them again.
 *
 * Only files last changed well before the read are remembered, by the same rule as the stored hash
 * table (pipeline/fingerprint.ts): a write within the same clock tick as the stat could leave the
 * stat as it was, and must not be taken for the bytes read.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { hashOpenFile } from './hash-file.js';

/** Files changed less than this long before being looked at are hashed again when next asked. */
const RACY_MS = 2000;

/** What of a file's stat tells a write: its size, modification and change times and inode. */
export type StatLike = Pick<Stats, 'size' | 'mtimeMs' | 'ctimeMs' | 'ino'>;

/** The stat a run took of the file at an absolute path, if it took one. */
export type StatAt = (abs: string) => StatLike | undefined;

/** Size, modification and change times and inode: what any write to the file changes. */
export const statStamp = (st: StatLike): string => `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`;

/** True when `st` may not show a write made in the same clock tick as the look at it, at `lookedAt`. */
export const isRacy = (st: StatLike, lookedAt: number): boolean => Math.max(st.mtimeMs, st.ctimeMs) >= lookedAt - RACY_MS;

/** Absolute path → the stat stamp before the read and the sha256 of the bytes read. */
const read = new Map<string, { stamp: string; sha256: string }>();

/**
 * The file's text (UTF-8, decoded as `readFileSync(path, 'utf8')` decodes it) and the sha256 of its
 * bytes, remembered for a later fingerprint. `st`: the file's stat, taken before this read.
 */
export function readTextHashed(path: string, st: StatLike): { text: string; sha256: string } {
  const lookedAt = Date.now();
  const bytes = readBytesShared(path, st.size);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  rememberRead(path, st, lookedAt, sha256);
  return { text: bytes.toString('utf8'), sha256 };
}

/**
 * Remembers that the bytes read whole from `path` at `lookedAt` hash to `sha256`, given `st`, the
 * stat taken before the read: for readers that hash on their own (the sources, the write plan).
 */
export function rememberRead(path: string, st: StatLike, lookedAt: number, sha256: string): void {
  // A write between the stat and the read changes the file's change time, so no later stat matches
  // the stamp kept: these bytes are never taken for another state of the file.
  if (!isRacy(st, lookedAt)) read.set(path, { stamp: statStamp(st), sha256 });
}

/**
 * The sha256 of the file's bytes as they are now, remembered as `readTextHashed` remembers it;
 * throws as `readFileSync` would. The stat is of the file opened, so a file replaced between a
 * look and the read cannot lend its stat to another's bytes.
 */
export function hashFileRemembered(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const st = fstatSync(fd);
    const lookedAt = Date.now();
    const sha256 = hashOpenFile(fd);
    rememberRead(path, st, lookedAt, sha256);
    return sha256;
  } finally {
    closeSync(fd);
  }
}

/** The sha256 this process read for the file, when its stat is still `st`'s. */
export function hashReadBefore(path: string, st: StatLike): string | undefined {
  const hit = read.get(path);
  return hit && hit.stamp === statStamp(st) ? hit.sha256 : undefined;
}

/**
 * One buffer for every read, grown as needed: a buffer per file lives outside V8's heap, and over
 * thousands of files that memory sets off garbage collections (see hash-file.ts).
 */
let scratch = Buffer.allocUnsafe(1 << 20);

/** The file's bytes as they are now (to its end, whatever `size` said), in the shared buffer: valid until the next read. */
export function readBytesShared(path: string, size: number): Buffer {
  if (scratch.length <= size) scratch = Buffer.allocUnsafe(Math.max(size + 1, scratch.length * 2));
  const fd = openSync(path, 'r');
  try {
    let n = 0;
    for (;;) {
      if (n === scratch.length) {
        const grown = Buffer.allocUnsafe(scratch.length * 2);
        scratch.copy(grown, 0, 0, n);
        scratch = grown;
      }
      const asked = scratch.length - n;
      const got = readSync(fd, scratch, n, asked, null);
      n += got;
      // A regular file answers short only at its end: with the stat's size read, that short answer
      // is the end, and the read that would return nothing is not made (one call per file, not two).
      if (got === 0 || (got < asked && n >= size)) return scratch.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}
