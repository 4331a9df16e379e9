import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashFile } from './hash-file.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('hashFile', () => {
  it('hashes the bytes of each file, whatever its size, and nothing of the file read before it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'specmap-hash-file-'));
    const files: [string, Buffer][] = [
      ['large', randomBytes(2.5 * 1024 * 1024)],
      ['small', Buffer.from('export const a = 1;\n')],
      ['empty', Buffer.alloc(0)],
      ['exactly-one-chunk', randomBytes(1024 * 1024)],
      ['text-in-utf8', Buffer.from('é — 👋\n', 'utf8')],
    ];
    for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes);
    for (const [name, bytes] of files) expect(hashFile(join(dir, name)), name).toBe(sha256(bytes));
  });

  it('throws for a missing file and for a folder, as reading them would', () => {
    const dir = mkdtempSync(join(tmpdir(), 'specmap-hash-file-'));
    mkdirSync(join(dir, 'folder'));
    expect(() => hashFile(join(dir, 'none'))).toThrow(/ENOENT/);
    expect(() => hashFile(join(dir, 'folder'))).toThrow(/EISDIR/);
  });
});
