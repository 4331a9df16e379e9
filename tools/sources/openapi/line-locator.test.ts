import { describe, expect, it } from 'vitest';
import { keyOf, LineLocator, type Pointer } from './line-locator.js';
import { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import { parseDocument } from './parse-document.js';

const YAML = [
  'openapi: 3.1.0', //  1
  '# a comment', //  2
  'paths:', //  3
  '  /widgets:', //  4
  '    get:', //  5
  '      description: |', //  6
  '        looks: like a key but sits in a block scalar', //  7
  '      parameters:', //  8
  '      - name: size', //  9
  '        in: query', // 10
  '      - $ref: "#/components/parameters/Colour"', // 11
  'components:', // 12
  '  schemas:', // 13
  '    Widget:', // 14
  '      type: object', // 15
  '      required: [id]', // 16
  '      properties:', // 17
  '        id: { type: string }', // 18
  '        "quoted key":', // 19
  '          type: integer', // 20
  '        tags:', // 21
  '          type: array', // 22
  '          items:', // 23
  '            enum:', // 24
  '              - red', // 25
  '              - blue', // 26
].join('\n');

const JSON_TEXT = JSON.stringify(
  {
    openapi: '3.1.0',
    components: { schemas: { Gadget: { type: 'object', properties: { name: { type: 'string' } } } } },
    list: [{ a: 1 }, { a: 2 }],
  },
  null,
  2,
);

describe('LineLocator', () => {
  const yaml = new LineLocator(YAML);
  it.each<[string, Pointer, number]>([
    ['a top-level key', ['paths'], 3],
    ['a path key', ['paths', '/widgets'], 4],
    ['an operation', ['paths', '/widgets', 'get'], 5],
    ['a block scalar hides its look-alike keys', ['paths', '/widgets', 'get', 'looks'], 5],
    ['a zero-indented sequence item', ['paths', '/widgets', 'get', 'parameters', 1], 11],
    ['the first key of a `- key:` item', ['paths', '/widgets', 'get', 'parameters', 0, 'in'], 10],
    ['a key that shares the item line', ['paths', '/widgets', 'get', 'parameters', 0, 'name'], 9],
    ['a schema', ['components', 'schemas', 'Widget'], 14],
    ['a property', ['components', 'schemas', 'Widget', 'properties', 'id'], 18],
    ['a quoted key', ['components', 'schemas', 'Widget', 'properties', 'quoted key'], 19],
    ['a flow mapping falls back to its key', ['components', 'schemas', 'Widget', 'properties', 'id', 'type'], 18],
    ['an enum value', ['components', 'schemas', 'Widget', 'properties', 'tags', 'items', 'enum', 1], 26],
    ['a missing key falls back to the nearest ancestor', ['components', 'schemas', 'Nope'], 13],
  ])('YAML: %s', (_name, pointer, line) => {
    expect(yaml.lineOf(pointer)).toBe(line);
  });

  const json = new LineLocator(JSON_TEXT);
  const lines = JSON_TEXT.split('\n');
  it.each<[Pointer, string]>([
    [['components', 'schemas', 'Gadget'], '"Gadget": {'],
    [['components', 'schemas', 'Gadget', 'properties', 'name'], '"name": {'],
    [['list', 1, 'a'], '"a": 2'],
  ])('pretty JSON: %j', (pointer, text) => {
    expect(lines[json.lineOf(pointer) - 1]!.trim()).toBe(text);
  });
});

describe('keyOf', () => {
  it.each<[string, string | undefined]>([
    ['plain: 1', 'plain'],
    ['"a\\"b": 1', 'a"b'],
    ["'it''s': x", "it's"],
    ['/responses/{id}:', '/responses/{id}'],
    ['- item', undefined],
    ['just text', undefined],
    ['"no colon"', undefined],
  ])('%s → %s', (text, key) => {
    expect(keyOf(text)).toBe(key);
  });
});

describe('LineLocator with the lazy reader’s indents', () => {
  // A double-quoted scalar may go on at any indent, even left of its key: js-yaml reads the
  // second line as part of the description, so `get` is still `/widgets`'s child.
  const text = [
    'openapi: 3.1.0', // 1
    'paths:', // 2
    '  /widgets:', // 3
    '    description: "starts here', // 4
    '  and goes on to the left"', // 5
    '    get:', // 6
    '      summary: list', // 7
  ].join('\n');

  it('finds a key after a quoted scalar that continues left of it, where the bare indents stop', () => {
    const pointer = ['paths', '/widgets', 'get', 'summary'];
    const bare = new LineLocator(text);
    // Reading indents alone, the continuation line ends `/widgets`' children.
    expect(bare.lineOf(pointer)).toBe(3);
    const parsed = parseDocument(text, 'w.yaml', new DiagnosticBag())!;
    expect((parsed.doc as { paths: Record<string, { get: unknown }> }).paths['/widgets']!.get).toEqual({ summary: 'list' });
    expect(parsed.locator.lineOf(pointer)).toBe(7);
    expect(parsed.locator.lineOf(['paths', '/widgets', 'get'])).toBe(6);
  });

  it('ignores indents that do not describe these lines', () => {
    const lines = YAML.split('\n');
    const wrong = new LineLocator(lines, new Int32Array(3));
    expect(wrong.lineOf(['components', 'schemas', 'Widget'])).toBe(14);
  });
});
