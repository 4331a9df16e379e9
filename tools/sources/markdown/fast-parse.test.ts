import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { shareTaken } from '../../../tests/helpers/fuzz-share.js';
import { parseSimpleMarkdown } from './fast-parse.js';

const remark = unified().use(remarkParse);
const reference = join(import.meta.dirname, '../../../../shared/reference/openai-docs');

/** The fast path either declines or returns remark's tree, positions included. */
function agrees(md: string): boolean {
  const fast = parseSimpleMarkdown(md);
  if (fast === undefined) return false;
  expect(fast, JSON.stringify(md)).toStrictEqual(remark.parse(md));
  return true;
}

describe('parseSimpleMarkdown', () => {
  it('returns remark-parse’s tree for every reference page', () => {
    const pages = readdirSync(reference).filter((f) => f.endsWith('.md'));
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) expect(agrees(readFileSync(join(reference, page), 'utf8')), page).toBe(true);
  });

  it.each([
    ['headings, closing hashes and empty ones', '# One\n\n## Two ##\n\n### \n\n#### Four #\\#\n######x'],
    [
      'fenced code with and without info, unclosed at the end',
      '```js title\nconst a = 1;\n  indented\n```\n\n~~~~\n~~~\nstill\n~~~~\n\n```\nopen',
    ],
    ['an indented fence', '  ```\n  two\n three\n    four\n  ```'],
    ['paragraphs with soft breaks and trailing spaces on the last line', 'one\ntwo\n   three   \n\nfour'],
    ['escapes, code spans and their padding', 'a\\_b \\* \\q `x` `` a`b `` ` c ` `  ` ``unclosed'],
    ['inline links with titles and code in their text', 'see [the `docs`](https://x.test/a "Title") and [x](y) [not a link] [z]'],
    ['strong spans', '**bold** and **Function calls (custom tools)**: more\n**a `b` c**'],
    ['intraword underscores that open nothing', 'snake_case_name and a_b_c'],
    ['a tight list with lazy continuation lines', '- **A**: one\nlazy line\n- `b`: two\n  indented\n\nafter'],
    ['a list ended by a heading', '* a\n* b\n# H'],
    ['a paragraph interrupted by a list and a heading', 'text\n- item\n\ntext\n## H\ntext\n```\ncode\n```'],
    ['non-ASCII text', 'Größe — “quoted” 😀 `ß`'],
    ['a paragraph of many lines', Array.from({ length: 400 }, (_, i) => `line ${i} \`c${i}\` [l](u${i})`).join('\n')],
    ['a list item with many lazy lines', `- a\n${Array.from({ length: 400 }, (_, i) => `lazy ${i} \`c\``).join('\n')}`],
  ])('%s: takes the fast path and matches remark', (_, md) => {
    expect(agrees(md)).toBe(true);
  });

  it.each([
    ['a setext heading', 'Title\n====='],
    ['an HTML block', '<div>\nx\n</div>'],
    ['inline HTML', 'a <b>bold</b> move'],
    ['an entity', 'a &amp; b'],
    ['emphasis', 'an *emphasised* word'],
    ['a loose list', '- a\n\n- b'],
    ['a nested list', '- a\n  - b'],
    ['an ordered list', '1. a\n2. b'],
    ['a block quote', '> quoted'],
    ['a thematic break', 'a\n\n---\n\nb'],
    ['a link reference definition', '[x]: https://x.test\n\n[x]'],
    ['a definition label across lines', '[foo\nbar]: /url\n\n[foo bar]'],
    ['a definition label across lines, after a heading', '# H\n[foo\nbar]: /u'],
    ['a definition label across lines, in a list item', '- [foo\n  bar]: /url'],
    ['a byte order mark', '\ufeffhello'],
    ['a hard break', 'a  \nb'],
    ['a tab', 'a\tb'],
    ['CRLF line endings', 'a\r\nb'],
    ['an image', '![alt](x.png)'],
    ['indented code', '    code'],
  ])('declines %s', (_, md) => {
    expect(parseSimpleMarkdown(md)).toBeUndefined();
  });

  it('agrees with remark-parse on generated pages, and takes the fast path on many of them', () => {
    const word = fc.constantFrom('a', 'word', 'snake_case', 'x\\_y', 'Größe', '😀', '1.', '2)', 'end.');
    const inline = fc.constantFrom(
      ' ',
      '  ',
      '`code`',
      '``a`b``',
      '` `',
      '`',
      '\\',
      '\\*',
      '\\[',
      '*',
      '**',
      '***',
      '_',
      '__',
      '**strong**',
      '[',
      ']',
      '[text](https://x.test/p)',
      '[t `c`](u "T")',
      '[a [b]](c)',
      '](x)',
      '(',
      ')',
      '<',
      '<b>',
      '&',
      '&amp;',
      '!',
      '![i](p)',
      '#',
      '~',
      ':',
      '"',
    );
    const textLine = fc.array(fc.oneof(word, inline), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));
    const prefix = fc.constantFrom(
      '',
      '',
      '',
      ' ',
      '  ',
      '   ',
      '    ',
      '# ',
      '## ',
      '###### ',
      '- ',
      '* ',
      '+ ',
      '-  ',
      '1. ',
      '> ',
      '```',
      '~~~',
      '```js ',
    );
    const line = fc.oneof(
      { weight: 6, arbitrary: fc.tuple(prefix, textLine).map(([p, t]) => p + t) },
      { weight: 2, arbitrary: fc.constantFrom('', '', '   ') },
      { weight: 1, arbitrary: fc.constantFrom('```', '~~~', '````', '---', '===', '***', '- ', '-', '#', '## x ##', '[x]: y') },
    );
    const page = fc.array(line, { minLength: 1, maxLength: 12 }).map((lines) => lines.join('\n'));
    // Not a test of declining everything: a good share of generated pages must take the fast path.
    expect(shareTaken(page, 3000, agrees, 'fast path')).toBeGreaterThan(0.05);
  });

  it('agrees with remark-parse on slices of the reference pages with a token inserted', () => {
    const pages = readdirSync(reference)
      .filter((f) => f.endsWith('.md'))
      .map((f) => readFileSync(join(reference, f), 'utf8').split('\n'));
    const token = fc.constantFrom(
      '',
      '*',
      '**',
      '_',
      '`',
      '``',
      '[',
      ']',
      '](x)',
      '\\',
      '<',
      '&amp;',
      '\n',
      '\n\n',
      '  ',
      '- ',
      '# ',
      '```',
      '    ',
    );
    const slice = fc
      .record({ page: fc.nat(pages.length - 1), start: fc.nat(4000), length: fc.integer({ min: 1, max: 60 }), at: fc.nat(), token })
      .map(({ page, start, length, at, token }) => {
        const lines = pages[page]!;
        const from = start % lines.length;
        const text = lines.slice(from, from + length).join('\n');
        const i = at % (text.length + 1);
        return text.slice(0, i) + token + text.slice(i);
      });
    expect(shareTaken(slice, 1500, agrees, 'fast path')).toBeGreaterThan(0.3);
  });
});
