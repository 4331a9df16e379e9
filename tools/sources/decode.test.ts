import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { bytePosition, firstInvalidUtf8, utf8Body } from './decode.js';

const b = (...xs: number[]) => Uint8Array.from(xs);

describe('firstInvalidUtf8', () => {
  it.each([
    ['ASCII', b(0x61, 0x62), -1],
    ['é in UTF-8', b(0x61, 0xc3, 0xa9), -1],
    ['é in Latin-1', b(0x61, 0xe9, 0x62), 1],
    ['a truncated sequence at the end', b(0x61, 0xe2, 0x82), 1],
    ['an overlong NUL', b(0xc0, 0x80), 0],
    ['an encoded surrogate', b(0xed, 0xa0, 0x80), 0],
    ['past U+10FFFF', b(0xf4, 0x90, 0x80, 0x80), 0],
    ['a lone continuation byte', b(0x61, 0x80), 1],
    ['an emoji', b(0xf0, 0x9f, 0x98, 0x80), -1],
  ])('%s', (_n, given, want) => expect(firstInvalidUtf8(given)).toBe(want));
});

describe('utf8Body', () => {
  it('drops a UTF-8 BOM', () => {
    const bag = new DiagnosticBag();
    expect(utf8Body(b(0xef, 0xbb, 0xbf, 0x23, 0x20, 0x54), 'a.md', bag)?.toString('utf8')).toBe('# T');
    expect(bag.items).toEqual([]);
  });
  it('reports a UTF-16 file as such', () => {
    const bag = new DiagnosticBag();
    expect(utf8Body(b(0xff, 0xfe, 0x23, 0x00), 'a.md', bag)).toBeUndefined();
    expect(bag.items[0]).toMatchObject({
      code: 'source-not-utf8',
      file: 'a.md',
      line: 1,
      column: 1,
      message: 'Found a UTF-16 byte order mark (0xFF at byte offset 0), expected UTF-8 text',
    });
  });
  it('counts columns in characters, lines from 1', () => {
    expect(bytePosition(b(0x61, 0x0a, 0x63, 0xc3, 0xa9, 0xff), 5)).toEqual({ line: 2, column: 3 });
  });
});
