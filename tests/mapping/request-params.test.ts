/**
 * A client's request parameters in the mapping: a key written in a builder is located once, as the
 * builder's, however many calls send the request it builds; a request typed as the SDK's, built
 * apart from any call, gives its parameters and no call of the endpoint.
 */
import { describe, expect, it } from 'vitest';
import { computeMapping } from '../../tools/mapping/compute.js';
import { fact, smallConfig, smallModel } from './fixture.js';

const sdkCall = (symbol: string, line: number, params: { name: string; line: number; symbol?: string }[]) =>
  fact({
    file: 'backend/model.py',
    line,
    kind: 'route',
    symbol,
    method: 'POST',
    path: '/v1/responses',
    evidence: 'SDK call responses.create()',
    params: params.map((p) => ({ ...p, in: 'body' as const })),
  });

const places = (m: ReturnType<typeof computeMapping>, id: string) =>
  (m.items[id]?.lanes?.server ?? []).map((l) => `${l.file}:${l.line} ${l.symbol} (${l.evidence})`);

describe('request parameters of a client', () => {
  it('locates a key a builder writes once, as the builder’s, for all the calls that send it', () => {
    const m = computeMapping(
      smallModel(),
      [
        sdkCall('invoke', 40, [
          { name: 'model', line: 10, symbol: 'request_params' },
          { name: 'stream', line: 41 },
        ]),
        sdkCall('ainvoke', 50, [{ name: 'model', line: 10, symbol: 'request_params' }]),
      ],
      smallConfig(),
    );
    expect(places(m, 'param:POST /v1/responses#model')).toEqual([
      'ws/backend/model.py:10 request_params.model (body parameter of request_params, sent by invoke)',
    ]);
    expect(places(m, 'param:POST /v1/responses#stream')).toEqual(['ws/backend/model.py:41 invoke.stream (body parameter of invoke)']);
    expect(places(m, 'endpoint:POST /v1/responses')).toHaveLength(2);
  });

  it('gives a typed request’s parameters and no call of the endpoint where it is built', () => {
    const typed = fact({
      file: 'backend/build.py',
      line: 7,
      kind: 'route',
      symbol: 'build',
      method: 'POST',
      path: '/v1/responses',
      evidence: 'request typed ResponseCreateParams',
      paramsOnly: true,
      params: [{ name: 'input', in: 'body', line: 8 }],
    });
    const m = computeMapping(smallModel(), [typed], smallConfig());
    expect(places(m, 'param:POST /v1/responses#input')).toEqual(['ws/backend/build.py:8 build.input (body parameter of build)']);
    expect(places(m, 'endpoint:POST /v1/responses')).toEqual([]);
  });
});

describe('a request written in camelCase', () => {
  it('locates a camelCase key at the snake_case parameter it spells, and nothing for a name that is not camelCase', () => {
    const m = computeMapping(
      smallModel(),
      [
        sdkCall('send', 20, [
          { name: 'topP', line: 21 },
          { name: 'stream', line: 22 },
          { name: 'topK', line: 23 },
          { name: 'Top_P', line: 24 },
        ]),
      ],
      smallConfig(),
    );
    expect(places(m, 'param:POST /v1/responses#top_p')).toEqual(['ws/backend/model.py:21 send.topP (body parameter of send)']);
    expect(places(m, 'param:POST /v1/responses#stream')).toEqual(['ws/backend/model.py:22 send.stream (body parameter of send)']);
  });
});

describe('a request built by a function of another module', () => {
  it('locates each key where that module writes it, as the function’s, sent by the call', () => {
    const call = fact({
      file: 'backend/client.py',
      line: 9,
      kind: 'route',
      symbol: 'run',
      method: 'POST',
      path: '/v1/responses',
      evidence: 'SDK call responses.create()',
      params: [{ name: 'input', in: 'body', line: 2, file: 'backend/build.py', symbol: 'make_args', returned: true }],
    });
    const m = computeMapping(smallModel(), [call], smallConfig());
    expect(places(m, 'param:POST /v1/responses#input')).toEqual([
      'ws/backend/build.py:2 make_args.input (body parameter returned by make_args, sent by run)',
    ]);
    expect(places(m, 'endpoint:POST /v1/responses')).toEqual(['ws/backend/client.py:9 run (SDK call responses.create())']);
  });
});

