/** crosscheck on the real corpus: the reference docs against openai-openapi-2026-08-21.yaml. */
import { beforeAll, describe, expect, it } from 'vitest';
import { crosscheckSources } from '../../tools/commands/crosscheck.js';
import type { Finding } from '../../tools/crosscheck/finding.js';

const D = '../shared/reference/openai-docs/';
const SPEC = '../shared/reference/openapi/openai-openapi-2026-08-21.yaml';
let findings: Finding[];
const paths = (kind: Finding['kind'], re: RegExp): string[] =>
  findings
    .filter((f) => f.kind === kind && re.test(f.path))
    .map((f) => f.path)
    .sort();

describe('crosscheck: reference docs vs openai-openapi-2026-08-21.yaml', () => {
  beforeAll(async () => {
    const { result } = await crosscheckSources({
      source: [`${D}DOC_streaming_events.md`, `${D}DOC_responses.md`, `${D}DOC_conversations.md`, SPEC],
    });
    findings = result.findings;
  }, 60_000);

  it('9 events only in the spec: 4 response.audio.*, 5 response.shell_call*', () => {
    const only = paths('item-only-in', /^event:/);
    expect(only).toHaveLength(9);
    expect(only.filter((p) => p.startsWith('event:response.audio.'))).toHaveLength(4);
    expect(only.filter((p) => p.startsWith('event:response.shell_call'))).toHaveLength(5);
    const f = findings.find((x) => x.path === 'event:response.audio.delta')!;
    expect(f.values).toEqual([
      { source: 'openai-docs', value: false },
      { source: 'openai-openapi-2026-08-21.yaml', value: true },
    ]);
  });

  it('the 4 extra optional fields of partial_image and the optional status of reasoning_summary_part.done', () => {
    expect(paths('field-only-in', /^event:/)).toEqual([
      'event:response.image_generation_call.partial_image#background',
      'event:response.image_generation_call.partial_image#output_format',
      'event:response.image_generation_call.partial_image#quality',
      'event:response.image_generation_call.partial_image#size',
      'event:response.reasoning_summary_part.done#status',
    ]);
  });

  it('nullability of error.code / error.param, with both anchors', () => {
    expect(paths('nullable', /^event:error#/)).toEqual(['event:error#code', 'event:error#param']);
    const f = findings.find((x) => x.kind === 'nullable' && x.path === 'event:error#code')!;
    expect(f.anchors.map((a) => a.source)).toEqual(['DOC_streaming_events.md', 'openai-openapi-2026-08-21.yaml']);
    expect(f.anchors[0]!.anchor).toMatch(/^DOC_streaming_events\.md:\d+-\d+$/);
  });

  it('the undocumented include value and the spec-only request parameters', () => {
    expect(paths('item-only-in', /^enum:POST \/v1\/responses#include=/)).toEqual([
      'enum:POST /v1/responses#include=web_search_call.results',
    ]);
    const params = paths('item-only-in', /^param:POST \/v1\/responses#/);
    expect(params).toEqual(
      expect.arrayContaining([
        'param:POST /v1/responses#context_management',
        'param:POST /v1/responses#moderation',
        'param:POST /v1/responses#prompt_cache_options',
      ]),
    );
  });

  it('coarse docs types are no type conflicts (object vs a full schema)', () => {
    expect(findings.filter((f) => f.kind === 'type')).toEqual([]);
  });

  it('same input, same findings', async () => {
    const again = await crosscheckSources({
      source: [`${D}DOC_streaming_events.md`, `${D}DOC_responses.md`, `${D}DOC_conversations.md`, SPEC],
    });
    expect(again.result.findings).toEqual(findings);
  }, 60_000);
});
