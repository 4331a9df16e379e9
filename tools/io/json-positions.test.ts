import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { positionAt, scanJsonPositions } from './json-positions.js';

/** A JSON value whose objects are lists of entries, so a key may come twice. */
type Value = null | boolean | number | string | { items: Value[] } | { entries: [string, Value][] };

const keyText = fc.oneof(fc.constantFrom('a', 'b', 'a"b', 'a\\b', '__proto__', 'ü', '}', '0'), fc.string({ maxLength: 3 }));
const value: fc.Arbitrary<Value> = fc.letrec<{ v: Value }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom<Value>(null, true, false, 0, -1.5e-3, 12, '', 's', '"', '\\', '}{][', 'é'),
    fc.record({ items: fc.array(tie('v'), { maxLength: 4 }) }),
    // Keys drawn from a few, so that objects often hold one twice.
    fc.record({ entries: fc.array(fc.tuple(fc.constantFrom('a', 'b', '"q"'), tie('v')), { maxLength: 4 }) }),
    fc.record({ entries: fc.array(fc.tuple(keyText, tie('v')), { maxLength: 3 }) }),
  ),
})).v;

/** An escaped form JSON.parse reads back as `s`: sometimes every character as `\\u` escapes. */
const spell = (s: string, unicode: boolean): string =>
  unicode ? `"${[...s].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"` : JSON.stringify(s);

/**
 * Prints `v` with whitespace from `gaps`, recording where each key and value starts by path (the
 * first of two equal keys, as lookups find it; nothing below a repeated key, which no lookup
 * reaches) and each key met again in its object, when the scan meets it: after its value.
 */
function print(v: Value, gaps: readonly string[], unicode: boolean) {
  let text = '';
  let g = 0;
  const gap = () => gaps[g++ % gaps.length]!;
  const keys = new Map<string, number>();
  const values = new Map<string, number>();
  const duplicates: { path: string[]; key: string; first: number; second: number }[] = [];
  // Array items by number (as lookups take them), keys by name.
  const walk = (x: Value, path: (string | number)[], shadowed: boolean) => {
    if (!shadowed) values.set(JSON.stringify(path), text.length);
    if (x === null || typeof x !== 'object') text += typeof x === 'string' ? spell(x, unicode) : JSON.stringify(x);
    else if ('items' in x) {
      text += `[${gap()}`;
      x.items.forEach((item, i) => {
        if (i > 0) text += `${gap()},${gap()}`;
        walk(item, [...path, i], shadowed);
      });
      text += `${gap()}]`;
    } else {
      text += `{${gap()}`;
      const seen = new Map<string, number>();
      x.entries.forEach(([k, item], i) => {
        if (i > 0) text += `${gap()},${gap()}`;
        const at = text.length;
        const first = seen.get(k);
        if (first === undefined) seen.set(k, at);
        if (first === undefined && !shadowed) keys.set(JSON.stringify([...path, k]), at);
        text += `${spell(k, unicode)}${gap()}:${gap()}`;
        walk(item, [...path, k], shadowed || first !== undefined);
        if (first !== undefined) duplicates.push({ path: path.map(String), key: k, first, second: at });
      });
      text += `${gap()}}`;
    }
  };
  walk(v, [], false);
  return { text: gap() + text + gap(), keys, values, duplicates };
}

describe('scanJsonPositions on generated documents', () => {
  it('finds every key, every value and every repeated key where the printer put them', () => {
    fc.assert(
      fc.property(
        value,
        fc.array(fc.constantFrom('', ' ', '\n', '\r\n', '\t', ' \n  '), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (v, gaps, unicode) => {
          const printed = print(v, gaps, unicode);
          // The printer's first gap comes before the root value: every offset moves by its length.
          const lead = printed.text.length - printed.text.trimStart().length;
          const text = printed.text;
          JSON.parse(text);
          const at = scanJsonPositions(text);
          const pos = (offset: number) => positionAt(text, offset + lead);
          expect(at.duplicates).toEqual(
            printed.duplicates.map((d) => ({ path: d.path, key: d.key, first: pos(d.first), second: pos(d.second) })),
          );
          for (const [id, offset] of printed.keys) expect(at.locate(JSON.parse(id) as (string | number)[])).toEqual(pos(offset));
          for (const [id, offset] of printed.values) expect(at.locateValue(JSON.parse(id) as (string | number)[])).toEqual(pos(offset));
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300), seed: Number(process.env.FUZZ_SEED ?? 20261205) },
    );
  });
});

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
