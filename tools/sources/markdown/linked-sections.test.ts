import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { describe, expect, it } from 'vitest';
import { extractLinkedSections } from './linked-sections.js';

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
});
