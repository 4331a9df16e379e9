/**
 * Calls of an endpoint that name it less directly: a wrapper given the HTTP method and then the
 * path (`client.request("POST", "/responses", json=…)`, `apiRequest.call(this, 'POST', '/responses',
 * { body })`), an SDK method fetched by name (`parse = getattr(client.responses, "parse", None)`),
 * a request whose keys a loop writes from a list of names (`for option in ("top_p", …)`), and a
 * plain server's dispatch on its request's method and path.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeFiles, removeAnalyzedFiles } from './analyze-files.js';
import { fixtureModel, LANES } from './fixture-model.js';

afterAll(removeAnalyzedFiles);

async function routes(files: Record<string, string>): Promise<string[]> {
  const { facts } = await analyzeFiles(files);
  return facts
    .filter((f) => f.kind === 'route')
    .map((f) => `${f.file}:${f.line} ${f.method} ${f.path} [${(f.params ?? []).map((p) => `${p.name}@${p.line}`)}] (${f.evidence})`);
}

describe('a wrapper given the method, then the path', () => {
  it('Python and TypeScript: the call is the endpoint’s, with what its body holds', async () => {
    expect(
      await routes({
        'server/client.py': [
          'class Client:',
          '    def create(self, prompt):',
          '        payload = {"model": "m", "input": prompt}',
          '        return self._http.request("POST", "/v1/responses", json=payload)',
          '    def label(self, request):',
          '        return self.requests.get("name")',
          '',
        ].join('\n'),
        'web/transport.mts': [
          'export async function run(ctx: unknown, input: string) {',
          "  const body = { model: 'm', input };",
          "  return apiRequest.call(ctx, 'POST', '/v1/responses', { body });",
          '}',
          "export const note = (r: unknown) => requestLog('POST', r);",
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'server/client.py:4 POST /v1/responses [model@3,input@3] (self._http.request() call)',
      'web/transport.mts:3 POST /v1/responses [model@2,input@2] (apiRequest() call)',
    ]);
  });
});

describe('Python: a URL held in a name', () => {
  it('reads a module constant, a choice between two URLs of one path (not two paths), a default after `or`, and httpx’s stream', async () => {
    expect(
      await routes({
        'server/script.py': [
          'import requests',
          'API_URL = "http://localhost:8000/v1/responses"',
          'SERVER = "http://a:1/v1/responses" if LOCAL else "http://b:2/v1/responses"',
          'MIXED = "http://a:1/v1/responses" if LOCAL else "http://a:1/v1/conversations"',
          'def ask(text):',
          '    return requests.post(API_URL, json={"input": text, "store": False})',
          'def stream(text, fast):',
          '    url = ("http://a:1/v1/responses" if fast',
          '           else "http://b:2/v1/responses")',
          '    requests.post(SERVER, json={"input": text})',
          '    requests.post(MIXED, json={"input": text})',
          '    return requests.post(url, json={"stream": True})',
          'def lookup(options, key):',
          '    return options.get(API_KEY)',
          'async def streamed(cfg, client):',
          '    endpoint = cfg.url or API_URL',
          '    async with client.stream("POST", endpoint, json={"stream": True}) as r:',
          '        return r',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'server/script.py:6 POST /v1/responses [input@6,store@6] (requests.post() call)',
      'server/script.py:10 POST /v1/responses [input@10] (requests.post() call)',
      'server/script.py:12 POST /v1/responses [stream@12] (requests.post() call)',
      'server/script.py:17 POST /v1/responses [stream@17] (client.stream() call)',
    ]);
  });
});

describe('Python: a URL handed in as a parameter', () => {
  it('reads the path a function of the module or a method of the class returns, whole or at its place in a tuple', async () => {
    expect(
      await routes({
        'server/upstream.py': [
          'BASE = "https://api.openai.com/v1"',
          'def build():',
          '    return f"{BASE}/responses", {"Authorization": "k"}, False',
          'def endpoint(local):',
          '    if local:',
          '        return "http://localhost:8000/v1/responses"',
          '    return "https://api.openai.com/v1/responses"',
          'def either(fast):',
          '    return "/v1/responses" if fast else "/v1/conversations"',
          'class Upstream:',
          '    def _url(self):',
          '        return "https://api.openai.com/v1/conversations"',
          '    async def send(self, client, text):',
          '        url, headers, _ = build()',
          '        payload = {"input": text}',
          '        payload["truncation"] = "auto"',
          '        await client.post(url, json=payload, headers=headers)',
          '        await client.post(endpoint(True), json={"model": "m", "input": "x"})',
          '        await client.post(self._url(), json={"metadata": {}})',
          '        await client.post(either(True), json={"model": "m"})',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      // A base URL before the path is left to the spec's prefixes, as for any `f"{base}/responses"`.
      'server/upstream.py:17 POST /responses [input@15,truncation@16] (client.post() call)',
      'server/upstream.py:18 POST /v1/responses [model@18,input@18] (client.post() call)',
      'server/upstream.py:19 POST /v1/conversations [metadata@19] (client.post() call)',
    ]);
  });

  it('reads the path the module’s calls give it, when they all give the same one', async () => {
    expect(
      await routes({
        'server/helpers.py': [
          'import httpx',
          'def send(url, payload):',
          '    return httpx.post(url, json=payload)',
          'def either(url):',
          '    return httpx.post(url, json={})',
          'def go():',
          '    either("https://api.example.test/v1/responses")',
          '    either("https://api.example.test/v1/conversations")',
          '    return send(url="https://api.example.test/v1/responses", payload={"model": "m"})',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'server/helpers.py:3 POST /v1/responses [model@9] (httpx.post() call)',
      // Given two paths, the wrapper's own call is neither endpoint's; each call of it is its path's.
      'server/helpers.py:7 POST /v1/responses [] (either() call, sent by either)',
      'server/helpers.py:8 POST /v1/conversations [] (either() call, sent by either)',
      // A call that gives the URL by keyword is the endpoint's too.
      'server/helpers.py:9 POST /v1/responses [model@9] (send() call, sent by send)',
    ]);
  });

  it('reads the standard library’s request, its body encoded from the dict the callers build', async () => {
    expect(
      await routes({
        'server/transport.py': [
          'import json, urllib.request',
          'from urllib.request import Request',
          'def post_json(url, payload):',
          '    data = json.dumps(payload).encode("utf-8")',
          '    req = urllib.request.Request(url, data=data, method="POST")',
          '    return urllib.request.urlopen(req)',
          'def fetch(url):',
          '    return urllib.request.urlopen(urllib.request.Request(url))',
          'def create(base, prompt):',
          '    body = {"model": "m", "input": prompt}',
          '    fetch(f"{base}/v1/responses/abc")',
          '    return post_json(f"{base}/v1/responses", body)',
          'def page(scope):',
          '    return Request(scope)',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'server/transport.py:5 POST /v1/responses [model@10,input@10] (urllib.request.Request() call)',
      'server/transport.py:8 GET /v1/responses/abc [] (urllib.request.Request() call)',
      // A wrapper is a call of the endpoint where it is called, too.
      'server/transport.py:11 GET /v1/responses/abc [] (fetch() call, sent by fetch)',
      'server/transport.py:12 POST /v1/responses [] (post_json() call)',
    ]);
  });

  it('reads a call of another module’s function that sends to the URL it is given, with the keys of what it is handed', async () => {
    expect(
      await routes({
        'server/__init__.py': '',
        'server/transport.py': [
          'import json, urllib.request',
          'def send(url, headers, payload, *, timeout=10):',
          '    req = urllib.request.Request(url, data=json.dumps(payload).encode(), method="POST")',
          '    return urllib.request.urlopen(req, timeout=timeout)',
          'def label(path, value):',
          '    return f"{path}: {value}"',
          '',
        ].join('\n'),
        'server/client.py': [
          'from .transport import send, label',
          'from . import transport',
          'class Provider:',
          '    def create(self, model, prompt):',
          '        url = f"{self.base_url}/v1/responses"',
          '        payload = {"model": model, "input": prompt}',
          '        payload["truncation"] = "auto"',
          '        label(url, payload)',
          '        return send(url, {}, payload, timeout=5)',
          '    def cancel(self, rid):',
          '        return transport.send(f"{self.base_url}/v1/responses/{rid}/cancel", {}, {})',
          '    def by_name(self, model):',
          '        return send(headers={}, url=f"{self.base_url}/v1/responses", payload={"model": model, "truncation": "auto"})',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'server/client.py:9 POST /v1/responses [model@6,input@6,truncation@7] (send() call, sent by send)',
      'server/client.py:11 POST /v1/responses/{rid}/cancel [] (transport.send() call, sent by send)',
      // The URL given by keyword, whatever its place.
      'server/client.py:13 POST /v1/responses [model@13,truncation@13] (send() call, sent by send)',
    ]);
  });
});

describe('TypeScript: a URL handed in as a parameter', () => {
  it('reads the path the file’s calls give it, alone or as the start of a template', async () => {
    expect(
      await routes({
        'web/poll.mts': [
          'async function cancel(responseId: string, url: string) {',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template, analyzed
          "  return fetchWithCache(`${url}/${encodeURIComponent(responseId)}/cancel`, { method: 'POST', headers: {} });",
          '}',
          'async function create(url: string, body: unknown) {',
          "  return fetchWithCache(url, { method: 'POST', body: JSON.stringify(body) });",
          '}',
          'export async function run(base: string, id: string) {',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template, analyzed
          '  const url = `${base}/v1/responses`;',
          '  await create(url, {});',
          '  return cancel(id, url);',
          '}',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'web/poll.mts:2 POST /v1/responses/{responseId}/cancel [responseId@2] (fetchWithCache() call)',
      'web/poll.mts:5 POST /v1/responses [] (fetchWithCache() call)',
    ]);
  });
});

describe('Python: an SDK method fetched by name, and keys written from a list of names', () => {
  it('reads `getattr(client.responses, "parse")` as that method, and each name a loop writes', async () => {
    expect(
      await routes({
        'server/model.py': [
          '_OPTIONS = ("truncation", "max_output_tokens")',
          'class Model:',
          '    def _kwargs(self, prompt):',
          '        kwargs = {"model": self.name}',
          '        for option in ("previous_response_id",):',
          '            kwargs[option] = getattr(prompt, option)',
          '        for option in _OPTIONS:',
          '            kwargs[option] = getattr(prompt, option)',
          '        return kwargs',
          '    def run(self, prompt):',
          '        parse = getattr(self.client.responses, "parse", None)',
          '        return parse(input=prompt, **self._kwargs(prompt))',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'server/model.py:12 POST /v1/responses [input@12,model@4,previous_response_id@5,truncation@1,max_output_tokens@1] (SDK call responses.parse())',
    ]);
  });
});

describe('Python: an SDK resource held in a name, and an SDK method handed on to be called', () => {
  it('reads the call through the name, and the arguments the method is handed with', async () => {
    expect(
      await routes({
        'server/held.py': [
          'import asyncio, functools',
          'class Provider:',
          '    def __init__(self, client):',
          '        self._responses = client.responses',
          '    async def send(self, client, prompt):',
          '        params = {"model": "m", "input": prompt}',
          '        responses = getattr(client, "responses", None)',
          '        return await responses.create(**params)',
          '    def again(self, prompt):',
          '        return self._responses.create(model="m", store=False)',
          '    async def later(self, client, kwargs):',
          '        kwargs = {"model": "m", "truncation": "auto"}',
          '        return await asyncio.to_thread(client.responses.create, **kwargs)',
          '    def bound(self, client, loop):',
          '        call = functools.partial(client.responses.create, model="m", stream=True)',
          '        return loop.run_in_executor(None, client.responses.create)',
          '    def other(self, store):',
          '        items = store.items',
          '        return items.create(name="x"), self.cache.create(key="y")',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'server/held.py:8 POST /v1/responses [model@6,input@6] (SDK call responses.create())',
      'server/held.py:10 POST /v1/responses [model@10,store@10] (SDK call responses.create())',
      'server/held.py:13 POST /v1/responses [model@12,truncation@12] (SDK call responses.create())',
      'server/held.py:15 POST /v1/responses [model@15,stream@15] (SDK call responses.create())',
      'server/held.py:16 POST /v1/responses [] (SDK call responses.create())',
    ]);
  });
});

describe('Python: an SDK method held in a name, and TypeScript: a body handed to a wrapper after the path', () => {
  it('reads the call through the name (a cast too), and the body a method-first wrapper is given', async () => {
    expect(
      await routes({
        'server/held_method.py': [
          'from typing import cast',
          'async def go(client, q):',
          '    kwargs = {"model": "m", "input": q}',
          '    create = cast(object, client.responses.create)',
          '    return await create(**kwargs)',
          'def again(client, q):',
          '    create = client.responses.create',
          '    return create(model="m", store=False)',
          'def other(store):',
          '    create = store.items.create',
          '    return create(name="x")',
          '',
        ].join('\n'),
        'web/provider.mts': [
          'export class Provider {',
          '  async complete(input: string) {',
          "    const body: Record<string, unknown> = { model: 'm', input };",
          '    body.max_output_tokens = 100;',
          "    return this.request('POST', '/v1/responses', body);",
          '  }',
          '  request(method: string, path: string, body: unknown) {',
          '    return fetch(path, { method, body: JSON.stringify(body) });',
          '  }',
          '}',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'server/held_method.py:5 POST /v1/responses [model@3,input@3] (SDK call responses.create())',
      'server/held_method.py:8 POST /v1/responses [model@8,store@8] (SDK call responses.create())',
      'web/provider.mts:5 POST /v1/responses [model@3,input@3,max_output_tokens@4] (this.request() call)',
    ]);
  });
});

describe('TypeScript: a generated SDK’s call of its core', () => {
  it('reads the path from the options given after a context, through a path template made into a function', async () => {
    expect(
      await routes({
        'web/funcs.mts': [
          'declare function pathToFunc(p: string): (params?: Record<string, string>) => string;',
          'export async function responsesCreate(client: any, request: { model: string }) {',
          "  const path = pathToFunc('/v1/responses')();",
          "  const req = client._createRequest({}, { method: 'POST', path, body: JSON.stringify(request) });",
          '  return client._do(req);',
          '}',
          'export async function responsesGet(client: any, id: string) {',
          "  const path = pathToFunc('/v1/responses/{response_id}')({ response_id: id });",
          "  return client._createRequest({}, { method: 'GET', path: path });",
          '}',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'web/funcs.mts:4 POST /v1/responses [] (client._createRequest() call)',
      'web/funcs.mts:9 GET /v1/responses/{response_id} [response_id@9] (client._createRequest() call)',
    ]);
  });
});

describe('TypeScript: a plain server’s dispatch on method and path', () => {
  it('is a route where both are compared in one condition, and not where the path alone is', async () => {
    expect(
      await routes({
        'web/server.mts': [
          "const RESPONSES_PATH = '/v1/responses';",
          'export function serve(req: any, res: any) {',
          "  const url = new URL(req.url, 'http://x');",
          "  if (req.method === 'POST' && url.pathname === RESPONSES_PATH) return create(req, res);",
          "  if (url.pathname === '/v1/responses') return res.end();",
          '}',
          '',
        ].join('\n'),
      }),
    ).toEqual(['web/server.mts:4 POST /v1/responses [] (request dispatch on its method and path)']);
  });
});

describe('TypeScript: a plain server that turns away every other request first', () => {
  it('is the route the rest of the block serves, with the body that rest reads', async () => {
    expect(
      await routes({
        'web/worker.mts': [
          'export default {',
          '  async fetch(request: Request): Promise<Response> {',
          '    const path = new URL(request.url).pathname;',
          "    if (path !== '/v1/responses' || request.method !== 'POST') {",
          "      return new Response('not found', { status: 404 });",
          '    }',
          '    const body = (await request.json()) as Record<string, unknown>;',
          '    await relay(request, body.model);',
          '    const { input, ...others } = body;',
          '    return run(body.stream, input, others);',
          '  },',
          '};',
          // Handed the request, it parses an upstream event, not the request's body.
          'async function relay(request: Request, model: unknown) {',
          '  const event = JSON.parse(await upstream(model));',
          '  return event.text;',
          '}',
          '',
        ].join('\n'),
        'web/other.mts': [
          'export async function serve(request: Request) {',
          '  const path = new URL(request.url).pathname;',
          // Turned away by a throw; the second guard compares no method, so it is no route of its own.
          "  if (request.method !== 'GET' || path !== '/v1/conversations') throw new Error('no');",
          "  if (path !== '/v1/responses') return new Response('x');",
          "  return new Response('y');",
          '}',
          'export function nothing(request: Request) {',
          // Nothing after it serves the request.
          "  if (request.method !== 'DELETE' || new URL(request.url).pathname !== '/v1/responses/x') return;",
          '}',
          'export async function check(request: Request) {',
          // Not turned away: the `if` does not leave the function.
          "  if (new URL(request.url).pathname !== '/v1/responses' || request.method !== 'POST') log(request);",
          "  return new Response('z');",
          '}',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'web/other.mts:3 GET /v1/conversations [] (request dispatch on its method and path)',
      'web/worker.mts:4 POST /v1/responses [model@8,input@9,stream@10] (request dispatch on its method and path)',
    ]);
  });
});

describe('TypeScript: a plain server’s dispatch through copies, prefixes and patterns', () => {
  it('follows the path and the method into local names, and reads the body the block reads', async () => {
    expect(
      await routes({
        'web/plain.mts': [
          "import http from 'node:http';",
          'http.createServer(async (req, res) => {',
          "  const path = (req.url ?? '/').split('?')[0];",
          '  const { method } = req;',
          '  const body = JSON.parse(await readBody(req));',
          "  if (method === 'POST' && path.startsWith('/v1/responses')) {",
          '    const stream = body.stream === true;',
          '    return create(body.model, body.input, stream, res);',
          '  }',
          "  if (req.method === 'GET' && /^\\/v1\\/responses\\/([^/]+)$/.test(path)) return res.end();",
          "  if (req.method === 'DELETE' && path.match(/^\\/v1\\/responses\\/[\\w-]+$/)) return res.end();",
          '  // A prefix of several routes, and a path compared with no method: neither is a route.',
          "  if (req.method === 'POST' && path.startsWith('/v1/conversations/')) return res.end();",
          "  if (path.startsWith('/v1/conversations')) return res.end();",
          '  // A name that holds something else.',
          '  const target = pick(req);',
          "  if (method === 'POST' && target === '/v1/conversations') return res.end();",
          '});',
          'async function readBody(req: any): Promise<string> {',
          "  let text = '';",
          '  for await (const chunk of req) text += chunk;',
          '  return text;',
          '}',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'web/plain.mts:6 POST /v1/responses [stream@7,model@8,input@8] (request dispatch on its method and path)',
      'web/plain.mts:10 GET /v1/responses/{param1} [param1@10] (request dispatch on its method and path)',
      'web/plain.mts:11 DELETE /v1/responses/{param1} [param1@11] (request dispatch on its method and path)',
    ]);
  });
});

describe('TypeScript: a plain server’s dispatch on a suffix of the path', () => {
  it('is the route whose path ends so, with the body the block reads', async () => {
    expect(
      await routes({
        'web/suffix.mts': [
          'export default {',
          '  async fetch(request: Request): Promise<Response> {',
          '    const url = new URL(request.url);',
          "    if (request.method === 'POST' && url.pathname.endsWith('/responses')) {",
          '      const body = (await request.json()) as any;',
          '      return new Response(JSON.stringify({ model: body.model, store: body.store }));',
          '    }',
          "    if (request.method === 'POST' && url.pathname.endsWith('/')) return new Response('');",
          "    return new Response('', { status: 404 });",
          '  },',
          '};',
          '',
        ].join('\n'),
      }),
    ).toEqual(['web/suffix.mts:4 POST /responses [model@6,store@6] (request dispatch on its method and path)']);
  });
});

describe('TypeScript: a route table without a framework, and a request handed to another module', () => {
  it('reads a row or a key of a table as a route, with what its handler reads, here or where it is imported from', async () => {
    expect(
      await routes({
        'web/worker.mts': [
          "import { createResponse } from './handlers.mjs';",
          'const ROUTES: Array<[string, string, (req: Request) => Promise<Response>]> = [',
          "  ['GET', '/v1/models', (req) => list(req)],",
          "  ['POST', '/v1/responses', (req) => createResponse(req)],",
          '];',
          'const BY_KEY: Record<string, (request: Request) => Promise<Response>> = {',
          "  'POST /v1/conversations': createConversation,",
          "  'not a route': createConversation,",
          '};',
          'async function createConversation(request: Request): Promise<Response> {',
          '  const body = (await request.json()) as any;',
          '  return new Response(body.metadata);',
          '}',
          'export default {',
          '  async fetch(request: Request): Promise<Response> {',
          '    const url = new URL(request.url);',
          "    if (url.pathname === '/v1/responses/input_tokens' && request.method === 'POST') return createResponse(request);",
          "    return new Response('', { status: 404 });",
          '  },',
          '};',
          // A pair that is no row of a table.
          "const pair = ['POST', '/v1/responses', list];",
          '',
        ].join('\n'),
        'web/handlers.mts': [
          'export async function createResponse(request: Request): Promise<Response> {',
          '  const data = (await request.json()) as any;',
          '  return new Response(JSON.stringify({ model: data.model, input: data.input }));',
          '}',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'web/worker.mts:3 GET /v1/models [] (route table entry)',
      // Read in web/handlers.mts, at its line 3.
      'web/worker.mts:4 POST /v1/responses [model@3,input@3] (route table entry)',
      'web/worker.mts:7 POST /v1/conversations [metadata@12] (route table entry)',
      'web/worker.mts:17 POST /v1/responses/input_tokens [model@3,input@3] (request dispatch on its method and path)',
    ]);
  });
});

describe('TypeScript: a query string written into the URL, and a key asked for with `in`', () => {
  it('reads the keys a query string is made of, takes one glued to the last segment for a query, and reads `in` as a read', async () => {
    expect(
      await routes({
        'web/client.mts': [
          'declare function buildQuery(q: Record<string, unknown>): string;',
          'export async function items(base: string, id: string, o: { limit?: number; order?: string }) {',
          '  const qs = buildQuery({',
          '    limit: o.limit,',
          '    order: o.order,',
          '  });',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template, analyzed
          "  return fetch(`${base}/v1/responses/${id}/input_items${qs}`, { method: 'GET' });",
          '}',
          'export async function listed(base: string, id: string, after: string) {',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template, analyzed
          "  return fetch(`${base}/v1/conversations/${id}/items?${new URLSearchParams({ after })}`, { method: 'GET' });",
          '}',
          'export async function other(base: string, id: string, rest: string) {',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template, analyzed
          "  return fetch(`${base}/v1/responses/${id}${rest}`, { method: 'GET' });",
          '}',
          '',
        ].join('\n'),
        'web/server.mts': [
          "import express from 'express';",
          'const app = express();',
          "app.post('/v1/responses', (req, res) => {",
          "  if ('previous_response_id' in req.body) res.status(400);",
          '  res.json({});',
          '});',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'web/client.mts:7 GET /v1/responses/{id}/input_items [id@7,limit@4,order@5] (fetch() call)',
      'web/client.mts:10 GET /v1/conversations/{id}/items [id@10,after@10] (fetch() call)',
      // A name that says nothing of a query stays part of the path, which then matches no endpoint.
      'web/client.mts:13 GET /v1/responses/{id}{rest} [id@13] (fetch() call)',
      'web/server.mts:3 POST /v1/responses [previous_response_id@4] (app.post() call)',
    ]);
  });
});

describe('TypeScript: a route or a call described by one object, and a fetch-like wrapper', () => {
  it('reads its method and path, and what a call sends', async () => {
    expect(
      await routes({
        'web/routes.mts': [
          'export const CREATE = createRoute({',
          "  method: 'POST',",
          "  path: '/v1/responses',",
          '  handler: async (ctx: any) => ctx.json({}),',
          '});',
          'export async function viaAxios(input: string) {',
          "  return axios({ method: 'post', url: 'https://api.openai.com/v1/responses', data: { model: 'm', input } });",
          '}',
          'export class Resource {',
          '  create(input: string) {',
          "    const body = { model: 'm', input };",
          "    return this.request('/v1/responses', { method: 'POST', body });",
          '  }',
          '  note(input: string) {',
          "    return this.request('/v1/responses', { cache: true });",
          '  }',
          '}',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'web/routes.mts:1 POST /v1/responses [] (createRoute() call)',
      'web/routes.mts:7 POST /v1/responses [model@7,input@7] (axios() call)',
      'web/routes.mts:12 POST /v1/responses [model@11,input@11] (this.request() call)',
    ]);
  });

  it('reads the URL and the body an object names by shorthand (`{ url, method: "POST", body }`), each a `const` around the call', async () => {
    expect(
      await routes({
        'web/wrapper.mts': [
          "import { httpRequest } from './http.js';",
          'export async function complete(base: string, model: string) {',
          "  const body: Record<string, unknown> = { model, input: 'hi' };",
          '  body.max_output_tokens = 64;',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template, analyzed
          '  const url = `${base}/v1/responses`;',
          "  return httpRequest({ url, method: 'POST', headers: {}, body });",
          '}',
          'export async function remove(url: string) {',
          "  return httpRequest({ url, method: 'DELETE' });",
          '}',
          '',
        ].join('\n'),
      }),
    ).toEqual(['web/wrapper.mts:6 POST /v1/responses [model@3,input@3,max_output_tokens@4] (httpRequest() call)']);
  });

  it('reads a URL its callers give in an options object (`fetch(options.url, …)`, `fetch(endpoint, …)` of `{ endpoint }`), and the body they give beside it', async () => {
    expect(
      await routes({
        'web/http.mts': [
          'async function httpRequest(options: { url: string; body: unknown }) {',
          "  const res = await fetch(options.url, { method: 'POST', body: JSON.stringify(options.body) });",
          '  return res.json();',
          '}',
          'async function send({ endpoint, payload }: { endpoint: string; payload: unknown }) {',
          "  return fetch(endpoint, { method: 'POST', body: JSON.stringify(payload) });",
          '}',
          'export async function complete(base: string, model: string) {',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template, analyzed
          '  await send({ endpoint: `${base}/v1/responses`, payload: { model } });',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template, analyzed
          "  return httpRequest({ url: `${base}/v1/responses`, body: { model, input: 'hi' } });",
          '}',
          'export async function lookup(options: { url: string }, key: string) {',
          '  return cache.get(options.url, { method: key });',
          '}',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'web/http.mts:2 POST /v1/responses [model@10,input@10] (fetch() call)',
      'web/http.mts:6 POST /v1/responses [model@9] (fetch() call)',
    ]);
  });
});

describe('a client’s method named for the verb, given a path relative to its base URL', () => {
  it('TypeScript: reads `responses/input_tokens` as that path, and no route a server registers without a leading `/`', async () => {
    expect(
      await routes({
        'web/upstream.mts': [
          'export async function count(upstream: Upstream, body: unknown, signal: AbortSignal) {',
          "  await upstream.postJson('responses', { model: 'm', input: 'hi' });",
          "  return upstream.postJson('responses/input_tokens', body, 'key', signal);",
          '}',
          "router.post('responses', createResponse);",
          "router.get('health', (req, res) => res.json({}));",
          "cache.get('responses', fallback);",
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'web/upstream.mts:2 POST /responses [model@2,input@2] (upstream.postJson() call)',
      'web/upstream.mts:3 POST /responses/input_tokens [] (upstream.postJson() call)',
    ]);
  });

  it('Python: reads httpx’s `client.post("responses", json=…)` and `client.get(f"responses/{id}")`, and no dict’s `.get("responses")`', async () => {
    expect(
      await routes({
        'server/client.py': [
          'import httpx',
          'client = httpx.Client(base_url="https://api.example.test/v1")',
          'def create(model, text):',
          '    return client.post("responses", json={"model": model, "input": text})',
          'def fetch(response_id):',
          '    return client.get(f"responses/{response_id}")',
          'def pick(data):',
          '    return data.get("responses")',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'server/client.py:4 POST /responses [model@4,input@4] (client.post() call)',
      'server/client.py:6 GET /responses/{response_id} [response_id@6] (client.get() call)',
    ]);
  });
});

describe('Python: a path a module constant holds, joined into an f-string, and a body under a keyword of the project’s own', () => {
  it('reads `f"{BASE_URL}{CREATE_RESPONSE}"` as that path, a class member’s and a local name’s too, and `json_body=` as the body', async () => {
    expect(
      await routes({
        'server/resp.py': [
          'BASE_URL = "https://api.example.test"',
          'CREATE_RESPONSE = "/v1/responses"',
          'class RespClient:',
          '    async def send(self, prompt):',
          '        body = {"input": prompt}',
          '        body["model"] = "m"',
          '        return await self.http_client.post(f"{BASE_URL}{CREATE_RESPONSE}", json_body=body)',
          '    async def fetch(self, response_id):',
          '        return await self.http_client.get(f"{BASE_URL}{CREATE_RESPONSE}/{response_id}", query_params={"include": 1})',
          'class Endpoint(StrEnum):',
          '    CONVERSATIONS = "/v1/conversations"',
          'class ConvClient:',
          '    async def create(self, body):',
          '        endpoint = Endpoint.CONVERSATIONS',
          '        return await self.http_client.post(f"{BASE_URL}{endpoint}", json={"metadata": body})',
          '    async def again(self):',
          '        return await self.http_client.post(f"{BASE_URL}{Endpoint.CONVERSATIONS}", json={"items": []})',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'server/resp.py:7 POST /v1/responses [input@5,model@6] (self.http_client.post() call)',
      'server/resp.py:9 GET /v1/responses/{response_id} [response_id@9,include@9] (self.http_client.get() call)',
      'server/resp.py:15 POST /v1/conversations [metadata@15] (self.http_client.post() call)',
      'server/resp.py:17 POST /v1/conversations [items@17] (self.http_client.post() call)',
    ]);
  });
});

describe('TypeScript: a wrapper of `fetch` called as `fetch` is', () => {
  it('reads any call given a URL and options that write a method and a body, held in a `const` or spread', async () => {
    expect(
      await routes({
        'web/provider.mts': [
          "import { fetchWithCache } from './cache';",
          'export class Provider {',
          '  async prepare(prompt: string) {',
          "    const body = { model: 'm', input: prompt, trace_label: 'x' };",
          '    return { body, config: {} };',
          '  }',
          '  async call(prompt: string, signal: AbortSignal) {',
          '    const resolved = await this.prepare(prompt);',
          '    return this.send({ ...resolved, signal });',
          '  }',
          '  async send(prepared: { body: unknown; signal: AbortSignal }) {',
          '    const { body, signal } = prepared;',
          '    try {',
          "      const url = 'https://api.example.test/v1/responses';",
          "      const request = { method: 'POST', headers: {}, body: JSON.stringify(body) };",
          '      if (this.retry) return await fetchWithRetries(url, { ...request, signal }, 3);',
          "      return await fetchWithCache<string>(url, request, 1000, 'json');",
          '    } finally {',
          '      this.done = true;',
          '    }',
          '  }',
          '  async viaBase(body: unknown) {',
          "    await this.fetch(this._getEndpoint('v1/responses'), { method: 'POST', body: JSON.stringify({ input: body }) });",
          "    return fetch(new URL('v1/responses', this.base), { method: 'POST', headers: {} });",
          '  }',
          '  log(url: string) {',
          "    return record(url, { method: 'POST' });",
          '  }',
          '}',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'web/provider.mts:16 POST /v1/responses [model@4,input@4] (fetchWithRetries() call)',
      'web/provider.mts:17 POST /v1/responses [model@4,input@4] (fetchWithCache() call)',
      'web/provider.mts:23 POST /v1/responses [input@23] (this.fetch() call)',
      'web/provider.mts:24 POST /v1/responses [] (fetch() call)',
    ]);
  });

  it('reads a URL a function or method of the file returns, when each of its returns is one path, a default after `??`, and a URL joined with `+`', async () => {
    expect(
      await routes({
        'web/adapter.mts': [
          'export class Adapter {',
          '  buildUrl() {',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template, analyzed
          '    return `${this.base}/v1/responses`;',
          '  }',
          '  pick(fast: boolean) {',
          "    return fast ? this.base + '/v1/responses' : this.base + '/v1/conversations';",
          '  }',
          '  async send(input: string) {',
          "    await fetch(this.pick(true), { method: 'POST', body: JSON.stringify({ input }) });",
          "    return fetch(this.buildUrl(), { method: 'POST', body: JSON.stringify({ model: 'm', input }) });",
          '  }',
          '}',
          "const DEFAULT_ENDPOINT = 'https://api.example.test/v1/responses';",
          'export async function send(deps: { endpoint?: string; fetch?: typeof fetch }, input: string) {',
          '  const endpoint = deps.endpoint ?? DEFAULT_ENDPOINT;',
          '  const fetchImpl = deps.fetch ?? fetch;',
          "  return fetchImpl(endpoint, { method: 'POST', body: JSON.stringify({ input }) });",
          '}',
          'export async function joined(base: string, id: string) {',
          "  await fetch(base + '/v1/responses', { method: 'POST', body: JSON.stringify({ model: 'm', input: 'hi' }) });",
          "  return fetch(base + '/v1/responses/' + id, { method: 'DELETE' });",
          '}',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'web/adapter.mts:10 POST /v1/responses [model@10,input@10] (fetch() call)',
      // An injectable URL with a default: the default's path.
      'web/adapter.mts:17 POST /v1/responses [input@17] (fetchImpl() call)',
      // A URL joined with `+`, as the template it spells.
      'web/adapter.mts:20 POST /v1/responses [model@20,input@20] (fetch() call)',
      'web/adapter.mts:21 DELETE /v1/responses/{id} [id@21] (fetch() call)',
    ]);
  });
});

describe('a request built as the project’s own request model', () => {
  it('gives the keys its constructor is handed, splatted from a dict built before or by keyword, and none in a test', async () => {
    const found = await routes({
      'server/types.py': [
        'from pydantic import BaseModel',
        'class ResponsesParams(BaseModel):',
        '    model: str',
        '    input: str',
        '',
      ].join('\n'),
      'server/convert.py': [
        'from .types import ResponsesParams',
        'def to_responses(params, instructions):',
        '    result = {"model": params.model, "input": params.messages}',
        '    if instructions:',
        '        result["max_output_tokens"] = 5',
        '    return ResponsesParams(**result)',
        'def again(params):',
        '    return ResponsesParams.model_validate({"model": params.model, "colour": 1})',
        'def direct(text):',
        '    return ResponsesParams(model="m", input=text, colour=2)',
        '',
      ].join('\n'),
      'tests/test_convert.py': [
        'from server.types import ResponsesParams',
        'def test_build():',
        '    assert ResponsesParams(model="m", input="x").model == "m"',
        '',
      ].join('\n'),
    });
    expect(found.filter((r) => r.includes('builds a request'))).toEqual([
      'server/convert.py:6 undefined undefined [model@3,input@3,max_output_tokens@5] (builds a request typed ResponsesParams)',
      'server/convert.py:8 undefined undefined [model@8] (builds a request typed ResponsesParams)',
      'server/convert.py:10 undefined undefined [model@10,input@10] (builds a request typed ResponsesParams)',
    ]);
  });
});

describe('TypeScript: the Fetch API’s request object, sent later', () => {
  it('reads `new Request(url, init)` as the call `fetch(url, init)` would be: its method, path, body and query', async () => {
    expect(
      await routes({
        'web/requests.mts': [
          "const BASE = 'https://api.example.com/v1';",
          'export async function create(model: string) {',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template, analyzed
          '  const request = new Request(`${BASE}/responses`, {',
          "    method: 'POST',",
          '    body: JSON.stringify({ model, input: [] }),',
          '  });',
          '  return fetch(request);',
          '}',
          'export const retrieve = (id: string, after: string) =>',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template, analyzed
          '  fetch(new Request(`${BASE}/conversations/${id}/items?${new URLSearchParams({ after })}`));',
          'export function remove(id: string) {',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template, analyzed
          "  return new Request(`${BASE}/responses/${id}`, { method: 'DELETE' });",
          '}',
          // Not the Fetch API's: a class of the project's own that happens to be named so is still
          // read the same way, but one given no URL says nothing.
          'export const blank = () => new Request();',
          // A fetch the caller may replace, the global one by default.
          'export const injected = (o: { fetch?: typeof fetch }, id: string) =>',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template, analyzed
          "  (o.fetch ?? globalThis.fetch)(`${BASE}/responses/${id}/cancel`, { method: 'POST' });",
          '',
        ].join('\n'),
      }),
    ).toEqual([
      // The path the constant's URL starts; one fact per request: `fetch(request)` adds none.
      'web/requests.mts:3 POST /v1/responses [model@5,input@5] (new Request())',
      'web/requests.mts:10 GET /v1/conversations/{id}/items [id@10,after@10] (new Request())',
      'web/requests.mts:12 DELETE /v1/responses/{id} [id@12] (new Request())',
      'web/requests.mts:16 POST /v1/responses/{id}/cancel [id@16] (fetch() call)',
    ]);
  });
});

describe('TypeScript: a request described by the object a function returns, for a core to send', () => {
  it('reads its method, its URL (a template, a constant, a path joined to a base) and its body', async () => {
    expect(
      await routes({
        'web/configs.mts': [
          'type RequestConfig = { url: string; method: string; body?: unknown };',
          'declare function joinPath(base: string, path: string): string;',
          "const RESPONSES_PATH = '/v1/responses';",
          'export const remove = (base: string, id: string): RequestConfig => ({',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template, analyzed
          '  url: `${base}/v1/responses/${id}`,',
          "  method: 'DELETE',",
          '});',
          'export function create(base: string, model: string, input: string): RequestConfig {',
          '  const url = joinPath(base, RESPONSES_PATH);',
          "  return { url, method: 'POST', body: { model, input } };",
          '}',
          // A route described so has a handler: a server's, read as before.
          "export const route = () => ({ method: 'GET', path: '/v1/models', handler: list });",
          // An object with a method that names no path says nothing.
          "export const other = () => ({ method: 'POST', url: target });",
          'declare function buildQuery(q: object): string;',
          'export function items(base: string, id: string, after: string): RequestConfig {',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template, analyzed
          '  const path = `${RESPONSES_PATH}/${id}/input_items`;',
          '  const qs = buildQuery({ after });',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template, analyzed
          '  const url = `${joinPath(base, path)}${qs}`;',
          "  return { url, method: 'GET' };",
          '}',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'web/configs.mts:4 DELETE /v1/responses/{id} [id@4] (request described by the object returned)',
      'web/configs.mts:10 POST /v1/responses [model@10,input@10] (request described by the object returned)',
      'web/configs.mts:19 GET /v1/responses/{id}/input_items [id@19,after@17] (request described by the object returned)',
    ]);
  });
});

describe('Python: an SDK call’s path parameter given by keyword', () => {
  it('is where the keyword is written, on a line of its own or not; a positional one is at the call', async () => {
    // The fixture model with the SDK calls of two endpoints that have a path parameter.
    const items = 'endpoint:GET /v1/conversations/{conversation_id}/items';
    const cancel = 'endpoint:POST /v1/responses/{response_id}/cancel';
    const endpoint = (id: string, call: string) => {
      const [method, path] = id.slice('endpoint:'.length).split(' ') as ['GET' | 'POST', string];
      return { ...fixtureModel.endpoints[0]!, id, method, path, sdkCalls: [call] };
    };
    const param = (endpointId: string, name: string, where: 'path' | 'query') => ({
      ...fixtureModel.params[0]!,
      id: `param:${endpointId.slice('endpoint:'.length)}#${name}`,
      endpoint: endpointId,
      in: where,
      field: { ...fixtureModel.params[0]!.field, name },
    });
    const model = {
      ...fixtureModel,
      endpoints: [...fixtureModel.endpoints, endpoint(items, 'conversations.items.list'), endpoint(cancel, 'responses.cancel')],
      params: [
        ...fixtureModel.params,
        param(items, 'conversation_id', 'path'),
        param(items, 'limit', 'query'),
        param(cancel, 'response_id', 'path'),
      ],
    };
    const { facts } = await analyzeFiles(
      {
        'server/items.py': [
          'async def items(client, cid, rid):',
          '    listed = await client.conversations.items.list(',
          '        conversation_id=cid,',
          '        limit=5,',
          '    )',
          '    await client.responses.cancel(rid)',
          '    return await client.responses.cancel(',
          '        response_id=rid,',
          '    )',
          '',
        ].join('\n'),
      },
      LANES,
      model,
    );
    expect(
      facts
        .filter((f) => f.kind === 'route')
        .map((f) => `${f.line} ${f.path} [${(f.params ?? []).map((p) => `${p.in} ${p.name}@${p.line}`)}]`),
    ).toEqual([
      '2 /v1/conversations/{conversation_id}/items [path conversation_id@3,query limit@4]',
      '6 /v1/responses/{response_id}/cancel [path response_id@6]',
      '7 /v1/responses/{response_id}/cancel [path response_id@8]',
    ]);
  });
});

describe('TypeScript: a URL the class holds in a property', () => {
  it('reads the path the property is declared with or given in the constructor', async () => {
    expect(
      await routes({
        'web/adapter.mts': [
          "const DEFAULT_BASE_URL = 'https://api.example.com/v1';",
          'export class Adapter {',
          '  private readonly endpoint: string;',
          "  private readonly conversations = 'https://api.example.com/v1/conversations';",
          '  constructor(opts: { baseUrl?: string }) {',
          "    const baseUrl = (opts.baseUrl ?? DEFAULT_BASE_URL).replace(/\\/+$/, '');",
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template, analyzed
          '    this.endpoint = `${baseUrl}/responses`;',
          '  }',
          '  async call(model: string) {',
          "    await fetch(this.conversations, { method: 'POST', body: JSON.stringify({ items: [] }) });",
          "    return fetch(this.endpoint, { method: 'POST', body: JSON.stringify({ model, input: 'hi' }) });",
          '  }',
          '}',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'web/adapter.mts:10 POST /v1/conversations [items@10] (fetch() call)',
      'web/adapter.mts:11 POST /responses [model@11,input@11] (fetch() call)',
    ]);
  });
});
