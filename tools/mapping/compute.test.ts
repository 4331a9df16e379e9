import { describe, expect, it } from 'vitest';
import { fact, sampleFacts, smallConfig, smallModel } from '../../tests/mapping/fixture.js';
import { computeMapping } from './compute.js';
import { mappingText } from './render.js';
import { plainField } from '../model/field.js';
import type { Mapping } from './schema.js';

const map = (facts = sampleFacts(), previous?: Pick<Mapping, 'items' | 'orphans'>) =>
  computeMapping(smallModel(), facts, smallConfig(), previous);

describe('computeMapping', () => {
  const m = map();

  it.each([
    ['event:response.created', 'implemented', ['inbound', 'outbound', 'handler', 'golden']],
    ['event:response.output_text.delta', 'partial', ['handler', 'golden']],
    ['event:response.completed', 'missing', []],
    ['endpoint:POST /v1/responses', 'implemented', ['server']],
    ['endpoint:GET /v1/responses/{response_id}', 'implemented', ['server']],
    ['param:POST /v1/responses#stream', 'implemented', ['server']],
    ['param:POST /v1/responses#model', 'partial', ['server']],
    ['param:POST /v1/responses#top_p', 'partial', ['server']],
    ['param:POST /v1/responses#input', 'missing', []],
    ['enum:POST /v1/responses#include=a.b', 'implemented', ['server']],
    ['enum:POST /v1/responses#include=c.d', 'missing', []],
  ])('%s is %s with lanes %j', (id, status, lanes) => {
    expect(m.items[id]?.status).toBe(status);
    expect(Object.keys(m.items[id]!.lanes)).toEqual(lanes);
  });

  it('ties an emitter by class name and routes with and without the prefix', () => {
    expect(m.items['event:response.created']!.lanes.outbound).toEqual([
      { file: 'ws/backend/stream.py', symbol: 'build_created', line: 12, kind: 'emitter' },
    ]);
    expect(m.items['endpoint:GET /v1/responses/{response_id}']!.lanes.server![0]!.line).toBe(9);
  });

  it("names a POST's request model its body and a GET's its query", () => {
    const model = smallModel();
    model.params.push({
      id: 'param:GET /v1/responses/{response_id}#include',
      kind: 'param',
      endpoint: 'endpoint:GET /v1/responses/{response_id}',
      in: 'query',
      field: plainField('include', { type: { kind: 'array', items: { kind: 'string' } } }),
    });
    const facts = [
      ...sampleFacts(),
      fact({
        file: 'backend/routes.py',
        line: 20,
        kind: 'route',
        symbol: 'get_one',
        method: 'GET',
        path: '/responses/{response_id}',
        className: 'GetQuery',
        target: 'backend/req.py#GetQuery',
      }),
      fact({
        file: 'backend/req.py',
        line: 30,
        kind: 'param',
        symbol: 'GetQuery',
        field: 'include',
        declaredType: 'list[str]',
        optional: true,
      }),
    ];
    const m = computeMapping(model, facts, smallConfig());
    const evidence = (id: string) =>
      Object.values(m.items[id]!.lanes)
        .flat()
        .map((l) => (l as { evidence?: string }).evidence);
    expect(evidence('param:GET /v1/responses/{response_id}#include')).toEqual(['query model of GET /responses/{response_id} (get_one)']);
    expect(evidence('param:POST /v1/responses#stream')).toEqual(['body model of POST /responses (create)']);
  });

  it('maps an API object to the classes its object field names: gaps as for events, another shape listed apart', () => {
    const model = smallModel();
    model.objects.push({
      id: 'object:response',
      kind: 'object',
      name: 'response',
      title: 'The response object',
      description: '',
      anchors: ['api.md:40-60'],
      sources: ['api.md'],
      fields: [
        plainField('id', { required: true }),
        plainField('object', { required: true, type: { kind: 'literal', value: 'response' } }),
        plainField('status', { required: true }),
        plainField('usage', { required: false }),
      ],
      classNames: ['Response'],
    });
    const objectFact = (line: number, symbol: string, fields: string[]) =>
      fact({ file: 'backend/models.py', line, kind: 'definition', symbol, object: 'response', evidence: 'Literal object field', fields });
    const m = computeMapping(
      model,
      [
        ...sampleFacts(),
        objectFact(3, 'ResponseObject', ['id', 'object', 'usage']),
        objectFact(12, 'DeletedResponse', ['id', 'object', 'deleted']),
      ],
      smallConfig(),
    );
    const entry = m.items['object:response']!;
    expect(entry.lanes).toEqual({
      inbound: [
        {
          file: 'ws/backend/models.py',
          symbol: 'ResponseObject',
          line: 3,
          kind: 'definition',
          evidence: 'Literal object field',
          confidence: 'high',
        },
      ],
    });
    expect(entry.status).toBe('partial');
    expect(entry.gaps).toEqual(['ResponseObject (ws/backend/models.py) lacks `status`']);
    expect(entry.sameLiteralOtherShape?.map((l) => `${l.symbol}: ${l.evidence}`)).toEqual([
      'DeletedResponse: Literal object field; declares id, deleted',
    ]);
  });

  it('reports declaration gaps in the spec words', () => {
    expect(m.items['param:POST /v1/responses#model']!.gaps).toEqual(['CreateRequest.model: found required, expected optional']);
    expect(m.items['param:POST /v1/responses#top_p']!.gaps).toEqual(['CreateRequest.top_p: found default `0.9`, expected `1`']);
    expect(m.items['param:POST /v1/responses#include']!.gaps).toEqual([
      'CreateRequest.include: accepts 1 of 3 values, not `c.d`, `e.f`',
      'CreateRequest.include: accepts `x.y`, which the spec does not list',
    ]);
    expect(m.items['endpoint:POST /v1/responses']!.gaps).toEqual([
      'request model declares `CreateRequest.colour`, which the spec does not list',
    ]);
    expect(m.items['event:response.output_text.delta']!.gaps).toEqual(['no location in lane inbound', 'no location in lane outbound']);
  });

  it('lists literals no item has, with locations', () => {
    expect(m.unknownLiterals).toEqual([
      {
        literal: 'response.tool_call.delta',
        locations: [{ file: 'ws/backend/stream.py', symbol: 'build_tool_delta', line: 20, kind: 'emitter' }],
      },
    ]);
  });

  it('orders items by the one comparator: source order, then line', () => {
    expect(Object.keys(m.items).slice(0, 3)).toEqual([
      'event:response.created',
      'event:response.completed',
      'event:response.output_text.delta',
    ]);
  });

  it('summarizes per category and lane', () => {
    const s = m.summary as {
      items: Record<string, number>;
      byCategory: Record<string, Record<string, number>>;
      byLane: Record<string, Record<string, number>>;
    };
    expect(s.items.total).toBe(Object.keys(m.items).length);
    expect(s.byCategory.lifecycle).toMatchObject({ total: 2, implemented: 1, missing: 1 });
    expect(s.byLane.golden).toEqual({ items: 2, locations: 2 });
  });

  it('keeps manual blocks as read and moves those of vanished items to orphans', () => {
    const manual = { zeta: [1, { b: 2, a: 1 }], notes: 'checked by hand', used: 'yes' };
    const previous = {
      items: {
        ...m.items,
        'event:response.created': { ...m.items['event:response.created']!, manual },
        'event:response.text.delta': { ...m.items['event:response.completed']!, manual: { notes: 'old name' } },
      },
      orphans: { 'event:response.output_text.delta': { manual: { notes: 'came back' }, origin: 'item no longer in the sources' } },
    };
    const next = map(sampleFacts(), previous);
    expect(JSON.stringify(next.items['event:response.created']!.manual)).toBe(JSON.stringify(manual));
    expect(next.orphans).toEqual({
      'event:response.text.delta': { manual: { notes: 'old name' }, origin: 'item no longer in the sources' },
    });
    expect(next.items['event:response.output_text.delta']!.manual).toEqual({ notes: 'came back' });
  });

  it('gives the same bytes whatever the fact order', () => {
    expect(mappingText(map([...sampleFacts()].reverse()))).toBe(mappingText(m));
  });

  it('changes only line fields when code shifts down', () => {
    const shifted = sampleFacts().map((f) => (f.file === 'backend/stream.py' ? { ...f, line: f.line + 3 } : f));
    const a = mappingText(m).split('\n');
    const b = mappingText(map(shifted)).split('\n');
    expect(b.length).toBe(a.length);
    const changed = a.map((line, i) => [line, b[i]!] as const).filter(([x, y]) => x !== y);
    expect(changed.length).toBeGreaterThan(0);
    for (const [x, y] of changed) {
      expect(x).toMatch(/^\s*"line": \d+,?$/);
      expect(y).toMatch(/^\s*"line": \d+,?$/);
    }
  });

  it('counts a bare literal of a known type in no lane', () => {
    const only = map([fact({ file: 'backend/x.py', line: 1, kind: 'literal' as never, symbol: 'x', literal: 'response.completed' })]);
    expect(only.items['event:response.completed']!.status).toBe('missing');
    expect(only.unknownLiterals).toEqual([]);
  });

  it('keeps an event partial when its definition lacks a declared field', () => {
    const facts = sampleFacts().map((f) => (f.symbol === 'Created' ? ({ ...f, fields: ['type', 'response'] } as typeof f) : f));
    const next = map(facts);
    expect(next.items['event:response.created']!.status).toBe('partial');
    expect(next.items['event:response.created']!.gaps).toEqual(['Created (ws/backend/events.py) lacks `sequence_number`']);
    const complete = map(
      sampleFacts().map((f) => (f.symbol === 'Created' ? ({ ...f, fields: ['type', 'response', 'sequence_number'] } as typeof f) : f)),
    );
    expect(complete.items['event:response.created']!.status).toBe('implemented');
  });

  it.each([
    ['../ws', '../ws/backend/events.py'],
    ['./ws/', 'ws/backend/events.py'],
    ['/abs/ws', '/abs/ws/backend/events.py'],
    ['.', 'backend/events.py'],
  ])('finds a definition’s missing field with the workspace written %j', (workspace, file) => {
    const facts = sampleFacts().map((f) => (f.symbol === 'Created' ? ({ ...f, fields: ['type', 'response'] } as typeof f) : f));
    const next = computeMapping(smallModel(), facts, smallConfig({ workspace }));
    expect(next.items['event:response.created']!.gaps).toEqual([`Created (${file}) lacks \`sequence_number\``]);
  });
});

