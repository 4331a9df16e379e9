import { createHash } from 'node:crypto';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashReadBefore, readBytesShared, readTextHashed } from './read-hashes.js';

const fileWith = (bytes: Buffer | string): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'specmap-read-')), 'f');
  writeFileSync(path, bytes);
  return path;
};

describe('readBytesShared', () => {
  it.each([
    ['the size the stat gave', 0],
    ['a file grown since its stat', -40],
    ['a file shrunk since its stat', 40],
  ])('reads to the end: %s', (_name, sizeSkew) => {
    const text = 'x'.repeat(100);
    const path = fileWith(text);
    expect(readBytesShared(path, text.length + sizeSkew).toString()).toBe(text);
  });

  it('reads a file larger than its buffer, and an empty one', () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 3, 'ab');
    expect(readBytesShared(fileWith(big), 10).equals(big)).toBe(true);
    expect(readBytesShared(fileWith(''), 0).length).toBe(0);
  });
});

describe('readTextHashed', () => {
  it('returns the text and the hash of its bytes; a file changed moments ago is not remembered', () => {
    const path = fileWith('é\n');
    const st = statSync(path);
    expect(readTextHashed(path, st)).toEqual({ text: 'é\n', sha256: createHash('sha256').update('é\n').digest('hex') });
    // Its change time is within the last 2 s: a write in the same clock tick could hide behind the stat.
    expect(hashReadBefore(path, st)).toBeUndefined();
  });
});
