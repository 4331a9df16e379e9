/**
 * The analyzer on a small two-language fixture workspace written for it (tests/analyzer/fixtures/ws):
 * every event fact expected is listed, and nothing else may appear; params, routes, warnings and
 * the cache are checked separately.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeWorkspace } from '../../tools/analyzer/index.js';
import type { CodeFact } from '../../tools/analyzer/facts.js';
import { fixtureModel, LANES, PATTERNS } from './fixture-model.js';

const ROOT = join(import.meta.dirname, 'fixtures/ws');
const show = (f: CodeFact): string => `${f.file}:${f.line} ${f.kind} ${f.symbol} ${f.literal}${f.className ? ` via ${f.className}` : ''}`;
const run = (root = ROOT, cacheDir?: string) =>
  analyzeWorkspace({ root, lanes: LANES, model: fixtureModel, unknownLiteralPatterns: PATTERNS, ...(cacheDir ? { cacheDir } : {}) });

describe('analyzeWorkspace on the fixture workspace', () => {
  it('finds every event fact and invents none', async () => {
    const { facts } = await run();
    expect(facts.filter((f) => f.kind !== 'param' && f.kind !== 'route').map(show)).toEqual([
      'server/broken.py:2 emitter fine response.created',
      'server/emit.py:9 emitter build response.output_item.added',
      'server/emit.py:10 emitter build response.created via CreatedEvt',
      'server/emit.py:11 emitter build response.created via LoudCreated',
      'server/emit.py:12 emitter build response.output_text.delta via TextDelta',
      'server/emit.py:13 emitter build response.output_text.done',
      'server/emit.py:14 emitter build response.in_progress',
      'server/emit.py:16 literal build response.private_thing.started',
      // Definitions by import: the SDK classes, plain or aliased; re-imports (`__init__.py`, handlers.py) are not definitions.
      'server/events.py:3 definition TextDelta response.output_text.delta',
      'server/events.py:4 definition ResponseTextDoneEvent response.output_text.done',
      'server/events.py:13 definition CreatedEvt response.created',
      'server/events.py:17 definition FailedEvt response.failed',
      'server/events.py:21 definition LifecycleEvt response.completed',
      'server/events.py:21 definition LifecycleEvt response.incomplete',
      'server/events.py:25 definition QueuedEvt response.queued',
      'server/events.py:28 definition LoudCreated response.created via CreatedEvt',
      'server/events.py:32 definition MyDone response.output_text.done via ResponseTextDoneEvent',
      'server/handlers.py:5 handler on_event response.created',
      'server/handlers.py:7 handler on_event response.failed',
      'server/handlers.py:7 handler on_event response.incomplete',
      'server/handlers.py:9 handler on_event response.output_text.delta via TD',
      'server/handlers.py:14 handler on_event response.completed',
      'server/handlers.py:16 handler on_event error',
      'server/handlers.py:22 handler <module> response.output_text.done',
      // Streams framed by hand: an SSE `event:` line in a string (or f-string) emits; one compared with a line read handles.
      'server/sse.py:3 emitter frames response.in_progress',
      'server/sse.py:4 emitter frames response.failed',
      'server/sse.py:10 handler read response.queued',
      'tests/test_events.py:2 test test_created response.created',
      'tests/test_events.py:3 test test_created response.created',
      'traces/agent.ndjson:1 test agent.ndjson raw_response_event',
      'traces/agent.ndjson:1 test agent.ndjson response.completed',
      'traces/run.sse:1 test run.sse response.created',
      'traces/run.sse:4 test run.sse response.output_text.delta',
      'web/broken.mts:1 emitter ok response.created',
      // Constants declared below the comparisons that use them.
      'web/late.mts:3 handler fold response.created',
      'web/late.mts:5 handler fold response.completed',
      'web/late.mts:8 handler fold error',
      'web/late.mts:12 literal LATE_CREATED response.created',
      'web/late.mts:15 literal Kinds response.completed',
      'web/reducer.mts:2 literal EventType response.created',
      'web/reducer.mts:3 literal EventType response.failed',
      'web/reducer.mts:11 handler reduce response.created',
      'web/reducer.mts:13 handler reduce response.output_text.delta',
      'web/reducer.mts:15 handler reduce error',
      'web/reducer.mts:18 handler reduce response.completed',
      'web/reducer.mts:25 handler handlers response.output_item.added',
      'web/reducer.mts:26 handler handlers response.failed',
      'web/reducer.mts:29 handler <module> response.refusal.delta',
      'web/reducer.mts:30 emitter <module> response.queued',
      'web/reducer.mts:31 emitter build response.in_progress',
      'web/reducer.test.mts:4 test folds created response.created',
      'web/schemas.mts:4 definition Completed response.completed',
      'web/schemas.mts:9 definition Lifecycle response.in_progress',
      'web/schemas.mts:9 definition Lifecycle response.incomplete',
      'web/sse.mts:3 emitter frame response.in_progress',
      'web/sse.mts:4 emitter frame response.failed',
      'web/sse.mts:9 handler isQueued response.queued',
      'web/types.mts:1 definition SdkCreated response.created',
      'web/types.mts:4 definition CreatedEvent response.created',
      'web/types.mts:9 definition TextEvents response.output_text.delta',
      'web/types.mts:10 definition TextEvents response.output_text.done',
      'web/types.mts:12 definition MyCreated response.created via SdkCreated',
      'web/types.mts:16 definition Failed response.failed',
      'web/types.mts:19 definition QueuedEvent response.queued',
    ]);
  });

  it('reads request models with declared type, optionality, default and values', async () => {
    const { facts } = await run();
    const params = facts
      .filter((f) => f.kind === 'param')
      .map((f) => [f.file, f.symbol, f.field, f.declaredType, f.optional, f.default ?? null, f.values ?? null]);
    expect(params).toEqual([
      ['server/api.py', 'NewResponseBody', 'model', 'str', false, null, null],
      ['server/api.py', 'NewResponseBody', 'previous_response_id', 'Optional[str]', true, 'None', null],
      ['server/api.py', 'NewResponseBody', 'max_output_tokens', 'Optional[int]', true, '256', null],
      ['server/api.py', 'NewResponseBody', 'truncation', 'Literal["auto", "disabled"]', true, '"disabled"', ['auto', 'disabled']],
      // TypedDicts: `Required[…]` and `NotRequired[…]` say it; else `total=False` makes a class's own keys optional.
      ['server/sdk/types/create_params.py', 'CreateParamsBase', 'model', 'Required[str]', false, null, null],
      ['server/sdk/types/create_params.py', 'CreateParamsBase', 'input', 'Union[str, list]', true, null, null],
      ['server/sdk/types/create_params.py', 'CreateParamsBase', 'previous_response_id', 'Optional[str]', true, null, null],
      // Values from a string-literal alias another module declares, for a model a call sends.
      ['server/sdk/types/create_params.py', 'CreateParamsBase', 'truncation', 'Optional[Truncation]', true, null, ['auto', 'disabled']],
      ['server/sdk/types/create_params.py', 'DraftParams', 'model', 'str', false, null, null],
      ['server/sdk/types/create_params.py', 'DraftParams', 'input', 'str', false, null, null],
      ['server/sdk/types/create_params.py', 'DraftParams', 'max_output_tokens', 'NotRequired[int]', true, null, null],
      ['web/client.mts', 'StartParamsBase', 'model', 'string', false, null, null],
      ['web/client.mts', 'StartParamsBase', 'input', 'string', true, null, null],
      // Accepted values from an alias the file declares.
      ['web/client.mts', 'StartParamsBase', 'include', 'Array<Includable> | null', true, null, ['file.results', 'image.url']],
      // Fields the spec does not know, in types the file's own client calls send: request models still.
      // Their variants (`StartParamsStreaming`) and a type no call sends (`NotSent`) are not.
      ['web/client.mts', 'RenameParams', 'notify', 'boolean', true, null, null],
      ['web/client.mts', 'RenameParams', 'title', 'string', false, null, null],
      // Values from an alias another module declares, found through the import.
      ['web/client.mts', 'ListQuery', 'order', 'SortOrder', true, null, ['asc', 'desc']],
      ['web/client.mts', 'RemoveItemParams', 'response_id', 'string', false, null, null],
      ['web/schemas.mts', 'CreateBody', 'model', 'z.string()', false, null, null],
      ['web/schemas.mts', 'CreateBody', 'previous_response_id', 'z.string().optional()', true, null, null],
      ['web/schemas.mts', 'CreateBody', 'max_output_tokens', 'z.number().int().default(512)', true, '512', null],
      ['web/schemas.mts', 'CreateBody', 'truncation', "z.enum(['auto', 'disabled']).optional()", true, null, ['auto', 'disabled']],
      // A class (a DTO): optional when `?`, `@IsOptional()` or initialized; static members are no fields.
      ['web/servers.mts', 'StartDto', 'model', 'string', false, null, null],
      ['web/servers.mts', 'StartDto', 'input', 'string', true, null, null],
      ['web/servers.mts', 'StartDto', 'truncation', "'auto' | 'disabled'", true, "'disabled'", ['auto', 'disabled']],
    ]);
  });

  it('reads route declarations with the router prefix and the body model', async () => {
    const { facts } = await run();
    const routes = facts
      .filter((f) => f.kind === 'route')
      .map(
        (f) =>
          `${f.file}:${f.line} ${f.method} ${f.path} ${f.symbol}${f.className ? ` body=${f.className}` : ''}${f.bases ? ` bases=${f.bases.join(',')}` : ''}`,
      );
    expect(routes).toEqual([
      'server/api.py:16 POST /v1/responses create body=NewResponseBody',
      'server/api.py:21 GET /v1/responses/{response_id} fetch',
      // Python client calls: an SDK's private verbs, httpx with a full URL or a path assigned first.
      'server/client.py:13 POST /responses create body=NewResponseBody',
      'server/client.py:16 GET /responses/{response_id} retrieve',
      'server/client.py:19 GET /responses/{response_id}/input_items list_items body=ItemListParams',
      'server/client.py:31 POST /v1/responses/{response_id}/cancel cancel',
      'server/client.py:35 POST /v1/responses send body=NewResponseBody',
      'server/client.py:39 POST /v1/responses start',
      // An SDK call the spec's examples make, in each language.
      'server/client.py:51 POST /v1/responses ask',
      'server/client.py:70 POST /v1/responses ask_built',
      'server/client.py:75 POST /v1/responses ask_dict',
      'server/client.py:81 POST /v1/responses ask_more',
      // A path template filled by a helper, or by `.format()`.
      'server/client.py:87 DELETE /conversations/{conversation_id} delete',
      'server/client.py:90 GET /conversations/{conversation_id} retrieve',
      // Routes registered by calls, named by their handler; a client's call names no function.
      'server/registered.py:24 POST /v1/responses create body=NewResponseBody',
      'server/registered.py:25 GET /v1/responses/<string:response_id> fetch',
      'server/registered.py:26 POST /v1/responses/{response_id}/cancel cancel',
      'server/registered.py:27 DELETE /v1/responses/{response_id} delete_response',
      'server/registered.py:28 GET /v1/responses/{response_id}/input_items fetch',
      'server/registered.py:29 POST /v1/responses/{response_id}/cancel cancel',
      'server/registered.py:33 POST /v1/responses <module>',
      'server/registered.py:38 DELETE /v1/responses/{response_id} remove',
      'server/registered.py:44 GET /v1/responses/<string:rid>/input_items items',
      // Litestar: bare method decorators, the controller's `path` leading.
      'server/registered.py:53 POST /v1/responses start body=NewResponseBody',
      'server/registered.py:57 GET /v1/responses/{response_id:str} read',
      'server/registered.py:62 DELETE /v1/responses/{response_id:str} drop',
      'server/registered.py:71 POST /v1/responses/<response_id>/cancel cancel_one',
      // Starlette: a route written inside mounts takes their paths.
      'server/registered.py:77 GET /v1/responses/{response_id}/input_items fetch',
      // A router mounted by another module, inside a router mounted in turn: both prefixes lead.
      'server/routers/items.py:6 GET /v1/responses/{response_id}/input_items list_items',
      'server/sdk/resources.py:6 POST /v1/responses create body=create_params.CreateParamsStreaming',
      'server/sdk/resources.py:16 POST /v1/responses draft body=create_params.CreateParamsStreaming',
      'web/app/v1/responses/[id]/route.mts:1 GET /v1/responses/{id} GET',
      'web/app/v1/responses/[id]/route.mts:5 DELETE /v1/responses/{id} DELETE',
      // Client calls: named by the method that makes them, the body (or query) typed by its
      // parameter, a union of one base's variants read as the base, templates as path parameters.
      'web/client.mts:35 POST /responses create body=StartParamsBase',
      'web/client.mts:39 GET /responses/{responseId} retrieve',
      'web/client.mts:44 POST /responses/{responseId}/title rename body=RenameParams',
      'web/client.mts:48 GET /responses list body=ListQuery bases=web/client-types.mts#PageParams',
      'web/client.mts:54 DELETE /responses/{response_id}/items/{itemId} removeItem body=RemoveItemParams',
      'web/client.mts:68 DELETE /v1/responses/{id} remove',
      'web/client.mts:71 POST /v1/responses send body=StartParamsBase',
      'web/client.mts:79 POST /v1/responses generate body=StartParamsBase',
      'web/client.mts:83 POST /v1/responses/{id}/cancel stop',
      'web/client.mts:87 POST /v1/responses start',
      'web/client.mts:98 GET /v1/responses/{id} fetchOne',
      'web/client.mts:127 POST /v1/responses ask',
      'web/client.mts:150 POST /v1/responses fetch',
      'web/client.mts:156 POST /v1/responses again',
      // Express: declared on a router that another module mounts under a prefix, behind a middleware.
      'web/mounted/items.mts:7 GET /v1/responses/:response_id/input_items listItems',
      'web/routes.mts:4 POST /v1/responses createResponse',
      'web/routes.mts:5 GET /v1/responses/:id app',
      // NestJS (the controller's prefix and the method's path joined; a method with no route
      // decorator is none), Hono's `on` with an HTTP method (an emitter's `on` is not), Fastify's
      // route object named by its handler.
      'web/servers.mts:22 POST /v1/responses start body=StartDto',
      'web/servers.mts:27 GET /v1/responses/:id fetchOne',
      'web/servers.mts:38 POST /v1/responses/:id/cancel app',
      'web/servers.mts:41 DELETE /v1/responses/:id removeResponse',
      // Chains: Express's `route(path).get(a).delete(b)`, and Hono's routes one after another.
      'web/servers.mts:53 GET /v1/responses/:response_id getResponse',
      'web/servers.mts:53 DELETE /v1/responses/:response_id deleteResponse',
      'web/servers.mts:59 GET /v1/responses/:id/input_items fetchItems',
      'web/servers.mts:59 POST /v1/responses/:id/cancel cancelResponse',
    ]);
  });

  it('reads a call that chooses its request model (`A if stream else B`) as sending what the models share', async () => {
    const { facts } = await run();
    const chosen = facts
      .filter((f) => f.kind === 'route' && f.variants)
      .map(
        (f) => `${f.symbol}: ${f.variants!.join(' or ')} → ${f.target ?? 'no body model'}${f.bases ? ` bases=${f.bases.join(',')}` : ''}`,
      );
    expect(chosen).toEqual([
      // Through `from .types import create_params`: a package's submodule, though its `__init__.py` binds names of its own.
      'create: create_params.CreateParamsStreaming or create_params.CreateParamsNonStreaming → server/sdk/types/create_params.py#CreateParamsBase',
      // Nothing shared: neither variant's fields can be said to be the endpoint's.
      'draft: create_params.CreateParamsStreaming or create_params.DraftParams → no body model',
    ]);
  });

  it('reads where each NestJS handler parameter comes from, and the path parameters of Hono, Fastify and chained routes', async () => {
    const { facts } = await run();
    const params = facts
      .filter((f) => f.kind === 'route' && f.file === 'web/servers.mts')
      .map((f) => `${f.line} ${f.symbol}: ${(f.params ?? []).map((p) => `${p.in} ${p.name}${p.optional ? '?' : ''}`).join(', ')}`);
    expect(params).toEqual([
      '22 start: ',
      '27 fetchOne: path id, query include?',
      '38 app: path id',
      '41 removeResponse: path id',
      '53 getResponse: path response_id',
      '53 deleteResponse: path response_id',
      '59 fetchItems: path id',
      '59 cancelResponse: path id',
    ]);
  });

  it('reads the parameters of a registered or Flask route from its handler where the framework does, else from its path', async () => {
    const { facts } = await run();
    const params = facts
      .filter((f) => f.kind === 'route' && f.file === 'server/registered.py')
      .map((f) => `${f.line} ${f.symbol}: ${(f.params ?? []).map((p) => `${p.in} ${p.name}`).join(', ')}`);
    expect(params).toEqual([
      // FastAPI reads the signature: the body model is the class, the plain scalar a query parameter.
      '24 create: query stream',
      // Flask, Starlette and aiohttp: the handlers' signatures are not the parameters (a request
      // is passed), the path's own are.
      '25 fetch: path response_id',
      '26 cancel: path response_id',
      '27 delete_response: path response_id',
      '28 fetch: path response_id',
      '29 cancel: path response_id',
      '33 <module>: ',
      '38 remove: path response_id',
      // A decorator route's signature: Flask's `<string:rid>` is a path parameter.
      '44 items: path rid, query limit',
      '53 start: ',
      '57 read: path response_id',
      '62 drop: path response_id',
      '71 cancel_one: path response_id',
      '77 fetch: path response_id',
    ]);
  });

  it('reads the parameters a client call names: its path template and the keys it sends', async () => {
    const { facts } = await run();
    const params = facts
      .filter((f) => f.kind === 'route' && /client\.(py|mts)$/.test(f.file) && f.params)
      .map((f) => `${f.file}:${f.line} ${f.symbol}: ${f.params!.map((p) => `${p.in} ${p.name}@${p.line}`).join(', ')}`);
    expect(params).toEqual([
      'server/client.py:16 retrieve: path response_id@16',
      // The query a transform builds inside the request options.
      'server/client.py:19 list_items: path response_id@19, query after@21',
      'server/client.py:31 cancel: path response_id@31',
      // A `**extra` spread adds nothing that can be read.
      'server/client.py:39 start: body model@42, body input@43',
      // The SDK's own keywords (`extra_body`) are not the API's.
      'server/client.py:51 ask: body model@52, body input@53',
      // A request built first and spread into the call (`**request`), a dict literal or `dict(…)`.
      'server/client.py:70 ask_built: body model@66, body input@67',
      'server/client.py:75 ask_dict: body model@74, body previous_response_id@74',
      // A dict built first, spread into the one sent (`**{**base, …}`).
      'server/client.py:81 ask_more: body model@80, body input@80, body previous_response_id@81',
      'server/client.py:87 delete: path conversation_id@87',
      'server/client.py:90 retrieve: path conversation_id@90',
      'web/client.mts:39 retrieve: path responseId@39',
      'web/client.mts:44 rename: path responseId@44',
      'web/client.mts:54 removeItem: path response_id@54, path itemId@54',
      'web/client.mts:68 remove: path id@68',
      'web/client.mts:83 stop: path id@83',
      // `JSON.stringify({ … })` as the body: its keys, quoted or not.
      'web/client.mts:87 start: body model@90, body max_output_tokens@92',
      'web/client.mts:98 fetchOne: path id@98',
      'web/client.mts:127 ask: body model@128, body input@129',
      // A request built first (a `const`), with the SDK's own request options after it.
      'web/client.mts:150 fetch: body model@146, body input@147, body stream@148',
      // A `const` spread into what is sent: its keys are sent too.
      'web/client.mts:156 again: body model@155, body input@155, body stream@156',
    ]);
  });

  it('warns with a position for files that do not parse and a glob that matches nothing, and goes on', async () => {
    const { warnings, files } = await analyzeWorkspace({
      root: ROOT,
      lanes: [...LANES, { name: 'none', include: ['nothing/**/*.py'], exclude: [], language: 'python' }],
      model: fixtureModel,
      unknownLiteralPatterns: PATTERNS,
    });
    expect(warnings.map((w) => `${w.file}:${w.line}:${w.column}`)).toEqual([
      'server/broken.py:5:12',
      'specmap.config.json:1:1',
      'traces/agent.ndjson:2:1',
      'web/broken.mts:3:1',
    ]);
    expect(warnings[1]!.message).toContain('"nothing/**/*.py"');
    expect(files.none).toEqual([]);
    expect(files.golden).toEqual(['traces/agent.ndjson', 'traces/run.sse']);
  });

  it('takes the model as a promise still being built, with the same result', async () => {
    const direct = await run();
    let resolveModel!: (m: typeof fixtureModel) => void;
    const pending = new Promise<typeof fixtureModel>((r) => {
      resolveModel = r;
    });
    const analysis = analyzeWorkspace({ root: ROOT, lanes: LANES, model: pending, unknownLiteralPatterns: PATTERNS });
    // The lanes are listed and the parsers loaded meanwhile; nothing is decided before the model is there.
    await new Promise((r) => setTimeout(r, 50));
    resolveModel(fixtureModel);
    expect(await analysis).toEqual(direct);
  });

  it('reports the model’s failure, not the listing’s, when both fail', async () => {
    const missing = join(ROOT, 'missing-folder');
    // With the model at hand, the missing workspace is the error.
    await expect(analyzeWorkspace({ root: missing, lanes: LANES, model: fixtureModel })).rejects.toThrow(/ENOENT/);
    // With a model that cannot be built, that failure is the one reported.
    const modelError = new Error('the sources do not parse');
    await expect(analyzeWorkspace({ root: missing, lanes: LANES, model: Promise.reject(modelError) })).rejects.toBe(modelError);
  });

  const tmp: string[] = [];
  afterAll(async () => Promise.all(tmp.map((d) => rm(d, { recursive: true, force: true }))));

  it('answers a warm run from the cache and re-parses only a changed file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'specmap-analyzer-'));
    tmp.push(dir);
    const root = join(dir, 'ws');
    await cp(ROOT, root, { recursive: true });
    const cacheDir = join(dir, 'cache');
    const cold = await run(root, cacheDir);
    expect(cold.stats.cached).toBe(0);
    const warm = await run(root, cacheDir);
    expect(warm.stats.parsed).toBe(0);
    expect(warm.facts).toEqual(cold.facts);
    await writeFile(join(root, 'server/handlers.py'), 'def h(event):\n    return event.type == "response.queued"\n');
    const changed = await run(root, cacheDir);
    expect(changed.stats.parsed).toBe(1);
    expect(changed.facts.filter((f) => f.file === 'server/handlers.py').map(show)).toEqual([
      'server/handlers.py:2 handler h response.queued',
    ]);

    // A file that uses a class from a module that does not exist holds nothing, until the module defines that class.
    await writeFile(join(root, 'server/uses.py'), 'from .thing import Thing\n\n\ndef make():\n    return Thing(sequence_number=1)\n');
    const before = await run(root, cacheDir);
    expect(before.facts.filter((f) => f.file === 'server/uses.py')).toEqual([]);
    expect((await run(root, cacheDir)).stats.parsed).toBe(0);
    await writeFile(
      join(root, 'server/thing.py'),
      'from typing import Literal\n\n\nclass Thing:\n    type: Literal["response.refusal.delta"]\n',
    );
    const after = await run(root, cacheDir);
    expect(after.facts.filter((f) => f.file === 'server/uses.py').map(show)).toEqual([
      'server/uses.py:5 emitter make response.refusal.delta via Thing',
    ]);
  });
});
