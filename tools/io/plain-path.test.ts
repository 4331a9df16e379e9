import { posix } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlainPath, normalPosix } from './plain-path.js';

const segment = fc.constantFrom('..', '.', '', 'a', 'b.c', '...', '.d', 'e\\f', 'g h');
const path = fc
  .tuple(fc.boolean(), fc.array(segment, { minLength: 1, maxLength: 6 }), fc.boolean())
  .map(([absolute, parts, trailing]) => `${absolute ? '/' : ''}${parts.join('/')}${trailing ? '/' : ''}`);

describe('normalPosix', () => {
  it('is posix.normalize, for every path', () => {
    fc.assert(
      fc.property(path, (p) => {
        expect(normalPosix(p)).toBe(posix.normalize(p));
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves a plain path behind leading `../` as it is, and normalises the rest', () => {
    expect(normalPosix('../../corpora/src/a.ts')).toBe('../../corpora/src/a.ts');
    expect(isPlainPath('../../corpora/src/a.ts')).toBe(false);
    expect(normalPosix('./src/a.ts')).toBe('src/a.ts');
    expect(normalPosix('../x/../y')).toBe('../y');
  });
});
