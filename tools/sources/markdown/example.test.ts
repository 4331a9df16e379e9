import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import type { Field } from '../../model/schema.js';
import { toBlocks } from './blocks.js';
import { checkExampleKeys, exampleKeys, isExampleLabel, parseExample } from './example.js';
import { parseMarkdown } from './parse.js';
import { plainField } from '../../model/field.js';

const fence = '```';

function parse(md: string) {
  const blocks = toBlocks(parseMarkdown(md), md);
  const bag = new DiagnosticBag();
  const example = parseExample(blocks[0]!, blocks[1], 'ex.md', bag);
  return { example, bag, blocks };
}

describe('isExampleLabel', () => {
  const cases: [string, boolean][] = [
    ['OBJECT thing.started', true],
    ['OBJECT The widget object', true],
    ['OBJECT', false],
    ['An OBJECT thing', false],
    ['# OBJECT thing', false],
  ];
  it.each(cases)('%j → %s', (md, want) => {
    expect(isExampleLabel(toBlocks(parseMarkdown(md), md)[0])).toBe(want);
  });
});

describe('parseExample', () => {
  const cases: [string, { given: string[]; value: unknown; anchor: string }][] = [
    ['plain object', { given: ['{"type": "thing.started", "n": 1}'], value: { type: 'thing.started', n: 1 }, anchor: 'ex.md:3-5' }],
    [
      'array and nesting',
      { given: ['{', '  "parts": [{"a": null}, true]', '}'], value: { parts: [{ a: null }, true] }, anchor: 'ex.md:3-7' },
    ],
    // The scrape ends lines inside arrays with a backslash; those are not JSON.
    [
      'trailing backslashes',
      {
        given: ['{', '  "parts": [\\', '    {\\', '      "a": 1\\', '    }\\', '  ]', '}'],
        value: { parts: [{ a: 1 }] },
        anchor: 'ex.md:3-11',
      },
    ],
    ['a backslash inside a string stays', { given: ['{"path": "a\\\\b"}'], value: { path: 'a\\b' }, anchor: 'ex.md:3-5' }],
  ];
  it.each(cases)('%s', (_name, { given, value, anchor }) => {
    const { example, bag } = parse(['OBJECT thing', '', `${fence}json`, ...given, fence].join('\n'));
    expect(bag.items).toEqual([]);
    expect(example).toEqual({ anchor, value });
  });

  it('repairs a missing comma at a line end, with a warning where the comma belongs', () => {
    const md = ['OBJECT thing.moved', '', `${fence}json`, '{', '  "type": "thing.moved",', '  "delta": "x"', '  "seq": 2', '}', fence].join(
      '\n',
    );
    const { example, bag } = parse(md);
    expect(example?.value).toEqual({ type: 'thing.moved', delta: 'x', seq: 2 });
    expect(bag.items).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'example-missing-comma',
        file: 'ex.md',
        line: 6,
        column: 15,
        message: expect.stringContaining('`thing.moved`'),
      }),
    ]);
  });

  it('repairs several missing commas, each reported at its own line', () => {
    const md = ['OBJECT t', '', `${fence}json`, '{', '  "a": 1', '  "b": [1', '    2]', '  "c": 3', '}', fence].join('\n');
    const { example, bag } = parse(md);
    expect(example?.value).toEqual({ a: 1, b: [1, 2], c: 3 });
    expect(bag.items.map((d) => [d.code, d.line, d.column])).toEqual([
      ['example-missing-comma', 5, 9],
      ['example-missing-comma', 6, 10],
      ['example-missing-comma', 7, 7],
    ]);
  });

  const broken: [string, { given: string[]; line: number; column: number; message: string }][] = [
    [
      'a missing closing brace',
      { given: ['{', '  "a": 1'], line: 5, column: 9, message: 'Found the end in the example of `thing`, expected `,` or `}`' },
    ],
    [
      'a missing comma inside a line',
      { given: ['{"a": 1 "b": 2}'], line: 4, column: 9, message: 'Found `"` in the example of `thing`, expected `,` or `}`' },
    ],
    [
      'a trailing comma',
      { given: ['{', '  "a": 1,', '}'], line: 6, column: 1, message: 'Found `}` in the example of `thing`, expected a member name in `"`' },
    ],
    ['not JSON at all', { given: ['type: thing'], line: 4, column: 1, message: 'Found `t` in the example of `thing`, expected `true`' }],
    [
      'a missing value after a repaired comma',
      { given: ['{', '  "a": 1', '  "b": }'], line: 6, column: 8, message: 'Found `}` in the example of `thing`, expected a value' },
    ],
  ];
  it.each(broken)('reports %s as an error at its position', (_name, { given, line, column, message }) => {
    const { example, bag } = parse(['OBJECT thing', '', `${fence}json`, ...given, fence].join('\n'));
    expect(example).toBeUndefined();
    const errors = bag.items.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      code: 'example-invalid-json',
      file: 'ex.md',
      line,
      column,
      message: `${message} (the payload is not valid JSON)`,
    });
    expect(errors[0]!.hint).toBeTruthy();
  });

  it('reports a label with no code block after it', () => {
    const { example, bag } = parse('OBJECT thing\n\nsome prose');
    expect(example).toBeUndefined();
    expect(bag.items).toEqual([expect.objectContaining({ severity: 'error', code: 'example-missing', line: 1, column: 1 })]);
  });
});

describe('checkExampleKeys', () => {
  const field = (name: string): Field => plainField(name);
  const code = toBlocks(parseMarkdown('x\n\n```json\n{}\n```'), 'x\n\n```json\n{}\n```')[1]!;
  const cases: [string, { value: unknown; declared: string[]; want: string | undefined }][] = [
    ['same keys', { value: { a: 1, b: 2 }, declared: ['b', 'a'], want: undefined }],
    ['an extra key', { value: { a: 1, z: 2 }, declared: ['a'], want: 'with keys `z` that no field declares' }],
    ['a missing key', { value: { a: 1 }, declared: ['a', 'b'], want: 'with no `b` although declared' }],
    ['both', { value: { a: 1, z: 2 }, declared: ['a', 'b'], want: 'with keys `z` that no field declares and no `b` although declared' }],
    ['an array example is not checked', { value: [1, 2], declared: ['a'], want: undefined }],
  ];
  it.each(cases)('%s', (_name, { value, declared, want }) => {
    const bag = new DiagnosticBag();
    checkExampleKeys({ anchor: 'ex.md:3-5', value: value as never }, declared.map(field), code, 'ex.md', 'thing', bag);
    if (want === undefined) expect(bag.items).toEqual([]);
    else
      expect(bag.items).toEqual([
        expect.objectContaining({
          severity: 'warning',
          code: 'example-keys-mismatch',
          line: 3,
          column: 1,
          message: expect.stringContaining(`Found an example of \`thing\` ${want}, expected`),
        }),
      ]);
  });

  it('exampleKeys lists the keys of an object only', () => {
    expect(exampleKeys({ a: 1, b: null })).toEqual(['a', 'b']);
    expect(exampleKeys([1])).toEqual([]);
    expect(exampleKeys(null)).toEqual([]);
    expect(exampleKeys(undefined)).toEqual([]);
  });
});
