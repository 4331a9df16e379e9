/**
 * Integration: the real OpenAPI documents (read from ../shared at run time, never copied) give
 * the counts of each document, with anchors that point at the right lines of the file.
 */
import { describe, expect, it } from 'vitest';
import { parseAnchor } from '../../tools/model/anchor.js';
import { ModelSchema } from '../../tools/model/schema.js';
import { MODEL_VERSION } from '../../tools/model/version.js';
import { extractSpec, SPECS } from './helpers.js';

const latest = extractSpec(SPECS['2026-08-21']);
const x = latest.extract;
const lineAt = (anchor: string) => latest.lines[parseAnchor(anchor)!.start - 1]!;
const body = (e: typeof x) => e.params.filter((p) => p.endpoint === 'endpoint:POST /v1/responses' && p.in === 'body');

describe('openai-openapi-2026-08-21.yaml', () => {
  it('reads without diagnostics and validates against the model schema', () => {
    expect(latest.bag.items).toEqual([]);
    const model = {
      modelVersion: MODEL_VERSION,
      sources: [x.source],
      events: x.events,
      endpoints: x.endpoints,
      params: x.params,
      enums: x.enums,
      objects: x.objects,
      schemas: x.schemas,
    };
    expect(ModelSchema.safeParse(model).success).toBe(true);
  });

  it('58 stream events, identified by their type value, schema names in classNames', () => {
    expect(x.events).toHaveLength(58);
    const mcp = x.events.find((e) => e.type === 'response.mcp_call.completed')!;
    expect(mcp.id).toBe('event:response.mcp_call.completed');
    expect(mcp.classNames).toEqual(['ResponseMCPCallCompletedEvent']);
    expect(x.events.filter((e) => e.type.startsWith('response.shell_call')).map((e) => e.type)).toHaveLength(5);
    expect(x.events.filter((e) => e.type.startsWith('response.audio.'))).toHaveLength(4);
  });

  it('event anchors point at the schema key, field anchors at the property key', () => {
    const created = x.events.find((e) => e.type === 'response.created')!;
    expect(lineAt(created.anchors[0]!).trim()).toBe('ResponseCreatedEvent:');
    const response = created.fields.find((f) => f.name === 'response')!;
    expect(lineAt(response.anchors[0]!).trim()).toBe('response:');
    expect(created.anchors[0]).toMatch(/^openai-openapi-2026-08-21\.yaml:\d+$/);
  });

  it('fills the structure: response.created carries the Response schema, output_item.added its item union', () => {
    const created = x.events.find((e) => e.type === 'response.created')!;
    expect(created.fields.map((f) => [f.name, f.required])).toEqual([
      ['type', true],
      ['response', true],
      ['sequence_number', true],
    ]);
    expect(created.fields[0]!.type).toEqual({ kind: 'literal', value: 'response.created' });
    expect(created.fields[1]!.type).toEqual({ kind: 'ref', name: 'Response' });
    const response = x.schemas.Response!;
    expect(response.kind).toBe('object');
    const names = response.kind === 'object' ? response.fields!.map((f) => f.name) : [];
    expect(names).toEqual(expect.arrayContaining(['id', 'object', 'status', 'output', 'usage', 'error']));
    const item = x.events.find((e) => e.type === 'response.output_item.added')!.fields.find((f) => f.name === 'item')!;
    expect(item.type.kind).toBe('ref');
    const union = x.schemas[(item.type as { name: string }).name]!;
    expect(union.kind).toBe('union');
  });

  it('nullability of error.code and error.param; every ref resolves to a schema', () => {
    const error = x.events.find((e) => e.type === 'error')!;
    expect(
      error.fields
        .filter((f) => f.nullable)
        .map((f) => f.name)
        .sort(),
    ).toEqual(['code', 'param']);
    const refs = JSON.stringify(x)
      .match(/"kind":"ref","name":"[^"]+"/g)!
      .map((r) => r.split('"name":"')[1]!.slice(0, -1));
    expect(refs.filter((r) => !(r in x.schemas))).toEqual([]);
  });

  it('31 body parameters of POST /v1/responses from the CreateResponse allOf, 8-value include', () => {
    expect(body(x)).toHaveLength(31);
    expect(body(x).map((p) => p.field.name)).toEqual(
      expect.arrayContaining(['context_management', 'moderation', 'prompt_cache_options', 'include', 'model', 'input']),
    );
    const include = x.params.find((p) => p.id === 'param:POST /v1/responses#include')!;
    expect(include.field.enum).toHaveLength(8);
    expect(include.field.enum).toContain('web_search_call.results');
    const items = x.enums.filter((e) => e.param === include.id);
    expect(items.map((e) => e.id)).toContain('enum:POST /v1/responses#include=web_search_call.results');
    for (const item of items) expect(lineAt(item.anchors[0]!).trim()).toBe(`- ${String(item.value)}`);
    expect(x.endpoints.find((e) => e.id === 'endpoint:POST /v1/responses')!.classNames).toEqual(['CreateResponse']);
  });

  it('endpoints of the /responses and /conversations sections, with /v1 ids, path and query params, objects', () => {
    const ids = x.endpoints.map((e) => e.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'endpoint:GET /v1/responses/{response_id}',
        'endpoint:DELETE /v1/conversations/{conversation_id}/items/{item_id}',
      ]),
    );
    expect(ids.every((id) => /^endpoint:[A-Z]+ \/v1\/(responses|conversations)/.test(id))).toBe(true);
    expect(ids.some((id) => id.includes('?'))).toBe(false);
    const get = x.params.filter((p) => p.endpoint === 'endpoint:GET /v1/responses/{response_id}');
    expect(get.find((p) => p.field.name === 'response_id')).toMatchObject({ in: 'path', field: { required: true } });
    expect(get.find((p) => p.field.name === 'include')).toMatchObject({ in: 'query' });
    expect(x.objects.map((o) => o.id)).toEqual(['object:response', 'object:conversation']);
    expect(x.endpoints.find((e) => e.id === 'endpoint:POST /v1/responses')!.returns?.object).toBe('object:response');
  });
});

