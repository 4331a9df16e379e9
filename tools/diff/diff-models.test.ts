import { describe, expect, it } from 'vitest';
import { emptyModel } from '../model/items.js';
import type { Event, Field, Model, Param, TypeExpr } from '../model/schema.js';
import { diffModels } from './diff-models.js';
import { failsOn } from './fail-on.js';

const field = (name: string, type: TypeExpr, extra: Partial<Field> = {}): Field => ({
  name,
  type,
  required: null,
  nullable: false,
  deprecated: false,
  description: `${name} words`,
  collapsed: false,
  sources: ['a.yaml'],
  anchors: [`a.yaml:${name.length}`],
  ...extra,
});
const event = (type: string, fields: Field[]): Event => ({
  id: `event:${type}`,
  kind: 'event',
  type,
  description: 'an event',
  anchors: ['a.yaml:1'],
  sources: ['a.yaml'],
  category: 'other',
  fields,
  correlationKeys: [],
  classNames: [],
});
const param = (name: string, type: TypeExpr, extra: Partial<Field> = {}): Param => ({
  id: `param:POST /v1/responses#${name}`,
  kind: 'param',
  endpoint: 'endpoint:POST /v1/responses',
  in: 'body',
  field: field(name, type, { required: false, ...extra }),
});
const model = (parts: Partial<Model>): Model => ({ ...emptyModel(), ...parts });
const S: TypeExpr = { kind: 'string' };
const I: TypeExpr = { kind: 'integer' };
const obj = (...fields: Field[]): TypeExpr => ({ kind: 'object', fields });

/** [name, old, new, expected `class kind path` lines] */
const table: [string, Model, Model, string[]][] = [
  ['same model, no change', model({ events: [event('e.a', [field('x', S)])] }), model({ events: [event('e.a', [field('x', S)])] }), []],
  [
    'event added and removed',
    model({ events: [event('e.a', [])] }),
    model({ events: [event('e.b', [])] }),
    ['non-breaking item-added event:e.b', 'breaking item-removed event:e.a'],
  ],
  [
    'field renamed = removed + added',
    model({ events: [event('e.a', [field('old_name', S)])] }),
    model({ events: [event('e.a', [field('new_name', S)])] }),
    ['breaking field-removed event:e.a#old_name', 'non-breaking field-added event:e.a#new_name'],
  ],
  [
    'type string → integer in an event',
    model({ events: [event('e.a', [field('x', S)])] }),
    model({ events: [event('e.a', [field('x', I)])] }),
    ['breaking type event:e.a#x'],
  ],
  [
    'docs `object` vs an object with fields is not a type change',
    model({ events: [event('e.a', [field('x', { kind: 'object' })])] }),
    model({ events: [event('e.a', [field('x', obj(field('y', S)))])] }),
    [],
  ],
  [
    'response field becomes nullable (through a ref, nested)',
    model({ events: [event('e.a', [field('r', { kind: 'ref', name: 'R' })])], schemas: { R: obj(field('s', S)) } }),
    model({ events: [event('e.a', [field('r', { kind: 'ref', name: 'R' })])], schemas: { R: obj(field('s', S, { nullable: true })) } }),
    ['breaking nullable event:e.a#r.s'],
  ],
  [
    'recursive schema terminates',
    model({ events: [event('e.a', [field('n', { kind: 'ref', name: 'Node' })])], schemas: { Node: obj(field('next', { kind: 'ref', name: 'Node' }), field('v', S)) } }),
    model({ events: [event('e.a', [field('n', { kind: 'ref', name: 'Node' })])], schemas: { Node: obj(field('next', { kind: 'ref', name: 'Node' }), field('v', I)) } }),
    ['breaking type event:e.a#n.v'],
  ],
  [
    'request param: new optional, new required, required loosened, deprecation, description',
    model({ params: [param('a', S, { required: true }), param('d', S), param('p', S)] }),
    model({ params: [param('a', S), param('d', S, { deprecated: true }), param('p', S, { description: 'new words' }), param('opt', S), param('req', S, { required: true })] }),
    [
      'non-breaking required param:POST /v1/responses#a',
      'deprecation deprecated param:POST /v1/responses#d',
      'docs-only description param:POST /v1/responses#p',
      'non-breaking item-added param:POST /v1/responses#opt',
      'breaking item-added param:POST /v1/responses#req',
    ],
  ],
  [
    'request enum value removed is breaking, added is not',
    model({ params: [param('t', S, { enum: ['auto', 'disabled'] })] }),
    model({ params: [param('t', S, { enum: ['auto', 'fast'] })] }),
    ['breaking enum-value-removed param:POST /v1/responses#t=disabled', 'non-breaking enum-value-added param:POST /v1/responses#t=fast'],
  ],
  [
    'union variants keyed by their type literal',
    model({ events: [event('e.a', [field('item', { kind: 'union', variants: [obj(field('type', { kind: 'literal', value: 'm' }), field('c', S))] })])] }),
    model({
      events: [
        event('e.a', [
          field('item', {
            kind: 'union',
            variants: [obj(field('type', { kind: 'literal', value: 'm' }), field('c', S), field('d', S)), obj(field('type', { kind: 'literal', value: 'k' }))],
          }),
        ]),
      ],
    }),
    ['non-breaking field-added event:e.a#item[type=m].d', 'non-breaking variant-added event:e.a#item[type=k]'],
  ],
  [
    'docs fields without required markers are not compared on required',
    model({ events: [event('e.a', [field('x', S)])] }),
    model({ events: [event('e.a', [field('x', S, { required: true })])] }),
    [],
  ],
];

describe('diffModels', () => {
  it.each(table)('%s', (_name, a, b, want) => {
    const got = diffModels(a, b).map((c) => `${c.class} ${c.kind} ${c.path}`);
    expect(got).toEqual(want);
  });

  it('keeps both anchors, the nearest anchored parent for an added field', () => {
    const a = model({ events: [event('e.a', [])] });
    const b = model({ events: [event('e.a', [field('x', S, { anchors: ['b.yaml:9'] })])] });
    expect(diffModels(a, b)[0]!.anchors).toEqual({ old: 'a.yaml:1', new: 'b.yaml:9' });
  });

  it('fails at or above the threshold', () => {
    const changes = diffModels(model({ params: [param('d', S)] }), model({ params: [param('d', S, { deprecated: true })] }));
    expect([failsOn(changes, 'breaking'), failsOn(changes, 'deprecation'), failsOn(changes, 'docs-only'), failsOn(changes, 'none')]).toEqual([false, true, true, false]);
  });
});
