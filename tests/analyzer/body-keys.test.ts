/**
 * A route handler that reads the raw request instead of a typed model: the body keys it reads are
 * the parameters it accepts (`const { model } = req.body`, `body = await request.json()` then
 * `body["model"]`, `body.get("stream")`). A handler with a body model is read through the model,
 * and a GET handler has no body.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeFiles, removeAnalyzedFiles } from './analyze-files.js';

afterAll(removeAnalyzedFiles);

/**
 * `file:line METHOD path body keys (line; file:line for one read in another module)` of every route;
 * `typescript`: the globs of a TypeScript lane of its own instead of the fixture's lanes.
 */
async function routes(files: Record<string, string>, typescript?: string[]): Promise<string[]> {
  const { facts } = await analyzeFiles(files, typescript && [{ name: 'ts', include: typescript, exclude: [], language: 'typescript' }]);
  return facts
    .filter((f) => f.kind === 'route')
    .map((f) => {
      const keys = (f.params ?? []).filter((p) => p.in === 'body').map((p) => `${p.name}@${p.file ? `${p.file}:` : ''}${p.line}`);
      return `${f.file}:${f.line} ${f.method} ${f.path}${f.className ? ` model=${f.className}` : ''} [${keys.join(' ')}]`;
    });
}

describe('route files', () => {
  it('SvelteKit: a `+server` file exports its routes, at the path of its folders, with the body keys they read', async () => {
    expect(
      await routes({
        'web/routes/(api)/v1/responses/+server.mts': [
          'export const POST = async ({ request }) => {',
          '  const { model, input } = await request.json();',
          '  return new Response(JSON.stringify({ model, input }));',
          '};',
          '',
        ].join('\n'),
        'web/routes/v1/responses/[response_id]/+server.mts':
          'export async function GET({ params }) {\n  return new Response(params.response_id);\n}\n',
        // A page's server load is no route.
        'web/routes/v1/+page.server.mts': 'export async function load() {\n  return {};\n}\n',
      }),
    ).toEqual([
      'web/routes/(api)/v1/responses/+server.mts:1 POST /v1/responses [model@2 input@2]',
      'web/routes/v1/responses/[response_id]/+server.mts:1 GET /v1/responses/{response_id} []',
    ]);
  });

  it('Nuxt: a server route file’s default export handles the method its name says, with the body keys it reads', async () => {
    expect(
      await routes({
        'web/server/routes/v1/responses.post.mts': [
          'export default defineEventHandler(async (event) => {',
          '  const body = await readBody(event);',
          '  return { model: body.model, stream: body.stream };',
          '});',
          '',
        ].join('\n'),
        'web/server/routes/v1/conversations/[conversation_id]/index.delete.mts': 'export default defineEventHandler(() => ({}));\n',
        // No method in its name: it handles them all, and which it serves is not written down.
        'web/server/routes/v1/conversations.mts': 'export default defineEventHandler(() => ({}));\n',
      }),
    ).toEqual([
      'web/server/routes/v1/conversations/[conversation_id]/index.delete.mts:1 DELETE /v1/conversations/{conversation_id} []',
      'web/server/routes/v1/responses.post.mts:1 POST /v1/responses [model@3 stream@3]',
    ]);
  });
});

describe('route files of one default handler', () => {
  it('Next.js pages router and Vercel functions: the methods the handler compares `req.method` with, at the path of the file', async () => {
    expect(
      await routes(
        {
          'web/pages/api/v1/responses.ts': [
            'export default async function handler(req, res) {',
            "  if (req.method !== 'POST') return res.status(405).end();",
            '  const { model, input } = req.body;',
            '  res.json({ model, input });',
            '}',
            '',
          ].join('\n'),
          'web/pages/api/v1/responses/[response_id].ts': [
            'async function one(req, res) {',
            '  switch (req.method) {',
            "    case 'GET':",
            '      return res.json({});',
            "    case 'DELETE':",
            '      return res.status(204).end();',
            '  }',
            '}',
            'export default withAuth(one);',
            '',
          ].join('\n'),
          'api/v1/conversations.js': [
            'module.exports = async (req, res) => {',
            "  if (req.method === 'POST') {",
            '    const items = req.body.items;',
            '    return res.json({ items });',
            '  }',
            // A callback's own request says nothing of the handler's methods.
            "  return upstream.on('request', (other) => other.method === 'DELETE');",
            '};',
            '',
          ].join('\n'),
          // No comparison of its method: which it serves is not written down.
          'web/pages/api/v1/models.ts': 'export default function handler(req, res) {\n  res.json([]);\n}\n',
          // An `api/` folder that is not at the root is a client's.
          'src/api/v1/responses.ts': "export default async function send(req, res) {\n  if (req.method === 'POST') return;\n}\n",
        },
        ['web/**/*.ts', 'api/**/*.js', 'src/**/*.ts'],
      ),
    ).toEqual([
      'api/v1/conversations.js:1 POST /api/v1/conversations [items@3]',
      'web/pages/api/v1/responses.ts:1 POST /api/v1/responses [model@3 input@3]',
      'web/pages/api/v1/responses/[response_id].ts:9 DELETE /api/v1/responses/{response_id} []',
      'web/pages/api/v1/responses/[response_id].ts:9 GET /api/v1/responses/{response_id} []',
    ]);
  });
});