describe('the other documents', () => {
  it.each([
    [SPECS['2026-05-13'], 53, 29, 8],
    [SPECS['2025-04-29'], 36, 19, 3],
  ])('%s: %i events, %i body params, %i include values', (rel, events, params, include) => {
    const { extract, bag } = extractSpec(rel);
    expect(bag.items).toEqual([]);
    expect(extract.events).toHaveLength(events);
    expect(body(extract)).toHaveLength(params);
    expect(extract.params.find((p) => p.id === 'param:POST /v1/responses#include')!.field.enum).toHaveLength(include);
  });

  it('openresponses-2026-04-24.json (JSON, inline oneOf stream): 24 events, error details nested under error', () => {
    const { extract, bag, lines } = extractSpec(SPECS.openresponses);
    expect(bag.items).toEqual([]);
    expect(extract.events).toHaveLength(24);
    expect(extract.events.map((e) => e.type)).toEqual(expect.arrayContaining(['response.reasoning.delta', 'response.reasoning.done']));
    const error = extract.events.find((e) => e.type === 'error')!;
    expect(error.fields.map((f) => f.name)).toEqual(['type', 'sequence_number', 'error']);
    const details = error.fields[2]!.type;
    const nested =
      details.kind === 'object'
        ? details.fields!.map((f) => f.name)
        : details.kind === 'ref'
          ? (extract.schemas[details.name] as { fields?: { name: string }[] }).fields!.map((f) => f.name)
          : [];
    expect(nested).toEqual(expect.arrayContaining(['type', 'message']));
    expect(lines[parseAnchor(error.anchors[0]!)!.start - 1]).toContain('"ErrorStreamingEvent"');
  });

  it('same input → same bytes', () => {
    const again = extractSpec(SPECS['2026-08-21']).extract;
    expect(JSON.stringify(again)).toBe(JSON.stringify(x));
  });
});

describe('anchors', () => {
  it.each(Object.values(SPECS))('%s: every field and parameter anchor is the line that names it', (rel) => {
    const { extract, lines } = extractSpec(rel);
    const misplaced: string[] = [];
    const check = (anchor: string, name: string) => {
      const line = lines[parseAnchor(anchor)!.start - 1] ?? '';
      if (!line.includes(name)) misplaced.push(`${anchor} ${name}`);
    };
    type T = import('../../tools/model/schema.js').TypeExpr;
    type F = import('../../tools/model/schema.js').Field;
    const walkType = (t: T | undefined): void => {
      if (!t) return;
      if (t.kind === 'object') walk(t.fields);
      if (t.kind === 'array') walkType(t.items);
      if (t.kind === 'map') walkType(t.values);
      if (t.kind === 'union') t.variants.forEach(walkType);
    };
    const walk = (fields: F[] | undefined): void => {
      for (const f of fields ?? []) {
        check(f.anchors[0]!, f.name);
        walkType(f.type);
      }
    };
    for (const e of extract.events) walk(e.fields);
    for (const o of extract.objects) walk(o.fields);
    for (const p of extract.params) check(p.field.anchors[0]!, p.field.name);
    Object.values(extract.schemas).forEach(walkType);
    expect(misplaced).toEqual([]);
  });
});

describe('SDK calls from x-oaiMeta examples', () => {
  it('the Responses endpoints name the calls their examples make, in both spellings where they differ', () => {
    const calls = (id: string) => x.endpoints.find((e) => e.id === id)?.sdkCalls;
    expect(calls('endpoint:POST /v1/responses')).toEqual(['responses.create']);
    expect(calls('endpoint:POST /v1/responses/input_tokens')).toEqual(['responses.inputTokens.count', 'responses.input_tokens.count']);
    for (const call of calls('endpoint:POST /v1/responses/input_tokens')!)
      expect(latest.lines.some((l) => l.includes(`.${call}(`))).toBe(true);
  });
});
