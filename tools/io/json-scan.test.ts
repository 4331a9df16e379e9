import { describe, expect, it } from 'vitest';
import { findJsonError } from './json-scan.js';

describe('findJsonError', () => {
  const valid = ['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "x\\n\\u0041"]} ', '"s"', '0', '{"a":{"b":[]}}'];
  it.each(valid)('%j is valid, as JSON.parse agrees', (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(findJsonError(text)).toBeUndefined();
  });

  const invalid: [string, string, { offset: number; found: string; expected: string; afterValue: boolean }][] = [
    ['missing value', '{"a": }', { offset: 6, found: '`}`', expected: 'a value', afterValue: false }],
    ['missing comma between members', '{"a": 1\n "b": 2}', { offset: 9, found: '`"`', expected: '`,` or `}`', afterValue: true }],
    ['missing comma between elements', '[1 2]', { offset: 3, found: '`2`', expected: '`,` or `]`', afterValue: true }],
    ['trailing comma', '{"a": 1,}', { offset: 8, found: '`}`', expected: 'a member name in `"`', afterValue: false }],
    ['unexpected end', '{"a": [1', { offset: 8, found: 'the end', expected: '`,` or `]`', afterValue: true }],
    ['empty', '', { offset: 0, found: 'the end', expected: 'a value', afterValue: false }],
    ['bare word', 'type: x', { offset: 0, found: '`t`', expected: '`true`', afterValue: false }],
    ['single quotes', "{'a': 1}", { offset: 1, found: "`'`", expected: 'a member name in `"`', afterValue: false }],
    ['missing colon', '{"a" 1}', { offset: 5, found: '`1`', expected: '`:`', afterValue: false }],
    ['bad escape', '"a\\x"', { offset: 2, found: '`\\`', expected: 'an escape such as `\\n` or `\\u0041`', afterValue: false }],
    ['newline in a string', '"a\nb"', { offset: 2, found: '`\n`', expected: 'a closing `"`', afterValue: false }],
    ['leading zero', '01', { offset: 1, found: '`1`', expected: 'the end of the payload', afterValue: false }],
    ['two values', '{} {}', { offset: 3, found: '`{`', expected: 'the end of the payload', afterValue: false }],
  ];
  it.each(invalid)('%s', (_name, text, want) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(findJsonError(text)).toEqual(want);
  });
});