describe('one place, several methods', () => {
  it('gives a route of each method a call or a handler serves at one place', async () => {
    expect(
      await routes({
        'web/hono.mts': "app.on(['GET', 'POST'], '/v1/responses', (c) => c.json({}));\n",
      }),
    ).toEqual(['web/hono.mts:1 GET /v1/responses []', 'web/hono.mts:1 POST /v1/responses []']);
  });
});

describe('body keys an untyped handler reads', () => {
  it('Python: from the JSON read whole, by subscript and by get(); not in a GET, not beside a model', async () => {
    expect(
      await routes({
        'server/proxy.py': [
          'import json',
          '',
          '@app.post("/v1/responses")',
          'async def create(request: Request):',
          '    body = await request.json()',
          '    other = {"input": 1}',
          '    return body["model"], body.get("stream", False), other["input"], body["model"]',
          '',
          '@app.post("/v1/conversations")',
          'async def start(req: Request):',
          '    payload = json.loads(await req.body())',
          '    return payload.get("metadata")',
          '',
          '@app.post("/v1/responses/{response_id}/cancel")',
          'async def cancel(response_id: str, request: Request):',
          '    data = await _read_request_body(request=request)',
          '    return data.get("reason")',
          '',
          '@app.route("/v1/responses/<response_id>/input_items", methods=["POST"])',
          'def flask_items(response_id):',
          '    data = request.get_json(force=True)',
          '    also = request.json',
          '    return data["after"], also.get("limit")',
          '',
          '@app.get("/v1/responses/{response_id}")',
          'async def fetch(response_id: str, request: Request):',
          '    body = await request.json()',
          '    return body["include"]',
          '',
          '@app.post("/v1/typed")',
          'async def typed(body: NewResponseBody, request: Request):',
          '    raw = await request.json()',
          '    return raw["model"]',
          '',
          '@app.post("/v1/conversations/{conversation_id}/items")',
          'async def add_items(conversation_id: str, request: Request):',
          '    data = await request.json()',
          '    data["conversation_id"] = conversation_id',
          '    return data["items"]',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'server/proxy.py:3 POST /v1/responses [model@7 stream@7]',
      'server/proxy.py:9 POST /v1/conversations [metadata@12]',
      // A helper named for what it reads, given the request.
      'server/proxy.py:14 POST /v1/responses/{response_id}/cancel [reason@17]',
      // Flask: the body as `request.get_json()` or `request.json`.
      'server/proxy.py:19 POST /v1/responses/<response_id>/input_items [after@23 limit@23]',
      'server/proxy.py:25 GET /v1/responses/{response_id} []',
      'server/proxy.py:30 POST /v1/typed model=NewResponseBody []',
      // A key the handler stores on the body is not one the client sent.
      'server/proxy.py:35 POST /v1/conversations/{conversation_id}/items [items@39]',
    ]);
  });

  it('Python: the query parameters a handler reads off its request (Starlette, Flask, Django), for any method', async () => {
    const { facts } = await analyzeFiles({
      'server/query.py': [
        'from fastapi import APIRouter, Query, Request',
        'router = APIRouter()',
        '',
        '@router.get("/v1/responses/{response_id}/input_items")',
        'async def items(response_id: str, raw_request: Request, limit: int = Query(20)):',
        '    order = raw_request.query_params.get("order") or "desc"',
        '    query = raw_request.query_params',
        '    return [order, query["after"], raw_request.query_params.get("limit"), other.args.get("q")]',
        '',
        '@router.post("/v1/responses")',
        'def create(request: Request):',
        '    return request.args.get("stream"), request.GET.getlist("include")',
        '',
      ].join('\n'),
    });
    expect(
      facts
        .filter((f) => f.kind === 'route')
        .map((f) => `${f.method} ${f.path} [${(f.params ?? []).filter((p) => p.in === 'query').map((p) => `${p.name}@${p.line}`)}]`),
    ).toEqual(['GET /v1/responses/{response_id}/input_items [limit@5,order@6,after@8]', 'POST /v1/responses [stream@12,include@12]']);
  });

  it('Python: a key asked for with `in`, and keys passed on in a loop over their names', async () => {
    expect(
      await routes({
        'server/proxy.py': [
          'from fastapi import FastAPI, Request',
          'app = FastAPI()',
          '',
          '@app.post("/v1/responses")',
          'async def create(request: Request):',
          '    data = await request.json()',
          '    out = {}',
          '    if "max_output_tokens" in data:',
          '        out["max_tokens"] = data["max_output_tokens"]',
          '    for key in ["truncation", "previous_response_id"]:',
          '        if data.get(key) is not None:',
          '            out[key] = data[key]',
          '    return out',
          '',
        ].join('\n'),
      }),
    ).toEqual(['server/proxy.py:4 POST /v1/responses [max_output_tokens@8 truncation@11 previous_response_id@11]']);
  });

  it('Python: a body Flask hands as bytes, parsed by the handler; keys passed on from a list the function names', async () => {
    expect(
      await routes({
        'server/flask_proxy.py': [
          'import json',
          'from flask import Blueprint, request',
          'bp = Blueprint("api", __name__)',
          '',
          '@bp.route("/v1/responses", methods=["POST"])',
          'def create():',
          '    payload = json.loads(request.get_data(as_text=True) or "{}")',
          '    extra = {}',
          '    keys = ["temperature", "metadata"]',
          '    for k in keys:',
          '        if k in payload:',
          '            extra[k] = payload.get(k)',
          '    return {"previous": payload.get("previous_response_id"), **extra}',
          '',
          '@bp.route("/v1/conversations", methods=["POST"])',
          'def converse():',
          '    body = json.loads(request.data)',
          '    return body["metadata"]',
          '',
          '@bp.route("/v1/conversations/<cid>", methods=["POST"])',
          'def update(cid):',
          '    raw = request.get_data(cache=True, as_text=True) or ""',
          '    data = json.loads(raw) if raw else {}',
          '    return data.get("metadata")',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'server/flask_proxy.py:5 POST /v1/responses [temperature@11 metadata@11 previous_response_id@13]',
      'server/flask_proxy.py:15 POST /v1/conversations [metadata@18]',
      'server/flask_proxy.py:20 POST /v1/conversations/<cid> [metadata@24]',
    ]);
  });

  it('Python: a model the handler builds from the body it reads is the route’s body model', async () => {
    expect(
      await routes({
        'server/app.py': [
          'from fastapi import FastAPI, Request',
          'from .schemas import OpenAIRequest, CountRequest',
          'app = FastAPI()',
          '',
          '@app.post("/v1/responses")',
          'async def create(request: Request):',
          '    body = await request.json()',
          '    r = OpenAIRequest(**body)',
          '    return r.model',
          '',
          'async def count(request: Request):',
          '    return CountRequest.model_validate(await request.json())',
          'app.post("/v1/conversations")(count)',
          '',
          '@app.post("/v1/responses/{response_id}/cancel")',
          'async def cancel(request: Request, response_id: str):',
          '    opts = dict(**await request.json())',
          '    return opts.get("truncation")',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'server/app.py:5 POST /v1/responses model=OpenAIRequest []',
      'server/app.py:13 POST /v1/conversations model=CountRequest []',
      // `dict` is no model.
      'server/app.py:15 POST /v1/responses/{response_id}/cancel []',
    ]);
  });

  it('Python: the body read in place, without a name (Flask request.json, FastAPI await request.json())', async () => {
    expect(
      await routes({
        'server/inline.py': [
          'from flask import Flask, request',
          'from fastapi import FastAPI, Request',
          'app = Flask(__name__)',
          'api = FastAPI()',
          '',
          '@app.route("/v1/responses", methods=["POST"])',
          'def create():',
          '    model = request.json["model"]',
          '    stream = request.get_json().get("stream", False)',
          '    return {"model": model, "input": request.json.get("input"), "other": request.args.get("q")}',
          '',
          '@api.post("/v1/conversations")',
          'async def converse(request: Request):',
          '    return (await request.json())["items"]',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'server/inline.py:6 POST /v1/responses [model@8 stream@9 input@10]',
      'server/inline.py:12 POST /v1/conversations [items@14]',
    ]);
  });

  it('Python: a FastAPI parameter typed dict is the body, read there and in the functions of the file it is handed to', async () => {
    expect(
      await routes({
        'server/serve.py': [
          'from typing import Any, Dict',
          'from fastapi import FastAPI',
          'app = FastAPI()',
          '',
          '@app.post("/v1/responses")',
          'async def create(body: dict):',
          '    stream = body.get("stream", False)',
          '    return await Handler().handle(body, stream)',
          '',
          'class Handler:',
          '    async def handle(self, payload: dict, stream: bool):',
          '        messages = normalize(data=payload)',
          '        return payload["model"], messages',
          '',
          'def normalize(data):',
          '    return data.get("instructions"), data["input"]',
          '',
          '@app.post("/v1/conversations")',
          'async def converse(payload: Dict[str, Any], metadata: dict):',
          '    return payload.get("items")',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'server/serve.py:5 POST /v1/responses [stream@7 model@13 instructions@16 input@16]',
      // Two dicts: FastAPI reads each under its name, neither is the body whole.
      'server/serve.py:18 POST /v1/conversations [payload@19 metadata@19]',
    ]);
  });

  it('Python: the body handed to another module is read there, through the module graph', async () => {
    expect(
      await routes({
        'server/app.py': [
          'from fastapi import FastAPI',
          'from .handlers import ResponseHandler, count_tokens',
          'from . import helpers',
          '',
          'def build(handler: "ResponseHandler"):',
          '    app = FastAPI()',
          '    other = ResponseHandler()',
          '',
          '    @app.post("/v1/responses")',
          '    async def create(body: dict):',
          '        await other.check(payload=body)',
          '        helpers.log(body)',
          '        return await handler.handle(body, "id")',
          '',
          '    @app.post("/v1/responses/input_tokens")',
          '    async def tokens(request):',
          '        data = await request.json()',
          '        return count_tokens(data)',
          '',
          '    @app.post("/v1/conversations")',
          '    async def converse(body: dict):',
          '        return unknown.handle(body)',
          '    return app',
          '',
        ].join('\n'),
        'server/handlers.py': [
          'class ResponseHandler:',
          '    async def handle(self, body, request_id):',
          '        stream = body.get("stream")',
          '        return self._inputs(body), stream',
          '',
          '    def _inputs(self, data):',
          '        return data["input"], data.get("instructions")',
          '',
          '    async def check(self, payload):',
          '        return payload["model"]',
          '',
          'def count_tokens(req):',
          '    return len(req["input"])',
          '',
        ].join('\n'),
        'server/helpers.py': 'def log(payload):\n    print(payload.get("metadata"))\n',
        'server/__init__.py': '',
      }),
    ).toEqual([
      // Each key at the line the body is handed on; the order is the hand-offs', then the keys read there.
      'server/app.py:9 POST /v1/responses [model@server/handlers.py:10 metadata@server/helpers.py:2 stream@server/handlers.py:3 input@server/handlers.py:7 instructions@server/handlers.py:7]',
      'server/app.py:15 POST /v1/responses/input_tokens [input@server/handlers.py:13]',
      // A receiver nothing says the class of reads nothing.
      'server/app.py:20 POST /v1/conversations []',
    ]);
  });

  it('Python: across modules, through what a reader hands on, a base class, and super()', async () => {
    expect(
      await routes({
        'server/__init__.py': '',
        'server/app.py': [
          'from fastapi import FastAPI',
          'from .handlers import ResponseHandler',
          'app = FastAPI()',
          'handler = ResponseHandler()',
          '',
          '@app.post("/v1/responses")',
          'async def create(body: dict):',
          '    return await handler.handle(body)',
          '',
        ].join('\n'),
        'server/handlers.py': [
          'from .base import BaseHandler',
          '',
          'class ResponseHandler(BaseHandler):',
          '    async def handle(self, body):',
          '        self._resolve(body)',
          '        config = self._config(body)',
          '        return body["input"], config',
          '',
          '    def _config(self, body):',
          '        config = super()._config(body)',
          '        return config, body.get("max_output_tokens")',
          '',
        ].join('\n'),
        'server/base.py': [
          'class BaseHandler:',
          '    def _resolve(self, body):',
          '        return body["model"]',
          '',
          '    def _config(self, body):',
          '        return body.get("temperature")',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'server/app.py:6 POST /v1/responses [input@server/handlers.py:7 max_output_tokens@server/handlers.py:11 model@server/base.py:3 temperature@server/base.py:6]',
    ]);
  });

  it('Python: a key the handler reads itself is located there, before a helper it called first', async () => {
    expect(
      await routes({
        'server/app.py': [
          'from fastapi import FastAPI, Request',
          'app = FastAPI()',
          '',
          'def keep(payload):',
          '    return payload.get("truncation") == "auto" and payload.get("model")',
          '',
          '@app.post("/v1/responses")',
          'async def create(request: Request):',
          '    payload = await request.json()',
          '    kept = keep(payload)',
          '    if payload.get("truncation"):',
          '        return kept',
          '',
        ].join('\n'),
      }),
    ).toEqual(['server/app.py:7 POST /v1/responses [truncation@11 model@5]']);
  });

  it('Python: across modules, through a function that reads no key itself and passes the body on', async () => {
    expect(
      await routes({
        'server/__init__.py': '',
        'server/app.py': [
          'from fastapi import FastAPI, Request',
          'from .envelope import from_upstream',
          'app = FastAPI()',
          '',
          '@app.post("/v1/responses")',
          'async def create(request: Request):',
          '    payload = await request.json()',
          '    return from_upstream(payload, {})',
          '',
        ].join('\n'),
        'server/envelope.py': [
          'def from_upstream(payload, upstream):',
          '    choice = upstream.get("choices")',
          '    return wrap(payload=payload, choice=choice)',
          '',
          'def wrap(payload, choice):',
          '    return {"object": "response", "truncation": payload.get("truncation", "disabled")}',
          '',
        ].join('\n'),
      }),
    ).toEqual(['server/app.py:5 POST /v1/responses [truncation@server/envelope.py:6]']);
  });
  it('TypeScript: the body handed to a function of the file is read there; a cast to a bag of keys is no model', async () => {
    expect(
      await routes({
        'web/server.mts': [
          "import express from 'express';",
          'const app = express();',
          "app.post('/v1/responses', async (req, res) => {",
          '  const body = req.body as Record<string, unknown>;',
          '  res.json(await handle(body, req.body));',
          '});',
          'async function handle(payload: Record<string, unknown>, { stream }: { stream?: boolean }) {',
          "  return [payload.model, payload['input'], stream, await normalize(payload)];",
          '}',
          'const normalize = async (data: any) => data.instructions;',
          '',
        ].join('\n'),
      }),
    ).toEqual(['web/server.mts:3 POST /v1/responses [model@8 input@8 instructions@10 stream@7]']);
  });

  it('TypeScript: the request handed to a function of the file, a generator among them, has its body read there', async () => {
    expect(
      await routes({
        'web/server.mts': [
          "import express from 'express';",
          'const app = express();',
          "app.post('/v1/responses', async (req, res) => {",
          '  for await (const event of run(req, res)) res.write(event);',
          '  if (req.body.stream) res.end();',
          '});',
          'async function* run(incoming: any, res: any) {',
          '  yield { model: incoming.body.model, top_p: incoming.body.top_p };',
          '  yield* inner(incoming);',
          '}',
          'async function* inner(req: any) {',
          '  if (req.body.reasoning) yield req.body.input;',
          '  yield log(res);',
          '}',
          '',
        ].join('\n'),
      }),
    ).toEqual(['web/server.mts:3 POST /v1/responses [model@8 top_p@8 reasoning@12 input@12 stream@5]']);
  });

  it('TypeScript: a body given to a name declared before it (`let body; try { body = … }`), in a route and in a plain server', async () => {
    expect(
      await routes({
        'web/hono.mts': [
          "import { Hono } from 'hono';",
          'const app = new Hono();',
          "app.post('/v1/responses', async (c) => {",
          '  let body: any;',
          '  try {',
          '    body = await c.req.json();',
          '  } catch {',
          "    return c.json({ error: 'bad json' }, 400);",
          '  }',
          '  return c.json({ model: body.model, input: body.input });',
          '});',
          '',
        ].join('\n'),
        'web/plain.mts': [
          "import http from 'node:http';",
          'http.createServer(async (req, res) => {',
          "  if (req.url === '/v1/responses' && req.method === 'POST') {",
          '    let body;',
          '    try { body = JSON.parse(await readBody(req)); } catch { return res.end(); }',
          '    return res.end(String(body.truncation));',
          '  }',
          '});',
          'async function readBody(req: any): Promise<string> { return String(req); }',
          '',
        ].join('\n'),
      }),
    ).toEqual(['web/hono.mts:3 POST /v1/responses [model@10 input@10]', 'web/plain.mts:3 POST /v1/responses [truncation@6]']);
  });

  it('TypeScript: the body handed to another module is read there (a function, a method of a class the file makes)', async () => {
    expect(
      await routes({
        'web/server.mts': [
          "import express from 'express';",
          "import { handle } from './handler.mjs';",
          "import { ResponsesService } from './service.mjs';",
          'const app = express();',
          'const service = new ResponsesService();',
          "app.post('/v1/responses', async (req, res) => {",
          '  res.json([await handle(req.body), service.create(req.body)]);',
          '});',
          "app.post('/v1/conversations', async (req, res) => {",
          '  res.json(service.typed(req.body));',
          '});',
          '',
        ].join('\n'),
        'web/handler.mts': 'export async function handle(body: any) {\n  return [body.input, body?.instructions];\n}\n',
        'web/service.mts': [
          'interface Typed { metadata: unknown }',
          'export class ResponsesService {',
          '  create({ model, stream }: Record<string, unknown>) {',
          '    return [model, stream];',
          '  }',
          '  // A model says what it holds: its keys come from the model, not from what is read here.',
          '  typed(body: Typed) {',
          '    return body.metadata;',
          '  }',
          '}',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'web/server.mts:6 POST /v1/responses [input@web/handler.mts:2 instructions@web/handler.mts:2 model@web/service.mts:3 stream@web/service.mts:3]',
      'web/server.mts:9 POST /v1/conversations []',
    ]);
  });

  it('TypeScript: a function given the body reads it through a cast to a bag of keys', async () => {
    expect(
      await routes({
        'web/server.mts': [
          "import express from 'express';",
          "import { validate } from './validate.mjs';",
          'const app = express();',
          "app.post('/v1/responses', async (req, res) => res.json(validate(req.body)));",
          '',
        ].join('\n'),
        'web/validate.mts': [
          'export function validate(body: unknown) {',
          '  const request = body as Record<string, unknown>;',
          "  if (typeof request.model !== 'string') throw new Error('model');",
          '  return (request as any).input;',
          '}',
          '',
        ].join('\n'),
      }),
    ).toEqual(['web/server.mts:4 POST /v1/responses [model@web/validate.mts:3 input@web/validate.mts:4]']);
  });

  it('a body that may be absent, read as the body or nothing (`… if … else {}`, `… ? … : {}`, `… ? {} : check(…)`)', async () => {
    expect(
      await routes({
        'server/optional.py': [
          'from fastapi import APIRouter, Request',
          'router = APIRouter()',
          '',
          '@router.post("/v1/conversations")',
          'async def create(request: Request):',
          '    body = await request.json() if await request.body() else {}',
          '    return body.get("metadata")',
          '',
        ].join('\n'),
        'web/optional.mts': [
          "import { Hono } from 'hono';",
          'const app = new Hono();',
          "app.post('/v1/responses', async (c) => {",
          "  const body = c.req.header('content-length') ? await c.req.json() : {};",
          '  return c.json(body.model);',
          '});',
          'function checked(value: unknown): Record<string, unknown> {',
          "  if (!value || typeof value !== 'object') throw new Error('bad');",
          '  return value as Record<string, unknown>;',
          '}',
          "app.post('/v1/conversations', async (c) => {",
          '  const raw = await c.req.json();',
          '  const value = raw === undefined ? {} : checked(raw);',
          '  return c.json(value.metadata);',
          '});',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'server/optional.py:4 POST /v1/conversations [metadata@7]',
      'web/optional.mts:3 POST /v1/responses [model@5]',
      'web/optional.mts:11 POST /v1/conversations [metadata@14]',
    ]);
  });

  it('TypeScript: keys taken out of the body to drop them are not read', async () => {
    expect(
      await routes({
        'web/server.mts': [
          "import express from 'express';",
          'const app = express();',
          "app.post('/v1/responses', async (req, res) => {",
          '  const { temperature: _t, top_p, ...clean } = req.body;',
          '  const { model, ...rest } = clean;',
          '  res.json(await forward({ model, ...rest }));',
          '});',
          '',
        ].join('\n'),
      }),
    ).toEqual(['web/server.mts:3 POST /v1/responses [model@5]']);
  });

  it('TypeScript: a function given the body reads it through a check that returns what it is given', async () => {
    expect(
      await routes({
        'web/server.mts': [
          "import express from 'express';",
          "import { parse } from './parse.mjs';",
          'const app = express();',
          "app.post('/v1/responses', async (req, res) => res.json(parse(req.body)));",
          "app.post('/v1/conversations', async (req, res) => res.json(label(req.body)));",
          'function label(body: unknown) {',
          // Returns something else: what it is given is not what its caller holds after.
          '  const named = rename(body);',
          '  return named.title;',
          '}',
          'function rename(value: unknown) {',
          '  return { title: String(value) };',
          '}',
          '',
        ].join('\n'),
        'web/parse.mts': [
          'type Bag = Record<string, unknown>;',
          'function object(value: unknown, what: string): Bag {',
          "  if (value === null || typeof value !== 'object') throw new Error(what);",
          '  return value as Bag;',
          '}',
          'const checked = (value: unknown): Bag => object(value, "request")!;',
          'export function parse(raw: unknown) {',
          "  const request = object(raw, 'request');",
          '  const again = checked(raw);',
          '  return [String(request.model), again.temperature];',
          '}',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'web/server.mts:4 POST /v1/responses [model@web/parse.mts:10 temperature@web/parse.mts:10]',
      'web/server.mts:5 POST /v1/conversations []',
    ]);
  });

  it('TypeScript: a handler imported from another module reads the body there; a handler’s query reads', async () => {
    const { facts } = await analyzeFiles({
      'web/routes.mts': [
        "import express from 'express';",
        "import { createResponse } from './controller.mjs';",
        'const router = express.Router();',
        "router.post('/v1/responses', createResponse);",
        "router.get('/v1/responses/:id/input_items', async (req, res) => {",
        '  const { after } = req.query;',
        "  const url = new URL(req.url, 'http://x');",
        "  res.json([after, req.query.limit, url.searchParams.get('order')]);",
        '});',
        "router.get('/v1/conversations/:id', (c: any) => c.json(c.req.query('include')));",
        'export default router;',
        '',
      ].join('\n'),
      'web/controller.mts': [
        'export const createResponse = async (req: any, res: any) => {',
        '  const { model } = req.body;',
        '  if (req.body.stream) return res.end();',
        '  return res.json({ model });',
        '};',
        '',
      ].join('\n'),
    });
    expect(
      facts
        .filter((f) => f.kind === 'route')
        .map((f) => `${f.method} ${f.path} [${(f.params ?? []).map((p) => `${p.in} ${p.name}@${p.file ? `${p.file}:` : ''}${p.line}`)}]`),
    ).toEqual([
      'POST /v1/responses [body model@web/controller.mts:2,body stream@web/controller.mts:3]',
      'GET /v1/responses/:id/input_items [path id@5,query after@6,query limit@8,query order@8]',
      'GET /v1/conversations/:id [path id@10,query include@10]',
    ]);
  });

  it('TypeScript: the query handed to a function of the file, and to a callback a wrapper of the file calls with it', async () => {
    const { facts } = await analyzeFiles({
      'web/conversations.mts': [
        'type Wire = Record<string, unknown>;',
        'function include(query: Wire): unknown {',
        '  return query.include;',
        '}',
        'export function register(api: any): void {',
        '  const handle = (handler: (request: any, params: Wire, query: Wire) => unknown) => async (request: any) =>',
        '    handler(request, request.params as Wire, request.query as Wire);',
        "  api.get('/v1/conversations/:conversation_id/items', handle((_request, params, query) => {",
        '    include(query);',
        '    return { id: params.conversation_id, limit: query.limit, after: query.after };',
        '  }));',
        "  api.get('/v1/responses/:response_id/input_items', async (request: any) => {",
        '    const query = request.query as Wire;',
        '    include(query);',
        '    return { order: query.order };',
        '  });',
        "  api.get('/v1/conversations/:conversation_id', handle((_request, params) => ({ id: params.conversation_id })));",
        '}',
        '',
      ].join('\n'),
    });
    expect(
      facts
        .filter((f) => f.kind === 'route')
        .map((f) => `${f.method} ${f.path} [${(f.params ?? []).map((p) => `${p.in} ${p.name}@${p.line}`)}]`),
    ).toEqual([
      'GET /v1/conversations/:conversation_id/items [path conversation_id@8,query include@3,query limit@10,query after@10]',
      'GET /v1/responses/:response_id/input_items [path response_id@12,query include@3,query order@15]',
      'GET /v1/conversations/:conversation_id [path conversation_id@17]',
    ]);
  });

  it('JavaScript: CommonJS modules, a router required and mounted, its handler required from a controller', async () => {
    expect(
      await routes({
        'web/app.mts': [
          "const express = require('express');",
          "const responses = require('./responses.cjs');",
          'const app = express();',
          "app.use('/v1/responses', responses);",
          'module.exports = app;',
          '',
        ].join('\n'),
        'web/responses.mts': [
          "const { create: createResponse } = require('./controller.cjs');",
          'const router = require("express").Router();',
          "router.post('/', createResponse);",
          'module.exports = router;',
          '',
        ].join('\n'),
        'web/controller.mts': [
          'async function create(req, res) {',
          '  const { model } = req.body;',
          '  return res.json({ model, input: req.body.input });',
          '}',
          'exports.create = create;',
          '',
        ].join('\n'),
      }),
    ).toEqual(['web/responses.mts:3 POST /v1/responses/ [model@web/controller.mts:2 input@web/controller.mts:3]']);
  });

  it('TypeScript: NestJS, a path split over controller and method, a raw @Body() read there and in its service', async () => {
    expect(
      await routes({
        'web/responses.controller.mts': [
          "import { Body, Controller, Post } from '@nestjs/common';",
          "import { ResponsesService } from './responses.service.mjs';",
          "@Controller('v1')",
          'export class ResponsesController {',
          '  constructor(private readonly service: ResponsesService) {}',
          "  @Post('responses')",
          '  create(@Body() body: Record<string, any>) {',
          '    return this.service.create(body, body.stream);',
          '  }',
          '}',
          '',
        ].join('\n'),
        'web/responses.service.mts': [
          'export class ResponsesService {',
          '  create(body: any, stream: boolean) {',
          "    return [body.model, body['input'], stream];",
          '  }',
          '}',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'web/responses.controller.mts:6 POST /v1/responses [stream@8 model@web/responses.service.mts:3 input@web/responses.service.mts:3]',
    ]);
  });

  it('Python: a route method hands the body to what its class keeps (self.handler), by assignment or annotation', async () => {
    expect(
      await routes({
        'server/__init__.py': '',
        'server/views.py': [
          'from fastapi import APIRouter',
          'from .handlers import ResponseHandler, Conversations',
          'router = APIRouter()',
          '',
          'class ResponsesView:',
          '    conversations: Conversations',
          '',
          '    def __init__(self):',
          '        self.handler = ResponseHandler()',
          '',
          '    @router.post("/v1/responses")',
          '    async def create(self, body: dict):',
          '        return await self.handler.handle(body)',
          '',
          '    @router.post("/v1/conversations")',
          '    async def converse(self, body: dict):',
          '        return self.conversations.start(payload=body)',
          '',
        ].join('\n'),
        'server/handlers.py': [
          'class ResponseHandler:',
          '    async def handle(self, body):',
          '        return body["model"]',
          '',
          'class Conversations:',
          '    def start(self, payload):',
          '        return payload.get("items")',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'server/views.py:11 POST /v1/responses [model@server/handlers.py:3]',
      'server/views.py:15 POST /v1/conversations [items@server/handlers.py:7]',
    ]);
  });

  it('Python: a route registered by a call (aiohttp, FastAPI add_api_route) reads the body in its handler', async () => {
    expect(
      await routes({
        'server/registered.py': [
          'from aiohttp import web',
          'from fastapi import FastAPI',
          '',
          'async def create(request):',
          '    data = await request.json()',
          '    return web.json_response([data["model"], data.get("stream")])',
          '',
          'async def converse(body: dict):',
          '    return body.get("items")',
          '',
          'app = web.Application()',
          'app.router.add_post("/v1/responses", create)',
          'api = FastAPI()',
          'api.add_api_route("/v1/conversations", converse, methods=["POST"])',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'server/registered.py:12 POST /v1/responses [model@6 stream@6]',
      'server/registered.py:14 POST /v1/conversations [items@9]',
    ]);
  });

  it('Python: a route registered in another module than its handler reads the body where the handler does', async () => {
    expect(
      await routes({
        'server/__init__.py': '',
        'server/routers.py': [
          'from typing import TYPE_CHECKING',
          'from .views import create_conversation',
          'if TYPE_CHECKING:',
          '    from .api import API',
          '',
          'def register(api: "API") -> None:',
          '    api.router.add_api_route("/v1/responses", api.create_response, methods=["POST"])',
          '    api.router.add_api_route("/v1/conversations", create_conversation, methods=["POST"])',
          '    api.router.add_api_route("/v1/conversations/{conversation_id}", api.unknown.get, methods=["GET"])',
          '',
          'def create_app(router):',
          '    from .api import API',
          '    service = API()',
          '    router.add_api_route("/v1/responses/compact", service.create_response, methods=["POST"])',
          '',
        ].join('\n'),
        'server/api.py': [
          'from fastapi import Request',
          'from .convert import parse_request',
          '',
          'class API:',
          '    async def create_response(self, request: Request):',
          '        raw = await request.json()',
          '        if raw.get("stream"):',
          '            return None',
          '        return parse_request(raw)',
          '',
        ].join('\n'),
        'server/convert.py': ['def parse_request(raw):', '    return {"model": raw["model"]}', ''].join('\n'),
        'server/views.py': [
          'async def create_conversation(request):',
          '    body = await request.json()',
          '    return body.get("items")',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'server/routers.py:7 POST /v1/responses [stream@server/api.py:7 model@server/convert.py:2]',
      'server/routers.py:8 POST /v1/conversations [items@server/views.py:3]',
      'server/routers.py:14 POST /v1/responses/compact [stream@server/api.py:7 model@server/convert.py:2]',
    ]);
  });

  it('Python: Django URL patterns take the body keys their views read, a class view in its method of the route', async () => {
    expect(
      await routes({
        'server/__init__.py': '',
        'server/urls.py': [
          'from django.urls import path',
          'from . import views',
          'urlpatterns = [',
          '    path("v1/responses", views.create),',
          '    path("v1/conversations", views.ConversationsView.as_view()),',
          ']',
          '',
        ].join('\n'),
        'server/views.py': [
          'import json',
          'from django.views import View',
          'from django.views.decorators.http import require_POST',
          '',
          '@require_POST',
          'def create(request):',
          '    data = json.loads(request.body)',
          '    return data["model"], data.get("stream")',
          '',
          'class ConversationsView(View):',
          '    def get(self, request):',
          '        return request.GET.get("after")',
          '',
          '    def post(self, request):',
          '        return request.data.get("items"), request.data["metadata"]',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'server/urls.py:4 POST /v1/responses [model@server/views.py:8 stream@server/views.py:8]',
      // The GET of the same view has no body.
      'server/urls.py:5 GET /v1/conversations []',
      'server/urls.py:5 POST /v1/conversations [items@server/views.py:15 metadata@server/views.py:15]',
    ]);
  });

  it('TypeScript: destructured from req.body or await req.json(), read off a holder; not beside a typed body', async () => {
    expect(
      await routes({
        'web/server.mts': [
          'app.post("/v1/responses", (req, res) => {',
          '  const { model, input: prompt, ...rest } = req.body;',
          '  res.json({ model, prompt, rest, stream: req.body.stream });',
          '});',
          'app.post("/v1/conversations", async (c) => {',
          '  const body = await c.req.json();',
          "  return c.json({ metadata: body['metadata'], items: body.items });",
          '});',
          'app.get("/v1/responses/:id", (req, res) => res.json(req.body.include));',
          'app.post("/v1/typed", (req: Request<{}, {}, CreateBody>, res) => res.json(req.body.model));',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'web/server.mts:1 POST /v1/responses [model@2 input@2 stream@3]',
      'web/server.mts:5 POST /v1/conversations [metadata@7 items@7]',
      'web/server.mts:9 GET /v1/responses/:id []',
      'web/server.mts:10 POST /v1/typed model=CreateBody []',
    ]);
  });

  it('TypeScript: destructured from the body or an empty object in its place', async () => {
    expect(
      await routes({
        'web/server.mts': [
          'app.post("/v1/conversations", (req, res) => {',
          '  const { metadata, items } = req.body ?? {};',
          '  res.json({ metadata, items });',
          '});',
          'app.post("/v1/responses", (req, res) => {',
          '  const { model } = req.body || {};',
          "  const { input } = req.body ?? { input: 'default' };",
          '  res.json({ model, input });',
          '});',
          '',
        ].join('\n'),
      }),
    ).toEqual(['web/server.mts:1 POST /v1/conversations [metadata@2 items@2]', 'web/server.mts:5 POST /v1/responses [model@6]']);
  });
});
