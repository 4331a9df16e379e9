/**
 * Integration: the real reference pages (read from ../shared at run time, never copied) give the
 * model its users rely on: counts, ids, anchors, markers, enum items, categories, keys.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { modelText } from '../../tools/commands/extract.js';
import { ConfigSchema, type Config } from '../../tools/config/schema.js';
import type { Diagnostic } from '../../tools/diagnostics/diagnostic.js';
import type { Model } from '../../tools/model/schema.js';
import { buildModel } from '../../tools/sources/load.js';
import { CORPUS, PAGES, REPO } from './helpers.js';

const config: Config = ConfigSchema.parse({ sources: PAGES.map((p) => ({ path: `../shared/reference/openai-docs/${p}` })) });

let model: Model;
let diagnostics: Diagnostic[];
beforeAll(async () => {
  const built = await buildModel(config, REPO);
  model = built.model;
  diagnostics = built.diagnostics.sorted();
});

const event = (type: string) => model.events.find((e) => e.type === type)!;
const param = (id: string) => model.params.find((p) => p.id === id)!;

describe('diagnostics on the real pages', () => {
  it('no errors; the known doc defects are warnings at their positions', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual([
      'DOC_conversations.md:1045:1 field-without-type',
      'DOC_responses.md:1639:1 example-keys-mismatch',
      'DOC_streaming_events.md:542:1 example-keys-mismatch',
      'DOC_streaming_events.md:910:1 example-keys-mismatch',
      'DOC_streaming_events.md:971:1 example-keys-mismatch',
      'DOC_streaming_events.md:1129:24 example-missing-comma',
      'DOC_streaming_events.md:2603:1 example-keys-mismatch',
      'DOC_streaming_events.md:2648:1 example-keys-mismatch',
    ]);
  });
});

describe('streaming events', () => {
  it('49 events in document order, with ids event:<type>', () => {
    // Independent reading of the page: every `## ` heading that is a dotted type token.
    const headings = readFileSync(CORPUS + 'DOC_streaming_events.md', 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('## '))
      .map((l) => l.slice(3).replaceAll('\\_', '_').trim())
      .filter((t) => /^[a-z][a-z0-9_.]*$/.test(t));
    expect(model.events).toHaveLength(49);
    expect(model.events.map((e) => e.type)).toEqual(headings);
    expect(model.events.map((e) => e.id)).toEqual(headings.map((t) => `event:${t}`));
    expect(model.events[0]!.type).toBe('response.created');
    expect(model.events.at(-1)!.type).toBe('error');
  });

  it('231 top-level fields, each typed, none unknown', () => {
    const fields = model.events.flatMap((e) => e.fields);
    expect(fields).toHaveLength(231);
    expect(fields.filter((f) => f.type.kind === 'unknown')).toEqual([]);
    expect(fields.every((f) => f.required === null && f.typeText && f.anchors.length === 1)).toBe(true);
  });

  it.each([
    ['response.created', 'DOC_streaming_events.md:304-367'],
    ['response.output_text.delta', 'DOC_streaming_events.md:860-919'],
    ['error', 'DOC_streaming_events.md:2657-2701'],
  ])('anchor of %s is %s', (type, anchor) => {
    expect(event(type).anchors).toEqual([anchor]);
  });

  it('every event has a description, fields with a `type`, and an example whose type matches', () => {
    for (const e of model.events) {
      expect(e.description, e.id).not.toBe('');
      expect(
        e.fields.map((f) => f.name),
        e.id,
      ).toContain('type');
      expect((e.example?.value as { type?: string } | undefined)?.type, e.id).toBe(e.type);
    }
  });

  it('response.output_text.delta: fields, types, collapsed markers, example', () => {
    const e = event('response.output_text.delta');
    expect(e.fields.map((f) => [f.name, f.typeText, f.collapsed])).toEqual([
      ['content_index', 'integer', false],
      ['delta', 'string', false],
      ['item_id', 'string', false],
      ['logprobs', 'array', true],
      ['output_index', 'integer', false],
      ['sequence_number', 'integer', false],
      ['type', 'string', false],
    ]);
    expect(e.example!.anchor).toMatch(/^DOC_streaming_events\.md:9\d\d-9\d\d$/);
    expect(e.example!.value).toMatchObject({ type: 'response.output_text.delta', output_index: 0, content_index: 0 });
  });

  it('response.created carries the collapsed response object', () => {
    expect(event('response.created').fields.find((f) => f.name === 'response')).toMatchObject({
      type: { kind: 'object' },
      collapsed: true,
    });
  });

  it('the example with a dropped comma is repaired', () => {
    expect(event('response.function_call_arguments.delta').example!.value).toMatchObject({ item_id: 'item-abc', sequence_number: 1 });
  });

  it.each([
    ['response.created', ['response.id']],
    ['response.output_item.added', ['item.id', 'output_index']],
    ['response.output_text.delta', ['item_id', 'output_index', 'content_index']],
    ['response.reasoning_summary_text.delta', ['item_id', 'output_index', 'summary_index']],
    ['response.output_text.annotation.added', ['item_id', 'output_index', 'content_index', 'annotation_index']],
    ['response.image_generation_call.partial_image', ['item_id', 'output_index', 'partial_image_index']],
    ['error', []],
  ])('correlation keys of %s', (type, keys) => {
    expect(event(type).correlationKeys).toEqual(keys);
  });

  it('categories: the 7 default groups users track, built-in tools split by tool', () => {
    expect([...new Set(model.events.map((e) => e.category))].sort()).toEqual([
      'builtin-tools',
      'errors',
      'function-calls',
      'lifecycle',
      'mcp',
      'output',
      'reasoning',
    ]);
    expect([...new Set(model.events.filter((e) => e.category === 'builtin-tools').map((e) => e.subcategory))].sort()).toEqual([
      'code-interpreter',
      'file-search',
      'image-generation',
      'web-search',
    ]);
    expect(event('response.created').category).toBe('lifecycle');
    expect(event('response.queued').category).toBe('lifecycle');
    expect(event('response.output_text.delta').category).toBe('output');
    expect(event('response.function_call_arguments.done').category).toBe('function-calls');
    expect(event('response.mcp_call.failed').category).toBe('mcp');
    expect(event('response.reasoning_text.delta').category).toBe('reasoning');
    expect(event('error').category).toBe('errors');
    expect(model.events.filter((e) => e.category === 'other')).toEqual([]);
  });

  it('the config overrides the category rules', async () => {
    const custom = ConfigSchema.parse({
      sources: [{ path: '../shared/reference/openai-docs/DOC_streaming_events.md' }],
      categories: [
        { id: 'mine', title: 'Mine', match: ['response.output_text.*'] },
        { id: 'rest', title: 'Rest', match: ['**'] },
      ],
    });
    const { model: m } = await buildModel(custom, REPO);
    const counts: Record<string, number> = {};
    for (const e of m.events) counts[e.category] = (counts[e.category] ?? 0) + 1;
    // Globs run over the whole type string: `*` also spans dots (`annotation.added`).
    expect(counts).toEqual({ mine: 3, rest: 46 });
    expect(m.events.filter((e) => e.category === 'mine').map((e) => e.type)).toEqual([
      'response.output_text.delta',
      'response.output_text.done',
      'response.output_text.annotation.added',
    ]);
  });
});

describe('endpoints', () => {
  it('14 endpoints: 6 responses, 8 conversations, with /v1 paths, titles and sections', () => {
    expect(model.endpoints.map((e) => [e.id, e.section])).toEqual([
      ['endpoint:POST /v1/responses', 'Responses'],
      ['endpoint:GET /v1/responses/{response_id}', 'Responses'],
      ['endpoint:DELETE /v1/responses/{response_id}', 'Responses'],
      ['endpoint:POST /v1/responses/{response_id}/cancel', 'Responses'],
      ['endpoint:GET /v1/responses/{response_id}/input_items', 'Responses'],
      ['endpoint:POST /v1/responses/input_tokens', 'Responses'],
      ['endpoint:POST /v1/conversations', 'Conversations'],
      ['endpoint:GET /v1/conversations/{conversation_id}', 'Conversations'],
      ['endpoint:POST /v1/conversations/{conversation_id}', 'Conversations'],
      ['endpoint:DELETE /v1/conversations/{conversation_id}', 'Conversations'],
      ['endpoint:GET /v1/conversations/{conversation_id}/items', 'Conversations'],
      ['endpoint:POST /v1/conversations/{conversation_id}/items', 'Conversations'],
      ['endpoint:GET /v1/conversations/{conversation_id}/items/{item_id}', 'Conversations'],
      ['endpoint:DELETE /v1/conversations/{conversation_id}/items/{item_id}', 'Conversations'],
    ]);
    const create = model.endpoints[0]!;
    expect(create).toMatchObject({
      method: 'POST',
      path: '/v1/responses',
      title: 'Create a model response',
      anchors: ['DOC_responses.md:194-674'],
    });
    expect(create.returns).toMatchObject({ object: 'object:response' });
    expect(model.endpoints.every((e) => e.title && e.description && e.returns?.description)).toBe(true);
  });

  it('path and query parameters of GET /v1/responses/{response_id}', () => {
    const ps = model.params.filter((p) => p.endpoint === 'endpoint:GET /v1/responses/{response_id}');
    expect(ps.map((p) => [p.field.name, p.in, p.field.required, p.field.type.kind])).toEqual([
      ['response_id', 'path', true, 'string'],
      ['include', 'query', false, 'array'],
      ['include_obfuscation', 'query', false, 'boolean'],
      ['starting_after', 'query', false, 'integer'],
      ['stream', 'query', false, 'boolean'],
    ]);
  });

  it('the 28 request-body parameters of POST /v1/responses, in order, all optional', () => {
    const body = model.params.filter((p) => p.endpoint === 'endpoint:POST /v1/responses' && p.in === 'body');
    expect(body.map((p) => p.field.name)).toEqual([
      'background',
      'conversation',
      'include',
      'input',
      'instructions',
      'max_output_tokens',
      'max_tool_calls',
      'metadata',
      'model',
      'parallel_tool_calls',
      'previous_response_id',
      'prompt',
      'prompt_cache_key',
      'prompt_cache_retention',
      'reasoning',
      'safety_identifier',
      'service_tier',
      'store',
      'stream',
      'stream_options',
      'temperature',
      'text',
      'tool_choice',
      'tools',
      'top_logprobs',
      'top_p',
      'truncation',
      'user',
    ]);
    expect(body.every((p) => p.field.required === false)).toBe(true);
    expect(body.map((p) => p.id)).toContain('param:POST /v1/responses#include');
  });

  it.each([
    ['background', 'DOC_responses.md:208-217'],
    ['include', 'DOC_responses.md:232-246'],
    ['user', 'DOC_responses.md:543-553'],
  ])('anchor of param %s is %s', (name, anchor) => {
    expect(param(`param:POST /v1/responses#${name}`).field.anchors).toEqual([anchor]);
  });

  it('markers: deprecated, defaults, type words', () => {
    const body = model.params.filter((p) => p.endpoint === 'endpoint:POST /v1/responses');
    expect(body.filter((p) => p.field.deprecated).map((p) => p.field.name)).toEqual(['user']);
    expect(Object.fromEntries(body.filter((p) => 'default' in p.field).map((p) => [p.field.name, p.field.default]))).toEqual({
      background: false,
      conversation: null,
      parallel_tool_calls: true,
      service_tier: 'auto',
      store: true,
      stream: false,
      stream_options: null,
      temperature: 1,
      top_p: 1,
      truncation: 'disabled',
    });
    expect(param('param:POST /v1/responses#conversation').field).toMatchObject({
      typeText: 'string or object',
      type: { kind: 'union', variants: [{ kind: 'string' }, { kind: 'object' }] },
      collapsed: true,
    });
  });

  it('the 7 listed values of include are enum items of their own, anchored to their lines', () => {
    const items = model.enums.filter((e) => e.param === 'param:POST /v1/responses#include');
    expect(items.map((e) => [e.id, e.anchors[0]])).toEqual([
      ['enum:POST /v1/responses#include=web_search_call.action.sources', 'DOC_responses.md:240'],
      ['enum:POST /v1/responses#include=code_interpreter_call.outputs', 'DOC_responses.md:241'],
      ['enum:POST /v1/responses#include=computer_call_output.output.image_url', 'DOC_responses.md:242'],
      ['enum:POST /v1/responses#include=file_search_call.results', 'DOC_responses.md:243'],
      ['enum:POST /v1/responses#include=message.input_image.image_url', 'DOC_responses.md:244'],
      ['enum:POST /v1/responses#include=message.output_text.logprobs', 'DOC_responses.md:245'],
      ['enum:POST /v1/responses#include=reasoning.encrypted_content', 'DOC_responses.md:246'],
    ]);
    expect(items.every((e) => e.description.length > 0)).toBe(true);
    expect(param('param:POST /v1/responses#include').field.enum).toEqual(items.map((e) => e.value));
  });

  it('every param id and enum id points at an existing endpoint and param', () => {
    const endpoints = new Set(model.endpoints.map((e) => e.id));
    const params = new Set(model.params.map((p) => p.id));
    expect(model.params.filter((p) => !endpoints.has(p.endpoint))).toEqual([]);
    expect(model.enums.filter((e) => !params.has(e.param))).toEqual([]);
    expect(model.params).toHaveLength(70);
    expect(model.enums).toHaveLength(20);
  });
});

describe('objects', () => {
  it('the response object, the input item list, the conversation object, the item list', () => {
    expect(model.objects.map((o) => [o.id, o.title, o.anchors[0], o.fields.length])).toEqual([
      ['object:response', 'The response object', 'DOC_responses.md:1342-1696', 32],
      ['object:input_item_list', 'The input item list', 'DOC_responses.md:1698-1756', 5],
      ['object:conversation', 'The conversation object', 'DOC_conversations.md:1031-1054', 4],
      ['object:item_list', 'The item list', 'DOC_conversations.md:1056-1090', 5],
    ]);
    expect(model.objects.find((o) => o.id === 'object:conversation')!.fields.map((f) => f.name)).toEqual([
      'created_at',
      'id',
      'metadata',
      'object',
    ]);
    expect(model.objects.find((o) => o.id === 'object:response')!.example?.value).toMatchObject({ object: 'response' });
  });
});

describe('determinism', () => {
  it('two runs give identical bytes, and the model text is JSON.stringify(x, null, 2) + newline', async () => {
    const again = await buildModel(config, REPO);
    const a = modelText(model);
    expect(modelText(again.model)).toBe(a);
    expect(a.endsWith('}\n')).toBe(true);
    expect(JSON.stringify(JSON.parse(a), null, 2) + '\n').toBe(a);
  });

  it('records each source with its hash and kind, in config order', () => {
    expect(model.sources.map((s) => [s.id, s.kind, s.path])).toEqual(
      PAGES.map((p) => [p, 'openai-docs', `../shared/reference/openai-docs/${p}`]),
    );
    expect(model.modelVersion).toBe(1);
  });
});

describe('SDK calls from the pages’ examples', () => {
  it('every endpoint names the calls its examples make, each on a line of its own section', () => {
    const lines = (file: string) => readFileSync(CORPUS + file, 'utf8').split('\n');
    for (const e of model.endpoints) {
      expect(e.sdkCalls?.length, e.id).toBeGreaterThan(0);
      const [file, range] = e.anchors[0]!.split(':') as [string, string];
      const [start, end] = range.split('-').map(Number) as [number, number];
      const section = lines(file)
        .slice(start - 1, end)
        .join('\n');
      for (const call of e.sdkCalls!) expect(section, `${e.id} ${call}`).toContain(`.${call}(`);
    }
    // A camelCase and a snake_case spelling where the languages differ.
    expect(model.endpoints.find((e) => e.id === 'endpoint:GET /v1/responses/{response_id}/input_items')!.sdkCalls).toEqual([
      'responses.inputItems.list',
      'responses.input_items.list',
    ]);
  });
});
