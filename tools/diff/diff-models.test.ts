import { describe, expect, it } from 'vitest';
import { emptyModel } from '../model/items.js';
import type { Endpoint, EnumValue, Event, Field, Model, ObjectItem, Param, TypeExpr } from '../model/schema.js';
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
const param = (name: string, type: TypeExpr, extra: Partial<Field> = {}, path = '/v1/responses'): Param => ({
  id: `param:POST ${path}#${name}`,
  kind: 'param',
  endpoint: `endpoint:POST ${path}`,
  in: 'body',
  field: field(name, type, { required: false, ...extra }),
});
const endpoint = (path: string): Endpoint => ({
  id: `endpoint:POST ${path}`,
  kind: 'endpoint',
  method: 'POST',
  path,
  title: 't',
  section: 'Responses',
  description: 'd',
  anchors: ['a.yaml:2'],
  sources: ['a.yaml'],
  classNames: [],
});
const enumItem = (p: Param, value: string): EnumValue => ({
  id: `enum:${p.id.slice(6)}=${value}`,
  kind: 'enum',
  param: p.id,
  value,
  description: '',
  anchors: ['a.yaml:3'],
  sources: ['a.yaml'],
});
const object = (name: string, className: string, fields: Field[]): ObjectItem => ({
  id: `object:${name}`,
  kind: 'object',
  name,
  title: name,
  description: 'an object',
  anchors: ['a.yaml:4'],
  sources: ['a.yaml'],
  fields,
  classNames: [className],
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
    model({
      events: [event('e.a', [field('n', { kind: 'ref', name: 'Node' })])],
      schemas: { Node: obj(field('next', { kind: 'ref', name: 'Node' }), field('v', S)) },
    }),
    model({
      events: [event('e.a', [field('n', { kind: 'ref', name: 'Node' })])],
      schemas: { Node: obj(field('next', { kind: 'ref', name: 'Node' }), field('v', I)) },
    }),
    ['breaking type event:e.a#n.v'],
  ],
  [
    'request param: new optional, new required, required loosened, deprecation, description',
    model({ params: [param('a', S, { required: true }), param('d', S), param('p', S)] }),
    model({
      params: [
        param('a', S),
        param('d', S, { deprecated: true }),
        param('p', S, { description: 'new words' }),
        param('opt', S),
        param('req', S, { required: true }),
      ],
    }),
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
    model({
      events: [
        event('e.a', [field('item', { kind: 'union', variants: [obj(field('type', { kind: 'literal', value: 'm' }), field('c', S))] })]),
      ],
    }),
    model({
      events: [
        event('e.a', [
          field('item', {
            kind: 'union',
            variants: [
              obj(field('type', { kind: 'literal', value: 'm' }), field('c', S), field('d', S)),
              obj(field('type', { kind: 'literal', value: 'k' })),
            ],
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

  it('one change per schema location: the object and every event that refers to it', () => {
    const R = (s: Field): Model['schemas'] => ({ Resp: obj(field('id', S), s) });
    const side = (status: Field): Model =>
      model({
        events: [
          event('r.created', [field('response', { kind: 'ref', name: 'Resp' })]),
          event('r.done', [field('response', { kind: 'ref', name: 'Resp' })]),
        ],
        objects: [object('resp', 'Resp', [field('id', S), status])],
        schemas: R(status),
      });
    const [c, ...rest] = diffModels(side(field('status', S)), side(field('status', S, { nullable: true })), { scope: 'all' });
    expect(rest).toEqual([]);
    expect(c).toMatchObject({
      id: 'nullable Resp#status',
      location: 'Resp#status',
      class: 'breaking',
      path: 'object:resp#status',
      item: 'object:resp',
      items: ['event:r.created', 'event:r.done', 'object:resp'],
      paths: ['event:r.created#response.status', 'event:r.done#response.status', 'object:resp#status'],
    });
  });

  it('the same location read and sent is two changes, each classed for its direction', () => {
    const tool = (extra: Partial<Field>): Model['schemas'] => ({ Tool: obj(field('strict', S, { required: true, ...extra })) });
    const side = (extra: Partial<Field>): Model =>
      model({
        events: [event('e.a', [field('tool', { kind: 'ref', name: 'Tool' })])],
        params: [param('tool', { kind: 'ref', name: 'Tool' })],
        schemas: tool(extra),
      });
    const got = diffModels(side({}), side({ required: false })).map((c) => `${c.class} ${c.id}`);
    expect(got).toEqual(['breaking required Tool#strict (response)', 'non-breaking required Tool#strict (request)']);
  });

  it('a new value in what the server sends is a warning; in what a client sends, non-breaking', () => {
    const status = (values: string[]): Field => field('status', { kind: 'enum', values });
    const got = diffModels(
      model({ events: [event('e.a', [status(['a', 'b'])])], params: [param('mode', { kind: 'enum', values: ['x', 'y'] })] }),
      model({ events: [event('e.a', [status(['a', 'b', 'c'])])], params: [param('mode', { kind: 'enum', values: ['x', 'y', 'z'] })] }),
    );
    expect(got.map((c) => `${c.class} ${c.id}`)).toEqual([
      'warning enum-value-added event:e.a#status=c',
      'non-breaking enum-value-added param:POST /v1/responses#mode=z',
    ]);
  });

  it('an endpoint added whole is one non-breaking change: its required parameters and their values come with it', () => {
    const req = param('model', S, { required: true }, '/v1/things');
    const mode = param('mode', S, {}, '/v1/things');
    const b = model({
      endpoints: [endpoint('/v1/responses'), endpoint('/v1/things')],
      params: [req, mode],
      enums: [enumItem(mode, 'x'), enumItem(mode, 'y')],
    });
    const got = diffModels(model({ endpoints: [endpoint('/v1/responses')] }), b, { scope: 'all' });
    expect(got.map((c) => `${c.class} ${c.id}`)).toEqual(['non-breaking item-added endpoint:POST /v1/things']);
    expect(got[0]!.paths).toEqual([
      'endpoint:POST /v1/things',
      'param:POST /v1/things#model',
      'param:POST /v1/things#mode',
      'enum:POST /v1/things#mode=x',
      'enum:POST /v1/things#mode=y',
    ]);
    expect(failsOn(got, 'breaking')).toBe(false);
    // Removed whole: one breaking change, its parameters part of it.
    expect(diffModels(b, model({ endpoints: [endpoint('/v1/responses')] }), { scope: 'all' }).map((c) => `${c.class} ${c.id}`)).toEqual([
      'breaking item-removed endpoint:POST /v1/things',
    ]);
    // A required parameter added to an endpoint that already exists still breaks clients.
    const later = model({ endpoints: [endpoint('/v1/responses')], params: [param('model', S, { required: true })] });
    expect(diffModels(model({ endpoints: [endpoint('/v1/responses')] }), later).map((c) => `${c.class} ${c.id}`)).toEqual([
      'breaking item-added param:POST /v1/responses#model',
    ]);
  });

  it('fails at or above the threshold', () => {
    const changes = diffModels(model({ params: [param('d', S)] }), model({ params: [param('d', S, { deprecated: true })] }));
    expect([
      failsOn(changes, 'breaking'),
      failsOn(changes, 'warning'),
      failsOn(changes, 'deprecation'),
      failsOn(changes, 'docs-only'),
      failsOn(changes, 'none'),
    ]).toEqual([false, false, true, true, false]);
  });
});