describe('path parameters under another name', () => {
  it("ties Flask's `<string:rid>` to the spec's parameter at the same place", () => {
    const model = smallModel();
    model.params.push({
      id: 'param:GET /v1/responses/{response_id}#response_id',
      kind: 'param',
      endpoint: 'endpoint:GET /v1/responses/{response_id}',
      in: 'path',
      field: plainField('response_id', { required: true }),
    });
    const route = fact({
      file: 'backend/routes.py',
      line: 4,
      kind: 'route',
      symbol: 'fetch',
      method: 'GET',
      path: '/v1/responses/<string:rid>',
      params: [{ name: 'rid', in: 'path', optional: false, line: 5 }],
    });
    const m = computeMapping(model, [route], smallConfig());
    expect(m.items['endpoint:GET /v1/responses/{response_id}']!.status).toBe('implemented');
    expect(m.items['param:GET /v1/responses/{response_id}#response_id']!.lanes.server).toEqual([
      expect.objectContaining({ file: 'ws/backend/routes.py', line: 5 }),
    ]);
  });
});

describe('enum values a client sends', () => {
  it('locate the enum items at the key that sends them, and say nothing of the values it does not send', () => {
    const call = fact({
      file: 'backend/send.py',
      line: 4,
      kind: 'route',
      symbol: 'send',
      method: 'POST',
      path: '/v1/responses',
      params: [
        { name: 'include', in: 'body', line: 6, sent: ['a.b'] },
        { name: 'top_p', in: 'body', line: 7, sent: ['not-a-number'] },
      ],
    });
    const m = computeMapping(smallModel(), [call], smallConfig());
    expect(m.items['enum:POST /v1/responses#include=a.b']!.lanes.server).toEqual([
      expect.objectContaining({ file: 'ws/backend/send.py', line: 6 }),
    ]);
    expect(m.items['enum:POST /v1/responses#include=c.d']!.status).toBe('missing');
    // A value sent is not a value the code accepts: no gap that it accepts one of two.
    expect(JSON.stringify(m.items['param:POST /v1/responses#include'])).not.toContain('accepts');
  });
});