describe('a builder named for the request', () => {
  const named = (params: { name: string; line: number }[]) =>
    fact({
      file: 'backend/model.py',
      line: 9,
      kind: 'route',
      symbol: 'build_responses_request',
      method: 'POST',
      path: '/v1/responses',
      evidence: 'builder named for responses.create()',
      paramsOnly: true,
      namedBuilder: true,
      params: params.map((p) => ({ ...p, in: 'body' as const, symbol: 'build_responses_request' })),
    });

  it('locates its keys, and no call of the endpoint', () => {
    const m = computeMapping(smallModel(), [named([{ name: 'input', line: 10 }])], smallConfig());
    expect(places(m, 'param:POST /v1/responses#input')).toEqual([
      'ws/backend/model.py:10 build_responses_request.input (named like a request builder: body parameter of build_responses_request)',
    ]);
    expect(places(m, 'endpoint:POST /v1/responses')).toEqual([]);
  });

  it('adds its key where a function of the same name in another file has the key placed', () => {
    const elsewhere = fact({
      file: 'backend/other.py',
      line: 40,
      kind: 'route',
      symbol: 'invoke',
      method: 'POST',
      path: '/v1/responses',
      evidence: 'SDK call responses.create()',
      params: [{ name: 'input', in: 'body', line: 30, symbol: 'build_responses_request' }],
    });
    const m = computeMapping(smallModel(), [elsewhere, named([{ name: 'input', line: 10 }])], smallConfig());
    expect(places(m, 'param:POST /v1/responses#input')).toEqual([
      'ws/backend/model.py:10 build_responses_request.input (named like a request builder: body parameter of build_responses_request)',
      'ws/backend/other.py:30 build_responses_request.input (body parameter of build_responses_request, sent by invoke)',
    ]);
  });

  it('adds nothing to a key a call’s flow placed in it, wherever the facts come in the list', () => {
    const call = sdkCall('invoke', 40, [{ name: 'input', line: 12, symbol: 'build_responses_request' }]);
    for (const facts of [
      [named([{ name: 'input', line: 10 }]), call],
      [call, named([{ name: 'input', line: 10 }])],
    ]) {
      const m = computeMapping(smallModel(), facts, smallConfig());
      expect(places(m, 'param:POST /v1/responses#input')).toEqual([
        'ws/backend/model.py:12 build_responses_request.input (body parameter of build_responses_request, sent by invoke)',
      ]);
    }
  });
});

