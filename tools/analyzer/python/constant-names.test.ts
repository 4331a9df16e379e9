import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { constantRanges } from './constant-names.js';

/** The rule as one regular expression: what the scan must find, and only that. */
const REFERENCE =
  /(?<![\w.])(?:(?:[A-Za-z_]\w*\.)+_*[A-Z][A-Z0-9_]+|_+[A-Z][A-Z0-9_]+|[A-Z][A-Z0-9]*_[A-Z0-9_]+|(?<=(?:^|[^\w.])in[ \t]+)[A-Z][A-Z0-9_]+)(?:\.value)?(?![\w.(])/g;
const reference = (text: string) => [...text.matchAll(REFERENCE)].map((m) => [m.index, m.index + m[0].length]);

describe('constantRanges', () => {
  it.each([
    ['a member and a bare constant', 'if e.type == Events.CREATED or x == RESPONSE_DONE:', ['Events.CREATED', 'RESPONSE_DONE']],
    ['a dotted chain', 'return pkg.events.Kinds.OUTPUT_DELTA', ['pkg.events.Kinds.OUTPUT_DELTA']],
    ['neither called nor part of a longer name', 'Events.MAKE() HTTPError x.HTTP_OK.values x.B_C.value() ABC', []],
    [
      'an Enum member’s value, as the member',
      'e.type == Events.CREATED.value or RESPONSE_DONE.value',
      ['Events.CREATED.value', 'RESPONSE_DONE.value'],
    ],
    ['a bare one needs an underscore inside', 'OK DONE_ _X A_B', ['A_B']],
    ['a private one, its leading underscores its own', '_TERMINAL in self.__EVENTS x_AB', ['_TERMINAL', 'self.__EVENTS']],
    [
      'a bare one a value is looked up in, whatever its spelling',
      'if t in RUNNING or t not in\tDONE or t.in OK or tin AB',
      ['RUNNING', 'DONE'],
    ],
  ])('%s', (_name, text, want) => {
    expect(constantRanges(text).map(([s, e]) => text.slice(s, e))).toEqual(want);
  });

  it('finds what the regular expression finds, on any text', () => {
    const piece = fc.constantFrom(
      'Events',
      '.',
      'A',
      'B_C',
      '_',
      'x',
      '9',
      '(',
      ' ',
      'RESPONSE_CREATED',
      'in',
      ' in ',
      '\t',
      'é',
      '..',
      'Q1',
      '.value',
      'value',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const text = pieces.join('');
        expect(constantRanges(text)).toEqual(reference(text));
      }),
      { numRuns: 3000 },
    );
  });
});
