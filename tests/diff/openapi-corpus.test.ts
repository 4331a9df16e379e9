/**
 * `diff` on the real OpenAPI specs, checked against an independent oracle (openapi-oracle.ts: plain
 * js-yaml, no specmap reader):
 * - the change list equals the oracle's distinct changes: one per place in the document, however
 *   many items reach it ("nothing invented, nothing missed, nothing twice");
 * - every item a change reaches is still listed on it: expanded to its paths, the list equals the
 *   oracle's per-item view of events and their direct fields, `POST /responses` parameters and
 *   the `Response` object.
 */
import { describe, expect, it } from 'vitest';
import { diffFiles } from '../../tools/commands/diff.js';
import type { Change } from '../../tools/diff/change.js';
import { failsOn } from '../../tools/diff/fail-on.js';
import { distinctChanges, expectedChanges, readOracle } from './openapi-oracle.js';

const R = '../shared/reference/openapi/';
const KIND: Partial<Record<Change['kind'], string>> = {
  'item-added': 'added',
  'item-removed': 'removed',
  'field-added': 'added',
  'field-removed': 'removed',
  'enum-value-added': 'enum',
  'enum-value-removed': 'enum',
};

/** Every (kind, path) a change stands for, in the per-item vocabulary of `expectedChanges`, top level only. */
function topLevel(changes: readonly Change[]): string[] {
  const occurrences = changes.flatMap((c) => c.paths.map((path) => ({ kind: c.kind, path })));
  const added = new Set(occurrences.filter((c) => c.kind === 'item-added').map((c) => c.path));
  const out = new Set<string>();
  for (const c of occurrences) {
    const path = c.kind.startsWith('enum-value') ? c.path.replace(/=[^=]*$/, '') : c.path;
    if (path.startsWith('enum:POST /v1/responses#')) {
      // An enum item is one listed value of its param; values of a param added with them are part of that addition.
      const param = path.replace(/^enum:/, 'param:').replace(/=.*$/, '');
      if (!added.has(param)) out.add(`${param} enum`);
      continue;
    }
    if (!/^(event:[^#]+(#[^.[]+)?|param:POST \/v1\/responses#[^.[]+|object:response#[^.[]+)$/.test(path)) continue;
    out.add(`${path} ${KIND[c.kind] ?? c.kind}`);
  }
  return [...out].sort();
}

const ORACLE_KIND: Partial<Record<Change['kind'], string>> = {
  'item-added': 'added',
  'item-removed': 'removed',
  'field-added': 'added',
  'field-removed': 'removed',
  'enum-value-added': 'value-added',
  'enum-value-removed': 'value-removed',
};
const distinct = (changes: readonly Change[]): string[] =>
  changes.map((c) => `${c.direction} ${ORACLE_KIND[c.kind] ?? c.kind} ${c.location}`).sort();

describe.each([
  ['2026-05-13', '2026-08-21', 105],
  ['2025-04-29', '2026-05-13', 255],
] as const)('diff openai-openapi-%s → %s', (a, b, count) => {
  const oldFile = `${R}openai-openapi-${a}.yaml`;
  const newFile = `${R}openai-openapi-${b}.yaml`;

  it(`lists each of the oracle's ${count} distinct changes exactly once`, async () => {
    const { result } = await diffFiles(oldFile, newFile);
    const got = distinct(result.changes);
    const want = distinctChanges(oldFile, newFile);
    expect({ missing: want.filter((x) => !got.includes(x)), extra: got.filter((x) => !want.includes(x)) }).toEqual({
      missing: [],
      extra: [],
    });
    expect(new Set(got).size).toBe(got.length);
    expect(got).toHaveLength(count);
    expect(new Set(result.changes.map((c) => c.id)).size).toBe(result.changes.length);
  }, 60_000);

  it('still lists every item each change reaches (the per-item oracle, top level)', async () => {
    const { result } = await diffFiles(oldFile, newFile);
    const got = topLevel(result.changes);
    const want = expectedChanges(readOracle(oldFile), readOracle(newFile));
    expect({ missing: want.filter((x) => !got.includes(x)), extra: got.filter((x) => !want.includes(x)) }).toEqual({
      missing: [],
      extra: [],
    });
    expect(want.length).toBeGreaterThan(15);
    // Nested through the `Response` ref, `response.created` is reached by exactly the object's changes.
    const under = (prefix: string) =>
      result.changes.flatMap((c) => c.paths.filter((p) => p.startsWith(prefix)).map((p) => `${c.kind} ${p.slice(prefix.length)}`)).sort();
    expect(under('event:response.created#response.')).toEqual(under('object:response#'));
    expect(under('object:response#').length).toBeGreaterThan(10);
  }, 60_000);
});

describe('diff openai-openapi-2026-05-13 → 2026-08-21: what a reviewer reads', () => {
  const oldFile = `${R}openai-openapi-2026-05-13.yaml`;
  const newFile = `${R}openai-openapi-2026-08-21.yaml`;
  const lifecycle = ['completed', 'created', 'failed', 'in_progress', 'incomplete', 'queued'].map((t) => `event:response.${t}`);

  it('6 breaking changes, each once with the items it affects; response enum additions are warnings', async () => {
    const { result } = await diffFiles(oldFile, newFile);
    expect(result.summary).toEqual({ breaking: 6, warning: 5, deprecation: 6, 'non-breaking': 66, 'docs-only': 22 });
    const of = (cls: Change['class']) => result.changes.filter((c) => c.class === cls).map((c) => `${c.kind} ${c.location}`);
    expect(of('breaking').sort()).toEqual([
      'nullable Response#prompt_cache_key',
      'nullable Response#safety_identifier',
      'nullable event:response.output_text.annotation.added#annotation',
      'required FunctionToolCallOutputResource#call_id',
      'required WebSearchActionSearch#query',
      'type MCPToolCall#error',
    ]);
    const key = result.changes.find((c) => c.id === 'nullable Response#prompt_cache_key')!;
    expect([...key.items].sort()).toEqual([...lifecycle, 'object:response'].sort());
    expect(key.path).toBe('object:response#prompt_cache_key');
    expect(key.paths).toContain('event:response.created#response.prompt_cache_key');
    // Output items are reached from the Response object and from both output_item events.
    const callId = result.changes.find((c) => c.id === 'required FunctionToolCallOutputResource#call_id')!;
    expect(callId.items).toEqual(
      expect.arrayContaining(['object:response', 'event:response.output_item.added', 'event:response.output_item.done']),
    );
    expect(callId.items).toHaveLength(9);
    // A new value in what the server sends breaks an exhaustive switch: warning. In what a client sends: not.
    expect(of('warning').sort()).toEqual([
      'enum-value-added Reasoning#effort=max',
      'enum-value-added Response#service_tier=fast',
      'enum-value-added Response#service_tier=ultrafast',
      'enum-value-added ResponseError#code=bio_policy',
      'enum-value-added ResponseError#code=data_residency_mismatch',
    ]);
    expect(result.changes.find((c) => c.id === 'enum-value-added Reasoning#effort=max (request)')?.class).toBe('non-breaking');
    expect(result.changes.find((c) => c.id === 'enum-value-added Reasoning#effort=max (response)')?.class).toBe('warning');
  }, 60_000);

  it('5 added events and 2 new request parameters, one non-breaking entry each; the deprecations', async () => {
    const { result } = await diffFiles(oldFile, newFile);
    const ids = (kind: Change['kind'], re: RegExp): string[] =>
      result.changes.filter((c) => c.kind === kind && re.test(c.path)).map((c) => `${c.class} ${c.path}`);
    expect(ids('item-added', /^event:/).sort()).toEqual(
      ['added', 'delta', 'done']
        .map((t) => `non-breaking event:response.shell_call_command.${t}`)
        .concat(['delta', 'done'].map((t) => `non-breaking event:response.shell_call_output_content.${t}`)),
    );
    expect(ids('item-removed', /^event:/)).toEqual([]);
    expect(ids('item-added', /^param:POST \/v1\/responses#/).sort()).toEqual([
      'non-breaking param:POST /v1/responses#moderation',
      'non-breaking param:POST /v1/responses#prompt_cache_options',
    ]);
    expect(ids('deprecated', /^param:POST \/v1\/responses#/).sort()).toEqual([
      'deprecation param:POST /v1/responses#prompt_cache_retention',
      'deprecation param:POST /v1/responses#truncation',
    ]);
    // Request side: accepting null is not breaking.
    expect(ids('nullable', /^param:POST \/v1\/responses#(prompt_cache_key|safety_identifier)$/).sort()).toEqual([
      'non-breaking param:POST /v1/responses#prompt_cache_key',
      'non-breaking param:POST /v1/responses#safety_identifier',
    ]);
    const added = result.changes.find((c) => c.path === 'event:response.shell_call_command.added')!;
    expect(added.anchors.new).toMatch(/^openai-openapi-2026-08-21\.yaml:\d+$/);
  }, 60_000);

  it('lists the `?beta=true` paths it skipped; --include-skipped compares them as whole, non-breaking endpoints', async () => {
    const { result } = await diffFiles(oldFile, newFile);
    expect(result.skipped.old).toEqual([]);
    expect(result.skipped.new.map((s) => s.path)).toEqual([
      '/responses?beta=true',
      '/responses/{response_id}?beta=true',
      '/responses/{response_id}/cancel?beta=true',
      '/responses/compact?beta=true',
      '/responses/{response_id}/input_items?beta=true',
      '/responses/input_tokens?beta=true',
    ]);
    expect(result.skipped.new[0]!.anchor).toBe('openai-openapi-2026-08-21.yaml:26132');

    const all = (await diffFiles(oldFile, newFile, { includeSkipped: true })).result;
    expect(all.skipped).toEqual({ old: [], new: [] });
    const beta = all.changes.filter((c) => c.paths.some((p) => p.includes('?beta=true')));
    expect(beta.map((c) => `${c.class} ${c.id}`)).toEqual(
      [
        'POST /v1/responses?beta=true',
        'GET /v1/responses/{response_id}?beta=true',
        'DELETE /v1/responses/{response_id}?beta=true',
        'POST /v1/responses/{response_id}/cancel?beta=true',
        'POST /v1/responses/compact?beta=true',
        'GET /v1/responses/{response_id}/input_items?beta=true',
        'POST /v1/responses/input_tokens?beta=true',
      ].map((e) => `non-breaking item-added endpoint:${e}`),
    );
    // The beta create endpoint has required parameters (`model`): part of the addition, not breaking changes.
    expect(beta[0]!.paths).toContain('param:POST /v1/responses?beta=true#model');
    expect(all.summary.breaking).toBe(result.summary.breaking);
    expect(all.changes.filter((c) => c.class === 'breaking')).toEqual(result.changes.filter((c) => c.class === 'breaking'));
    expect(failsOn(beta, 'breaking')).toBe(false);
  }, 60_000);
});
