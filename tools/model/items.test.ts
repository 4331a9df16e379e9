import { describe, expect, it } from 'vitest';
import { allItems, anchorsOf, emptyModel, getItemOrThrow, indexItems } from './items.js';
import type { Model } from './schema.js';
import { ModelSchema } from './schema.js';

const field = {
  name: 'include',
  type: { kind: 'array' as const },
  required: false,
  nullable: false,
  deprecated: false,
  description: '',
  collapsed: false,
  sources: ['p.md'],
  anchors: ['p.md:5-8'],
};
const model: Model = {
  ...emptyModel(),
  events: [
    {
      id: 'event:a.b',
      kind: 'event',
      type: 'a.b',
      description: '',
      anchors: ['p.md:1-3'],
      sources: ['p.md'],
      category: 'other',
      fields: [],
      correlationKeys: [],
      classNames: [],
    },
  ],
  endpoints: [
    {
      id: 'endpoint:GET /v1/a',
      kind: 'endpoint',
      method: 'GET',
      path: '/v1/a',
      title: 'Get',
      section: 'A',
      description: '',
      anchors: ['p.md:4-9'],
      sources: ['p.md'],
      classNames: [],
    },
  ],
  params: [{ id: 'param:GET /v1/a#include', kind: 'param', endpoint: 'endpoint:GET /v1/a', in: 'query', field }],
};

describe('model helpers', () => {
  it('an empty model is a valid model', () => {
    expect(ModelSchema.safeParse(emptyModel()).success).toBe(true);
    expect(ModelSchema.safeParse(model).success).toBe(true);
  });

  it('lists every item in model order and indexes them by id', () => {
    expect(allItems(model).map((i) => i.id)).toEqual(['event:a.b', 'endpoint:GET /v1/a', 'param:GET /v1/a#include']);
    expect([...indexItems(model).keys()]).toHaveLength(3);
  });

  it('anchors of a param live on its field', () => {
    expect(allItems(model).map(anchorsOf)).toEqual([['p.md:1-3'], ['p.md:4-9'], ['p.md:5-8']]);
  });

  it('getItemOrThrow finds an item or throws naming the id', () => {
    expect(getItemOrThrow(model, 'event:a.b').kind).toBe('event');
    expect(() => getItemOrThrow(model, 'event:nope')).toThrow('event:nope');
  });
});
