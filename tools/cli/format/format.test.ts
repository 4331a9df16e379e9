import { describe, expect, it } from 'vitest';
import type { Problem } from '../../problems/problem.js';
import { annotation, escapeData, escapeProperty } from './annotation.js';
import { formatProblems, PROBLEM_FORMATS, type ProblemReport } from './index.js';
import { prettyDiagnostics } from './pretty.js';
import { cell, prose } from './markdown-text.js';

const removed: Problem = {
  code: 'field-removed',
  severity: 'error',
  message: '100% gone,\r\nreally',
  subject: 'param:POST /v1/x#a|b',
  location: { file: 'docs/x, y.md', line: 3, endLine: 4 },
  related: [{ message: 'new', location: { file: 'docs/x.md', line: 7 } }],
};
const added: Problem = {
  code: 'field-added',
  severity: 'info',
  message: 'field added: `array<string>`, was <b>',
  subject: 'R#x',
  items: ['object:r', 'event:a', 'event:b', 'event:c', 'event:d', 'event:e'],
};
const diagnostic: Problem = {
  code: 'unknown-type-word',
  severity: 'warning',
  message: 'Found `strng`, expected a type word',
  location: { file: 'a.md', line: 2, column: 5 },
  fix: 'write `string`',
};

const report = (problems: Problem[], over: Partial<ProblemReport> = {}): ProblemReport => ({
  command: 'diff',
  problems,
  data: { problems },
  ...over,
});

describe('github annotations', () => {
  it.each<[string, string, string]>([
    ['data: %, CR and LF', escapeData('100% a\r\nb'), '100%25 a%0D%0Ab'],
    ['properties: also : and ,', escapeProperty('a:b,c%'), 'a%3Ab%2Cc%25'],
    ['other control characters made visible, never raw', escapeData('x\u001b[2J\u2028'), 'x\\x1b[2J\\u2028'],
  ])('%s', (_name, given, want) => {
    expect(given).toBe(want);
  });

  it('one line per problem: file and lines as properties, the rest in the message', () => {
    expect(formatProblems(report([removed, diagnostic]), 'github')).toBe(
      [
        '::error file=docs/x%2C y.md,line=3,endLine=4,title=specmap diff [field-removed]::param:POST /v1/x#a|b: 100%25 gone,%0D%0Areally (new: docs/x.md:7)',
        '::warning file=a.md,line=2,col=5,title=specmap diff [unknown-type-word]::Found `strng`, expected a type word fix: write `string`',
        '',
      ].join('\n'),
    );
  });

  it('a problem without a place: only the title; info is a notice; items counted', () => {
    expect(formatProblems(report([added]), 'github')).toBe(
      '::notice title=specmap diff [field-added]::R#x: field added: `array<string>`, was <b> (affects 6 items)\n',
    );
    expect(annotation('notice', { title: 'a:b' }, 'x')).toBe('::notice title=a%3Ab::x');
  });

  it('nothing to say, nothing printed', () => {
    expect(formatProblems(report([]), 'github')).toBe('');
  });
});

