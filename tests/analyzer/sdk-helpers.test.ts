/**
 * The SDK's helpers send the request of a call the spec's examples make (the bundled profile's
 * `sdk.helpers`): `client.responses.stream(…)` and `client.responses.parse(…)` call what
 * `client.responses.create(…)` calls, with what they send as its parameters. So do the SDK's
 * raw-response views (`responses.with_raw_response.create(…)`), and a client made by a call
 * (`self.get_client().responses.create(…)`).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { buildCandidates } from '../../tools/analyzer/candidates.js';
import { analyzePython } from '../../tools/analyzer/python/analyze-python.js';
import { analyzeFiles, removeAnalyzedFiles } from './analyze-files.js';
import { fixtureModel } from './fixture-model.js';

afterAll(removeAnalyzedFiles);

async function routes(files: Record<string, string>): Promise<string[]> {
  const { facts } = await analyzeFiles(files);
  return facts
    .filter((f) => f.kind === 'route')
    .map((f) => `${f.file}:${f.line} ${f.method} ${f.path} ${(f.params ?? []).map((p) => p.name).join(',')} (${f.evidence})`);
}

describe('SDK helpers', () => {
  it('Python and TypeScript: stream and parse are calls of the endpoint create calls, with what they send', async () => {
    expect(
      await routes({
        'server/ask.py': [
          'def ask(client, prompt):',
          '    with client.responses.stream(model="m", input=prompt) as s:',
          '        return s',
          '',
          'def parse(client, prompt, schema):',
          '    return client.responses.parse(model="m", input=prompt, text_format=schema)',
          '',
        ].join('\n'),
        'web/ask.mts': [
          'export function ask(client: any, input: string) {',
          "  return client.responses.stream({ model: 'm', input });",
          '}',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'server/ask.py:2 POST /v1/responses model,input (SDK call responses.stream())',
      // `text_format` is the helper's own argument, not a parameter of the request.
      'server/ask.py:6 POST /v1/responses model,input (SDK call responses.parse())',
      'web/ask.mts:2 POST /v1/responses model,input (SDK call responses.stream())',
    ]);
  });

  it('a client made by a call, and the raw-response views, make the same call', async () => {
    expect(
      await routes({
        'server/model.py': [
          'from openai import OpenAI',
          'class Model:',
          '    def invoke(self, prompt, **request_params):',
          '        return self.get_client().responses.create(model="m", input=prompt, **request_params)',
          '    def raw(self):',
          '        return OpenAI().responses.with_raw_response.create(model="m")',
          '    async def streamed(self):',
          '        return await self.client.with_options(timeout=5).responses.with_streaming_response.create(input="y")',
          '',
        ].join('\n'),
        'web/model.mts': [
          'export class Model {',
          '  invoke(input: string) {',
          "    return this.getClient().responses.create({ model: 'm', input });",
          '  }',
          '}',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'server/model.py:4 POST /v1/responses model,input (SDK call responses.create())',
      'server/model.py:6 POST /v1/responses model (SDK call responses.create())',
      'server/model.py:8 POST /v1/responses input (SDK call responses.create())',
      'web/model.mts:3 POST /v1/responses model,input (SDK call responses.create())',
    ]);
  });

  it('a keyword that fills the path is a path parameter, and no query parameter', async () => {
    const items = {
      ...fixtureModel.endpoints[0]!,
      id: 'endpoint:GET /v1/responses/{response_id}/input_items',
      method: 'GET' as const,
      path: '/v1/responses/{response_id}/input_items',
      sdkCalls: ['responses.input_items.list'],
    };
    const model = {
      ...fixtureModel,
      endpoints: [items],
      params: ['limit', 'order'].map((name) => ({
        ...fixtureModel.params[0]!,
        id: `${items.id}#${name}`,
        endpoint: items.id,
        in: 'query' as const,
        field: { ...fixtureModel.params[0]!.field, name },
      })),
    };
    const candidates = buildCandidates({ model, unknownLiteralPatterns: [] });
    const text = [
      'async def items(client, rid):',
      '    return await client.responses.input_items.list(',
      '        response_id=rid, limit=10, order="asc")',
      '',
    ].join('\n');
    const [out] = await analyzePython([{ text, ctx: { file: 'server/items.py', language: 'python', isTest: false, candidates } }]);
    const route = out!.facts.find((f) => f.kind === 'route');
    expect(route?.params?.map((p) => `${p.in} ${p.name}@${p.line}`)).toEqual(['path response_id@3', 'query limit@3', 'query order@3']);
  });

  it('a helper the examples call themselves keeps the endpoint they call it for', () => {
    const endpoint = (path: string, sdkCalls: string[]) => ({ ...fixtureModel.endpoints[0]!, id: `endpoint:POST ${path}`, path, sdkCalls });
    const model = {
      ...fixtureModel,
      endpoints: [endpoint('/v1/responses', ['responses.create']), endpoint('/v1/streams', ['responses.stream'])],
    };
    const candidates = buildCandidates({ model, unknownLiteralPatterns: [] });
    expect(candidates.sdkCalls.get('responses.stream')?.path).toBe('/v1/streams');
    expect(candidates.sdkCalls.get('responses.parse')?.path).toBe('/v1/responses');
    // No example calls `widgets.create`: no helper of it is a call of anything.
    expect(candidates.sdkCalls.has('widgets.stream')).toBe(false);
  });
});
