/**
 * `diff` on the real OpenAPI specs, checked against an independent oracle (openapi-oracle.ts: plain
 * js-yaml, no specmap reader) at the level the issue names: stream events and their direct fields,
 * and the `POST /responses` parameters. "Nothing invented, nothing missed": both set differences
 * are empty. (They used to list the fields whose description/default the newer specs moved into the
 * only non-null member of `anyOf: [X, {type: 'null'}]`; the reader now reads them there.)
 */
import { describe, expect, it } from 'vitest';
import { diffFiles } from '../../tools/commands/diff.js';
import type { Change } from '../../tools/diff/change.js';
import { expectedChanges, readOracle } from './openapi-oracle.js';

const R = '../shared/reference/openapi/';
const KIND: Partial<Record<Change['kind'], string>> = {
  'item-added': 'added',
  'item-removed': 'removed',
  'field-added': 'added',
  'field-removed': 'removed',
  'enum-value-added': 'enum',
  'enum-value-removed': 'enum',
};

/** The engine's changes in the oracle's vocabulary, top level only. */
function topLevel(changes: readonly Change[]): string[] {
  const added = new Set(changes.filter((c) => c.kind === 'item-added').map((c) => c.path));
  const out = new Set<string>();
  for (const c of changes) {
    let path = c.kind.startsWith('enum-value') ? c.path.replace(/=[^=]*$/, '') : c.path;
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

describe.each([
  ['2026-05-13', '2026-08-21'],
  ['2025-04-29', '2026-05-13'],
] as const)('diff openai-openapi-%s → %s', (a, b) => {
  const oldFile = `${R}openai-openapi-${a}.yaml`;
  const newFile = `${R}openai-openapi-${b}.yaml`;

  it('matches the independent oracle exactly', async () => {
    const { result } = await diffFiles(oldFile, newFile);
    const got = topLevel(result.changes);
    const want = expectedChanges(readOracle(oldFile), readOracle(newFile));
    expect({ missing: want.filter((x) => !got.includes(x)), extra: got.filter((x) => !want.includes(x)) }).toEqual({ missing: [], extra: [] });
    expect(want.length).toBeGreaterThan(15);
    // Nested through the `Response` ref, `response.created` carries exactly the object's changes.
    const under = (prefix: string) => result.changes.filter((c) => c.path.startsWith(prefix)).map((c) => `${c.kind} ${c.path.slice(prefix.length)}`).sort();
    expect(under('event:response.created#response.')).toEqual(under('object:response#'));
    expect(under('object:response#').length).toBeGreaterThan(10);
  }, 60_000);
});

describe('diff openai-openapi-2026-05-13 → 2026-08-21: what the issue names', () => {
  it('5 added events, the new request parameters, the deprecations, the nullability changes', async () => {
    const { result } = await diffFiles(`${R}openai-openapi-2026-05-13.yaml`, `${R}openai-openapi-2026-08-21.yaml`);
    const ids = (kind: Change['kind'], re: RegExp): string[] => result.changes.filter((c) => c.kind === kind && re.test(c.path)).map((c) => `${c.class} ${c.path}`);
    expect(ids('item-added', /^event:/).sort()).toEqual(
      [
        'response.shell_call_command.added',
        'response.shell_call_command.delta',
        'response.shell_call_command.done',
        'response.shell_call_output_content.delta',
        'response.shell_call_output_content.done',
      ].map((t) => `non-breaking event:${t}`),
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
    // Response/event side: may now be null → breaking for a consumer; request side: accepting null is not.
    expect(ids('nullable', /^(event:response\.output_text\.annotation\.added#annotation|param:POST \/v1\/responses#(prompt_cache_key|safety_identifier))$/).sort()).toEqual([
      'breaking event:response.output_text.annotation.added#annotation',
      'non-breaking param:POST /v1/responses#prompt_cache_key',
      'non-breaking param:POST /v1/responses#safety_identifier',
    ]);
    // Nested, through refs: the response object inside every lifecycle event.
    expect(ids('nullable', /^event:response\.created#response\.prompt_cache_key$/)).toEqual(['breaking event:response.created#response.prompt_cache_key']);
    // Both anchors point into the two files.
    const added = result.changes.find((c) => c.path === 'event:response.shell_call_command.added')!;
    expect(added.anchors.new).toMatch(/^openai-openapi-2026-08-21\.yaml:\d+$/);
  }, 60_000);
});
