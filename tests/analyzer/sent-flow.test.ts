/**
 * An SDK call whose request is built elsewhere in the file sends the keys written there: the
 * request followed through a variable and the keys later set on it, a property of a returned
 * object, a method's return, and a wrapper's parameter (what the file's calls of it pass, also
 * through an options object destructured in the parameter list and a callback held by it). Keys
 * reached that way count only when the endpoint has them (a request on its way out carries other
 * endpoints' keys too); the call's own object literal counts whole, as before. Each key is at the
 * line it is written.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeFiles, removeAnalyzedFiles } from './analyze-files.js';

afterAll(removeAnalyzedFiles);

async function sent(files: Record<string, string>): Promise<string[]> {
  const { facts } = await analyzeFiles(files);
  return facts
    .filter((f) => f.kind === 'route')
    .map((f) => `${f.file}:${f.line} ${f.method} ${f.path} [${(f.params ?? []).map((p) => `${p.name}@${p.line}`)}]`);
}

/** The facts a builder's name gave: its keys, not the endpoint's call. */
async function built(files: Record<string, string>): Promise<string[]> {
  const { facts } = await analyzeFiles(files);
  return facts
    .filter((f) => f.kind === 'route' && f.namedBuilder)
    .map((f) => `${f.file}:${f.line} ${f.symbol} ${f.method} ${f.path} [${(f.params ?? []).map((p) => `${p.name}@${p.line}`)}]`);
}

type Facts = Awaited<ReturnType<typeof analyzeFiles>>['facts'];

/** Each route fact of `file` by line, with its parameters and where each is written (another module's file and function). */
const paramsWhere = (facts: Facts, file: string): string[] =>
  facts
    .filter((f) => f.kind === 'route' && f.file === file)
    .map((f) => `${f.line} [${(f.params ?? []).map((p) => `${p.name}@${p.file ?? ''}:${p.line} ${p.symbol ?? ''}`)}]`);

/** Each route fact with its parameters and the strings each is sent (`truncation=auto`). */
const sentValues = (facts: Facts): string[] =>
  facts
    .filter((f) => f.kind === 'route')
    .map((f) => `${f.file}:${f.line} ${(f.params ?? []).map((p) => `${p.name}${p.sent ? `=${p.sent.join('|')}` : ''}`)}`);

describe('TypeScript: a request built elsewhere in the file', () => {
  it('follows a builder method’s returned object, a property of it, and keys set after', async () => {
    const text = [
      'class Model {',
      '  build(request, stream) {',
      '    let requestData = {',
      '      model: this.model,',
      '      input: request.input,',
      '      max_tokens: 10,',
      '    };',
      '    requestData.truncation = "auto";',
      '    requestData = { ...requestData, ...request.extra };',
      '    return { requestData, headers: {} };',
      '  }',
      '  async fetch(request) {',
      '    const built = this.build(request, true);',
      '    return this.client.responses.create(built.requestData, { headers: built.headers });',
      '  }',
      '}',
      '',
    ].join('\n');
    expect(await sent({ 'web/model.mts': text })).toEqual(['web/model.mts:14 POST /v1/responses [model@4,input@5,truncation@8]']);
  });

  it('follows a wrapper’s parameter to what the file’s calls pass, spreads of a method’s return included', async () => {
    const text = [
      'export class Chat {',
      '  params(options) {',
      '    const params = { model: this.model, previous_response_id: options.previous, n: 2 };',
      '    if (options.max) params["max_output_tokens"] = options.max;',
      '    return params;',
      '  }',
      '  async withRetry(request) {',
      '    request.truncation = "auto";',
      '    return this.caller.call(() => this.client.responses.create(request));',
      '  }',
      '  async generate(options) {',
      '    return this.withRetry({ ...this.params(options), input: options.messages, stream: false });',
      '  }',
      '}',
      '',
    ].join('\n');
    expect(await sent({ 'web/chat.mts': text })).toEqual([
      'web/chat.mts:9 POST /v1/responses [model@3,previous_response_id@3,max_output_tokens@4,input@12,truncation@8]',
    ]);
  });

  it('reads Object.assign, as a value and as keys set on a variable', async () => {
    const text = [
      'const defaults = { model: "m" };',
      'export async function send(client, input, prev) {',
      '  const params = Object.assign({}, defaults, { input });',
      '  Object.assign(params, { previous_response_id: prev });',
      '  return client.responses.create(params);',
      '}',
      '',
    ].join('\n');
    expect(await sent({ 'web/assign.mts': text })).toEqual([
      'web/assign.mts:5 POST /v1/responses [model@1,input@3,previous_response_id@4]',
    ]);
  });

  it('reads a body turned into JSON text before the call, in a const or in each branch that gives a let', async () => {
    const text = [
      "const url = 'https://api.openai.com/v1/responses';",
      'export async function once(model: string, input: string) {',
      '  const body = JSON.stringify({ model, input });',
      "  return fetch(url, { method: 'POST', body });",
      '}',
      'export async function branches(model: string, input: string, prev?: string) {',
      "  let content = '';",
      '  if (prev) content = JSON.stringify({ model, input, previous_response_id: prev });',
      '  else content = JSON.stringify({ model, max_output_tokens: 9 });',
      "  return fetch(url, { method: 'POST', body: content });",
      '}',
      '',
    ].join('\n');
    expect(await sent({ 'web/text.mts': text })).toEqual([
      'web/text.mts:4 POST /v1/responses [model@3,input@3]',
      'web/text.mts:10 POST /v1/responses [model@8,input@8,previous_response_id@8,max_output_tokens@9]',
    ]);
  });

  it('follows a request handed through an options object to a callback that sends it, and keys spread when a condition holds', async () => {
    const text = [
      'export class Provider {',
      '  body(previous, max) {',
      '    const body = {',
      '      model: this.model,',
      '      ...(previous && { previous_response_id: previous }),',
      '      ...(max ? { max_output_tokens: max } : {}),',
      '    };',
      '    return body;',
      '  }',
      '  async *retrying({ request, attempt, context: { retries } = {} }) {',
      '    yield* await attempt(request);',
      '  }',
      '  async *send(request) {',
      '    yield* this.retrying({ request, attempt: async (sent) => this.post(sent), context: { retries: 2 } });',
      '  }',
      '  async *post(payload) {',
      '    yield* await this.client.responses.create(payload);',
      '  }',
      '  async *run(previous, max) {',
      '    const request = this.body(previous, max);',
      '    yield* this.send(request);',
      '  }',
      '}',
      '',
    ].join('\n');
    expect(await sent({ 'web/provider.mts': text })).toEqual([
      'web/provider.mts:17 POST /v1/responses [model@4,previous_response_id@5,max_output_tokens@6]',
    ]);
  });

  it('still counts the call’s own object whole, and adds nothing a value from elsewhere would hold', async () => {
    const text = [
      "import { makeRequest } from './elsewhere';",
      'const base = { model: "m" };',
      'export async function a(client, input) {',
      '  await client.responses.create({ ...base, input, custom: 1 });',
      '  await client.responses.create(makeRequest(input));',
      '  await client.responses.create(input);',
      '}',
      '',
    ].join('\n');
    expect(await sent({ 'web/a.mts': text })).toEqual([
      'web/a.mts:4 POST /v1/responses [model@2,input@4,custom@4]',
      'web/a.mts:5 POST /v1/responses []',
      'web/a.mts:6 POST /v1/responses []',
    ]);
  });

  it('is no call of the endpoint when all it is found to send is another API’s', async () => {
    const text = [
      'function args(name) {',
      '  return { name, is_private: true };',
      '}',
      'export async function make(slack) {',
      '  await slack.responses.create(args("general"));',
      '}',
      '',
    ].join('\n');
    expect(await sent({ 'web/slack.mts': text })).toEqual([]);
  });
});

