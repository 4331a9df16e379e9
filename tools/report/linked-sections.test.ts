import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { describe, expect, it } from 'vitest';
import { extractLinkedSections, mergeLinkedSections } from './linked-sections.js';

const parse = (md: string) => unified().use(remarkParse).parse(md);
const R = 'https://platform.openai.com/docs/api-reference';

describe('extractLinkedSections', () => {
  const md = [
    'API Reference',
    `[Intro](${R}/intro)`,
    'Group one',
    `[Alpha](${R}/alpha)`,
    `[Alpha sub page](${R}/alpha/create)`,
    'Group two',
    'Beta',
    `[Gamma](${R}/gamma)`,
    `[Elsewhere](https://example.com/x)`,
    '# Heading',
    'Late group',
    `[Late](${R}/late)`,
  ].join('\n\n');

  it('takes top-level reference links under a group label, before the first heading', () => {
    expect(extractLinkedSections(parse(md))).toEqual([
      { title: 'Alpha', slug: 'alpha', group: 'Group one' },
      { title: 'Gamma', slug: 'gamma', group: 'Group two' },
    ]);
  });

  it('merges pages keeping the first occurrence', () => {
    const a = [{ title: 'A', slug: 'a', group: 'g' }];
    const b = [
      { title: 'A again', slug: 'a', group: 'h' },
      { title: 'B', slug: 'b', group: 'h' },
    ];
    expect(mergeLinkedSections([a, b]).map((s) => s.title)).toEqual(['A', 'B']);
  });
});
