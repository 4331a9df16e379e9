/** A small model in our own words, with the awkward cases: escapes, nullables, unions, enums, a recursive shape. */
import type { Event, Field, Model } from '../../tools/model/schema.js';
import { MODEL_VERSION } from '../../tools/model/version.js';

export const field = (name: string, type: Field['type'], extra: Partial<Field> = {}): Field => ({
  name,
  type,
  required: null,
  nullable: false,
  deprecated: false,
  description: `The ${name}.`,
  collapsed: false,
  sources: ['demo.md'],
  anchors: ['demo.md:1-2'],
  ...extra,
});

export const event = (
  type: string,
  category: string,
  fields: Field[],
  example: Record<string, unknown>,
  extra: Partial<Event> = {},
): Event => ({
  id: `event:${type}`,
  kind: 'event',
  type,
  description: `Sent when ${type} happens.`,
  anchors: [`demo.md:${10 + type.length}-${20 + type.length}`],
  sources: ['demo.md'],
  category,
  fields,
  correlationKeys: [],
  classNames: [],
  example: { anchor: `demo.md:${12 + type.length}-${14 + type.length}`, value: example as never },
  ...extra,
});

export function fixtureModel(extraEvents: Event[] = []): Model {
  return {
    modelVersion: MODEL_VERSION,
    sources: [{ id: 'demo.md', kind: 'openai-docs', path: 'demo.md', sha256: '0'.repeat(64) }],
    events: [
      event(
        'response.created',
        'lifecycle',
        [
          field('type', { kind: 'string' }),
          field('response', { kind: 'object' }, { collapsed: true }),
          field('sequence_number', { kind: 'integer' }),
        ],
        { type: 'response.created', response: { id: 'r1' }, sequence_number: 0 },
        {
          correlationKeys: ['response.id'],
          description: 'Tricky text: a */ closes comments, a | splits cells, a """ ends docstrings, a \' quotes.',
        },
      ),
      event(
        'response.output_text.delta',
        'output',
        [
          field('type', { kind: 'string' }),
          field('delta', { kind: 'string' }),
          field('item_id', { kind: 'string' }),
          field('logprobs', { kind: 'array' }),
        ],
        { type: 'response.output_text.delta', delta: 'Hi', item_id: 'i1' },
        { correlationKeys: ['item_id'] },
      ),
      event(
        'response.web_search_call.searching',
        'builtin-tools',
        [field('type', { kind: 'string' }), field('item_id', { kind: 'string' }), field('tree', { kind: 'ref', name: 'Node' })],
        { type: 'response.web_search_call.searching', item_id: 'w1', tree: { label: 'a', children: [] } },
        { subcategory: 'web-search' },
      ),
      event(
        'error',
        'errors',
        [
          field('type', { kind: 'string' }),
          field('code', { kind: 'string' }, { nullable: true }),
          field('message', { kind: 'string' }),
          field('param', { kind: 'union', variants: [{ kind: 'string' }, { kind: 'integer' }] }),
        ],
        { type: 'error', code: null, message: 'bad', param: null },
      ),
      ...extraEvents,
    ],
    endpoints: [
      {
        id: 'endpoint:POST /v1/widgets',
        kind: 'endpoint',
        description: 'Makes a widget.',
        anchors: ['demo.md:100-120'],
        sources: ['demo.md'],
        method: 'POST',
        path: '/v1/widgets',
        title: 'Create a widget',
        section: 'Widgets',
        classNames: [],
      },
    ],
    params: [
      {
        id: 'param:POST /v1/widgets#size',
        kind: 'param',
        endpoint: 'endpoint:POST /v1/widgets',
        in: 'body',
        field: field('size', { kind: 'enum', values: ['small', 'large'] }, { required: true }),
      },
      {
        id: 'param:POST /v1/widgets#label',
        kind: 'param',
        endpoint: 'endpoint:POST /v1/widgets',
        in: 'body',
        field: field('label', { kind: 'string' }, { required: false, nullable: true }),
      },
      {
        id: 'param:POST /v1/widgets#from',
        kind: 'param',
        endpoint: 'endpoint:POST /v1/widgets',
        in: 'body',
        field: field('from', { kind: 'map', values: { kind: 'number' } }, { required: false }),
      },
    ],
    enums: [],
    objects: [
      {
        id: 'object:widget',
        kind: 'object',
        name: 'widget',
        title: 'The widget object',
        description: 'A widget.',
        anchors: ['demo.md:200-220'],
        sources: ['demo.md'],
        fields: [
          field('id', { kind: 'string' }),
          field('shape', { kind: 'object', fields: [field('sides', { kind: 'integer' }, { required: true })] }, { required: true }),
        ],
        classNames: [],
        example: { anchor: 'demo.md:210-215', value: { id: 'w', shape: { sides: 3 } } },
      },
    ],
    schemas: {
      Node: {
        kind: 'object',
        fields: [
          field('label', { kind: 'string' }, { required: true }),
          field('children', { kind: 'array', items: { kind: 'ref', name: 'Node' } }, { required: true }),
        ],
      },
    },
  };
}