describe('a request model named as such models are', () => {
  const field = (symbol: string, name: string, line: number) =>
    fact({ file: 'backend/models.py', line, kind: 'param', symbol, field: name, evidence: 'class field' });
  const withCalls = () => {
    const model = smallModel();
    model.endpoints[0]!.sdkCalls = ['responses.create'];
    return model;
  };

  it('serves the endpoint whose SDK call it is named after, when it declares several of its parameters', () => {
    const m = computeMapping(
      withCalls(),
      [
        field('ResponsesRequest', 'model', 3),
        field('ResponsesRequest', 'input', 4),
        field('ResponsesRequest', 'stream', 5),
        // Named so, but sharing two parameters only: not taken for the request.
        field('CreateResponseBody', 'model', 10),
        field('CreateResponseBody', 'top_p', 11),
        // What the API answers, whatever it shares: no request's name.
        field('ResponseBody', 'model', 20),
        field('ResponseBody', 'input', 21),
        field('ResponseBody', 'stream', 22),
      ],
      smallConfig(),
    );
    expect(places(m, 'param:POST /v1/responses#model')).toEqual([
      'ws/backend/models.py:3 ResponsesRequest.model (named like a request of POST /v1/responses (ResponsesRequest))',
    ]);
    expect(places(m, 'param:POST /v1/responses#stream')).toHaveLength(1);
    expect(places(m, 'param:POST /v1/responses#top_p')).toEqual([]);
  });

  it('reads a name past a vendor’s words and with a compound suffix, and no answer’s or other API’s name that way', () => {
    const three = (symbol: string, line: number) => [
      field(symbol, 'model', line),
      field(symbol, 'input', line + 1),
      field(symbol, 'stream', line + 2),
    ];
    const m = computeMapping(
      withCalls(),
      [
        ...three('OpenAIResponseRequest', 3),
        ...three('HeliconeResponsesRequestBody', 10),
        ...three('OpenAIResponseBody', 20),
        // The SDK's own name under another API's (the Realtime API's `response.create`).
        ...three('RealtimeResponseCreateParams', 30),
        // The API's own word before the suffix, and a Python TypedDict of keyword arguments.
        ...three('ResponsesApiRequest', 40),
        ...three('ResponseCreateKwargs', 50),
        // An answer with the API's word is still an answer.
        ...three('ResponsesApiBody', 60),
      ],
      smallConfig(),
    );
    expect(places(m, 'param:POST /v1/responses#model')).toEqual([
      'ws/backend/models.py:3 OpenAIResponseRequest.model (named like a request of POST /v1/responses (OpenAIResponseRequest))',
      'ws/backend/models.py:10 HeliconeResponsesRequestBody.model (named like a request of POST /v1/responses (HeliconeResponsesRequestBody))',
      'ws/backend/models.py:40 ResponsesApiRequest.model (named like a request of POST /v1/responses (ResponsesApiRequest))',
      'ws/backend/models.py:50 ResponseCreateKwargs.model (named like a request of POST /v1/responses (ResponseCreateKwargs))',
    ]);
  });

  it('counts and locates what a model named so inherits from the workspace classes it extends', () => {
    const inherits = (symbol: string, name: string, line: number, bases: string[]) => ({ ...field(symbol, name, line), bases });
    const base = 'backend/models.py#OptionalParams';
    const m = computeMapping(
      withCalls(),
      [
        field('OptionalParams', 'stream', 3),
        field('OptionalParams', 'top_p', 4),
        // Two fields of its own: three or more only with what it inherits.
        inherits('ResponsesAPIRequestParams', 'model', 10, [base]),
        inherits('ResponsesAPIRequestParams', 'input', 11, [base]),
        // The same two fields and no base: not taken for the request.
        field('ResponsesAPIRequestPayload', 'model', 20),
        field('ResponsesAPIRequestPayload', 'input', 21),
      ],
      smallConfig(),
    );
    expect(places(m, 'param:POST /v1/responses#top_p')).toEqual([
      'ws/backend/models.py:4 OptionalParams.top_p (base of the model named like a request of POST /v1/responses (ResponsesAPIRequestParams))',
    ]);
    expect(places(m, 'param:POST /v1/responses#model')).toEqual([
      'ws/backend/models.py:10 ResponsesAPIRequestParams.model (named like a request of POST /v1/responses (ResponsesAPIRequestParams))',
    ]);
  });

  it('gives the keys read off a request typed with that model to the endpoint it serves', () => {
    const read = fact({
      file: 'backend/service.py',
      line: 30,
      kind: 'route',
      symbol: 'convert',
      className: 'ResponsesRequest',
      target: 'backend/models.py#ResponsesRequest',
      evidence: 'reads a request typed ResponsesRequest',
      paramsOnly: true,
      params: [{ name: 'top_p', in: 'body', line: 31 }],
    });
    const fields = [field('ResponsesRequest', 'model', 3), field('ResponsesRequest', 'input', 4), field('ResponsesRequest', 'stream', 5)];
    expect(places(computeMapping(withCalls(), [...fields, read], smallConfig()), 'param:POST /v1/responses#top_p')).toEqual([
      'ws/backend/service.py:31 convert.top_p (body parameter of convert (reads a request typed ResponsesRequest))',
    ]);
    // A model that serves no endpoint gives its readers' keys to none.
    expect(places(computeMapping(withCalls(), [read], smallConfig()), 'param:POST /v1/responses#top_p')).toEqual([]);
    // A model a route declares as its body is where its parameters are: the server's reads add none.
    const route = fact({
      file: 'backend/app.py',
      line: 9,
      kind: 'route',
      symbol: 'create',
      method: 'POST',
      path: '/v1/responses',
      className: 'ResponsesRequest',
      target: 'backend/models.py#ResponsesRequest',
      evidence: 'FastAPI route',
    });
    expect(places(computeMapping(withCalls(), [...fields, route, read], smallConfig()), 'param:POST /v1/responses#top_p')).toEqual([]);
  });

  it('locates the keys read off a model the workspace does not declare: by the route that takes it, or by its name', () => {
    const reads = (className: string, target: string | undefined, names: string[]) =>
      fact({
        file: 'backend/convert.py',
        line: 40,
        kind: 'route',
        symbol: 'to_chat',
        className,
        ...(target ? { target } : {}),
        evidence: `reads a request typed ${className}`,
        paramsOnly: true,
        params: names.map((name, i) => ({ name, in: 'body' as const, line: 41 + i })),
      });
    // A route takes it as its body, from a module outside the workspace: its fields are nowhere here.
    const route = fact({
      file: 'backend/app.py',
      line: 9,
      kind: 'route',
      symbol: 'create',
      method: 'POST',
      path: '/v1/responses',
      className: 'GatewayRequest',
      target: 'core.models.GatewayRequest',
      evidence: 'FastAPI route',
    });
    expect(
      places(
        computeMapping(withCalls(), [route, reads('GatewayRequest', 'core.models.GatewayRequest', ['top_p'])], smallConfig()),
        'param:POST /v1/responses#top_p',
      ),
    ).toEqual(['ws/backend/convert.py:41 to_chat.top_p (body parameter of to_chat (reads a request typed GatewayRequest))']);
    // No route: named as projects name the request, and read for three of its parameters.
    const named = reads('models.OpenAIResponsesRequest', undefined, ['model', 'input', 'top_p']);
    expect(places(computeMapping(withCalls(), [named], smallConfig()), 'param:POST /v1/responses#top_p')).toEqual([
      'ws/backend/convert.py:43 to_chat.top_p (body parameter of to_chat (reads a request typed models.OpenAIResponsesRequest))',
    ]);
    // Two of them are what any object of that name may hold; another name ties nothing.
    const few = reads('OpenAIResponsesRequest', undefined, ['model', 'top_p']);
    const other = reads('ChatRequest', undefined, ['model', 'input', 'top_p']);
    expect(places(computeMapping(withCalls(), [few, other], smallConfig()), 'param:POST /v1/responses#top_p')).toEqual([]);
  });

  it('ties nothing by name where the model names no SDK call or schema for the endpoint', () => {
    const m = computeMapping(
      smallModel(),
      [field('ResponsesRequest', 'model', 3), field('ResponsesRequest', 'input', 4), field('ResponsesRequest', 'stream', 5)],
      smallConfig(),
    );
    expect(places(m, 'param:POST /v1/responses#model')).toEqual([]);
  });
});