describe('TypeScript: a wrapper chosen between two functions', () => {
  it('is a function of the name holding the choice: its calls pass what the SDK call sends', async () => {
    const text = [
      'export class Loop {',
      '  async run(input: unknown[], flex: boolean) {',
      '    const call = this.direct',
      '      ? (params: any) => this.oai.responses.create(params)',
      '      : (params: any) => viaChat(this.oai, params);',
      '    return call({',
      '      model: this.model,',
      '      input,',
      "      ...(flex ? { truncation: 'auto' } : {}),",
      '    });',
      '  }',
      '}',
      '',
    ].join('\n');
    expect(await sent({ 'web/loop.mts': text })).toEqual(['web/loop.mts:4 POST /v1/responses [model@7,input@8,truncation@9]']);
  });

  it('takes each call of a wrapper as a request of its own, and a key written twice for one call once', async () => {
    const text = [
      'export class Loop {',
      '  async run(input: unknown[]) {',
      '    const call = (params: any) => this.oai.responses.create(params);',
      '    const first = await call({',
      '      model: this.model,',
      '      input,',
      '    });',
      '    const retry = { model: this.fallback, input };',
      '    retry.model = this.other;',
      '    const second = await call(retry);',
      '    return [first, second];',
      '  }',
      '}',
      '',
    ].join('\n');
    expect(await sent({ 'web/twice.mts': text })).toEqual(['web/twice.mts:3 POST /v1/responses [model@5,input@6,model@8,input@8]']);
  });

  it('counts the keys set on the rest of an object taken apart, spread into the request', async () => {
    const text = [
      'export async function send(client: any, model: string, extra: Record<string, unknown>, settings: any) {',
      '  const { input, ...rest } = extra as any;',
      '  if (settings.max) {',
      '    rest.max_output_tokens = settings.max;',
      '  }',
      '  return client.responses.create({ model, input, ...rest });',
      '}',
      '',
    ].join('\n');
    expect(await sent({ 'web/rest.mts': text })).toEqual(['web/rest.mts:6 POST /v1/responses [model@6,input@6,max_output_tokens@4]']);
  });

  it('reads the one object a callback that sends it is handed beside, and no options of a retry', async () => {
    const text = [
      'export class Provider {',
      '  async run(messages: unknown[]) {',
      '    await withFallback((body: any) => this.openai.responses.create(body), { model: this.model, input: messages, n: 1 });',
      "    const request = { model: 'm', previous_response_id: 'r' };",
      '    await withFallback((body: any) => this.openai.responses.create(body), request);',
      '    return withRetry((req: any) => this.openai.responses.create(req), { retries: 3 });',
      '  }',
      '}',
      '',
    ].join('\n');
    expect(await sent({ 'web/fallback.mts': text })).toEqual([
      'web/fallback.mts:3 POST /v1/responses [model@3,input@3]',
      'web/fallback.mts:5 POST /v1/responses [model@4,previous_response_id@4]',
      'web/fallback.mts:6 POST /v1/responses []',
    ]);
  });

  it('reads keys set through a cast of the variable and what a getter of the class returns', async () => {
    const text = [
      'export class Provider {',
      '  get reasoningConfig() {',
      "    return { truncation: 'auto' };",
      '  }',
      '  async send(p: any) {',
      '    const requestParams = { model: p.model, ...this.reasoningConfig };',
      '    ;(requestParams as any).max_output_tokens = p.max;',
      "    (requestParams as any)['previous_response_id'] = p.id;",
      '    Object.assign(requestParams as object, { input: p.input });',
      '    return this.client.responses.create(requestParams);',
      '  }',
      '}',
      '',
    ].join('\n');
    expect(await sent({ 'web/cast.mts': text })).toEqual([
      'web/cast.mts:10 POST /v1/responses [model@6,truncation@3,max_output_tokens@7,previous_response_id@8,input@9]',
    ]);
  });

  it('reads a builder’s options parameter as what the call that built this request passed', async () => {
    const text = [
      'function toBody(model: string, options: Record<string, unknown> = {}) {',
      '  return { model, ...options };',
      '}',
      'export async function stream(client: any, p: any) {',
      '  const body = toBody(p.model, {',
      '    truncation: p.t,',
      '  });',
      '  return client.responses.create(body);',
      '}',
      'export async function once(client: any, p: any) {',
      '  const body = toBody(p.model, { max_output_tokens: p.max });',
      '  return client.responses.create(body);',
      '}',
      '',
    ].join('\n');
    expect(await sent({ 'web/builder.mts': text })).toEqual([
      'web/builder.mts:8 POST /v1/responses [model@2,truncation@6]',
      'web/builder.mts:12 POST /v1/responses [model@2,max_output_tokens@11]',
    ]);
  });
});

