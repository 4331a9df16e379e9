/**
 * End to end on the real corpus: `specmap map` then `specmap report` on a throw-away copy of the
 * example workspace with the reference docs, and `specmap report` on the docs alone. Every number
 * in the report is recomputed here from mapping.json, independently of tools/report.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Root, Table } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import type { Mapping } from '../../tools/mapping/schema.js';
import type { Report } from '../../tools/report/schema.js';
import { runInProcess } from '../helpers/run-in-process.js';
import { CLI, CORPUS, makeTempWorkspace, type TempWorkspace } from '../helpers/temp-workspace.js';

const STATUSES = ['implemented', 'partial', 'planned', 'ignored', 'missing'] as const;
type Tally = Record<(typeof STATUSES)[number] | 'total', number>;

function count(entries: Mapping['items'][string][]): Tally {
  const t: Tally = { total: 0, implemented: 0, partial: 0, planned: 0, ignored: 0, missing: 0 };
  for (const e of entries) {
    t.total++;
    t[e.manual?.statusOverride ?? e.status]++;
  }
  return t;
}
const pick = (r: Tally & object): Tally => ({
  total: r.total,
  implemented: r.implemented,
  partial: r.partial,
  planned: r.planned,
  ignored: r.ignored,
  missing: r.missing,
});
const parseMd = (md: string) => unified().use(remarkParse).use(remarkGfm).parse(md) as Root;
const tables = (tree: Root) => tree.children.filter((n): n is Table => n.type === 'table');
const cells = (t: Table) => t.children.map((row) => row.children.map((c) => textOf(c)));

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
});

describe('report on the example workspace with the reference docs', () => {
  let ws: TempWorkspace;
  let mapping: Mapping;
  let report: Report;
  let markdown: string;
  beforeAll(async () => {
    ws = makeTempWorkspace();
    expect((await ws.run('map')).code).toBe(0);
    const run = await ws.run('report');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^wrote reports\/report\.html, reports\/report\.json, reports\/report\.md: /);
    mapping = JSON.parse(ws.read('mapping.json')) as Mapping;
    report = JSON.parse(ws.read('reports/report.json')) as Report;
    markdown = ws.read('reports/report.md');
  }, 240_000);
  afterAll(() => ws?.cleanup());

  it('counts every kind and status exactly as mapping.json has them (overrides win)', async () => {
    const entries = Object.values(mapping.items);
    expect(report.summary.mapped).toBe(true);
    expect(pick(report.summary.overall)).toEqual(count(entries));
    for (const k of report.summary.kinds) expect(pick(k), k.kind).toEqual(count(entries.filter((e) => e.kind === k.kind)));
    expect(report.summary.overall.percent).toBe(
      Math.round((report.summary.overall.implemented / (entries.length - report.summary.overall.ignored)) * 1000) / 10,
    );
  });

  it('counts per category and per lane from mapping.json', async () => {
    const events = Object.values(mapping.items).filter((e) => e.kind === 'event');
    expect(report.categories.map((c) => c.id).sort()).toEqual([...new Set(events.map((e) => e.category))].sort());
    for (const c of report.categories) expect(pick(c), c.id).toEqual(count(events.filter((e) => e.category === c.id)));
    for (const lane of report.summary.lanes) {
      const withLane = Object.values(mapping.items).filter((e) => (e.lanes[lane.name]?.length ?? 0) > 0);
      expect(lane.items, lane.name).toBe(withLane.length);
      expect(lane.locations, lane.name).toBe(withLane.reduce((n, e) => n + e.lanes[lane.name]!.length, 0));
    }
    expect(report.unknownLiterals).toEqual(mapping.unknownLiterals);
    expect(report.orphans.map((o) => o.key)).toEqual(Object.keys(mapping.orphans).sort());
  });

  it('lists exactly the missing and partial items, with anchors and gap sentences from mapping.json', async () => {
    const want = Object.entries(mapping.items).filter(([, e]) => ['missing', 'partial'].includes(e.manual?.statusOverride ?? e.status));
    expect(report.gaps.map((g) => g.id).sort()).toEqual(want.map(([id]) => id).sort());
    for (const g of report.gaps) {
      expect(g.anchor).toBe(mapping.items[g.id]!.anchor);
      expect(g.gaps).toEqual(mapping.items[g.id]!.gaps ?? []);
    }
    const include = report.gaps.find((g) => g.id === 'param:POST /v1/responses#include');
    if (include?.values) {
      const accepted = Object.entries(mapping.items).filter(
        ([id, e]) => id.startsWith('enum:POST /v1/responses#include=') && Object.values(e.lanes).some((l) => l.length),
      );
      expect(include.values.accepted.length).toBe(accepted.length);
    }
  });

  it('renders valid GFM whose tables carry the same numbers', async () => {
    const tree = parseMd(markdown);
    const [kinds, categories] = tables(tree).map(cells);
    expect(kinds![0]).toEqual(['Kind', 'Total', 'Implemented', 'Partial', 'Planned', 'Ignored', 'Missing', '%']);
    expect(kinds!.slice(1).map((r) => r.slice(1, 7).map(Number))).toEqual(
      report.summary.kinds.map((k) => [k.total, k.implemented, k.partial, k.planned, k.ignored, k.missing]),
    );
    expect(categories!.slice(1).map((r) => [r[0], Number(r[1]), Number(r[2])])).toEqual(
      report.categories.map((c) => [c.title, c.total, c.implemented]),
    );
    expect(markdown.match(/<details>/g)!.length).toBe(markdown.match(/<\/details>/g)!.length);
    expect(markdown.length).toBeLessThan(65_536);
  });

  it('gives the same bytes on a second run and stamps only with --timestamp', async () => {
    const before = ['report.md', 'report.json', 'report.html'].map((f) => ws.read(`reports/${f}`));
    expect((await ws.run('report')).stdout).toMatch(/^unchanged /);
    expect(['report.md', 'report.json', 'report.html'].map((f) => ws.read(`reports/${f}`))).toEqual(before);
    const stamped = await ws.run('report', '--stdout', '--format', 'json', '--timestamp');
    expect((JSON.parse(stamped.stdout) as Report).generatedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('refuses --stdout with several formats and unknown formats (exit 2)', async () => {
    expect((await ws.run('report', '--stdout')).code).toBe(2);
    expect((await ws.run('report', '--format', 'pdf')).code).toBe(2);
  });
});

describe('report on the reference docs alone (no code mapped)', () => {
  let dir: string;
  let report: Report;
  let markdown: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'specmap-report-'));
    const sources = ['DOC_streaming_events.md', 'DOC_responses.md', 'DOC_conversations.md'].map((f) => ({
      path: join(CORPUS, 'openai-docs', f),
    }));
    writeFileSync(join(dir, 'specmap.config.json'), JSON.stringify({ sources }));
    const run = (...args: string[]) => runInProcess(dir, args);
    const json = await run('report', '--stdout', '--format', 'json');
    expect(json.code).toBe(0);
    report = JSON.parse(json.stdout) as Report;
    markdown = (await run('report', '--stdout', '--format', 'markdown')).stdout;
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('works and says that nothing is mapped', async () => {
    expect(report.summary.mapped).toBe(false);
    expect(report.summary.overall.missing).toBe(report.summary.overall.total);
    expect(markdown).toContain('No mapping.json: no code is mapped yet');
  });

  it('counts 49 events in 7 categories, 14 endpoints, 28 parameters of POST /v1/responses', async () => {
    expect(report.summary.kinds.find((k) => k.kind === 'event')!.total).toBe(49);
    expect(report.categories).toHaveLength(7);
    expect(report.categories.reduce((n, c) => n + c.total, 0)).toBe(49);
    expect(report.summary.kinds.find((k) => k.kind === 'endpoint')!.total).toBe(14);
    expect(report.items.filter((i) => i.kind === 'param' && i.subgroup === 'endpoint:POST /v1/responses')).toHaveLength(28);
  });

  it('lists endpoints by API section and the linked sections the sources do not define', async () => {
    const defined = report.sections.filter((s) => s.inSources);
    expect(defined.map((s) => [s.title, s.endpoints.length])).toEqual([
      ['Responses', 6],
      ['Conversations', 8],
      ['Streaming events', 0],
    ]);
    const linked = report.sections.filter((s) => !s.inSources).map((s) => s.title);
    expect(linked.length).toBeGreaterThan(10);
    expect(linked).not.toContain('Responses');
    expect(report.crosscheck).toEqual([]);
    expect(report.sources.map((s) => s.id)).toEqual(['DOC_streaming_events.md', 'DOC_responses.md', 'DOC_conversations.md']);
  });

  it('still parses as GFM', async () => {
    expect(tables(parseMd(markdown)).length).toBeGreaterThanOrEqual(2);
  });
});
