import { describe, expect, it } from 'vitest';
import { pathOfPattern } from './route-pattern.js';

describe('the route a regular expression matches', () => {
  it('reads literal segments and whole-segment parameters, named or numbered', () => {
    expect(pathOfPattern('^\\/v1\\/responses$')).toBe('/v1/responses');
    expect(pathOfPattern('^/v1/responses/?$')).toBe('/v1/responses');
    expect(pathOfPattern('^\\/v1\\/responses\\/([^/]+)$')).toBe('/v1/responses/{param1}');
    expect(pathOfPattern('^\\/v1\\/responses\\/[\\w-]+\\/input_items$')).toBe('/v1/responses/{param1}/input_items');
    expect(pathOfPattern('^/v1/conversations/(?P<cid>[^/]+)/items/(\\w+)$')).toBe('/v1/conversations/{cid}/items/{param2}');
    expect(pathOfPattern('^/v1/responses/(?<id>.+)/cancel$')).toBe('/v1/responses/{id}/cancel');
    expect(pathOfPattern('^\\/v1\\/chat\\.completions$')).toBe('/v1/chat.completions');
  });

  it('leaves alone what it would have to guess', () => {
    for (const source of [
      '\\/v1\\/responses$', // not anchored: anywhere in the path
      '^\\/v1\\/(responses|chat)$', // alternatives
      '^\\/v1\\/responses(\\/[^/]+)?$', // an optional part
      '^\\/v1\\/responses\\/resp_[^/]+$', // a piece inside a segment
      '^\\/v1\\/respon.es$',
      '^$',
      '^\\/',
      '^/v1/responses/(?=x)',
      '^\\/v1\\/responses\\/([^/]+',
    ])
      expect(pathOfPattern(source), source).toBeUndefined();
  });
});
