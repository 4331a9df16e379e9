import fc from 'fast-check';
import jsyaml from 'js-yaml';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadYamlLazily } from './lazy-yaml.js';

/** Every value read through, keys in order; NaN and -0 kept apart. */
function snapshot(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(snapshot);
  if (v !== null && typeof v === 'object') return Object.keys(v).map((k) => [k, snapshot((v as Record<string, unknown>)[k])]);
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  return v;
}

/** The lazy value read in full, or the error that reading it threw. */
function readLazily(text: string): { value: unknown } | { error: string } {
  try {
    return { value: snapshot(loadYamlLazily(text, 'doc.yaml')) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function readWhole(text: string): { value: unknown } | { error: string } {
  try {
    return { value: snapshot(jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, filename: 'doc.yaml' })) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const DOC = `openapi: 3.1.0
info:
  title: Pets
  version: "1"
paths:
  /pets:
    get:
      responses:
        "200":
          description: ok
  '/pets/{id}':
    parameters:
    - name: id
      in: path
components:
  schemas:
    Pet:
      type: object
      properties:
        name: { type: string }
    Owner:
      description: |
        Keeps
          its indent
      type: object
    200: { type: integer }
x-extra:
  list:
    - a
    - b
`;

/** Generated documents: keys that read in odd ways, hostile leaves, every style js-yaml writes. */
const key = fc.oneof(
  fc.constantFrom(
    '/responses',
    '/a/{id}',
    'type',
    '200',
    '1.5',
    'null',
    'true',
    '~',
    '-x',
    'a b',
    'a: b',
    "it's",
    'k#1',
    '$ref',
    '__proto__',
    '',
  ),
  fc.string({ maxLength: 6 }),
);
const leaf = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('multi\nline\n', '  lead', 'x: y', '- z', '# c', '|', "'q'", '"', 0.5, -0),
);
const tree = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, fc.dictionary(key, tie('node'), { maxKeys: 4 }), fc.array(tie('node'), { maxLength: 3 })),
})).node;
const doc = fc.dictionary(key, fc.dictionary(key, fc.dictionary(key, tree, { maxKeys: 4 }), { maxKeys: 4 }), { minKeys: 1, maxKeys: 4 });
const style = fc.record({
  indent: fc.integer({ min: 1, max: 4 }),
  flowLevel: fc.constantFrom(-1, -1, 1, 2, 3),
  noArrayIndent: fc.boolean(),
  lineWidth: fc.constantFrom(80, 20, -1),
  forceQuotes: fc.boolean(),
  quotingType: fc.constantFrom("'" as const, '"' as const),
  noCompatMode: fc.boolean(),
});
/**
 * A document of three levels or more, and a style to write it in. One object may also appear a
 * second time in another section, which js-yaml writes as an anchor and an alias (`&ref_0`, `*ref_0`).
 */
const documents = fc.tuple(doc, style, fc.nat(), fc.nat()).map(([value, options, a, b]) => {
  const sections = Object.values(value as Record<string, unknown>).filter(
    (v): v is Record<string, unknown> => typeof v === 'object' && v !== null,
  );
  const objectsIn = (root: unknown): Record<string, unknown>[] => {
    if (typeof root !== 'object' || root === null) return [];
    const children = Object.values(root).flatMap(objectsIn);
    return Array.isArray(root) ? children : [root as Record<string, unknown>, ...children];
  };
  if (sections.length >= 2) {
    const from = objectsIn(sections[a % sections.length]);
    const to = objectsIn(sections[(a + 1) % sections.length]);
    if (from.length && to.length) to[b % to.length]!.shared = from[b % from.length];
  }
  return [value, options] as const;
});

afterEach(() => vi.restoreAllMocks());

