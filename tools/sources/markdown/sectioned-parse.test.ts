import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { shareTaken } from '../../../tests/helpers/fuzz-share.js';
import { parseBySection } from './sectioned-parse.js';

const remark = unified().use(remarkParse);
const reference = join(import.meta.dirname, '../../../../shared/reference/openai-docs');

/** The slow parser, recording what it was given. */
function recordingSlow(): { slow: (text: string) => Root; given: string[] } {
  const given: string[] = [];
  const slow = (text: string): Root => {
    given.push(text);
    return remark.parse(text);
  };
  return { slow, given };
}

/** Sectioned parsing either declines or returns remark-parse's tree of the whole page. */
function agrees(md: string): boolean {
  const tree = parseBySection(md, recordingSlow().slow);
  if (tree === undefined) return false;
  expect(tree, JSON.stringify(md)).toStrictEqual(remark.parse(md));
  return true;
}

describe('parseBySection', () => {
  it('gives the slow parser only the sections outside the fast path’s subset', () => {
    const md = '# A\n\nplain `text`\n\n## B\n\nan *emphasised* word\n\n## C\n\n- one\n- two\n';
    const { slow, given } = recordingSlow();
    expect(parseBySection(md, slow)).toStrictEqual(remark.parse(md));
    expect(given).toEqual(['## B\n\nan *emphasised* word\n\n']);
  });

  it.each([
    ['a fence whose lines look like headings', '# A\n\n*x*\n\n```sh\n# not a heading\n## nor this\n```\n# B\n\ntext'],
    ['a fence left open, headings after it', 'x *y*\n- item\n  ```\n# H\n  ```\n# one\n# two\n# three\n# four\n# five\n# six\n# seven'],
    ['a fence the plain scan misreads', '*a*\n``` `x`\n# H\n```\n# inside\n```\n# after'],
    ['a bare fence left open right before a heading', '- item\n  ```\n# H\n```\n# inside\n```\n# after'],
    ['a fence left open whose last line is a shorter fence', '- item\n  ~~~\n# H\n````\n~~~\n```js\n```\n# inside\n````\n# after'],
    ['a tilde fence with a backtick info string', '*a*\n~~~ `x`\n# inside\n~~~\n# after'],
    ['an HTML comment across headings', '*a*\n<!--\n# inside\n-->\n# after'],
    ['an HTML block ended by a heading line', '*a*\n<div>\n# inside the block\n\n# after'],
    ['indented code before a heading', '*a*\n\n    code\n# H\ntext'],
    ['a list and a quote before headings', '- a\n\n- b\n# H\n> q\n# I\n1. x'],
    ['a setext heading and emphasis', 'Title\n=====\n# H\nan *emphasised* word'],
    ['tabs in a section', '# A\n\ta\tb\n# B\ntext'],
    ['a heading with no text and closing hashes', '*a*\n#\n## B ##\n###### c'],
  ])('%s: the whole page’s tree', (_, md) => {
    expect(agrees(md)).toBe(true);
  });

  it.each([
    ['a link reference definition', '# A\n\n[x]\n\n# B\n\n[x]: https://x.test'],
    ['CR line endings', '# A\r\n*x*\r\n# B'],
    ['a NUL', '# A\n*x*\u0000\n# B'],
    ['no heading to cut at', 'one *two*\nthree'],
  ])('declines a page with %s', (_, md) => {
    expect(parseBySection(md, remark.parse.bind(remark))).toBeUndefined();
  });

  it('agrees with remark-parse on generated pages of sections', () => {
    const block = fc.constantFrom(
      'plain text',
      'text with `code` and [a link](https://x.test)',
      'an *emphasised* word and **strong**',
      'a &amp; b',
      'Setext\n======',
      'Setext\n---',
      '- a\n- b',
      '- a\n\n- b',
      '- a\n  - nested',
      '1. one\n2. two',
      '> quoted\nlazy',
      '    indented code',
      '\tcode after a tab',
      '```\ncode\n```',
      '```js\n# comment\n```',
      '````\n```\n# still code\n````',
      '```',
      '~~~\n# open tilde',
      '``` `not a fence`',
      '<div>\nhtml',
      '<!-- comment',
      '-->',
      '<pre>\n# x\n</pre>',
      '| a | b |\n| - | - |\n| 1 | 2 |',
      '***',
      'trailing  \nhard break',
      '',
    );
    const heading = fc.constantFrom('# H', '## Two', '### x ###', '#', '###### six', ' # indented', '#not');
    const section = fc.tuple(heading, fc.array(block, { maxLength: 4 })).map(([h, blocks]) => [h, ...blocks].join('\n'));
    const separator = fc.constantFrom('\n', '\n\n', '\n\n\n');
    const page = fc
      .tuple(fc.array(block, { maxLength: 3 }), fc.array(fc.tuple(separator, section), { minLength: 1, maxLength: 6 }))
      .map(([lead, sections]) => lead.join('\n') + sections.map(([sep, s]) => sep + s).join(''));
    expect(shareTaken(page, 500, agrees, 'sectioned')).toBeGreaterThan(0.5);
  });

  it('agrees with remark-parse on the reference pages with characters and lines changed', () => {
    const pages = readdirSync(reference)
      .filter((f) => f.endsWith('.md'))
      .map((f) => readFileSync(join(reference, f), 'utf8').split('\n'));
    const edit = fc.record({
      at: fc.nat(),
      col: fc.nat(80),
      text: fc.constantFrom('*', '_', '`', '```', '<b>', '<!--', '-->', '&amp;', '\t', '> ', '1. ', '    ', '# ', '---', '|', '\n', '\n\n'),
    });
    const mutated = fc
      .record({ page: fc.nat(pages.length - 1), edits: fc.array(edit, { minLength: 1, maxLength: 6 }) })
      .map(({ page, edits }) => {
        const lines = [...pages[page]!];
        for (const { at, col, text } of edits) {
          const i = at % lines.length;
          lines[i] = lines[i]!.slice(0, col) + text + lines[i]!.slice(col);
        }
        return lines.join('\n');
      });
    expect(shareTaken(mutated, 12, agrees, 'sectioned')).toBeGreaterThan(0.8);
  });
});
