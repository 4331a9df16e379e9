import { describe, expect, it } from 'vitest';
import { positionAt, scanJsonPositions } from './json-positions.js';

describe('scanJsonPositions', () => {
  const cases: [string, { given: string; want: { path: string[]; key: string; first: [number, number]; second: [number, number] }[] }][] = [
    ['no duplicates', { given: '{"a": 1, "b": {"a": 2}}', want: [] }],
    ['a duplicate at the top', { given: '{\n  "a": 1,\n  "a": 2\n}', want: [{ path: [], key: 'a', first: [2, 3], second: [3, 3] }] }],
    [
      'a duplicate inside an array item',
      { given: '[{"x": 1}, {"x": 1, "x": 2}]', want: [{ path: ['1'], key: 'x', first: [1, 13], second: [1, 21] }] },
    ],
    ['escaped keys compare by value', { given: '{"\\u0061": 1, "a": 2}', want: [{ path: [], key: 'a', first: [1, 2], second: [1, 15] }] }],
    [
      'strings holding brackets and quotes',
      { given: '{"s": "}{\\"", "s": 1}', want: [{ path: [], key: 's', first: [1, 2], second: [1, 15] }] },
    ],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    JSON.parse(given);
    const got = scanJsonPositions(given).duplicates.map((d) => ({
      path: d.path,
      key: d.key,
      first: [d.first.line, d.first.column],
      second: [d.second.line, d.second.column],
    }));
    expect(got).toEqual(want);
  });

  it('locates keys and array items, and the nearest ancestor of a missing one', () => {
    const at = scanJsonPositions('{\n  "items": {\n    "x": [1, {"y": 2}]\n  }\n}');
    expect(at.locate(['items', 'x'])).toEqual({ line: 3, column: 5 });
    expect(at.locate(['items', 'x', 1, 'y'])).toEqual({ line: 3, column: 15 });
    expect(at.locate(['items', 'nope'])).toEqual({ line: 2, column: 3 });
    expect(at.locate([])).toEqual({ line: 1, column: 1 });
  });

  it('locates values apart from their keys', () => {
    const at = scanJsonPositions('{\n  "items": {\n    "x": [1, {"y":   2}]\n  }\n}');
    expect(at.locateValue(['items', 'x'])).toEqual({ line: 3, column: 10 });
    expect(at.locateValue(['items', 'x', 1, 'y'])).toEqual({ line: 3, column: 22 });
    expect(at.locateValue(['items', 'x', 0])).toEqual({ line: 3, column: 11 });
    expect(at.locateValue(['items', 'nope'])).toEqual({ line: 2, column: 12 });
  });

  it('does not overflow the stack on 100,000 nested arrays', () => {
    const text = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(scanJsonPositions(text).duplicates).toEqual([]);
  });
});

describe('positionAt', () => {
  it.each<[string, number, { line: number; column: number }]>([
    ['{"a": 1}', 0, { line: 1, column: 1 }],
    ['{"a": 1}', 6, { line: 1, column: 7 }],
    ['{\n  "a": x\n}', 9, { line: 2, column: 8 }],
    ['{\n', 2, { line: 2, column: 1 }],
  ])('%j at %i', (text, offset, want) => {
    expect(positionAt(text, offset)).toEqual(want);
  });
});