describe('TypeScript: a request typed as the SDK types it', () => {
  /**
   * The facts that carry a typed request's keys, and not the endpoint's call; those of a project's
   * own request type wait for the mapping to say what it serves, and are not these.
   */
  async function typed(files: Record<string, string>): Promise<string[]> {
    const { facts } = await analyzeFiles(files);
    return facts
      .filter((f) => f.kind === 'route' && f.paramsOnly && f.method !== undefined)
      .map(
        (f) =>
          `${f.file}:${f.line} ${f.symbol} ${f.method} ${f.path} [${(f.params ?? []).map((p) => `${p.name}@${p.line}`)}] (${f.evidence})`,
      );
  }

  it('reads a typed variable with the keys set on it, a builder’s typed return, and a satisfies, far from any call', async () => {
    const text = [
      "import OpenAI from 'openai';",
      "import type { ResponseCreateParamsStreaming as Streaming } from 'openai/resources/responses/responses';",
      'export class Interface {',
      '  async prepareRequestBody(p: any): Promise<OpenAI.Responses.ResponseCreateParams> {',
      '    const body: OpenAI.Responses.ResponseCreateParams = { model: p.model, input: p.input };',
      '    if (p.max) body.max_output_tokens = p.max;',
      '    body.unrelated = 1;',
      '    return body;',
      '  }',
      '  streaming(p: any) {',
      '    return this.send({ model: p.model, previous_response_id: p.id } satisfies Streaming);',
      '  }',
      '}',
      '',
    ].join('\n');
    expect(await typed({ 'web/interface.mts': text })).toEqual([
      'web/interface.mts:8 prepareRequestBody POST /v1/responses [model@5,input@5,max_output_tokens@6] (request typed OpenAI.Responses.ResponseCreateParams)',
      'web/interface.mts:11 streaming POST /v1/responses [model@11,previous_response_id@11] (request typed Streaming)',
    ]);
  });

  it('reads what a typed builder returns through an untyped variable, whatever the file held before it', async () => {
    const text = [
      "import type { ResponseCreateParams } from 'openai/resources/responses/responses';",
      'export function build(model: string): ResponseCreateParams {',
      "  const params = { model, input: 'hi' };",
      '  return params;',
      '}',
      '',
    ].join('\n');
    expect(await typed({ 'web/typed-return.mts': text })).toEqual([
      'web/typed-return.mts:4 build POST /v1/responses [model@3,input@3] (request typed ResponseCreateParams)',
    ]);
  });

  it('knows a request type another module of the project declares as an alias or extension of the SDK’s', async () => {
    const files = {
      'web/interfaces.mts': [
        "import OpenAI from 'openai';",
        "import type { ResponseCreateParamsNonStreaming } from 'openai/resources/responses/responses';",
        "export type ChatRequest = Omit<ResponseCreateParamsNonStreaming, 'input'> & { input?: unknown };",
        'export interface ExtendedParams extends OpenAI.Responses.ResponseCreateParams { extra: string }',
        'export type OtherRequest = { url: string };',
        '',
      ].join('\n'),
      'web/build.mts': [
        "import type { ChatRequest, ExtendedParams, OtherRequest } from './interfaces.mjs';",
        'export function chat(p: any): ChatRequest {',
        '  const body: ChatRequest = { model: p.model, input: p.input };',
        '  if (p.t) body.truncation = p.t;',
        '  return body;',
        '}',
        'export const extended = (p: any): ExtendedParams => ({ model: p.model, extra: p.x });',
        'export const other: OtherRequest = { url: "/x", model: "m" } as never;',
        '',
      ].join('\n'),
    };
    expect(await typed(files)).toEqual([
      'web/build.mts:5 chat POST /v1/responses [model@3,input@3,truncation@4] (request typed ChatRequest)',
      'web/build.mts:7 extended POST /v1/responses [model@7,extra@7] (request typed ExtendedParams)',
    ]);
  });

  it('reads the keys read off a request the code is handed, and not those read off one it builds', async () => {
    const files = {
      'web/shim.mts': [
        "import type { ResponseCreateParams } from 'openai/resources/responses/responses';",
        'type Input = ResponseCreateParams;',
        'export function viaChat(client: any, input: Input & { stream: true }) {',
        '  const history = input.previous_response_id ? lookup(input.previous_response_id) : [];',
        '  return client.chat.completions.create({ model: input.model, messages: history, truncation: input.truncation });',
        '}',
        'export const route = async (req: any, res: any) => {',
        '  const request = req.body as ResponseCreateParams;',
        '  if (!request.model) return res.status(400).end();',
        '  return res.json(await run(request.input));',
        '};',
        'export async function handle(c: any) {',
        '  const { model, max_output_tokens }: ResponseCreateParams = await c.req.json();',
        '  return model && max_output_tokens;',
        '}',
        'export function built(p: any) {',
        '  const body: ResponseCreateParams = { model: p.model, input: p.input };',
        '  if (body.truncation) return undefined;',
        '  return body;',
        '}',
        'export async function hono(c: any) {',
        '  const payload = await c.req.json<ResponseCreateParams>();',
        '  return payload.previous_response_id;',
        '}',
        // A client's own wrapper hands the request it is given on to the SDK: its callers build it.
        'export class Client {',
        '  async send(request: ResponseCreateParams) {',
        '    if (request.truncation) log();',
        '    return this.client.responses.create(request);',
        '  }',
        '}',
        '',
      ].join('\n'),
    };
    expect(await typed(files)).toEqual([
      'web/shim.mts:3 viaChat POST /v1/responses [previous_response_id@4,model@5,truncation@5] (reads a request typed Input)',
      'web/shim.mts:8 route POST /v1/responses [model@9,input@10] (reads a request typed ResponseCreateParams)',
      'web/shim.mts:13 handle POST /v1/responses [model@13,max_output_tokens@13] (reads a request typed ResponseCreateParams)',
      'web/shim.mts:17 built POST /v1/responses [model@17,input@17] (request typed ResponseCreateParams)',
      'web/shim.mts:22 hono POST /v1/responses [previous_response_id@23] (reads a request typed ResponseCreateParams)',
    ]);
  });

  it('reads a request typed with the project’s own model, for the mapping to tie through that model', async () => {
    const { facts } = await analyzeFiles({
      'web/proxy.mts': [
        "// The prefilter picks the file for the event type it names; its own model's name is no SDK's.",
        "export const FIRST = 'response.created';",
        'interface ResponsesRequest { model: string; input: unknown; truncation?: string }',
        'export function toChat(req: ResponsesRequest) {',
        '  return { model: req.model, messages: [req.input], other: req.unknownKey };',
        '}',
        '',
      ].join('\n'),
    });
    expect(
      facts
        .filter((f) => f.kind === 'route' && f.paramsOnly)
        .map((f) => `${f.file}:${f.line} ${f.target} [${(f.params ?? []).map((p) => `${p.name}@${p.line}`)}] (${f.evidence})`),
    ).toEqual(['web/proxy.mts:4 web/proxy.mts#ResponsesRequest [model@5,input@5] (reads a request typed ResponsesRequest)']);
  });

  it('Python: reads a request a function that is no route is handed, typed with the project’s own model', async () => {
    const { facts } = await analyzeFiles({
      'server/models.py': 'class ResponseRequest:\n    model: str\n    input: str\n',
      'server/convert.py': [
        'from server import models',
        'DONE = "response.completed"',
        'def to_chat(request: models.ResponseRequest, limit: int = 3):',
        '    return {"model": request.model, "messages": [request.input], "n": request.unknown_key}',
        '',
      ].join('\n'),
      'server/__init__.py': '',
    });
    expect(
      facts
        .filter((f) => f.kind === 'route' && f.paramsOnly)
        .map((f) => `${f.file}:${f.line} ${f.target} [${(f.params ?? []).map((p) => `${p.name}@${p.line}`)}] (${f.evidence})`),
    ).toEqual(['server/convert.py:3 server/models.py#ResponseRequest [model@4,input@4] (reads a request typed models.ResponseRequest)']);
  });

  it('knows a plain alias of the SDK’s type in another module, imported through the project’s `paths`', async () => {
    const files = {
      'tsconfig.json': JSON.stringify({ files: [], references: [{ path: './tsconfig.web.json' }] }),
      'tsconfig.web.json': [
        '{',
        '  // the renderer’s aliases',
        '  "compilerOptions": { "paths": { "@app/*": ["./web/src/*"], }, },',
        '}',
      ].join('\n'),
      'web/src/types/sdk.mts': [
        "import type OpenAI from 'openai';",
        'export type ResponseSdkParams = OpenAI.Responses.ResponseCreateParams;',
        '',
      ].join('\n'),
      'web/src/client.mts': [
        "import type { ResponseSdkParams } from '@app/types/sdk.mjs';",
        'export function build(p: any) {',
        '  const params: ResponseSdkParams = { model: p.model, input: p.input };',
        '  return params;',
        '}',
        '',
      ].join('\n'),
    };
    expect(await typed(files)).toEqual([
      'web/src/client.mts:3 build POST /v1/responses [model@3,input@3] (request typed ResponseSdkParams)',
    ]);
  });

  it('takes a union of one endpoint’s request types as that request, and a union with another provider’s as none', async () => {
    const text = [
      "import type { ResponseCreateParamsStreaming, ResponseCreateParamsNonStreaming } from 'openai/resources/responses/responses';",
      "import type { MessageCreateParams } from '@anthropic-ai/sdk/resources/messages';",
      'type Either = ResponseCreateParamsStreaming | ResponseCreateParamsNonStreaming | undefined;',
      'type AnyProvider = ResponseCreateParamsStreaming | MessageCreateParams;',
      'export const one: Either = { model: "m", input: "x" };',
      'export const any: AnyProvider = { model: "m", max_tokens: 5 };',
      '',
    ].join('\n');
    expect(await typed({ 'web/union.mts': text })).toEqual([
      'web/union.mts:5 Either POST /v1/responses [model@5,input@5] (request typed Either)',
    ]);
  });

  it('knows the type through a package that passes the SDK on and through an alias, and not as the file’s own', async () => {
    const text = [
      "import { type OpenAIClient } from '@langchain/openai';",
      "type ChatRequest = Omit<OpenAIClient.Responses.ResponseCreateParamsNonStreaming, 'input'> & { extra?: number };",
      'interface ResponseCreateParams { model: string }',
      'export function chat(p: any): Promise<ChatRequest> {',
      '  const body: ChatRequest = { model: p.model, truncation: p.t };',
      '  return Promise.resolve(body);',
      '}',
      'export function own(p: any): ResponseCreateParams {',
      '  return { model: p.model };',
      '}',
      '',
    ].join('\n');
    expect(await typed({ 'web/chat.mts': text })).toEqual([
      'web/chat.mts:5 chat POST /v1/responses [model@5,truncation@5] (request typed ChatRequest)',
    ]);
  });
});

