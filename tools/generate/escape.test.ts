import { createContext, runInContext } from 'node:vm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { jsdoc, lineComment, markerKey, mdCell, mdCode, pyDocstring, pyString, tsKey, tsString } from './escape.js';

describe('escape helpers', () => {
  const cases: [string, { fn: (s: string) => string; given: string; want: string }][] = [
    ['ts string: quotes and backslashes', { fn: tsString, given: `it's a \\ path`, want: `'it\\'s a \\\\ path'` }],
    ['ts string: newlines', { fn: tsString, given: 'a\nb', want: `'a\\nb'` }],
    [
      'ts string: injection attempt stays inside',
      { fn: tsString, given: `'); process.exit(1); ('`, want: `'\\'); process.exit(1); (\\''` },
    ],
    ['ts key: identifier bare', { fn: tsKey, given: 'item_id', want: 'item_id' }],
    ['ts key: dotted quoted', { fn: tsKey, given: 'response.id', want: `'response.id'` }],
    ['jsdoc: comment terminator neutralised', { fn: (s) => jsdoc(s), given: 'ends */ here', want: '/** ends *\\/ here */\n' }],
    ['jsdoc: multi-line', { fn: (s) => jsdoc(s), given: 'a\n\nb', want: '/**\n * a\n *\n * b\n */\n' }],
    ['jsdoc: empty', { fn: (s) => jsdoc(s), given: '  ', want: '' }],
    ['md cell: pipe', { fn: mdCell, given: 'a | b', want: 'a \\| b' }],
    ['md cell: newline', { fn: mdCell, given: 'a\n\nb', want: 'a b' }],
    ['md code: pipe inside code', { fn: mdCode, given: 'a|b', want: '`a\\|b`' }],
    ['md code: backtick', { fn: mdCode, given: 'a`b', want: '``a`b``' }],
    ['md code: a run of two backticks widens the fence to three', { fn: mdCode, given: 'a``b', want: '```a``b```' }],
    ['md code: a backtick at an end is kept off the fence', { fn: mdCode, given: '`a', want: '`` `a ``' }],
    ['py string: quotes', { fn: pyString, given: 'say "hi"\n', want: '"say \\"hi\\"\\n"' }],
    ['py docstring: triple quote', { fn: pyDocstring, given: 'x """ y', want: 'x \\"\\"\\" y' }],
    ['py docstring: trailing quote', { fn: pyDocstring, given: 'say "hi"', want: 'say "hi\\"' }],
    ['py docstring: backslash', { fn: pyDocstring, given: 'a\\n', want: 'a\\\\n' }],
    ['line comment: collapses whitespace', { fn: lineComment, given: 'a\n  b', want: 'a b' }],
    [
      'ts string: JS line terminators, NUL, a bidi override',
      { fn: tsString, given: 'a\u2028b\u2029c\0d\u202e', want: `'a\\u2028b\\u2029c\\u0000d\\u202E'` },
    ],
    ['ts string: a lone surrogate survives as an escape', { fn: tsString, given: 'x\ud800', want: `'x\\uD800'` }],
    ['ts key: __proto__ is computed, not a prototype setter', { fn: tsKey, given: '__proto__', want: `['__proto__']` }],
    [
      'jsdoc: U+2028 and a lone CR start new comment lines',
      { fn: (s) => jsdoc(s), given: 'a\u2028b\rc', want: '/**\n * a\n * b\n * c\n */\n' },
    ],
    ['jsdoc: NUL shown as an escape', { fn: (s) => jsdoc(s), given: 'a\0b', want: '/** a\\u0000b */\n' }],
    ['md cell: every line break kind', { fn: mdCell, given: 'a\rb\u2028c\u0085d', want: 'a b c d' }],
    ['md code: a line break cannot end the row', { fn: mdCode, given: 'a\nb', want: '`a b`' }],
    ['py string: NUL and other controls', { fn: pyString, given: 'a\0b\u0007\u2028', want: '"a\\x00b\\x07\\u2028"' }],
    ['py docstring: one line, NUL escaped', { fn: pyDocstring, given: 'a\nb\0', want: 'a\\nb\\x00' }],
    ['py docstring: quote before trailing space', { fn: pyDocstring, given: 'say "hi" ', want: 'say "hi\\"' }],
    ['py docstring: lone surrogate becomes U+FFFD', { fn: pyDocstring, given: 'a\udfff', want: 'a\ufffd' }],
    ['py docstring: a triple quote at the end', { fn: pyDocstring, given: 'x """', want: 'x ""\\"' }],
    ['line comment: U+2028 cannot end a // comment', { fn: lineComment, given: 'a\u2028b', want: 'a b' }],
    ['marker key: ordinary type unchanged', { fn: markerKey, given: 'response.output_text.delta', want: 'response.output_text.delta' }],
    ['marker key: line breaks, spaces and % encoded', { fn: markerKey, given: 'a\nb c%\u2028', want: 'a%0Ab%20c%25%E2%80%A8' }],
  ];
  it.each(cases)('%s', (_name, { fn, given, want }) => expect(fn(given)).toBe(want));
});

