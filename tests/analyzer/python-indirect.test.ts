/**
 * Python written one step removed: a submodule of a namespace package (no `__init__.py`), a plain
 * server's dispatch on its request's method and path, a
 * route registered by applying the decorator by hand
 * (`self.app.post("/v1/responses")(self.create)`), which reads the handler's signature as the
 * decorator does, and an event type held in a local name before it is given as the type (a
 * string, a conditional, a pick from a table), an emitter wherever the string is written.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeFiles, removeAnalyzedFiles } from './analyze-files.js';

afterAll(removeAnalyzedFiles);

describe('Python written one step removed', () => {
  it('a decorator applied by hand registers the route with the body its handler takes', async () => {
    const { facts } = await analyzeFiles({
      'server/api.py': [
        'from pydantic import BaseModel',
        'class CreateBody(BaseModel):',
        '    model: str',
        '    input: str',
        'class API:',
        '    def _setup(self):',
        '        self.app.post("/v1/responses", response_model=None)(self.create)',
        '    async def create(self, payload: CreateBody):',
        '        return payload',
        '',
      ].join('\n'),
    });
    expect(
      facts.filter((f) => f.kind === 'route').map((f) => `${f.line} ${f.method} ${f.path} ${f.symbol} ${f.className} (${f.evidence})`),
    ).toEqual(['7 POST /v1/responses create CreateBody (self.app.post() registration)']);
  });

  it('a type held in a local name and given as the type is emitted where each string stands', async () => {
    const { facts } = await analyzeFiles({
      'server/stream.py': [
        'def finish(status, ok, n):',
        '    terminal = {"completed": "response.completed", "failed": "response.failed"}[status]',
        '    yield sse(terminal, {"type": terminal, "sequence_number": n})',
        '    kind = "response.output_text.done" if ok else "response.refusal.done"',
        '    yield Event(type=kind)',
        '    label = "response.created"',
        '    log(label)',
        '',
      ].join('\n'),
    });
    expect(facts.filter((f) => f.kind === 'emitter').map((f) => `${f.line} ${f.literal} (${f.evidence})`)).toEqual([
      '2 response.completed (type of terminal)',
      '2 response.failed (type of terminal)',
      '4 response.output_text.done (type of kind)',
      '4 response.refusal.done (type of kind)',
    ]);
  });

  it('a type a loop takes from the collection it writes, and then gives as the type, is emitted where each string stands', async () => {
    const { facts } = await analyzeFiles({
      'server/warmup.py': [
        'def warmup(response):',
        '    for event_type, status in (("response.created", "in_progress"), ("response.completed", "completed")):',
        '        yield {"type": event_type, "response": {**response, "status": status}}',
        '    for ev in ["response.output_item.added", "response.output_item.done"]:',
        '        yield Event(type=ev)',
        '    for kind_of_line in ("response.content_part.added",):',
        '        yield f"event: {kind_of_line}\\ndata: {{}}\\n\\n"',
        // Looped over but never given as a type: only strings.
        '    for name in ("response.failed", "response.incomplete"):',
        '        log(name)',
        // The other name of the pair is given as the type: the type strings are not its.
        '    for label, kind in (("response.queued", "a"),):',
        '        yield {"type": kind}',
        '',
      ].join('\n'),
    });
    expect(facts.filter((f) => f.kind === 'emitter').map((f) => `${f.line} ${f.literal} (${f.evidence})`)).toEqual([
      '2 response.created (type of event_type)',
      '2 response.completed (type of event_type)',
      '4 response.output_item.added (type of ev)',
      '4 response.output_item.done (type of ev)',
      '6 response.content_part.added (type of kind_of_line)',
    ]);
  });

  it('a plain server’s dispatch on its method and path is a route; a path compared alone is not', async () => {
    const { facts } = await analyzeFiles({
      'server/mock.py': [
        'class Handler(BaseHTTPRequestHandler):',
        '    def do_POST(self):',
        '        if self.path == "/v1/responses":',
        '            return self.stream()',
        'async def app(scope, receive, send):',
        '    if scope["method"] == "POST" and scope["path"] == "/v1/responses":',
        '        return await create(scope, receive, send)',
        'def goes_to(url):',
        '    return url.path == "/v1/responses"',
        '',
      ].join('\n'),
    });
    expect(facts.filter((f) => f.kind === 'route').map((f) => `${f.line} ${f.method} ${f.path} ${f.symbol} (${f.evidence})`)).toEqual([
      '3 POST /v1/responses do_POST (request dispatch on its method and path)',
      '6 POST /v1/responses app (request dispatch on its method and path)',
    ]);
  });

  it('a guard that turns other paths away serves its paths, and the body read after it is the route’s', async () => {
    const { facts } = await analyzeFiles({
      'server/plain.py': [
        'class Handler(BaseHTTPRequestHandler):',
        '    def do_POST(self):',
        '        if self.path not in {"/responses", "/v1/responses"}:',
        '            return self.send_error(404)',
        '        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))',
        '        model = body.get("model")',
        '    def do_DELETE(self):',
        '        if self.path != "/v1/responses/abc":',
        '            return self.send_error(404)',
        'def probe(url):',
        '    return url.path in ("/v1/responses",)',
        'class Other(BaseHTTPRequestHandler):',
        '    def do_GET(self):',
        '        if "/v1/responses" in self.path:',
        '            pass',
        '',
      ].join('\n'),
    });
    expect(facts.filter((f) => f.kind === 'route').map((f) => `${f.line} ${f.method} ${f.path} ${f.symbol}`)).toEqual([
      '3 POST /responses do_POST',
      '3 POST /v1/responses do_POST',
      '8 DELETE /v1/responses/abc do_DELETE',
    ]);
    expect(
      facts.filter((f) => f.kind === 'route').flatMap((f) => (f.params ?? []).map((p) => `${f.path} ${p.name} ${p.in} at ${p.line}`)),
    ).toEqual(['/responses model body at 6', '/v1/responses model body at 6']);
  });

  it('a dispatch through names given to the path and the method, a prefix and a pattern, is a route', async () => {
    const { facts } = await analyzeFiles({
      'server/plain.py': [
        'import re',
        'class Handler(BaseHTTPRequestHandler):',
        '    def do_POST(self):',
        '        path = self.path.split("?")[0]',
        '        if path.startswith("/v1/responses"):',
        '            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))',
        '            return body.get("model")',
        '        if path.startswith("/v1/conversations/"):',
        '            return None',
        '    def do_GET(self):',
        '        path = urlparse(self.path).path',
        '        m = re.match(r"^/v1/responses/([^/]+)$", path)',
        '        if re.fullmatch(r"^/v1/responses/(?P<rid>[^/]+)/input_items$", path):',
        '            return None',
        'async def app(scope, receive, send):',
        '    method, path = scope["method"], scope["path"]',
        '    verb = scope["method"]',
        '    if verb == "DELETE" and re.match("^/v1/responses/[^/]+$", path):',
        '        return None',
        'def goes_to(url):',
        '    return url.path.startswith("/v1/responses")',
        '',
      ].join('\n'),
    });
    expect(
      facts
        .filter((f) => f.kind === 'route')
        .map((f) => `${f.line} ${f.method} ${f.path} ${f.symbol} [${(f.params ?? []).map((p) => `${p.name}@${p.line}`)}]`),
    ).toEqual([
      '5 POST /v1/responses do_POST [model@7]',
      '12 GET /v1/responses/{param1} do_GET [param1@12]',
      '13 GET /v1/responses/{rid}/input_items do_GET [rid@13]',
      '18 DELETE /v1/responses/{param1} app [param1@18]',
    ]);
  });

  it('a suffix of the path is a route; a body read once and handed on by path is read only in this path’s branch', async () => {
    const { facts } = await analyzeFiles({
      'server/suffix.py': [
        'class Handler(BaseHTTPRequestHandler):',
        '    def do_POST(self):',
        '        path = self.path.rstrip("/")',
        '        if path.endswith("/responses"):',
        '            payload = self._read_json_body()',
        '            return self._answer(payload)',
        '        payload = self._read_json_body()',
        '        return payload.get("messages"), payload.get("model")',
        '    def _answer(self, payload):',
        '        return payload.get("model"), payload.get("store")',
        '',
      ].join('\n'),
      'server/flags.py': [
        'class Handler(BaseHTTPRequestHandler):',
        '    def do_POST(self):',
        '        path = self.path.split("?", 1)[0]',
        '        chat = path in {"/v1/chat/completions"}',
        '        responses = path in {"/v1/responses"}',
        '        if not chat and not responses:',
        '            return self.send_error(404)',
        '        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))',
        '        if chat:',
        '            self.chat(body)',
        '        else:',
        '            self.respond(body)',
        '    def chat(self, body):',
        '        return body.get("model"), body.get("temperature")',
        '    def respond(self, body):',
        '        return body.get("model"), body.get("temperature"), body.get("input")',
        '',
      ].join('\n'),
      'server/branches.py': [
        'class Handler(BaseHTTPRequestHandler):',
        '    def do_POST(self):',
        '        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))',
        '        if self.path == "/v1/chat/completions":',
        '            return body.get("model")',
        '        elif self.path == "/v1/responses":',
        '            return body["model"], body.get("input")',
        '        else:',
        '            return body.get("store")',
        '',
      ].join('\n'),
    });
    expect(
      facts
        .filter((f) => f.kind === 'route')
        .map((f) => `${f.file} ${f.line} ${f.method} ${f.path} [${(f.params ?? []).map((p) => `${p.name}@${p.line}`)}]`),
    ).toEqual([
      'server/branches.py 4 POST /v1/chat/completions [model@5]',
      'server/branches.py 6 POST /v1/responses [model@7,input@7]',
      'server/flags.py 4 POST /v1/chat/completions [model@14,temperature@14]',
      'server/flags.py 5 POST /v1/responses [model@16,temperature@16,input@16]',
      'server/suffix.py 4 POST /responses [model@10,store@10]',
    ]);
  });

  it('a submodule of a folder without `__init__.py` is found, and its class read through it is defined where declared', async () => {
    const { facts } = await analyzeFiles({
      'server/models/openai.py': [
        'from typing import Literal',
        'from pydantic import BaseModel',
        'class CreateBody(BaseModel):',
        '    model: str',
        '    input: str',
        'class ResponseCreatedEvent(BaseModel):',
        '    type: Literal["response.created"]',
        '',
      ].join('\n'),
      'server/routes.py': [
        'from server.models import openai as openai_models',
        '@router.post("/v1/responses")',
        'async def create(request: Request, body: openai_models.CreateBody):',
        '    yield openai_models.ResponseCreatedEvent(type="response.created")',
        '',
      ].join('\n'),
    });
    expect(facts.filter((f) => f.kind === 'route').map((f) => `${f.file}:${f.line} ${f.method} ${f.path} ${f.target}`)).toEqual([
      'server/routes.py:2 POST /v1/responses server/models/openai.py#CreateBody',
    ]);
    expect(facts.filter((f) => f.kind === 'definition').map((f) => `${f.file}:${f.line} ${f.literal}`)).toEqual([
      'server/models/openai.py:7 response.created',
    ]);
  });

  it('an undotted type compared beside another API’s names is that API’s; beside the stream’s, it is handled', async () => {
    const { facts } = await analyzeFiles({
      'server/adapter.py': [
        'async def from_anthropic(stream):',
        '    async for event_type, payload in stream:',
        '        if event_type == "ping":',
        '            continue',
        '        if event_type == "error":',
        '            continue',
        '        if event_type == "message_start":',
        '            yield {"type": "response.created", "sequence_number": 0}',
        'def consume(event):',
        '    if event.type == "response.completed":',
        '        return 1',
        '    if event.type == "error":',
        '        return 2',
        '',
      ].join('\n'),
    });
    expect(facts.filter((f) => f.kind === 'handler').map((f) => `${f.line} ${f.literal}`)).toEqual(['10 response.completed', '12 error']);
  });

  it('TypeScript: an undotted case beside another API’s cases is that API’s; beside the stream’s, it is handled', async () => {
    const { facts } = await analyzeFiles({
      'web/adapter.mts': [
        'export function fromAnthropic(event: { type: string }) {',
        '  switch (event.type) {',
        "    case 'message_start': return [{ type: 'response.created' }];",
        "    case 'ping': return [];",
        "    case 'error': return [{ type: 'error' }];",
        '  }',
        '}',
        'export function consume(event: { type: string }) {',
        '  switch (event.type) {',
        "    case 'response.completed': return 1;",
        "    case 'error': return 2;",
        '  }',
        '}',
        '',
      ].join('\n'),
    });
    expect(facts.filter((f) => f.kind === 'handler').map((f) => `${f.line} ${f.literal}`)).toEqual(['10 response.completed', '11 error']);
  });
});
