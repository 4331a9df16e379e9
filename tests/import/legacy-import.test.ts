// The real legacy mapping from the reference corpus, imported into the model built from the real docs.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../tools/config/schema.js';
import { applyImport, countPlaced } from '../../tools/import/apply.js';
import { contradictions } from '../../tools/import/claims.js';
import { LegacyMappingSchema } from '../../tools/import/legacy-format.js';
import { planImport } from '../../tools/import/plan.js';
import { computeMapping } from '../../tools/mapping/compute.js';
import { mappingText } from '../../tools/mapping/render.js';
import type { Model } from '../../tools/model/schema.js';
import { buildModel } from '../../tools/sources/load.js';

const root = resolve(__dirname, '../..');
const LEGACY = resolve(root, '../shared/reference/legacy-mapping/SPEC_TO_CODE_MAPPING.json');
const config = ConfigSchema.parse({
  sources: ['DOC_streaming_events.md', 'DOC_responses.md', 'DOC_conversations.md'].map((f) => ({
    path: `../shared/reference/openai-docs/${f}`,
  })),
});
const raw = JSON.parse(readFileSync(LEGACY, 'utf8')) as Record<string, Record<string, Record<string, unknown>>>;
const legacy = LegacyMappingSchema.parse(raw);

/** Counted independently of the importer: every key of every entry, the summary's keys, the top-level metadata keys. */
function countFields(): number {
  let n = 0;
  for (const entry of Object.values(raw.endpoints!)) n += Object.keys(entry).length;
  for (const entry of Object.values(raw.streaming_events!)) n += Object.keys(entry).length;
  for (const cls of Object.values(raw.request_parameters!))
    for (const entry of Object.values(cls)) n += Object.keys(entry as object).length;
  n += Object.keys(raw.summary!).length;
  n += Object.keys(raw).filter((k) => !['endpoints', 'request_parameters', 'streaming_events', 'summary'].includes(k)).length;
  return n;
}

let model: Model;
beforeAll(async () => {
  model = (await buildModel(config, root)).model;
});

