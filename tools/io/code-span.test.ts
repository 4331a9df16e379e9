import { describe, expect, it } from 'vitest';
import { codeSpan, splitCodeSpans } from './code-span.js';

describe('code spans', () => {
  const table: [string, string][] = [
    ['array<string>', '`array<string>`'],
    ['a`b', '``a`b``'],
    ['`x', '`` `x ``'],
    ['a``b`', '``` a``b` ```'],
  ];
  it.each(table)('%s → %s, and read back as one span', (text, want) => {
    expect(codeSpan(text)).toBe(want);
    expect(splitCodeSpans(`x ${want} y`)).toEqual([
      { code: false, text: 'x ' },
      { code: true, text: want },
      { code: false, text: ' y' },
    ]);
  });

  it('an unclosed backtick is text', () => {
    expect(splitCodeSpans('a `b')).toEqual([{ code: false, text: 'a `b' }]);
  });
});
