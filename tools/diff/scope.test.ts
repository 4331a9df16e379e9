import { describe, expect, it } from 'vitest';
import { DEFAULT_DIFF_SCOPE, DIFF_SCOPES, inScopePath } from './scope.js';

const table: [string, boolean][] = [
  ['/v1/responses', true],
  ['/responses/{id}', true],
  ['/responses?beta=true', true],
  ['/v1/responses/{id}?beta=true', true],
  ['/v1/responsesx', false],
  ['/v1/conversations', false],
  ['/realtime?beta=true', false],
];

describe('the responses review scope of the bundled OpenAI profile', () => {
  it('is the default, beside all', () => {
    expect(DEFAULT_DIFF_SCOPE).toBe('responses');
    expect(DIFF_SCOPES).toEqual(['responses', 'all']);
  });
  it.each(table)('%s → %s', (path, want) => {
    expect(inScopePath(path, 'responses')).toBe(want);
    expect(inScopePath(path, 'all')).toBe(true);
    expect(inScopePath(path, 'no-such-scope')).toBe(false);
  });
});