describe('markdown', () => {
  it.each<[string, string, string]>([
    ['a pipe ends no cell, in code or not', cell('a|b `c|d`'), 'a\\|b `c\\|d`'],
    ['`<` outside code is escaped, inside kept', prose('x <b> `array<string>`'), 'x &lt;b> `array<string>`'],
    ['line breaks become spaces', cell('a\r\nb\nc'), 'a b c'],
    ['a backslash stays a backslash', prose('a\\b'), 'a\\\\b'],
  ])('%s', (_name, given, want) => {
    expect(given).toBe(want);
  });

  it('a row per problem: subject and places in code; an affects column when any problem has items', () => {
    const md = formatProblems(report([removed, added], { groups: [{ title: 'all (2)', problems: [removed, added] }] }), 'markdown');
    expect(md).toContain('| subject | problem | affects | locations |\n|---|---|---|---|\n');
    expect(md).toContain('| `param:POST /v1/x#a\\|b` | 100% gone, really |  | `docs/x, y.md:3-4`<br>new: `docs/x.md:7` |\n');
    expect(md).toContain('| `R#x` | field added: `array<string>`, was &lt;b> | `object:r`<br>`event:a`<br>');
  });

  it('--summary: bullets; over the limit the last are cut and counted, and the text never exceeds it', () => {
    const r = report([removed, added], { groups: [{ title: 'all (2)', problems: [removed, added] }] });
    const all = formatProblems(r, 'markdown', { summary: true });
    expect(all).toContain('- `param:POST /v1/x#a|b`: 100% gone, really\n- `R#x`: field added: `array<string>`, was &lt;b> (6 items)\n');
    // Cut at every limit from a little above the count line's own length to the whole text.
    const many = [removed, ...Array.from({ length: 30 }, (_, i) => ({ ...added, subject: `R#x${i}` }))];
    const big = report(many, { groups: [{ title: `all (${many.length})`, problems: many }] });
    const whole = formatProblems(big, 'markdown', { summary: true }).length;
    expect(whole).toBeGreaterThan(1000);
    for (let limit = 150; limit < whole; limit += 5) {
      const cut = formatProblems(big, 'markdown', { summary: true, limit });
      expect(cut.length).toBeLessThanOrEqual(limit);
      expect(cut).toMatch(/_\d+ more entr(y|ies) not shown/);
    }
  });
});

describe('pretty', () => {
  it('the diagnostics line; items, related places and the fix under it; grouped problems indented', () => {
    expect(
      formatProblems(
        report([diagnostic], {
          groups: [{ title: 'g (2)', problems: [diagnostic, added] }],
          pretty: { header: ['title'], footer: ['end'] },
        }),
        'pretty',
      ),
    ).toBe(
      [
        'title',
        'g (2)',
        '  a.md:2:5: warning Found `strng`, expected a type word [unknown-type-word]',
        '      fix: write `string`',
        '  info R#x: field added: `array<string>`, was <b> [field-added]',
        '      affects object:r, event:a, event:b, event:c and 2 more',
        'end',
        '',
      ].join('\n'),
    );
  });

  it('diagnostics print as problems do, remark-lint style, their hint as the fix', () => {
    const d = { severity: 'error', code: 'c', file: 'a.md', line: 1, column: 1, message: 'Found x, expected y' } as const;
    expect(
      prettyDiagnostics([
        { ...d, hint: 'do z' },
        { ...d, severity: 'warning', line: 3, column: 7 },
      ]),
    ).toBe('a.md:1:1: error Found x, expected y [c]\n    fix: do z\na.md:3:7: warning Found x, expected y [c]\n');
  });

  it('text from a trace cannot move the cursor or forge a line', () => {
    const out = formatProblems(report([{ ...diagnostic, message: 'a\u001b[2J\r\nfake: ok' }]), 'pretty');
    expect(out).toBe('a.md:2:5: warning a\\x1b[2J\\x0d\\x0afake: ok [unknown-type-word]\n    fix: write `string`\n');
  });

  it("a detail's tabs stay tabs (a unified diff's header), its other control characters are escaped", () => {
    const out = formatProblems(report([{ ...diagnostic, detail: '--- a/x.md\ton disk\n+ \u001b[31mred' }]), 'pretty');
    expect(out).toContain('    --- a/x.md\ton disk\n    + \\x1b[31mred\n');
  });
});

describe('every format', () => {
  it.each(PROBLEM_FORMATS)('%s: the same input gives the same bytes', (format) => {
    const make = () => report([removed, added, diagnostic], { groups: [{ title: 'g (3)', problems: [removed, added, diagnostic] }] });
    const first = formatProblems(make(), format, { root: '/repo' });
    expect(first.length).toBeGreaterThan(0);
    expect(formatProblems(make(), format, { root: '/repo' })).toBe(first);
  });
});
