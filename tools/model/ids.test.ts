import { describe, expect, it } from 'vitest';
import { endpointId, endpointOfId, enumId, eventId, kindOfId, objectFieldId, objectId, paramId } from './ids.js';

describe('id builders (DESIGN.md "The pipeline")', () => {
  const cases: [string, string, string][] = [
    ['event', eventId('response.created'), 'event:response.created'],
    ['event of one API among several', eventId('error', 'realtime'), 'event:realtime/error'],
    ['endpoint', endpointId('post', '/v1/responses'), 'endpoint:POST /v1/responses'],
    ['param', paramId('endpoint:POST /v1/responses', 'include'), 'param:POST /v1/responses#include'],
    [
      'enum',
      enumId('param:POST /v1/responses#include', 'file_search_call.results'),
      'enum:POST /v1/responses#include=file_search_call.results',
    ],
    ['enum of a number', enumId('param:GET /v1/x#n', 3), 'enum:GET /v1/x#n=3'],
    ['object', objectId('response'), 'object:response'],
    ['object field', objectFieldId('object:response', 'status'), 'object:response#status'],
  ];
  it.each(cases)('%s', (_name, got, want) => {
    expect(got).toBe(want);
  });
});

describe('kindOfId / endpointOfId', () => {
  const cases: [string, string | undefined, string | undefined][] = [
    ['event:response.created', 'event', undefined],
    ['endpoint:GET /v1/responses/{response_id}', 'endpoint', undefined],
    ['param:POST /v1/responses#include', 'param', 'endpoint:POST /v1/responses'],
    ['enum:GET /v1/responses/{response_id}#include=a.b', 'enum', 'endpoint:GET /v1/responses/{response_id}'],
    ['object:response', 'object', undefined],
    ['widget:x', undefined, undefined],
    ['no colon', undefined, undefined],
  ];
  it.each(cases)('%s', (id, kind, endpoint) => {
    expect(kindOfId(id)).toBe(kind);
    expect(endpointOfId(id)).toBe(endpoint);
  });
});
