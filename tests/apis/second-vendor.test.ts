/**
 * Integration: a second vendor's document (Llama Stack, read from ../shared as users have it), which
 * no bundled profile knows. Read whole and read as four APIs, every stream extracts with the events
 * an independent js-yaml oracle finds; the generated TypeScript compiles; a trace written from its
 * schemas of the OpenAI-compatible responses stream verifies clean, with no Responses grammar
 * applied (its stream has no `response.in_progress` and no `sequence_number` on lifecycle events, so
 * the grammar would wrongly fail it, as the forced-profile control shows).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema, type Config } from '../../tools/config/schema.js';
import { generate } from '../../tools/generate/generate.js';
import type { Model } from '../../tools/model/schema.js';
import { buildModel } from '../../tools/sources/load.js';
import { resolveSeverities } from '../../tools/verify/severity.js';
import { verifyTraces } from '../../tools/verify/verify.js';
import { removeTempDirs, tempDir, typecheck, writeFiles } from '../generate/helpers.js';
import { REFERENCE, REPO } from '../openapi/helpers.js';
import { loadYaml, oracleApis, type OracleScope } from './oracle.js';

const FILE = 'llama-stack/llama-stack-openapi-2025-08-29.yaml';
const APIS = [
  { name: 'inference', paths: ['/v1/inference/**'] },
  // Agent turn chunks wrap their events: `event.payload`, named by `event_type`.
  { name: 'agents', paths: ['/v1/agents/**'], eventPath: ['event', 'payload'], discriminator: 'event_type' },
  { name: 'responses', paths: ['/v1/openai/v1/responses/**'] },
  { name: 'other', paths: ['/**'] },
];
const ORACLE_SCOPES: OracleScope[] = [
  { name: 'inference', prefixes: ['/v1/inference'] },
  { name: 'agents', prefixes: ['/v1/agents'], eventPath: ['event', 'payload'], discriminator: 'event_type' },
  { name: 'responses', prefixes: ['/v1/openai/v1/responses'] },
  { name: 'other', prefixes: ['/'] },
];
const TRACE = join(REPO, 'tests/apis/fixtures/llama-responses.jsonl');

const configOf = (apis?: typeof APIS): Config =>
  ConfigSchema.parse({
    sources: [{ path: `../shared/reference/${FILE}`, kind: 'openapi', pathPrefix: '', ...(apis && { apis }) }],
    generate: { targets: ['types', 'zod'] },
  });

const doc = loadYaml(REFERENCE + FILE);
let several: Model;
let whole: Model;
let diagnostics: unknown[];

beforeAll(async () => {
  const a = await buildModel(configOf(APIS), REPO, { cacheDir: false });
  const b = await buildModel(configOf(), REPO, { cacheDir: false });
  several = a.model;
  whole = b.model;
  diagnostics = [...a.diagnostics.items, ...b.diagnostics.items];
});
afterAll(removeTempDirs);

describe('llama-stack-openapi-2025-08-29.yaml, no profile', () => {
  it('reads without diagnostics', () => {
    expect(diagnostics).toEqual([]);
  });

  it('read whole: every path and all five streams, events as the oracle finds them, ids without an API', () => {
    const oracle = oracleApis(doc, [{ name: 'all', prefixes: ['/'] }]).get('all')!;
    expect(oracle.streams).toBe(5);
    expect(whole.events.map((e) => e.type).sort()).toEqual([...oracle.events].sort());
    expect(whole.events.every((e) => e.id === `event:${e.type}` && e.api === undefined)).toBe(true);
    expect(whole.endpoints.map((e) => `${e.method} ${e.path}`).sort()).toEqual([...oracle.operations].sort());
  });

  it.each([
    ['inference', 2, 2],
    ['agents', 2, 6],
    ['responses', 1, 21],
    ['other', 0, 0],
  ])('as four APIs: %s has %i streams and %i events, as the oracle finds', (api, streams, events) => {
    const oracle = oracleApis(doc, ORACLE_SCOPES).get(api)!;
    expect([oracle.streams, oracle.events.size]).toEqual([streams, events]);
    expect(
      several.events
        .filter((e) => e.api === api)
        .map((e) => e.type)
        .sort(),
    ).toEqual([...oracle.events].sort());
    expect(
      several.endpoints
        .filter((e) => e.api === api)
        .map((e) => `${e.method} ${e.path}`)
        .sort(),
    ).toEqual([...oracle.operations].sort());
  });

  it('as four APIs: ids carry the API and none collides', () => {
    const ids = [...several.events, ...several.endpoints, ...several.params, ...several.enums, ...several.objects].map((i) => i.id);
    expect(ids.length - new Set(ids).size).toBe(0);
    expect(several.events.map((e) => e.id)).toEqual(
      expect.arrayContaining(['event:responses/response.created', 'event:agents/turn_awaiting_input', 'event:agents/step_progress']),
    );
  });

  it('generated TypeScript compiles under tsc --strict', () => {
    const dir = tempDir('gen-llama');
    writeFiles(dir, generate(several, configOf(APIS)));
    expect(typecheck([join(dir, 'generated/types.ts'), join(dir, 'generated/schemas.ts')])).toEqual([]);
  });

  it('a trace of its responses stream verifies clean: no Responses grammar, no SDK opinion', async () => {
    const report = await verifyTraces([TRACE], several, { severities: resolveSeverities({}), sdk: true });
    expect(report.traces[0]!.violations).toEqual([]);
    expect(report.traces[0]!.sdk).toBeUndefined();
    expect(report.summary).toMatchObject({ events: 5, errors: 0, warnings: 0 });
  });

  it('control: forcing the Responses profile on it gives the Responses-specific findings', async () => {
    const report = await verifyTraces([TRACE], several, { severities: resolveSeverities({}), sdk: false, profile: 'responses' });
    const checks = new Set(report.traces[0]!.violations.map((v) => v.check));
    expect(checks).toEqual(new Set(['lifecycle', 'sequence']));
  });
});
