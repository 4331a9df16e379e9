import { describe, expect, it } from 'vitest';
import type { Event, Field, Model } from '../../model/schema.js';
import { MODEL_VERSION } from '../../model/version.js';
import { buildEventSchemas, buildEventUnion } from './runtime-schemas.js';
import { plainField } from '../../model/field.js';

const field = (name: string, type: Field['type'], extra: Partial<Field> = {}): Field => plainField(name, { type, ...extra });
const event = (type: string, fields: Field[], example?: Record<string, unknown>): Event => ({
  id: `event:${type}`,
  kind: 'event',
  type,
  description: '',
  anchors: ['a.md:1-2'],
  sources: ['a.md'],
  category: 'x',
  fields,
  correlationKeys: [],
  classNames: [],
  ...(example ? { example: { anchor: 'a.md:2-3', value: example as never } } : {}),
});
const model = (events: Event[], schemas: Model['schemas'] = {}): Model => ({
  modelVersion: MODEL_VERSION,
  sources: [],
  events,
  endpoints: [],
  params: [],
  enums: [],
  objects: [],
  schemas,
});

const tick = event(
  'demo.tick',
  [
    field('type', { kind: 'string' }),
    field('n', { kind: 'integer' }),
    field('note', { kind: 'string' }),
    field('blob', { kind: 'object' }, { collapsed: true }),
  ],
  { type: 'demo.tick', n: 1, blob: {} },
);
const tree = event('demo.tree', [field('type', { kind: 'string' }), field('root', { kind: 'ref', name: 'Node' })]);
const schemas: Model['schemas'] = {
  Node: {
    kind: 'object',
    fields: [
      field('name', { kind: 'string' }, { required: true }),
      field('children', { kind: 'array', items: { kind: 'ref', name: 'Node' } }, { required: false }),
    ],
  },
};

describe('buildEventSchemas', () => {
  const cases: [string, { objects: 'strict' | 'passthrough' | 'strip'; type: string; payload: unknown; ok: boolean }][] = [
    ['example fields are required', { objects: 'passthrough', type: 'demo.tick', payload: { type: 'demo.tick', blob: {} }, ok: false }],
    [
      'fields absent from the example are optional',
      { objects: 'passthrough', type: 'demo.tick', payload: { type: 'demo.tick', n: 2, blob: {} }, ok: true },
    ],
    [
      'the type field is a literal',
      { objects: 'passthrough', type: 'demo.tick', payload: { type: 'demo.tock', n: 2, blob: {} }, ok: false },
    ],
    [
      'integers reject fractions',
      { objects: 'passthrough', type: 'demo.tick', payload: { type: 'demo.tick', n: 1.5, blob: {} }, ok: false },
    ],
    [
      'collapsed objects stay open even when strict',
      { objects: 'strict', type: 'demo.tick', payload: { type: 'demo.tick', n: 1, blob: { any: 1 } }, ok: true },
    ],
    [
      'collapsed objects are not any',
      { objects: 'passthrough', type: 'demo.tick', payload: { type: 'demo.tick', n: 1, blob: 'text' }, ok: false },
    ],
    [
      'strict rejects unknown keys',
      { objects: 'strict', type: 'demo.tick', payload: { type: 'demo.tick', n: 1, blob: {}, extra: 1 }, ok: false },
    ],
    [
      'passthrough keeps unknown keys',
      { objects: 'passthrough', type: 'demo.tick', payload: { type: 'demo.tick', n: 1, blob: {}, extra: 1 }, ok: true },
    ],
    [
      'recursive refs validate deeply',
      {
        objects: 'strict',
        type: 'demo.tree',
        payload: { type: 'demo.tree', root: { name: 'a', children: [{ name: 'b', children: [] }] } },
        ok: true,
      },
    ],
    [
      'recursive refs reject deep errors',
      {
        objects: 'strict',
        type: 'demo.tree',
        payload: { type: 'demo.tree', root: { name: 'a', children: [{ children: [] }] } },
        ok: false,
      },
    ],
  ];
  it.each(cases)('%s', (_name, { objects, type, payload, ok }) => {
    const s = buildEventSchemas(model([tick, tree], schemas), { objects }).get(type)!;
    expect(s.safeParse(payload).success).toBe(ok);
  });
});

describe('buildEventUnion', () => {
  const union = buildEventUnion(model([tick, tree], schemas), { objects: 'passthrough' });
  it('routes on type', () => expect(union.safeParse({ type: 'demo.tick', n: 1, blob: {} }).success).toBe(true));
  it('names an unknown type in its error', () => {
    const r = union.safeParse({ type: 'demo.nope' });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('demo.tick');
  });
  it('names a missing required field', () => {
    const r = union.safeParse({ type: 'demo.tick', blob: {} });
    expect(r.error?.issues[0]?.path).toEqual(['n']);
  });
});