describe('Python: `**payload` built elsewhere in the file', () => {
  it('follows a helper’s return, a property, a dict comprehension’s source, keys set after and `**kwargs` from the calls', async () => {
    const text = [
      'class Chat:',
      '    @property',
      '    def _defaults(self):',
      '        optional = {"truncation": self.truncation, "n": self.n}',
      '        return {"model": self.model, **{k: v for k, v in optional.items() if v is not None}}',
      '',
      '    def _payload(self, messages, **kwargs):',
      '        payload = {**self._defaults, **kwargs}',
      '        payload = _to_responses(messages, payload)',
      '        return payload',
      '',
      '    def stream(self, messages, **kwargs):',
      '        kwargs["stream"] = True',
      '        payload = self._payload(messages, previous_response_id=kwargs.pop("prev", None), **kwargs)',
      '        return self.client.responses.create(**payload)',
      '',
      '',
      'def _to_responses(messages, payload):',
      '    payload["input"] = [m for m in messages]',
      '    payload.update(max_output_tokens=payload.pop("max_tokens", None))',
      '    return payload',
      '',
    ].join('\n');
    expect(await sent({ 'server/chat.py': text })).toEqual([
      'server/chat.py:15 POST /v1/responses [model@5,truncation@4,previous_response_id@14,input@19,max_output_tokens@20]',
    ]);
  });

  it('follows an attribute of an object the file builds with it as a keyword, through a helper’s return', async () => {
    const text = [
      'class Client:',
      '    def _process(self, messages):',
      '        create_args = {"model": self.model}',
      '        create_args["input"] = messages',
      '        return CreateParams(tools=[], create_args=create_args)',
      '',
      '    async def create(self, messages):',
      '        params = self._process(messages)',
      '        return await self._client.responses.create(**params.create_args, tools=params.tools)',
      '',
    ].join('\n');
    expect(await sent({ 'server/client.py': text })).toEqual(['server/client.py:9 POST /v1/responses [tools@9,model@3,input@4]']);
  });

  it('follows a request handed by keyword to a helper that calls a lambda with it', async () => {
    const text = [
      'class Provider:',
      '    def body(self, previous):',
      '        body = {"model": "m"}',
      '        if previous:',
      '            body["previous_response_id"] = previous',
      '        return body',
      '',
      '    async def retrying(self, *, request, attempt):',
      '        return await attempt(request)',
      '',
      '    async def send(self, request):',
      '        post = lambda payload: self.post(payload)',
      '        await self.retrying(request=request, attempt=lambda sent: self.post(sent))',
      '        return await post(request)',
      '',
      '    async def post(self, payload):',
      '        return await self.client.responses.create(**payload)',
      '',
      '    async def run(self, previous):',
      '        request = self.body(previous)',
      '        return await self.send(request)',
      '',
    ].join('\n');
    expect(await sent({ 'server/provider.py': text })).toEqual([
      'server/provider.py:17 POST /v1/responses [model@3,previous_response_id@5]',
    ]);
  });

  it('keeps the keyword arguments and a `**dict` beside the call whole, and the call is no call of the endpoint when all it sends is another API’s', async () => {
    const text = [
      'def make(client, text):',
      '    base = {"model": "m", "custom": 1}',
      '    client.responses.create(**base, input=text)',
      '',
      'def _args(name):',
      '    return {"name": name, "is_private": True}',
      '',
      'def make_channel(slack):',
      '    slack.responses.create(**_args("general"))',
      '',
    ].join('\n');
    expect(await sent({ 'server/calls.py': text })).toEqual(['server/calls.py:3 POST /v1/responses [model@2,custom@2,input@3]']);
  });
});

describe('options a class is constructed with, spread into its request in another method', () => {
  it('TypeScript: a property the constructor sets, and a parameter property', async () => {
    const text = [
      'class Stream {',
      '  private options: Record<string, unknown>;',
      '  constructor(private client: any, { options }: { options: Record<string, unknown> }) {',
      '    this.options = options;',
      '  }',
      '  run() {',
      '    const request = { ...this.options };',
      "    return this.client.responses.create({ model: 'm', ...request });",
      '  }',
      '}',
      'class Direct {',
      '  constructor(private client: any, private extra: Record<string, unknown>) {}',
      '  run() {',
      "    return this.client.responses.create({ model: 'm', ...this.extra });",
      '  }',
      '}',
      '// A decorated parameter is no property: `this.extra` is not what `new` gives it.',
      'class Injected {',
      "  constructor(private client: any, @Inject('x') extra: Record<string, unknown>) {}",
      '  run() {',
      "    return this.client.responses.create({ model: 'm', ...this.extra });",
      '  }',
      '}',
      'export function chat(client: any, fast: boolean) {',
      '  const options: Record<string, unknown> = {};',
      '  if (fast) options.truncation = "auto";',
      '  const extra: Record<string, unknown> = {};',
      '  extra.max_output_tokens = 5;',
      '  return [new Stream(client, { options }), new Direct(client, extra), new Injected(client, extra)];',
      '}',
      '',
    ].join('\n');
    expect(await sent({ 'web/stream.mts': text })).toEqual([
      'web/stream.mts:8 POST /v1/responses [model@8,truncation@26]',
      'web/stream.mts:14 POST /v1/responses [model@14,max_output_tokens@28]',
      'web/stream.mts:21 POST /v1/responses [model@21]',
    ]);
  });

  it('Python: an attribute `__init__` sets from its parameter, given by the class’s call', async () => {
    const text = [
      'class LLMStream:',
      '    def __init__(self, client, *, extra_kwargs):',
      '        self._client = client',
      '        self._extra_kwargs = extra_kwargs',
      '',
      '    async def run(self):',
      '        return await self._client.responses.create(model="m", **self._extra_kwargs)',
      '',
      'class LLM:',
      '    def chat(self):',
      '        extra = {}',
      '        extra["truncation"] = "auto"',
      '        return LLMStream(self._client, extra_kwargs=extra)',
      '',
    ].join('\n');
    expect(await sent({ 'server/llm.py': text })).toEqual(['server/llm.py:7 POST /v1/responses [model@7,truncation@12]']);
  });
});

