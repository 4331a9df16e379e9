import { describe, expect, it } from 'vitest';
import { isFooter, lastLine, splitSections, toBlocks } from './blocks.js';
import { parseMarkdown } from './parse.js';

const blocksOf = (md: string) => toBlocks(parseMarkdown(md), md);

describe('toBlocks', () => {
  it('keeps plain text (escapes resolved), the source as written, and lines', () => {
    const [b] = blocksOf('\n\nsome\\_name and `code`\nnext line');
    expect(b).toMatchObject({
      text: 'some_name and code\nnext line',
      source: 'some\\_name and `code`\nnext line',
      line: 3,
      column: 1,
      endLine: 4,
    });
  });
});

describe('isFooter', () => {
  it.each([
    ['[Previous: A](https://x.test/a) [Next: B](https://x.test/b)', true],
    ['[Next: B](https://x.test/b)', true],
    ['See [Previous](https://x.test) notes.', false],
    ['# [Previous]', false],
  ])('%j → %s', (md, want) => {
    expect(isFooter(blocksOf(md)[0]!)).toBe(want);
  });
});

describe('splitSections / lastLine', () => {
  const md = ['intro', '', '## One', '', 'a', '', '#### Sub', '', 'b', '', '## Two', '', '[Next: Z](https://x.test/z)', ''].join('\n');
  it('splits at headings up to a depth, drops what comes before and the footer', () => {
    const sections = splitSections(blocksOf(md), 2);
    expect(sections.map((s) => [s.heading.text, s.depth, s.blocks.map((b) => b.text)])).toEqual([
      ['One', 2, ['a', 'Sub', 'b']],
      ['Two', 2, []],
    ]);
    expect(sections.map((s) => lastLine(s.heading, s.blocks))).toEqual([9, 11]);
  });

  it('deeper headings start sections when the depth allows', () => {
    expect(splitSections(blocksOf(md), 4).map((s) => s.heading.text)).toEqual(['One', 'Sub', 'Two']);
  });
});
