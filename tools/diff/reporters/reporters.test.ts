import { describe, expect, it } from 'vitest';
import { formatReport, type Report } from './index.js';

const report: Report = {
  title: 'specmap diff a → b',
  summary: [
    ['breaking', 1],
    ['docs-only', 0],
  ],
  entries: [
    {
      level: 'error',
      group: 'breaking',
      path: 'param:POST /v1/x#a|b',
      message: '100% gone,\nreally',
      anchors: [{ label: 'old', anchor: 'x.md:3-4', file: 'docs/x.md', line: 3 }],
    },
  ],
  data: { changes: 1 },
};

const table: [string, Parameters<typeof formatReport>[1], string][] = [
  [
    'github: data escapes %, CR, LF; properties also : and ,',
    'github',
    '::error file=docs/x.md,line=3,title=breaking%3A param%3APOST /v1/x#a|b::param:POST /v1/x#a|b: 100%25 gone,%0Areally (old x.md:3-4)\n',
  ],
  ['json: the data as is', 'json', '{\n  "changes": 1\n}\n'],
  [
    'pretty: grouped, empty groups left out of the list but counted',
    'pretty',
    'specmap diff a → b\n\nbreaking (1)\n  param:POST /v1/x#a|b  100% gone,\nreally\n      old: x.md:3-4\n\n1 breaking, 0 docs-only\n',
  ],
];

describe('reporters', () => {
  it.each(table)('%s', (_name, format, want) => {
    expect(formatReport(report, format)).toBe(want);
  });

  it('markdown: pipes and newlines cannot break the table', () => {
    const md = formatReport(report, 'markdown');
    expect(md).toContain('| `param:POST /v1/x#a\\|b` | 100% gone, really | old: `x.md:3-4` |');
  });

  it('github: nothing to say, nothing printed', () => {
    expect(formatReport({ ...report, entries: [] }, 'github')).toBe('');
  });
});
