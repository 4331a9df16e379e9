import { describe, expect, it } from 'vitest';
import { LANES, tinyMapping, tinyModel } from '../../tests/report/fixtures.js';
import { buildReport } from './build.js';

const extras = { lanes: LANES, implemented: ['inbound', 'handler', 'server'] };

describe('buildReport', () => {
  const report = buildReport(tinyModel(), tinyMapping(), extras);

  it.each([
    ['overall', () => report.summary.overall, { total: 8, implemented: 3, partial: 3, planned: 1, ignored: 0, missing: 1, percent: 37.5 }],
    ['events', () => report.summary.kinds[0], { kind: 'event', total: 3, implemented: 1, partial: 1, planned: 1, missing: 0 }],
    [
      'lifecycle row',
      () => report.categories[0],
      { id: 'lifecycle', title: 'Lifecycle', total: 2, implemented: 1, partial: 1, percent: 50 },
    ],
    [
      'builtin row with sub',
      () => report.categories[1],
      { id: 'builtin-tools', total: 1, planned: 1, subcategories: [expect.objectContaining({ id: 'web-search', total: 1 })] },
    ],
    [
      'lane server (holds endpoints, params, enums)',
      () => report.summary.lanes.find((l) => l.name === 'server'),
      { items: 4, locations: 4, holdable: 5, percent: 80 },
    ],
    ['lane handler (holds events)', () => report.summary.lanes.find((l) => l.name === 'handler'), { items: 1, holdable: 3, percent: 33.3 }],
  ])('%s', (_name, get, want) => {
    expect(get()).toMatchObject(want);
  });

  it('lets a manual statusOverride win over the computed status', () => {
    const item = report.items.find((i) => i.id === 'event:thing.search.done')!;
    expect(item).toMatchObject({ status: 'planned', statusFrom: 'manual' });
    expect(report.summary.overridden).toBe(1);
    expect(report.gaps.map((g) => g.id)).not.toContain('event:thing.search.done');
  });

  it('says what a partial event lacks: lane and required fields', () => {
    const gap = report.gaps.find((g) => g.id === 'event:thing.ended')!;
    expect(gap).toMatchObject({ status: 'partial', missingLanes: ['handler'], lackingFields: ['seq'], anchor: 'page.md:21-30' });
  });

  it('gives a parameter the spec side and an enum parameter its accepted values', () => {
    expect(report.gaps.find((g) => g.id === 'param:POST /v1/things#mode')).toMatchObject({
      param: { type: 'string or null', required: false, default: '"fast"' },
    });
    expect(report.gaps.find((g) => g.id === 'param:POST /v1/things#extras')!.values).toEqual({ accepted: ['a.b'], notAccepted: ['c.d'] });
  });

  it('lists linked sections the sources do not define, and fills tracker code columns', () => {
    const r = buildReport(tinyModel(), tinyMapping(), {
      ...extras,
      linkedSections: [
        { title: 'Things', slug: 'things', group: 'APIs' },
        { title: 'Widgets', slug: 'widgets', group: 'APIs' },
        { title: 'Page', slug: 'page', group: 'APIs' },
      ],
    });
    expect(r.sections.map((s) => [s.title, s.inSources, s.endpoints.length])).toEqual([
      ['Things', true, 1],
      ['Widgets', false, 0],
      ['Page', true, 0],
    ]);
    const row = r.trackers[0]!.groups[0]!.rows[0]!;
    expect(row.cells).toEqual({ inbound: ['be/ev.py:3 Started'], handler: ['fe/r.ts:9 reduce'] });
    expect(r.trackers[1]!.groups[0]).toMatchObject({ subcategory: 'web-search', title: 'Web search' });
  });

  it('reports orphans, unknown literals, stale sources and crosscheck only for several sources', () => {
    expect(report.orphans).toEqual([{ key: 'event:gone.away', origin: 'item no longer in the sources' }]);
    expect(report.unknownLiterals[0]!.literal).toBe('thing.bogus');
    expect(report.crosscheck).toBeUndefined();
    const stale = tinyMapping();
    stale.sources['page.md'] = 'b'.repeat(64);
    expect(buildReport(tinyModel(), stale, extras).sources[0]!.mappingSha256).toBe('b'.repeat(64));
  });

  it('works without a mapping: nothing mapped, every item missing, required lanes named', () => {
    const r = buildReport(tinyModel(), undefined, extras);
    expect(r.summary).toMatchObject({ mapped: false, overall: { total: 8, missing: 8, percent: 0 } });
    expect(r.gaps.find((g) => g.id === 'event:thing.started')!.missingLanes).toEqual(['inbound', 'handler']);
    expect(r.gaps.find((g) => g.id === 'endpoint:POST /v1/things')!.missingLanes).toEqual(['server']);
  });

  it('is deterministic and stamps a time only when asked', () => {
    expect(JSON.stringify(buildReport(tinyModel(), tinyMapping(), extras))).toBe(JSON.stringify(report));
    expect(report.generatedAt).toBeUndefined();
    expect(buildReport(tinyModel(), tinyMapping(), { ...extras, generatedAt: 'T' }).generatedAt).toBe('T');
  });
});
