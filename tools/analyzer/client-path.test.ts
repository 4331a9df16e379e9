import { describe, expect, it } from 'vitest';
import type { SdkEndpoint } from './candidates.js';
import { builderNouns, buildsRequest, paramsTypeOf, requestBuilderEndpoint, sdkEndpoint, sdkParamsTypes } from './client-path.js';

const endpoint = (method: string, path: string): SdkEndpoint => ({ method, path, params: [] });

describe('sdkParamsTypes', () => {
  it('names each call’s request as the SDKs do: the last collection in the singular, then the method', () => {
    const types = sdkParamsTypes(
      new Map([
        ['responses.create', endpoint('POST', '/v1/responses')],
        ['responses.input_tokens.count', endpoint('POST', '/v1/responses/input_tokens')],
        ['responses.inputItems.list', endpoint('GET', '/v1/responses/{response_id}/input_items')],
        ['conversations.items.create', endpoint('POST', '/v1/conversations/{conversation_id}/items')],
        ['batches.create', endpoint('POST', '/v1/batches')],
        ['vector_stores.files.create', endpoint('POST', '/v1/vector_stores/{id}/files')],
        ['files.create', endpoint('POST', '/v1/files')],
      ]),
    );
    expect([...types].map(([name, t]) => `${name} ${t.method} ${t.path}`)).toEqual([
      'ResponseCreateParams POST /v1/responses',
      'InputTokenCountParams POST /v1/responses/input_tokens',
      'InputItemListParams GET /v1/responses/{response_id}/input_items',
      'ItemCreateParams POST /v1/conversations/{conversation_id}/items',
      'BatchCreateParams POST /v1/batches',
      // `FileCreateParams` would name two endpoints' requests: it stands for neither.
    ]);
  });

  it('knows the variants the SDKs declare of one request, and nothing else of its name', () => {
    const types = sdkParamsTypes(new Map([['responses.create', endpoint('POST', '/v1/responses')]]));
    for (const name of [
      'ResponseCreateParams',
      'ResponseCreateParamsStreaming',
      'ResponseCreateParamsNonStreaming',
      'ResponseCreateParamsBase',
    ])
      expect(paramsTypeOf(name, types)?.path, name).toBe('/v1/responses');
    for (const name of ['ResponseCreateParamsX', 'ResponseCreate', 'ResponseRetrieveParams'])
      expect(paramsTypeOf(name, types), name).toBeUndefined();
  });
});

describe('sdkEndpoint', () => {
  it('reads a call through the raw-response views as the call itself', () => {
    const calls = new Map([['responses.create', endpoint('POST', '/v1/responses')]]);
    expect(sdkEndpoint(['client', 'responses', 'with_raw_response', 'create'], calls)?.call).toBe('responses.create');
    expect(sdkEndpoint(['responses', 'with_streaming_response', 'create'], calls)?.call).toBe('responses.create');
    expect(sdkEndpoint(['client', 'responses', 'with_other', 'create'], calls)).toBeUndefined();
  });
});

describe('requestBuilderEndpoint', () => {
  const nouns = builderNouns(
    new Map([
      ['responses.create', endpoint('POST', '/v1/responses')],
      ['responses.parse', { ...endpoint('POST', '/v1/responses'), helper: true as const }],
      ['responses.retrieve', endpoint('GET', '/v1/responses/{response_id}')],
      ['conversations.items.create', endpoint('POST', '/v1/conversations/{conversation_id}/items')],
      ['files.create', endpoint('POST', '/v1/files')],
      ['vector_stores.files.create', endpoint('POST', '/v1/vector_stores/{id}/files')],
    ]),
  );
  const call = (name: string): string | undefined => requestBuilderEndpoint(name, nouns)?.call;

  it('takes the nouns of the calls that create, and none two endpoints share', () => {
    expect([...nouns.keys()]).toEqual(['responses', 'items']);
  });

  it('reads a verb, the noun, then words that say request, in either case style', () => {
    for (const name of [
      'createResponsesRequestBody',
      'build_responses_request_data',
      '_build_responses_payload',
      'buildResponsesRequest',
      'toResponsesParams',
      'responses_api_kwargs',
      '_build_responses_parse_kwargs',
      'create_response_request',
      'make_response_create_params',
      'build_response_params',
    ])
      expect(call(name), name).toBe('responses.create');
    expect(call('buildItemsCreateBody')).toBe('conversations.items.create');
  });

  it('takes nothing that builds a part of a request, names an answer or another thing', () => {
    for (const name of [
      'build_responses_input',
      '_build_responses_text_config',
      'responses_request_id',
      'get_response_body',
      'build_response_payload',
      'parse_responses_body',
      'buildRequestBody',
      'build_files_request',
      'responses',
      'buildResponsesOptions',
    ])
      expect(call(name), name).toBeUndefined();
  });
});

describe('buildsRequest', () => {
  it('takes two keys, or one only a request has, and not a lone common one', () => {
    expect(buildsRequest(['model', 'input'])).toBe(true);
    expect(buildsRequest(['reasoning'])).toBe(true);
    expect(buildsRequest(['max_output_tokens'])).toBe(true);
    expect(buildsRequest(['model'])).toBe(false);
    expect(buildsRequest(['model', 'model'])).toBe(false);
    expect(buildsRequest([])).toBe(false);
  });
});
