import { describe, expect, it } from 'vitest';
import { jsdoc, lineComment, mdCell, mdCode, pyDocstring, pyString, tsKey, tsString } from './escape.js';

describe('escape helpers', () => {
  const cases: [string, { fn: (s: string) => string; given: string; want: string }][] = [
    ['ts string: quotes and backslashes', { fn: tsString, given: `it's a \\ path`, want: `'it\\'s a \\\\ path'` }],
    ['ts string: newlines', { fn: tsString, given: 'a\nb', want: `'a\\nb'` }],
    ['ts string: injection attempt stays inside', { fn: tsString, given: `'); process.exit(1); ('`, want: `'\\'); process.exit(1); (\\''` }],
    ['ts key: identifier bare', { fn: tsKey, given: 'item_id', want: 'item_id' }],
    ['ts key: dotted quoted', { fn: tsKey, given: 'response.id', want: `'response.id'` }],
    ['jsdoc: comment terminator neutralised', { fn: (s) => jsdoc(s), given: 'ends */ here', want: '/** ends *\\/ here */\n' }],
    ['jsdoc: multi-line', { fn: (s) => jsdoc(s), given: 'a\n\nb', want: '/**\n * a\n *\n * b\n */\n' }],
    ['jsdoc: empty', { fn: (s) => jsdoc(s), given: '  ', want: '' }],
    ['md cell: pipe', { fn: mdCell, given: 'a | b', want: 'a \\| b' }],
    ['md cell: newline', { fn: mdCell, given: 'a\n\nb', want: 'a b' }],
    ['md code: pipe inside code', { fn: mdCode, given: 'a|b', want: '`a\\|b`' }],
    ['md code: backtick', { fn: mdCode, given: 'a`b', want: '`` a`b ``' }],
    ['py string: quotes', { fn: pyString, given: 'say "hi"\n', want: '"say \\"hi\\"\\n"' }],
    ['py docstring: triple quote', { fn: pyDocstring, given: 'x """ y', want: 'x \\"\\"\\" y' }],
    ['py docstring: trailing quote', { fn: pyDocstring, given: 'say "hi"', want: 'say "hi\\"' }],
    ['py docstring: backslash', { fn: pyDocstring, given: 'a\\n', want: 'a\\\\n' }],
    ['line comment: collapses whitespace', { fn: lineComment, given: 'a\n  b', want: 'a b' }],
  ];
  it.each(cases)('%s', (_name, { fn, given, want }) => expect(fn(given)).toBe(want));
});
