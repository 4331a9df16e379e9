import { describe, expect, it } from 'vitest';
import { emptyModel } from '../model/items.js';
import type { Conflict, EnumValue, Event, Field, Model, Param, SourceInfo } from '../model/schema.js';
import { crosscheck } from './crosscheck.js';
import { plainField } from '../model/field.js';

const src = (id: string, kind: SourceInfo['kind']): SourceInfo => ({ id, kind, path: id, sha256: '0'.repeat(64) });
const SOURCES = [src('d.md', 'openai-docs'), src('s.yaml', 'openapi'), src('c.md', 'catalog')];
const field = (name: string, sources: string[], conflicts?: Conflict[]): Field =>
  plainField(name, { sources, anchors: sources.map((s, i) => `${s}:${10 + i}`), ...(conflicts ? { conflicts } : {}) });
const event = (type: string, sources: string[], fields: Field[] = []): Event => ({
  id: `event:${type}`,
  kind: 'event',
  type,
  description: '',
  anchors: sources.map((s) => `${s}:1`),
  sources,
  category: 'other',
  fields,
  correlationKeys: [],
  classNames: [],
});
const param = (name: string, sources: string[], conflicts?: Conflict[]): Param => ({
  id: `param:POST /v1/responses#${name}`,
  kind: 'param',
  endpoint: 'endpoint:POST /v1/responses',
  in: 'body',
  field: field(name, sources, conflicts),
});
const value = (p: string, v: string, sources: string[]): EnumValue => ({
  id: `enum:POST /v1/responses#${p}=${v}`,
  kind: 'enum',
  param: `param:POST /v1/responses#${p}`,
  value: v,
  description: '',
  anchors: sources.map((s) => `${s}:5`),
  sources,
});
const both = ['d.md', 's.yaml'];
const says = (property: Conflict['property'], d: unknown, s: unknown): Conflict => ({
  property,
  values: [
    { source: 'd.md', value: d as never },
    { source: 's.yaml', value: s as never },
  ],
});
const model = (parts: Partial<Model>): Model => ({ ...emptyModel(), sources: SOURCES, ...parts });

/** [name, model, expected `kind path` lines] */
const table: [string, Model, string[]][] = [
  ['agreement: nothing', model({ events: [event('e.a', both, [field('x', both)])] }), []],
  ['event only in the spec', model({ events: [event('e.a', both), event('e.b', ['s.yaml'])] }), ['item-only-in event:e.b']],
  ['catalog-only items are by design', model({ events: [event('e.a', both), event('agent.x', ['c.md'])] }), []],
  [
    'field only in the spec (presence recorded by the merge is read from field.sources)',
    model({ events: [event('e.a', both, [field('x', both), field('extra', ['s.yaml'], [says('presence', false, true)])])] }),
    ['field-only-in event:e.a#extra'],
  ],
  [
    'nullable differs',
    model({ events: [event('e.a', both, [field('code', both, [says('nullable', false, true)])])] }),
    ['nullable event:e.a#code'],
  ],
  [
    'a type difference that is only null is a nullability finding',
    model({ params: [param('meta', both, [says('type', ['object'], ['null', 'object'])])] }),
    ['nullable param:POST /v1/responses#meta'],
  ],
  [
    'string vs integer is a type finding',
    model({ params: [param('n', both, [says('type', ['string'], ['integer'])])] }),
    ['type param:POST /v1/responses#n'],
  ],
  [
    'an enum value only in the spec, when the docs list values too; the field enum conflict is not repeated',
    model({
      params: [param('include', both, [says('enum', ['a'], ['a', 'b'])])],
      enums: [value('include', 'a', both), value('include', 'b', ['s.yaml'])],
    }),
    ['item-only-in enum:POST /v1/responses#include=b'],
  ],
  [
    'values listed only by the spec are not "undocumented" when the docs list none',
    model({ params: [param('tier', both)], enums: [value('include', 'a', both), value('tier', 'x', ['s.yaml'])] }),
    [],
  ],
  [
    'a kind that defines none of a list says nothing about it (docs without the Responses page)',
    model({ events: [event('e.a', both)], params: [param('only_spec', ['s.yaml'])] }),
    [],
  ],
  ['one kind of source only: nothing to compare', model({ sources: [SOURCES[0]!], events: [event('e.a', ['d.md'])] }), []],
];

describe('crosscheck', () => {
  it.each(table)('%s', (_name, m, want) => {
    expect(crosscheck(m).map((f) => `${f.kind} ${f.path}`)).toEqual(want);
  });

  it('keeps one anchor per source', () => {
    const m = model({ events: [event('e.a', both, [field('code', both, [says('nullable', false, true)])])] });
    expect(crosscheck(m)[0]!.anchors).toEqual([
      { source: 'd.md', anchor: 'd.md:10' },
      { source: 's.yaml', anchor: 's.yaml:11' },
    ]);
  });
});
