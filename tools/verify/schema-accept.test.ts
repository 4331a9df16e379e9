import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { getAccept } from './schema-accept.js';

interface Node {
  id: string;
  children: Node[];
}
const Tree: z.ZodType<Node> = z.looseObject({ id: z.string(), children: z.array(z.lazy(() => Tree)) });

/**
 * [name, { schema, given, want }]: `want[i]` is the fast answer for `given[i]` (false: "ask Zod").
 * Whatever it says, a fast yes must be a Zod yes.
 */
const cases: [string, { schema: z.ZodType; given: unknown[]; want: boolean[] }][] = [
  ['string', { schema: z.string(), given: ['', 1, null, undefined], want: [true, false, false, false] }],
  ['number', { schema: z.number(), given: [-1.5, '1', Infinity, NaN], want: [true, false, false, false] }],
  ['int', { schema: z.number().int(), given: [42, 1.5, 2 ** 60], want: [true, false, false] }],
  ['other checks: Zod answers', { schema: z.number().min(3), given: [5, 1], want: [true, false] }],
  ['pipes: Zod answers', { schema: z.string().transform((s) => s.length), given: ['abc', 1], want: [true, false] }],
  [
    'literal and enum',
    { schema: z.union([z.literal('a'), z.enum(['b', 'c'])]), given: ['a', 'c', 'd', 1], want: [true, true, false, false] },
  ],
  ['nullable', { schema: z.string().nullable(), given: [null, 'x', undefined, 1], want: [true, true, false, false] }],
  ['array', { schema: z.array(z.boolean()), given: [[], [true], [1], {}], want: [true, true, false, false] }],
  [
    'record',
    { schema: z.record(z.string(), z.number()), given: [{}, { a: 1 }, { a: 'x' }, [], null], want: [true, true, false, false, false] },
  ],
  [
    'loose object',
    {
      schema: z.looseObject({ a: z.string(), b: z.number().optional() }),
      given: [{ a: '' }, { a: '', b: 1, extra: [] }, {}, { a: 1 }, { a: '', b: 'x' }, []],
      want: [true, true, false, false, false, false],
    },
  ],
  [
    'strict object',
    {
      schema: z.strictObject({ a: z.string() }),
      given: [{ a: '' }, { a: '', extra: 1 }, JSON.parse('{"a":"","__proto__":1}')],
      want: [true, false, false],
    },
  ],
  ['strip object', { schema: z.object({ a: z.string() }), given: [{ a: '', extra: 1 }, {}], want: [true, false] }],
  [
    'an absent `unknown` key is not optional in Zod 4',
    { schema: z.object({ a: z.unknown() }), given: [{ a: null }, {}], want: [true, false] },
  ],
  [
    'a key on Object.prototype is present for Zod',
    { schema: z.object({ toString: z.string().optional() }), given: [{ toString: 'x' }, {}], want: [true, false] },
  ],
  [
    'recursive through lazy',
    {
      schema: Tree,
      given: [
        { id: 'a', children: [{ id: 'b', children: [] }] },
        { id: 'a', children: [{ id: 1, children: [] }] },
      ],
      want: [true, false],
    },
  ],
];

describe('getAccept', () => {
  it.each(cases)('%s', (_name, { schema, given, want }) => {
    const fast = getAccept(schema);
    expect(given.map((v) => fast(v))).toEqual(want);
    for (const v of given.filter((v) => fast(v))) expect(schema.safeParse(v).success).toBe(true);
  });

  it('compiles each schema once', () => {
    const schema = z.looseObject({ a: z.string() });
    expect(getAccept(schema)).toBe(getAccept(schema));
  });
});