describe('Python: keys a helper writes into the dict it is given', () => {
  it('follows a dict changed in place by a function of the file, and one returned in a tuple', async () => {
    const text = [
      'def handle_tools(model, new_kwargs):',
      '    new_kwargs["max_output_tokens"] = new_kwargs.pop("max_tokens", None)',
      '    return model, new_kwargs',
      '',
      'def add_defaults(kwargs):',
      '    kwargs["truncation"] = "auto"',
      '',
      'def create(client, model, kwargs):',
      '    add_defaults(kwargs)',
      '    _, kw = handle_tools(model, kwargs)',
      '    return client.responses.create(**kw)',
      '',
    ].join('\n');
    expect(await sent({ 'server/tools.py': text })).toEqual(['server/tools.py:11 POST /v1/responses [truncation@6,max_output_tokens@2]']);
  });

  it('reads a TypedDict made of a dict literal, and a body sent as the JSON text of one', async () => {
    const text = [
      'import httpx, json',
      'class CreateKw(TypedDict, total=False):',
      '    model: str',
      'def build(name):',
      '    kw: CreateKw = CreateKw({"model": name})',
      '    kw["truncation"] = "auto"',
      '    return client.responses.create(**kw)',
      'def create(client, name):',
      '    return client.responses.create(**CreateKw({"input": name}))',
      'def raw(base, name):',
      '    return httpx.post(f"{base}/v1/responses", content=None, data=json.dumps({"input": name}).encode())',
      '',
    ].join('\n');
    expect(await sent({ 'server/kw.py': text })).toEqual([
      'server/kw.py:7 POST /v1/responses [model@5,truncation@6]',
      'server/kw.py:9 POST /v1/responses [input@9]',
      'server/kw.py:11 POST /v1/responses [input@11]',
    ]);
  });
});

describe('Python: a helper shared by requests of two APIs', () => {
  it('returns to each call what that call gives it, not what every call of it gives', async () => {
    const text = [
      'class Provider:',
      '    def _responses_params(self, model):',
      '        params = {"model": model, "input": "hi"}',
      '        return self._clean(params)',
      '    def ask(self, model):',
      '        return self.client.responses.create(**self._responses_params(model))',
      '    def chat(self, model):',
      '        params = self._clean({"model": model, "messages": [], "max_output_tokens": 2})',
      '        return self.client.chat.completions.create(**params)',
      '    @staticmethod',
      '    def _clean(params):',
      '        return {k: v for k, v in params.items() if v is not None}',
      '',
    ].join('\n');
    expect(await sent({ 'server/shared.py': text })).toEqual(['server/shared.py:6 POST /v1/responses [model@3,input@3]']);
  });
});

describe('Python: a dict annotated with a TypedDict of the file', () => {
  it('may hold the keys the TypedDict declares, and those its base declares; a key written is located where it is', async () => {
    const text = [
      'from typing import TypedDict, Unpack',
      'class Sampling(TypedDict, total=False):',
      '    truncation: str',
      'class Options(Sampling, total=False):',
      '    temperature: float',
      '    max_output_tokens: int',
      'class Provider:',
      '    def __init__(self, client, options: Options):',
      '        self._client = client',
      '        self._options = options',
      '        self._extra: Options = {}',
      '    async def generate(self, prompt):',
      '        kwargs = {}',
      '        kwargs.update(self._extra)',
      '        return await self._client.responses.create(input=prompt, **kwargs)',
      '    async def again(self, prompt):',
      '        return await self._client.responses.create(input=prompt, **self._options)',
      'async def unpacked(client, prompt, **opts: Unpack[Options]):',
      '    return await client.responses.create(input=prompt, **opts)',
      'def local(client):',
      '    opts: Options = {"max_output_tokens": 9}',
      '    return client.responses.create(**opts)',
      '',
    ].join('\n');
    expect(await sent({ 'server/typed.py': text })).toEqual([
      'server/typed.py:15 POST /v1/responses [input@15,truncation@3,max_output_tokens@6]',
      'server/typed.py:17 POST /v1/responses [input@17,truncation@3,max_output_tokens@6]',
      'server/typed.py:19 POST /v1/responses [input@19,truncation@3,max_output_tokens@6]',
      'server/typed.py:22 POST /v1/responses [max_output_tokens@21,truncation@3]',
    ]);
  });
});

describe('the Responses API’s WebSocket mode', () => {
  it('reads a response.create frame’s own keys as the create request’s, and not a Realtime frame’s', async () => {
    const { facts } = await analyzeFiles({
      'web/ws.mts': [
        'export function send(ws: any, model: string, input: unknown[], extra: Record<string, unknown>) {',
        "  ws.send(JSON.stringify({ type: 'response.create', model, input, ...extra }));",
        "  ws.send(JSON.stringify({ type: 'response.create', response: { modalities: ['text'] } }));",
        '}',
        '',
      ].join('\n'),
      'server/ws.py': [
        'async def send(ws, model, extra):',
        '    frame = {"type": "response.create", "model": model, **extra}',
        '    extra["truncation"] = "auto"',
        '    await ws.send_json(frame)',
        '    await ws.send_json({"type": "response.create", "response": {"modalities": ["text"]}})',
        '',
      ].join('\n'),
    });
    expect(
      facts
        .filter((f) => f.kind === 'route')
        .map((f) => `${f.file}:${f.line} ${f.method} ${f.path} [${(f.params ?? []).map((p) => `${p.name}@${p.line}`)}] (${f.evidence})`),
    ).toEqual([
      'server/ws.py:2 POST /v1/responses [model@2,truncation@3] (response.create frame (WebSocket mode))',
      'web/ws.mts:2 POST /v1/responses [model@2,input@2] (response.create frame (WebSocket mode))',
    ]);
  });
});

describe('a raw HTTP client’s body built elsewhere in the file', () => {
  it('gives the keys some endpoint of the spec has (fetch’s JSON.stringify, httpx’s json=)', async () => {
    const ts = [
      'function payload(input) {',
      '  return { model: "m", input, trace_id: "t" };',
      '}',
      'export async function send(input) {',
      '  const body = payload(input);',
      "  await fetch('https://api.example.com/v1/responses', { method: 'POST', body: JSON.stringify(body) });",
      '}',
      '',
    ].join('\n');
    const py = [
      'def _payload(text):',
      '    data = {"model": "m", "trace_id": "t"}',
      '    data["input"] = text',
      '    return data',
      '',
      'async def send(client, text):',
      '    await client.post("/v1/responses", json=_payload(text))',
      '',
    ].join('\n');
    expect(await sent({ 'web/send.mts': ts, 'server/send.py': py })).toEqual([
      'server/send.py:7 POST /v1/responses [model@2,input@3]',
      'web/send.mts:6 POST /v1/responses [model@2,input@2]',
    ]);
  });
});

