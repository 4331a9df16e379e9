import { describe, expect, it } from 'vitest';
import { declaredFamilies } from './params.js';
import { normalizeRoutePath, pathPrefixes, routeIndex } from './routes.js';

describe('declaredFamilies', () => {
  it.each([
    ['str', ['string']],
    ['Optional[int]', ['integer']],
    ['Optional[float] ', ['number']],
    ['bool', ['boolean']],
    ['Union[str, list[dict[str, Any]]]', ['string', 'array']],
    ['Optional[dict[str, str]]', ['object']],
    ['Literal["auto", "disabled"]', ['string']],
    ['z.array(z.string())', ['array']],
    ['string | null', ['string', 'null']],
    ['Any', ['unknown']],
  ])('%s → %j', (text, want) => {
    expect([...declaredFamilies(text)].sort()).toEqual([...want].sort());
  });
});

describe('routes', () => {
  it.each([
    ['/v1/responses/{response_id}', '/v1/responses/{}'],
    ['/v1/responses/:id/cancel', '/v1/responses/{}/cancel'],
    ['/v1/responses/[id]/', '/v1/responses/{}'],
    // Flask's converters.
    ['/v1/responses/<string:response_id>', '/v1/responses/{}'],
    ['/v1/responses/<rid>/cancel', '/v1/responses/{}/cancel'],
    ['/', '/'],
  ])('normalizes %s', (given, want) => expect(normalizeRoutePath(given)).toBe(want));

  it('finds an endpoint with or without the prefix, any method case', () => {
    const endpoints = [{ id: 'endpoint:GET /v1/responses/{response_id}', method: 'GET', path: '/v1/responses/{response_id}' }] as never[];
    const find = routeIndex(endpoints, pathPrefixes(endpoints));
    expect(find('get', '/responses/{rid}')).toBe('endpoint:GET /v1/responses/{response_id}');
    expect(find('GET', '/v1/responses/:x')).toBe('endpoint:GET /v1/responses/{response_id}');
    expect(find('POST', '/v1/responses/:x')).toBeUndefined();
  });
});