/**
 * Where Python's tokenizer ends a `"""` string whose body is `body`: a backslash takes the next
 * character whatever it is, and the first unescaped `"""` closes the string.
 */
function pyTripleEnd(body: string): number {
  const text = `${body}"""`;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text.startsWith('"""', i)) return i;
  }
  return -1;
}

/** Every text over `alphabet` up to `max` characters long. */
function everyText(alphabet: readonly string[], max: number): string[] {
  const out: string[] = [];
  let texts = [''];
  for (let n = 1; n <= max; n++) {
    texts = texts.flatMap((t) => alphabet.map((c) => t + c));
    out.push(...texts);
  }
  return out;
}

describe('pyDocstring', () => {
  it('never closes the docstring early: every text of quotes, backslashes, letters and spaces up to 6 long', () => {
    for (const text of everyText(['"', '\\', 'a', ' '], 6)) {
      const body = pyDocstring(text);
      expect(pyTripleEnd(body), JSON.stringify(text)).toBe(body.length);
    }
  });
});

describe('every helper on every short text of the characters that end strings, comments and cells', () => {
  const texts = everyText(["'", '"', '\\', '\n', '\r', '\u2028', '*', '/', '|', 'a'], 3);
  const lineBreak = /[\n\r\u000b\u000c\u0085\u2028\u2029]/;

  it('tsString: the literal reads back as the text', () => {
    // Read in a context of its own: a literal that broke out would find nothing of the test's.
    const context = createContext({});
    for (const text of texts) expect(runInContext(tsString(text), context), JSON.stringify(text)).toBe(text);
  });

  it('pyString: the first unescaped quote is the closing one, and no line break is raw', () => {
    for (const text of texts) {
      const literal = pyString(text);
      let end = -1;
      for (let i = 1; i < literal.length; i++) {
        if (literal[i] === '\\') i++;
        else if (literal[i] === '"') {
          end = i;
          break;
        }
      }
      expect(end, JSON.stringify(text)).toBe(literal.length - 1);
      expect(lineBreak.test(literal), JSON.stringify(text)).toBe(false);
    }
  });

  it('jsdoc: the comment closes only at its end', () => {
    for (const text of texts) {
      const comment = jsdoc(text);
      if (comment === '') continue;
      expect(comment.indexOf('*/'), JSON.stringify(text)).toBe(comment.length - 3);
    }
  });

  it('lineComment and mdCell: one line; a cell has no unescaped pipe', () => {
    for (const text of texts) {
      expect(lineBreak.test(lineComment(text)), JSON.stringify(text)).toBe(false);
      const cell = mdCell(text);
      expect(lineBreak.test(cell), JSON.stringify(text)).toBe(false);
      expect(/(?:^|[^\\])(?:\\\\)*\|/.test(cell), JSON.stringify(text)).toBe(false);
    }
  });
});

describe('mdCode', () => {
  it('is one code span holding exactly the text: every text of backticks, spaces, backslashes and letters up to 5 long', () => {
    const markdown = unified().use(remarkParse);
    for (const text of everyText(['`', ' ', '\\', 'a'], 5)) {
      const root = markdown.parse(mdCode(text));
      const paragraph = root.children[0];
      const spans = paragraph?.type === 'paragraph' ? paragraph.children : [];
      expect(spans, JSON.stringify(text)).toEqual([expect.objectContaining({ type: 'inlineCode', value: text })]);
    }
  });
});
