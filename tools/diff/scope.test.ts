import { describe, expect, it } from 'vitest';
import { inScopePath, isResponsesPath } from './scope.js';

const table: [string, boolean][] = [
  ['/v1/responses', true],
  ['/responses/{id}', true],
  ['/responses?beta=true', true],
  ['/v1/responses/{id}?beta=true', true],
  ['/v1/responsesx', false],
  ['/v1/conversations', false],
  ['/realtime?beta=true', false],
];

describe('the responses scope', () => {
  it.each(table)('%s → %s', (path, want) => {
    expect(isResponsesPath(path)).toBe(want);
    expect(inScopePath(path, 'responses')).toBe(want);
    expect(inScopePath(path, 'all')).toBe(true);
  });
});