describe('import of the real SPEC_TO_CODE_MAPPING.json', () => {
  it('reads every field and places every one', () => {
    const plan = planImport(legacy, model);
    expect(plan.read).toBe(countFields());
    const applied = applyImport(plan, undefined, 'import SPEC_TO_CODE_MAPPING.json');
    const mapping = computeMapping(model, [], config, applied.source);
    expect(countPlaced(plan, applied, mapping)).toBe(plan.read);
  });

  it('puts notes, known issues and scores in the manual block of the matching item', () => {
    const plan = planImport(legacy, model);
    const mapping = computeMapping(model, [], config, applyImport(plan, undefined, 'import x').source);
    const delta = mapping.items['event:response.function_call_arguments.delta']!.manual!;
    expect(delta.knownIssues).toEqual(raw.streaming_events!['response.function_call_arguments.delta']!.known_issues);
    expect(delta.testPriority).toBe('high');
    expect(delta.complianceScore).toBe(0);
    expect((delta.legacy as Record<string, unknown>).implemented).toBe(true);
    expect(mapping.items['event:response.output_text.delta']!.manual!.notes).toBe(
      raw.streaming_events!['response.output_text.delta']!.note,
    );
    expect(mapping.items['param:POST /v1/responses#include']!.manual!.complianceScore).toBe(100);
    expect(mapping.items['endpoint:POST /v1/responses']!.manual!.knownIssues).toHaveLength(2);
    // Claims are kept as words, never as a status.
    expect(mapping.items['event:response.created']!.status).toBe('missing');
    expect(mapping.items['event:response.created']!.manual!.statusOverride).toBeUndefined();
  });

  it('keeps entries without a spec item as orphans, with their annotations', () => {
    const plan = planImport(legacy, model);
    const mapping = computeMapping(model, [], config, applyImport(plan, undefined, 'import SPEC_TO_CODE_MAPPING.json').source);
    expect(Object.keys(mapping.orphans).sort()).toEqual([
      'endpoint:GET /v1/models',
      'endpoint:POST /v1/responses/{response_id}/tool_outputs',
      'event:response.tool_call.delta',
      'legacy:metadata',
      'legacy:summary',
    ]);
    const orphan = mapping.orphans['event:response.tool_call.delta']!;
    expect(orphan.origin).toBe('import SPEC_TO_CODE_MAPPING.json#streaming_events');
    expect(orphan.manual.knownIssues).toEqual(raw.streaming_events!['response.tool_call.delta']!.known_issues);
    expect(mapping.orphans['legacy:summary']!.manual.legacy).toEqual(raw.summary);
  });

  it('reports the claims the code contradicts instead of copying them', () => {
    const plan = planImport(legacy, model);
    const mapping = computeMapping(model, [], config, applyImport(plan, undefined, 'x').source);
    const claims = contradictions(plan, mapping);
    // With no code at all, every "implemented" claim about a spec item is contradicted; claims about
    // ids no spec item has are orphans, listed as such, not contradictions of the code.
    const claimed = plan.targets.filter((t) => t.claimsImplemented && t.item).length;
    expect(claims).toHaveLength(claimed);
    expect(claims.find((c) => c.id === 'event:response.created')?.message).toBe(
      'marked implemented, but no location was found in any lane',
    );
    expect(claims.find((c) => c.id === 'event:response.tool_call.delta')).toBeUndefined();
    expect(plan.targets.find((t) => t.id === 'event:response.tool_call.delta')?.item).toBeFalsy();
    // And mapping.json keeps them, recomputed from the legacy record on every run.
    expect(mapping.items['event:response.created']!.legacyFindings).toEqual([
      'legacy mapping says implemented, but no location was found in any lane',
    ]);
  });

  it('reports legacy code lines that went stale, against where the code has the item now', () => {
    const plan = planImport(legacy, model);
    const endpoint = plan.targets.find((t) => t.id === 'endpoint:POST /v1/responses')!;
    expect(endpoint.item).toBeTruthy();
    const at = (line: number) => [
      {
        file: 'x/vllm/entrypoints/openai/api_server.py',
        line,
        column: 1,
        kind: 'route' as const,
        language: 'python' as const,
        symbol: 'create_responses',
        method: 'POST',
        path: '/v1/responses',
        evidence: '@app.post() decorator',
      },
    ];
    const moved = computeMapping(
      model,
      at(912),
      {
        ...config,
        lanes: [...config.lanes, { name: 'api', title: 'API', include: ['x/**'], exclude: [], language: 'auto', kinds: ['route'] }],
      },
      applyImport(plan, undefined, 'x').source,
    );
    const legacyLine = Number(
      /^(\d+)/.exec(String((raw.endpoints!['POST /v1/responses'] as { code_location: { line: string } }).code_location.line))![1],
    );
    expect(moved.items['endpoint:POST /v1/responses']!.legacyFindings).toEqual([
      `legacy code location vllm/entrypoints/openai/api_server.py:${legacyLine} is stale: the code has create_responses at line 912`,
    ]);
    const same = computeMapping(
      model,
      at(legacyLine),
      {
        ...config,
        lanes: [...config.lanes, { name: 'api', title: 'API', include: ['x/**'], exclude: [], language: 'auto', kinds: ['route'] }],
      },
      applyImport(plan, undefined, 'x').source,
    );
    expect(same.items['endpoint:POST /v1/responses']!.legacyFindings).toBeUndefined();
  });

  it('lets existing human words win and is idempotent', () => {
    const plan = planImport(legacy, model);
    const previous = { items: { 'event:response.output_text.delta': { manual: { notes: 'ours', used: 'yes' } } }, orphans: {} };
    const once = computeMapping(model, [], config, applyImport(plan, previous, 'x').source);
    const manual = once.items['event:response.output_text.delta']!.manual!;
    expect(manual.notes).toBe('ours');
    expect((manual.imported as Record<string, unknown>).note).toBe(raw.streaming_events!['response.output_text.delta']!.note);
    const applied2 = applyImport(planImport(legacy, model), once, 'x');
    const twice = computeMapping(model, [], config, applied2.source);
    expect(mappingText(twice)).toBe(mappingText(once));
    expect(countPlaced(plan, applied2, twice)).toBe(plan.read);
  });

  it('notes legacy anchors that differ from the spec', () => {
    const plan = planImport(legacy, model);
    const conv = plan.targets.find((t) => t.id === 'endpoint:POST /v1/conversations')!;
    expect(conv.anchorDiffers).toEqual({ legacy: 'DOC_conversations.md:20-120', spec: 'DOC_conversations.md:183-298' });
    expect(plan.targets.find((t) => t.id === 'event:response.created')!.anchorDiffers).toBeUndefined();
  });
});