describe('a request that leads back to itself', () => {
  it('is read once per expression: a recursive builder with many returns ends at once', async () => {
    // Read naively, each of the 12 returns leads to all 12 again, ten steps deep: 12^10 paths.
    const returns = Array.from({ length: 12 }, (_, i) => `  if (n === ${i}) return build(n - 1);`);
    const text = [
      'function build(n) {',
      ...returns,
      '  return { request: { model: "m" } };',
      '}',
      'export async function send(client) {',
      '  return client.responses.create(build(3).request);',
      '}',
      '',
    ].join('\n');
    const found = await sent({ 'web/loop.mts': text });
    expect(found.map((f) => f.replace(/ \[.*$/, ''))).toEqual(['web/loop.mts:17 POST /v1/responses']);
  });
});

describe('a builder named for the request', () => {
  it('Python: gives the keys a function named for the request returns, with no call in sight', async () => {
    const text = [
      'from .base import Client',
      '',
      'class Provider(Client):',
      '    def build_responses_request_data(self, messages, config):',
      '        data = {"model": config.model, "input": messages, "stream": True}',
      '        if config.previous:',
      '            data["previous_response_id"] = config.previous',
      '        data["max_output_tokens"] = config.max',
      '        return data',
      '',
      '    def build_responses_input(self, messages):',
      '        return {"model": "m", "input": messages, "truncation": "auto"}',
      '',
      '    def _responses_request(self, config):',
      '        return {"model": config.model, "temperature": 1}',
      '',
      '    def handle(self, event):',
      '        if event.type == "response.created":',
      '            return event',
      '',
    ].join('\n');
    // The second builds a part of a request (its name says so), the third returns too few of its keys.
    expect(await built({ 'server/provider.py': text })).toEqual([
      'server/provider.py:4 build_responses_request_data POST /v1/responses [model@5,input@5,previous_response_id@7,max_output_tokens@8]',
    ]);
  });

  it('TypeScript: through a body type of the project’s own, an arrow function, and keys set after', async () => {
    const text = [
      "import type { EndpointBody } from './types';",
      'export function createResponsesRequestBody(options: any, model: string): EndpointBody {',
      '  const body: EndpointBody = { model, input: options.messages, stream: true };',
      "  body.truncation = options.truncate ? 'auto' : 'disabled';",
      '  return body;',
      '}',
      'export const toResponsesParams = (o: any) => ({ model: o.model, previous_response_id: o.id, max_output_tokens: 5 });',
      'export const buildResponsesPayload = (o: any) => ({ model: o.model });',
      "export function handle(e: { type: string }) { return e.type === 'response.created'; }",
      '',
    ].join('\n');
    expect(await built({ 'web/body.mts': text })).toEqual([
      'web/body.mts:2 createResponsesRequestBody POST /v1/responses [model@3,input@3,truncation@4]',
      'web/body.mts:7 toResponsesParams POST /v1/responses [model@7,previous_response_id@7,max_output_tokens@7]',
    ]);
  });
});

describe('a method named for a request, of a class named for the API', () => {
  it('TypeScript: gives the keys it returns, those a loop copies from a list of names among them; not another class’s', async () => {
    expect(
      await built({
        'web/adapter.mts': [
          "const PASSTHROUGH = new Set(['truncation', 'seed']);",
          'export class ResponsesApiAdapter {',
          '  translateRequest(payload: any) {',
          '    const request: Record<string, unknown> = { model: payload.model, input: payload.messages };',
          '    if (payload.previous) request.previous_response_id = payload.previous;',
          '    for (const key of PASSTHROUGH) {',
          '      if (payload[key] !== undefined) request[key] = payload[key];',
          '    }',
          "    for (const key of ['max_output_tokens']) request[key] = payload[key];",
          '    return request;',
          '  }',
          '}',
          // A class named for no collection, or for a response (as many answers as requests are called so).
          'export class ChatAdapter {',
          '  translateRequest(p: any) {',
          '    return { model: p.model, input: p.messages, previous_response_id: p.id };',
          '  }',
          '}',
          'export class ResponseAdapter {',
          '  buildPayload(p: any) {',
          '    return { model: p.model, input: p.messages, previous_response_id: p.id };',
          '  }',
          '}',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'web/adapter.mts:3 translateRequest POST /v1/responses [model@4,input@4,previous_response_id@5,truncation@7,max_output_tokens@9]',
    ]);
  });

  it('Python: the same, a decorated method too; not a method of a class named for no collection', async () => {
    expect(
      await built({
        'server/adapter.py': [
          'class OpenAIResponsesAdapter(BaseAdapter):',
          '    def to_payload(self, req):',
          '        out = {"model": req.model, "input": req.messages}',
          '        out["truncation"] = "auto"',
          '        return out',
          '',
          '    @staticmethod',
          '    def build_request(req):',
          '        return {"model": req.model, "input": req.messages, "max_output_tokens": 5}',
          '',
          'class ChatAdapter(BaseAdapter):',
          '    def to_payload(self, req):',
          '        return {"model": req.model, "input": req.messages, "truncation": "auto"}',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'server/adapter.py:2 to_payload POST /v1/responses [model@3,input@3,truncation@4]',
      'server/adapter.py:8 build_request POST /v1/responses [model@9,input@9,max_output_tokens@9]',
    ]);
  });
});

describe('Python: a request built by a function of another module', () => {
  it('sends what an imported function, or a method of the class an attribute holds, returns, where that module writes it', async () => {
    const { facts } = await analyzeFiles({
      'server/build.py': [
        'def make_args(model, messages, limit=None):',
        '    args = {"model": model, "input": messages, "n": 2}',
        '    if limit:',
        '        args["max_output_tokens"] = limit',
        '    return args',
        '',
        'def unrelated():',
        '    return {"model": "m"}',
        '',
        'def encode(model, messages):',
        '    kwargs = {"model": model, "input": messages}',
        '    return messages, kwargs',
        '',
      ].join('\n'),
      'server/handlers.py': [
        'class ParamsHandler:',
        '    def build(self, previous):',
        '        return {"previous_response_id": previous, "truncation": "auto"}',
        '',
      ].join('\n'),
      'server/client.py': [
        'from .build import make_args, unrelated',
        'from . import build',
        'from .handlers import ParamsHandler',
        '',
        'class Client:',
        '    def __init__(self):',
        '        self.params = ParamsHandler()',
        '',
        '    def run(self, client, messages):',
        '        client.responses.create(**make_args("m", messages))',
        '        client.responses.create(**unrelated())',
        '        extra = self.params.build("r1")',
        '        client.responses.create(**extra, model="m")',
        '        _, kwargs = build.encode("m", messages)',
        '        return client.responses.create(**kwargs)',
        '',
      ].join('\n'),
    });
    const sent = facts
      .filter((f) => f.kind === 'route' && f.file === 'server/client.py')
      .map((f) => `${f.line} [${(f.params ?? []).map((p) => `${p.name}@${p.file ?? ''}:${p.line} ${p.symbol ?? ''}`)}]`);
    expect(sent).toEqual([
      '10 [model@server/build.py:2 make_args,input@server/build.py:2 make_args,max_output_tokens@server/build.py:4 make_args]',
      // One key is what any dict may hold: the function is not taken for a request's builder.
      '11 []',
      '13 [model@:13 ,previous_response_id@server/handlers.py:3 ParamsHandler.build,truncation@server/handlers.py:3 ParamsHandler.build]',
      // An element of the tuple another module's function returns.
      '15 [model@server/build.py:11 encode,input@server/build.py:11 encode]',
    ]);
  });
});

describe('TypeScript: a request handed to a function of another module that sends it', () => {
  it('is a call of the endpoint where it is handed over, with the keys of the object it is given', async () => {
    const { facts } = await analyzeFiles({
      'web/stream.mts': [
        'export async function createStreamed(client: any, request: object, handlers: object) {',
        '  return client.responses.create(request, handlers);',
        '}',
        'export const label = (client: any, request: object) => String(request);',
        // What it is handed, spread into what it sends.
        'export async function start(client: any, opts: object) {',
        '  return client.responses.create({ ...opts, input: [], stream: true });',
        '}',
        '',
      ].join('\n'),
      'web/plain.mts': [
        "import { createStreamed } from './stream.mjs';",
        'export const ask = (client: any, input: string) =>',
        "  createStreamed(client, { model: 'm', input }, {});",
        '',
      ].join('\n'),
      'web/turn.mts': [
        "import { createStreamed, label, start } from './stream.mjs';",
        'export async function next(client: any, base: object, input: string, id: string) {',
        "  const request = { ...base, input, previous_response_id: id, ...(id ? { truncation: 'auto' } : {}) };",
        '  label(client, { input, store: true });',
        '  return createStreamed(client, request, {});',
        '}',
        'export async function again(client: any, input: string) {',
        "  return createStreamed(client, { model: 'm', input, truncation: 'auto' }, {});",
        '}',
        '// The function as a parameter defaulting to it, for tests to replace.',
        'export async function third({ client, create = createStreamed }: { client: any; create?: typeof createStreamed }) {',
        "  const request = { model: 'm', input: 'x' };",
        '  return create(client, request, {});',
        '}',
        'export async function fourth(client: any) {',
        "  const opts = { model: 'm', truncation: 'auto', max_output_tokens: 9 };",
        '  return start(client, opts);',
        '}',
        '',
      ].join('\n'),
    });
    const sent = facts
      .filter((f) => f.kind === 'route' && (f.file === 'web/turn.mts' || f.file === 'web/plain.mts'))
      .map((f) => `${f.file}:${f.line} ${f.method} ${f.path} [${(f.params ?? []).map((p) => `${p.name}@${p.line}`)}] (${f.evidence})`);
    expect(sent).toEqual([
      // A module that names no key but the commonest, nor the spec's paths or types: found by its call.
      'web/plain.mts:3 POST /v1/responses [model@3,input@3] (createStreamed() call, sent by createStreamed)',
      'web/turn.mts:5 POST /v1/responses [input@3,previous_response_id@3,truncation@3] (createStreamed() call, sent by createStreamed)',
      'web/turn.mts:8 POST /v1/responses [model@8,input@8,truncation@8] (createStreamed() call, sent by createStreamed)',
      'web/turn.mts:13 POST /v1/responses [model@12,input@12] (createStreamed() call, sent by createStreamed)',
      'web/turn.mts:17 POST /v1/responses [model@16,truncation@16,max_output_tokens@16] (start() call, sent by start)',
    ]);
  });
});

describe('TypeScript: a request built by a function of another module', () => {
  it('sends what an imported function returns, by name or through a namespace, where that module writes it', async () => {
    const { facts } = await analyzeFiles({
      'web/build.mts': [
        'export function makeArgs(model: string, messages: unknown[], limit?: number) {',
        '  const args: Record<string, unknown> = { model, input: messages, n: 2 };',
        '  if (limit) args.max_output_tokens = limit;',
        '  return args;',
        '}',
        "export const tail = (id: string) => ({ previous_response_id: id, truncation: 'auto' });",
        "export const one = () => ({ model: 'm' });",
        'export const limitParams = (n: number) => ({ max_output_tokens: n });',
        '',
      ].join('\n'),
      'web/client.mts': [
        "import { limitParams, makeArgs, one } from './build.mjs';",
        "import * as builders from './build.mjs';",
        'export async function run(client: any, messages: unknown[]) {',
        "  await client.responses.create(makeArgs('m', messages));",
        '  await client.responses.create(one());',
        "  await client.responses.create({ ...builders.tail('r1'), model: 'm' });",
        "  return client.responses.create({ model: 'm', ...limitParams(5) });",
        '}',
        // The same builders, their request sent with `fetch`.
        'export async function raw(base: string, messages: unknown[]) {',
        "  const body = makeArgs('m', messages);",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template, analyzed
        "  await fetch(`${base}/v1/responses`, { method: 'POST', body: JSON.stringify(body) });",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template, analyzed
        "  return fetch(`${base}/v1/responses`, { method: 'POST', body: JSON.stringify(builders.tail('r2')) });",
        '}',
        '',
      ].join('\n'),
    });
    const sent = paramsWhere(facts, 'web/client.mts');
    expect(sent).toEqual([
      '4 [model@web/build.mts:2 makeArgs,input@web/build.mts:2 makeArgs,max_output_tokens@web/build.mts:3 makeArgs]',
      // A lone `model` is what any object may hold: the function is not taken for a request's builder.
      '5 []',
      '6 [model@:6 run,previous_response_id@web/build.mts:6 tail,truncation@web/build.mts:6 tail]',
      // One key only a request has is enough.
      '7 [model@:7 run,max_output_tokens@web/build.mts:8 limitParams]',
      '11 [model@web/build.mts:2 makeArgs,input@web/build.mts:2 makeArgs,max_output_tokens@web/build.mts:3 makeArgs]',
      '12 [previous_response_id@web/build.mts:6 tail,truncation@web/build.mts:6 tail]',
    ]);
  });

  it('sends what it returns under a key the caller takes (`const { body } = build(…)`, `build(…).body`), its keys copied by a helper', async () => {
    const { facts } = await analyzeFiles({
      'web/payload.mts': [
        'function removeUndefined(p: Record<string, unknown>) {',
        '  return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined));',
        '}',
        'export function translateRequest(model: string, prev?: string) {',
        '  const body = removeUndefined({',
        '    model,',
        "    input: 'hi',",
        '    previous_response_id: prev,',
        '  });',
        "  body.truncation = 'auto';",
        '  return { body, headers: {}, warnings: [] };',
        '}',
        'export const wrapped = (model: string) => ({ request: Object.assign({}, { model, max_output_tokens: 5 }), retries: 2 });',
        '',
      ].join('\n'),
      'web/send.mts': [
        "import { translateRequest, wrapped } from './payload.mjs';",
        'export async function complete(client: any, base: string, model: string) {',
        '  const { body, headers } = translateRequest(model);',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template, analyzed
        "  await fetch(`${base}/v1/responses`, { method: 'POST', headers, body: JSON.stringify(body) });",
        "  return client.responses.create({ ...wrapped(model).request, input: 'x' });",
        '}',
        'export async function described(base: string, model: string) {',
        '  const { body } = translateRequest(model);',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template, analyzed
        "  return httpRequest({ url: `${base}/v1/responses`, method: 'POST', body });",
        '}',
        '',
      ].join('\n'),
    });
    const sent = paramsWhere(facts, 'web/send.mts');
    expect(sent).toEqual([
      '4 [model@web/payload.mts:6 translateRequest,input@web/payload.mts:7 translateRequest,previous_response_id@web/payload.mts:8 translateRequest,truncation@web/payload.mts:10 translateRequest]',
      '5 [input@:5 complete,model@web/payload.mts:13 wrapped,max_output_tokens@web/payload.mts:13 wrapped]',
      '9 [model@web/payload.mts:6 translateRequest,input@web/payload.mts:7 translateRequest,previous_response_id@web/payload.mts:8 translateRequest,truncation@web/payload.mts:10 translateRequest]',
    ]);
  });
});

describe('the strings a client sends for a key', () => {
  it('are carried with the key (one, or a list), in both languages, for the enum values they set', async () => {
    const { facts } = await analyzeFiles({
      'web/send.mts': [
        'export async function send(client: any, text: string) {',
        '  const body: Record<string, unknown> = { model: "m", input: text };',
        "  body.truncation = 'auto';",
        "  return client.responses.create({ ...body, include: ['a.b', 'c.d'], max_output_tokens: 5 });",
        '}',
        '',
      ].join('\n'),
      'server/send.py': [
        'def send(client, text):',
        '    extra = {"truncation": "disabled"}',
        '    return client.responses.create(model="m", input=text, include=["a.b"], **extra)',
        '',
        'def gather(client, text, web):',
        '    include = ["x.y"]',
        '    if web:',
        '        include.append("a.b")',
        '        include.extend(["c.d"])',
        '    return client.responses.create(model="m", input=text, include=include)',
        '',
      ].join('\n'),
    });
    expect(sentValues(facts)).toEqual([
      'server/send.py:3 model=m,input,include=a.b,truncation=disabled',
      // A list held in a name, and what the function appends to it.
      'server/send.py:10 model=m,input,include=x.y|a.b|c.d',
      'web/send.mts:4 model=m,input,truncation=auto,include=a.b|c.d,max_output_tokens',
    ]);
  });

  it('TypeScript: are what a list of the function’s own is given, written out and pushed, and none when anything else goes in', async () => {
    const { facts } = await analyzeFiles({
      'web/list.mts': [
        'export async function send(client: any, extra: string) {',
        "  const truncation: string[] = ['auto'];",
        "  truncation.push('disabled');",
        '  const request: Record<string, unknown> = { model: "m", input: "hi" };',
        '  request.truncation = truncation;',
        '  return client.responses.create(request);',
        '}',
        'export async function mixed(client: any, extra: string) {',
        '  const truncation: string[] = [];',
        "  truncation.push('auto');",
        '  truncation.push(extra);',
        '  return client.responses.create({ model: "m", truncation });',
        '}',
        '',
      ].join('\n'),
    });
    expect(sentValues(facts)).toEqual(['web/list.mts:6 model=m,input=hi,truncation=auto|disabled', 'web/list.mts:12 model=m,truncation']);
  });

  it('are carried from a builder of another module, with the keys it returns', async () => {
    const { facts } = await analyzeFiles({
      'web/build.mts': [
        'export function buildPayload(model: string) {',
        "  return { model, input: 'hi', truncation: 'auto', include: ['a.b'] };",
        '}',
        '',
      ].join('\n'),
      'web/run.mts': [
        "import { buildPayload } from './build.mjs';",
        'export async function run(client: any) {',
        "  return client.responses.create({ ...buildPayload('m'), max_output_tokens: 5 });",
        '}',
        '',
      ].join('\n'),
      'server/build.py': ['def build_args(model):', '    return {"model": model, "input": "hi", "truncation": "disabled"}', ''].join('\n'),
      'server/run.py': [
        'from .build import build_args',
        'def run(client):',
        '    return client.responses.create(**build_args("m"))',
        '',
      ].join('\n'),
    });
    expect(sentValues(facts)).toEqual([
      'server/run.py:3 model,input=hi,truncation=disabled',
      'web/run.mts:3 max_output_tokens,model,input=hi,truncation=auto',
    ]);
  });
});

describe('keys a function of the file writes into the request it is handed', () => {
  it('TypeScript: through its parameter, the object handed as it is or cast', async () => {
    expect(
      await sent({
        'web/opts.mts': [
          'function applyOptions(body: Record<string, unknown>, o: { t?: number; p?: string }) {',
          '  if (o.p) body.previous_response_id = o.p;',
          "  body['truncation'] = 'auto';",
          '}',
          'function untouched(copy: Record<string, unknown>) {',
          '  const other: Record<string, unknown> = {};',
          '  other.max_output_tokens = 5;',
          '  return { ...copy };',
          '}',
          'export async function send(client: any, model: string, o: { t?: number; p?: string }) {',
          '  const body = { model, input: "hi" };',
          '  applyOptions(body as Record<string, unknown>, o);',
          '  untouched(body);',
          '  return client.responses.create(body);',
          '}',
          '',
        ].join('\n'),
      }),
    ).toEqual(['web/opts.mts:14 POST /v1/responses [model@11,input@11,previous_response_id@2,truncation@3]']);
  });
});

describe('keys a function of another module writes into the request it is handed', () => {
  it('Python: an imported function called for what it does to the request, through its parameter', async () => {
    expect(
      await sent({
        'server/options.py': [
          'def apply_options(kwargs, opts):',
          '    if opts.previous:',
          '        kwargs["previous_response_id"] = opts.previous',
          '    kwargs.setdefault("max_output_tokens", 5)',
          '',
          'def describe(kwargs):',
          '    return str(kwargs.get("model"))',
          '',
        ].join('\n'),
        'server/client.py': [
          'from .options import apply_options, describe',
          '',
          'def send(client, model, opts):',
          '    kwargs = {"model": model, "input": "hi"}',
          '    apply_options(kwargs, opts)',
          '    print(describe(kwargs))',
          '    return client.responses.create(**kwargs)',
          '',
        ].join('\n'),
      }),
    ).toEqual(['server/client.py:7 POST /v1/responses [model@4,input@4,previous_response_id@3,max_output_tokens@4]']);
  });

  it('TypeScript: an imported function called for what it does to the request, through its parameter', async () => {
    expect(
      await sent({
        'web/options.mts': [
          'export function applyOptions(body: Record<string, unknown>, o: { t?: number; p?: string }) {',
          '  if (o.p) body.previous_response_id = o.p;',
          "  body['max_output_tokens'] = o.t;",
          '}',
          'export function describe(body: Record<string, unknown>) {',
          '  return String(body.model);',
          '}',
          '',
        ].join('\n'),
        'web/client.mts': [
          "import { applyOptions, describe } from './options.mjs';",
          'export async function send(client: any, model: string, o: { t?: number; p?: string }) {',
          '  const body = { model, input: "hi" };',
          '  applyOptions(body as Record<string, unknown>, o);',
          '  console.log(describe(body));',
          '  return client.responses.create(body);',
          '}',
          '',
        ].join('\n'),
      }),
    ).toEqual(['web/client.mts:6 POST /v1/responses [model@3,input@3,previous_response_id@2,max_output_tokens@3]']);
  });
});
