/**
 * Integration: the reference pages plus the 2026-08-21 document read as three APIs. The pages'
 * events take the Responses API so each merges with its OpenAPI twin under one id, and Responses
 * traces verify exactly as against the one-API model, though Realtime has events of the same names.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../tools/config/schema.js';
import type { Model } from '../../tools/model/schema.js';
import { buildModel } from '../../tools/sources/load.js';
import { resolveSeverities } from '../../tools/verify/severity.js';
import { verifyTraces } from '../../tools/verify/verify.js';
import { DOCS, OPENAPI } from '../generate/helpers.js';
import { REPO } from '../openapi/helpers.js';

let model: Model;
let today: Model;
let diagnostics: unknown[];
beforeAll(async () => {
  const config = ConfigSchema.parse({ sources: [...DOCS, { ...OPENAPI, apis: ['responses', 'realtime', 'chat'] }] });
  const built = await buildModel(config, REPO, { cacheDir: false });
  model = built.model;
  diagnostics = built.diagnostics.items.filter((d) => d.severity === 'error');
  today = (await buildModel(ConfigSchema.parse({ sources: [...DOCS, OPENAPI] }), REPO, { cacheDir: false })).model;
});

describe('docs + OpenAPI with three APIs', () => {
  it('builds without errors; the pages merge into the Responses API', () => {
    expect(diagnostics).toEqual([]);
    const created = model.events.filter((e) => e.type === 'response.created');
    expect(created.map((e) => e.id).sort()).toEqual(['event:realtime/response.created', 'event:responses/response.created']);
    const responses = created.find((e) => e.api === 'responses')!;
    expect(responses.sources.length).toBe(2);
    expect(responses.anchors[0]).toMatch(/^DOC_streaming_events\.md:/);
    expect(model.events.filter((e) => e.api === undefined)).toEqual([]);
    expect([...model.endpoints, ...model.objects].filter((i) => i.api === undefined).map((i) => i.id)).toEqual([]);
  });

  it.each(['message.sse', 'function-call.sse', 'reasoning.jsonl', 'mcp-call.jsonl'])(
    '%s: the same findings as the one-API model (Realtime events of the same names stay out)',
    async (name) => {
      const trace = join(REPO, 'tests/traces/clean', name);
      const options = { severities: resolveSeverities({}), sdk: false };
      const [three, one] = [await verifyTraces([trace], model, options), await verifyTraces([trace], today, options)];
      expect(three.streamProfile).toBe('responses');
      expect(three.traces[0]!.violations).toEqual(one.traces[0]!.violations);
      expect(three.summary).toEqual(one.summary);
    },
  );
});
