import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { LANES, tinyMapping, tinyModel } from '../../../tests/report/fixtures.js';
import { buildReport } from '../build.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';

const report = buildReport(tinyModel(), tinyMapping(), { lanes: LANES, implemented: ['inbound', 'handler', 'server'] });

describe('renderMarkdown', () => {
  const md = renderMarkdown(report);
  it.each([
    ['headline first', md.split('\n')[1], '# specmap report'],
    ['numbers', md.split('\n')[3], '**3 of 8 items implemented (37.5%)** · 3 partial · 1 planned · 0 ignored · 1 missing'],
  ])('%s', (_n, got, want) => {
    expect(got).toBe(want);
  });

  it('escapes manual notes in table cells and parses as GFM with tables', () => {
    expect(md).toContain('next sprint \\| maybe');
    const tree = unified().use(remarkParse).use(remarkGfm).parse(md);
    const tables = tree.children.filter((n) => n.type === 'table');
    expect(tables.length).toBeGreaterThanOrEqual(2);
    // Every tracker row has exactly the header's cells: the `|` in the note did not split a cell.
    // Six fixed columns and one code column per lane that can hold an event (inbound, handler; not server).
    const trackers = tables.filter((t) => JSON.stringify(t.children[0]).includes('Correlation keys'));
    expect(trackers.length).toBe(2);
    for (const t of trackers) for (const row of t.children) expect(row.children).toHaveLength(8);
  });

  it('leaves sections out past the budget, with a pointer', () => {
    const short = renderMarkdown(report, 1500);
    expect(short).toContain('Too long for one comment, left out here:');
    expect(short.length).toBeLessThan(2500);
  });
});

describe('renderHtml', () => {
  it('never lets doc or code text become markup', () => {
    const hostile = buildReport(
      tinyModel(),
      tinyMapping({
        'event:thing.started': {
          lanes: { inbound: [{ file: 'be/</script><img src=x>.py', line: 1, symbol: '<b>x</b>', kind: 'definition' }] },
        },
      }),
      { lanes: LANES },
    );
    const html = renderHtml(hostile);
    expect(html).not.toContain('<img src=x>');
    expect(html).not.toContain('<b>x</b>');
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });
});

describe('declarations of another shape and legacy disagreements', () => {
  const mapping = tinyMapping({
    'event:thing.started': {
      sameLiteralOtherShape: [
        {
          file: 'rt/realtime.ts',
          line: 7,
          symbol: 'RtStarted',
          kind: 'definition',
          evidence: 'type property; declares event_id',
          confidence: 'high',
        },
      ],
    },
    'event:thing.ended': { legacyFindings: ['legacy code location ev.py:3 is stale: the code has Ended at line 8'] },
  });
  const r = buildReport(tinyModel(), mapping, { lanes: LANES });

  it('lists them in the report data, markdown and dashboard', () => {
    expect(r.otherShape).toEqual([{ id: 'event:thing.started', locations: mapping.items['event:thing.started']!.sameLiteralOtherShape }]);
    expect(r.legacyFindings).toEqual([
      { id: 'event:thing.ended', findings: ['legacy code location ev.py:3 is stale: the code has Ended at line 8'] },
    ]);
    const md = renderMarkdown(r);
    expect(md).toContain('Same literal, other shape: not counted (1)');
    expect(md).toContain('`rt/realtime.ts:7`');
    expect(md).toContain('Legacy mapping disagreements (1)');
    const html = renderHtml(r);
    expect(html).toContain('id="other-shape"');
    expect(html).toContain('is stale: the code has Ended at line 8');
  });

  it('has neither section when there is nothing to say', () => {
    const md = renderMarkdown(report);
    expect(md).not.toContain('Same literal, other shape');
    expect(md).not.toContain('Legacy mapping disagreements');
  });
});