describe('a YAML document parsed as far as it is read', () => {
  it('reads as js-yaml reads it, keys in order', () => {
    expect(readLazily(DOC)).toEqual(readWhole(DOC));
    const doc = loadYamlLazily(DOC, 'doc.yaml') as Record<string, Record<string, Record<string, unknown>>>;
    expect(Object.keys(doc.paths!)).toEqual(['/pets', '/pets/{id}']);
    expect(Object.keys(doc.components!.schemas!)).toEqual(['200', 'Pet', 'Owner']);
  });

  it.each([
    ['LF', DOC],
    ['CRLF', DOC.replace(/\n/g, '\r\n')],
  ])('parses only the entries read (%s line ends)', (_ends, text) => {
    const load = vi.spyOn(jsyaml, 'load');
    const doc = loadYamlLazily(text, 'doc.yaml') as Record<string, Record<string, Record<string, { type?: string }>>>;
    expect(load).not.toHaveBeenCalled();
    expect(doc.components!.schemas!.Pet!.type).toBe('object');
    const texts = load.mock.calls.map((c) => c[0]);
    // The numeric key `200` is read by js-yaml too (as `200: 0`), and then the one entry.
    expect(texts.every((t) => !t.includes('/pets') && !t.includes('Owner') && !t.includes('x-extra'))).toBe(true);
    expect(texts.some((t) => t.startsWith('Pet:'))).toBe(true);
  });

  it('keeps what is written to it', () => {
    const doc = loadYamlLazily(DOC, 'doc.yaml') as Record<string, unknown>;
    doc.info = 'replaced';
    expect(doc.info).toBe('replaced');
    expect({ ...doc }.info).toBe('replaced');
  });

  it.each([
    ['an alias to an anchor in another entry', 'a:\n  x: &shared\n    k: 1\nb:\n  y: *shared\n'],
    [
      'aliases to anchors in other sections, one inside another',
      'a:\n  x:\n    l: &one [1, 2]\n    m: &two\n      k: *one\nb:\n  y:\n    - *two\n    - &three x\n  z: *three\n',
    ],
    ['an anchor used before it is defined', 'a:\n  y: *later\nb:\n  x: &later 1\n'],
    ['a name anchored twice', 'a:\n  x: &n 1\nb:\n  x: &n 2\n  y: *n\n'],
    ['CRLF line ends', 'a:\r\n  b: |\r\n    one\r\n    two\r\n  c: "x\r\n    y"\r\n'],
    ['a lone CR', 'a:\r  b: 1\nc: 2\n'],
    ['a document marker', '---\na:\n  b: 1\n'],
    ['a flow mapping at the top', '{ a: 1, b: { c: 2 } }\n'],
    ['a sequence at its key’s own indent', 'a:\n- 1\n- 2\nb:\n  c:\n  - x\n'],
    ['a quoted value that goes on below', 'a: "one\n  two"\nb: 1\n'],
    ['a quoted value that goes on left of its key', "a:\n  b:\n    c: 'one\nd: two'\n  e: 1\nf: 2\n"],
    ['a flow collection over lines', 'a:\n  b: [1,\n2, {c: "x,\n]"}]\n  d: 1\n'],
    ['quotes inside plain scalars', "a:\n  b: it's\n  c: [it's, 'x']\n  d: plain\n    'continued\ne: 1\n"],
    ['a key with a colon inside', 'paths:\n  /a:b:\n    get: 1\n'],
    ['a merge key', 'base:\n  k: 1\nuse:\n  <<: { k: 2 }\n'],
    ['null and boolean keys', 'null:\n  a: 1\ntrue:\n  b: 2\n'],
    ['numeric keys', '1.0:\n  a: 1\n0x10:\n  b: 2\n-1:\n  c: 3\n'],
    ['comments at every indent', '# head\na:\n# inside\n  b: 1 # trailing\n    # deeper\n  c: |\n    # content\nd: 2\n'],
    ['a block scalar with blank lines', 'a:\n  b: |\n    one\n\n      two\n\n  c: 1\n'],
    ['a scalar document', 'just text\n'],
    ['an empty document', '# nothing\n'],
  ])('reads %s as js-yaml does', (_name, text) => {
    expect(readLazily(text)).toEqual(readWhole(text));
  });

  it.each([
    ['a duplicated section', 'a:\n  b: 1\na:\n  c: 2\n'],
    ['a duplicated entry', 'paths:\n  /a:\n    get: 1\n  /a:\n    put: 2\n'],
    ['a bad indent between levels', 'paths:\n    /a:\n      get: 1\n  /b:\n    get: 2\n'],
    ['a tab for indent', 'a:\n\tb: 1\n'],
    ['a flow collection left open', 'paths:\n  /a:\n    get: [1, 2\n'],
    ['a quoted scalar left open', 'paths:\n  /a:\n    get: "one\n  /b:\n    put: 2\n'],
  ])('throws js-yaml’s error for %s, with its line in the whole file', (_name, text) => {
    const expected = readWhole(text);
    expect(expected).toHaveProperty('error');
    expect(readLazily(text)).toEqual(expected);
  });

  it('leaves a broken entry nothing reads unparsed, and reports it once read', () => {
    const text = 'openapi: 3.1.0\ncomponents:\n  schemas:\n    Good:\n      type: object\n    Bad:\n      a: 1\n       b: 2\n';
    const doc = loadYamlLazily(text, 'doc.yaml') as Record<string, Record<string, Record<string, unknown>>>;
    expect(doc.components!.schemas!.Good).toEqual({ type: 'object' });
    expect(() => doc.components!.schemas!.Bad).toThrow(/bad indentation .*\(8:9\)/);
  });

  it('reads generated documents as js-yaml does, whatever their style (property)', () => {
    fc.assert(
      fc.property(documents, fc.boolean(), ([value, options], crlf) => {
        const dumped = jsyaml.dump(value, { ...options, schema: jsyaml.CORE_SCHEMA });
        const text = crlf ? dumped.replace(/\n/g, '\r\n') : dumped;
        expect(readLazily(text)).toEqual(readWhole(text));
      }),
      { numRuns: Number(process.env.LAZY_RUNS ?? 400) },
    );
  });

  it('agrees with js-yaml on documents with a line or characters put in anywhere (property)', () => {
    const fragment = fc.constantFrom(
      '\n',
      '\r',
      '\r\n',
      ': ',
      '- ',
      '  ',
      '#',
      '"',
      "'",
      '[',
      '{',
      '}',
      ']',
      ',',
      '&a ',
      '*a',
      '|',
      '>',
      '? ',
      '\t',
      '---\n',
      'k: v',
      '  k:',
      '\n  x: 1\n',
      '\\',
      "''",
    );
    const base = fc.oneof(
      fc.constant(DOC),
      documents.map(([value, options]) => jsyaml.dump(value, { ...options, schema: jsyaml.CORE_SCHEMA })),
    );
    fc.assert(
      fc.property(base, fc.nat(), fragment, fc.boolean(), (doc, at, insert, asLine) => {
        const lines = doc.split('\n');
        const i = at % lines.length;
        if (asLine) lines.splice(i, 0, insert);
        else {
          const line = lines[i]!;
          const j = at % (line.length + 1);
          lines[i] = line.slice(0, j) + insert + line.slice(j);
        }
        const text = lines.join('\n');
        expect(readLazily(text)).toEqual(readWhole(text));
      }),
      { numRuns: Number(process.env.LAZY_RUNS ?? 1500) },
    );
  });
});
