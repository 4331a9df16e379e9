import { describe, expect, it } from 'vitest';
import { codeSpan, splitCodeSpans } from './code-span.js';
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

  it('markdown: `<` outside code is escaped, inside code kept; a `|` in code stays in its cell', () => {
    const md = formatReport(
      { ...report, entries: [{ ...report.entries[0]!, message: 'type `a|b` → `array<string>`, was <b>' }] },
      'markdown',
    );
    expect(md).toContain('| type `a\\|b` → `array<string>`, was &lt;b> |');
  });
});

const grouped: Report = {
  title: 'specmap diff a → b',
  summary: [
    ['breaking', 1],
    ['non-breaking', 2],
  ],
  entries: [
    {
      level: 'error',
      group: 'breaking',
      path: 'R#x',
      message: 'now nullable',
      anchors: [],
      affects: ['object:r', 'event:a', 'event:b', 'event:c', 'event:d', 'event:e'],
    },
    { level: 'notice', group: 'non-breaking', path: 'event:a#y', message: 'field added: `array<string>`', anchors: [] },
    { level: 'notice', group: 'non-breaking', path: 'S#z', message: 'field added: `integer`', anchors: [], affects: ['object:s'] },
  ],
  notes: ['not compared: `/r?beta=true` (new: `b.yaml:3`)'],
  data: {},
};

describe('reporters: grouped changes', () => {
  it('pretty: the items a change affects, the first four then a count; notes before the counts', () => {
    expect(formatReport(grouped, 'pretty')).toBe(
      [
        'specmap diff a → b',
        '',
        'breaking (1)',
        '  R#x  now nullable',
        '      affects object:r, event:a, event:b, event:c and 2 more',
        '',
        'non-breaking (2)',
        '  event:a#y  field added: `array<string>`',
        '  S#z  field added: `integer`',
        '      affects object:s',
        '',
        'not compared: `/r?beta=true` (new: `b.yaml:3`)',
        '',
        '1 breaking, 2 non-breaking',
        '',
      ].join('\n'),
    );
  });

  it('markdown: an affects column with every item in code', () => {
    const md = formatReport(grouped, 'markdown');
    expect(md).toContain('| location | change | affects | anchors |');
    expect(md).toContain('| `R#x` | now nullable | `object:r`<br>`event:a`<br>`event:b`<br>`event:c`<br>`event:d`<br>`event:e` |  |');
    expect(md).toContain('| `event:a#y` | field added: `array<string>` |  |  |');
    expect(md).toContain('### not compared\n\n- not compared: `/r?beta=true` (new: `b.yaml:3`)\n');
  });

  it('markdown --summary: one bullet per entry; over the limit, the least severe are cut and counted', () => {
    const all = formatReport(grouped, 'markdown', { summary: true });
    expect(all).toContain('### breaking (1)\n\n- `R#x`: now nullable (6 items)\n');
    expect(all).toContain('- `S#z`: field added: `integer` (in `object:s`)');
    const order = ['- `R#x`', '- `event:a#y`', '- `S#z`'];
    for (let limit = 0; limit <= all.length + 400; limit += 7) {
      const cut = formatReport(grouped, 'markdown', { summary: true, limit });
      const bullets = cut.split('\n').filter((l) => order.some((o) => l.startsWith(o)));
      // What is shown is the most severe first; the rest is counted; the limit holds once anything is shown.
      expect(bullets.map((b) => order.find((o) => b.startsWith(o)))).toEqual(order.slice(0, bullets.length));
      if (bullets.length < 3)
        expect(cut).toContain(
          `_${3 - bullets.length} more ${3 - bullets.length === 1 ? 'entry' : 'entries'} not shown (least severe first)`,
        );
      else expect(cut).toBe(all);
      if (bullets.length) expect(cut.length).toBeLessThanOrEqual(limit);
    }
  });

  it('github: how many items a change affects; notes as notices', () => {
    const lines = formatReport(grouped, 'github').trim().split('\n');
    expect(lines[0]).toBe('::error title=breaking%3A R#x::R#x: now nullable (affects 6 items)');
    expect(lines[2]).toBe('::notice title=non-breaking%3A S#z::S#z: field added: `integer` (affects object:s)');
    expect(lines[3]).toBe('::notice title=not compared::not compared: `/r?beta=true` (new: `b.yaml:3`)');
  });
});

describe('code spans', () => {
  const table: [string, string][] = [
    ['array<string>', '`array<string>`'],
    ['a`b', '``a`b``'],
    ['`x', '`` `x ``'],
    ['a``b`', '``` a``b` ```'],
  ];
  it.each(table)('%s → %s, and read back as one span', (text, want) => {
    expect(codeSpan(text)).toBe(want);
    expect(splitCodeSpans(`x ${want} y`)).toEqual([
      { code: false, text: 'x ' },
      { code: true, text: want },
      { code: false, text: ' y' },
    ]);
  });

  it('an unclosed backtick is text', () => {
    expect(splitCodeSpans('a `b')).toEqual([{ code: false, text: 'a `b' }]);
  });
});
