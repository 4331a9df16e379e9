/**
 * Integration: the three reference docs pages + openai-openapi-2026-08-21.yaml give ONE model.
 * Docs keep their anchors (first) and prose; OpenAPI fills the collapsed structure and adds the
 * spec-only items and fields; disagreements are recorded as `conflicts` for `crosscheck`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { modelText } from '../../tools/commands/extract.js';
import { ConfigSchema } from '../../tools/config/schema.js';
import { ModelSchema, type Field, type Model } from '../../tools/model/schema.js';
import { buildModel } from '../../tools/sources/load.js';
import { REPO } from './helpers.js';

const DOCS = ['DOC_streaming_events.md', 'DOC_responses.md', 'DOC_conversations.md'].map((p) => ({
  path: `../shared/reference/openai-docs/${p}`,
}));
const SPEC = { path: '../shared/reference/openapi/openai-openapi-2026-08-21.yaml' };
const SPEC_ID = 'openai-openapi-2026-08-21.yaml';

const build = async (sources: { path: string }[]) => buildModel(ConfigSchema.parse({ sources }), REPO, { cacheDir: false });

let model: Model;
let text: string;
beforeAll(async () => {
  const built = await build([...DOCS, SPEC]);
  expect(built.diagnostics.items.filter((d) => d.severity === 'error')).toEqual([]);
  model = built.model;
  text = modelText(model);
});

const event = (type: string) => model.events.find((e) => e.type === type)!;
const field = (type: string, name: string) => event(type).fields.find((f) => f.name === name)!;
const props = (f: Field) => (f.conflicts ?? []).map((c) => c.property);

describe('docs + OpenAPI → one model', () => {
  it('is a valid model; 58 events: 49 in both, 9 only in the spec (4 audio, 5 shell call)', () => {
    expect(ModelSchema.safeParse(model).success).toBe(true);
    expect(model.events).toHaveLength(58);
    const specOnly = model.events.filter((e) => e.sources.length === 1 && e.sources[0] === SPEC_ID).map((e) => e.type);
    expect(specOnly.filter((t) => t.startsWith('response.audio.'))).toHaveLength(4);
    expect(specOnly.filter((t) => t.startsWith('response.shell_call'))).toHaveLength(5);
    expect(specOnly).toHaveLength(9);
  });

  it('docs anchors and prose stay first; the spec anchor follows', () => {
    const created = event('response.created');
    expect(created.anchors).toEqual(['DOC_streaming_events.md:304-367', expect.stringMatching(/^openai-openapi-2026-08-21\.yaml:\d+$/)]);
    expect(created.sources).toEqual(['DOC_streaming_events.md', SPEC_ID]);
    expect(created.classNames).toContain('ResponseCreatedEvent');
    expect(model.params.find((p) => p.id === 'param:POST /v1/responses#background')!.field.anchors[0]).toBe('DOC_responses.md:208-217');
  });

  it('fills the collapsed structure: response in response.created, item in response.output_item.added', () => {
    const response = field('response.created', 'response');
    expect(response).toMatchObject({
      typeText: 'object',
      type: { kind: 'ref', name: 'Response' },
      collapsed: false,
      required: true,
      sources: ['DOC_streaming_events.md', SPEC_ID],
    });
    expect(response.anchors[0]).toBe('DOC_streaming_events.md:308-314');
    expect(model.schemas.Response?.kind).toBe('object');
    const item = field('response.output_item.added', 'item');
    expect(item.type.kind).toBe('ref');
    expect(item.collapsed).toBe(false);
  });

  it('records spec-only fields as presence conflicts (partial_image extras, reasoning summary part status)', () => {
    const partial = event('response.image_generation_call.partial_image').fields.filter((f) => props(f).includes('presence'));
    expect(partial.map((f) => f.name).sort()).toEqual(['background', 'output_format', 'quality', 'size']);
    expect(partial.every((f) => f.required === false && f.sources.join() === SPEC_ID)).toBe(true);
    const status = field('response.reasoning_summary_part.done', 'status');
    expect(status.conflicts).toEqual([
      {
        property: 'presence',
        values: [
          { source: 'DOC_streaming_events.md', value: false },
          { source: SPEC_ID, value: true },
        ],
      },
    ]);
  });

  it('records nullability differences: error.code and error.param', () => {
    for (const name of ['code', 'param']) {
      const f = field('error', name);
      expect(f.nullable).toBe(true);
      expect(f.conflicts).toEqual([
        {
          property: 'nullable',
          values: [
            { source: 'DOC_streaming_events.md', value: false },
            { source: SPEC_ID, value: true },
          ],
        },
      ]);
    }
  });

  it('include: the undocumented value is a spec-only enum item and an enum conflict', () => {
    const include = model.params.find((p) => p.id === 'param:POST /v1/responses#include')!;
    expect(props(include.field)).toContain('enum');
    expect(include.field.enum).toHaveLength(8);
    const extra = model.enums.find((e) => e.id === 'enum:POST /v1/responses#include=web_search_call.results')!;
    expect(extra.sources).toEqual([SPEC_ID]);
    const shared = model.enums.find((e) => e.id === 'enum:POST /v1/responses#include=file_search_call.results')!;
    expect(shared.sources).toEqual(['DOC_responses.md', SPEC_ID]);
  });

  it('spec-only request parameters are items of their own', () => {
    const specOnly = model.params
      .filter((p) => p.endpoint === 'endpoint:POST /v1/responses' && p.field.sources.join() === SPEC_ID)
      .map((p) => p.field.name);
    expect(specOnly.sort()).toEqual(['context_management', 'moderation', 'prompt_cache_options']);
  });

  it('same input → same bytes, and the config order does not change whose anchors come first', async () => {
    expect(modelText((await build([...DOCS, SPEC])).model)).toBe(text);
    const reversed = (await build([SPEC, ...DOCS])).model;
    expect(reversed.events.find((e) => e.type === 'response.created')!.anchors[0]).toBe('DOC_streaming_events.md:304-367');
  });
});
