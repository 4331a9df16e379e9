/**
 * Report size and load time on a synthetic large workspace (run by hand: `npx tsx bench/report-size.ts [events]`).
 * Builds a model of N events (+ endpoints, params, enum values) and a mapping with locations in
 * 6 lanes, renders markdown/JSON/HTML, and loads the HTML in headless Chromium when it is
 * installed. Times are printed as ratios against a floor measured in the same run: the
 * 165-item reference-sized report (the repository's own model and mapping).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LaneConfig } from '../tools/config/schema.js';
import type { Mapping, MappingEntry } from '../tools/mapping/schema.js';
import type { Model } from '../tools/model/schema.js';
import { buildReport } from '../tools/report/build.js';
import { renderHtml } from '../tools/report/reporters/html.js';
import { renderJson } from '../tools/report/reporters/json.js';
import { renderMarkdown } from '../tools/report/reporters/markdown.js';
import { CHROMIUM, launchChromium } from '../tests/helpers/chromium.js';

const N = Number(process.argv[2] ?? 5000);
const OUT = resolve(import.meta.dirname, '.out');
mkdirSync(OUT, { recursive: true });
const CATS = ['lifecycle', 'output', 'function-calls', 'builtin-tools', 'mcp', 'reasoning', 'errors'];
const LANES: LaneConfig[] = ['inbound', 'outbound', 'server', 'frontend', 'handler', 'golden'].map((name, i) => ({
  name,
  title: `Lane ${name}`,
  include: ['**'],
  exclude: [],
  language: 'auto',
  kinds: [
    (['definition', 'emitter', 'route', 'definition', 'handler', 'test'] as const)[i]!,
    ...(name === 'server' ? (['param'] as const) : []),
  ],
}));

function synthetic(n: number): { model: Model; mapping: Mapping } {
  const model: Model = {
    modelVersion: 1,
    sources: [{ id: 'big.md', kind: 'openai-docs', path: 'docs/big.md', sha256: 'a'.repeat(64) }],
    events: [],
    endpoints: [],
    params: [],
    enums: [],
    objects: [],
    schemas: {},
  };
  const items: Record<string, MappingEntry> = {};
  const statuses = ['implemented', 'partial', 'missing', 'missing', 'planned'] as const;
  for (let i = 0; i < n; i++) {
    const type = `response.synthetic_${i % 97}.part_${i}`;
    const id = `event:${type}`;
    model.events.push({
      id,
      kind: 'event',
      type,
      category: CATS[i % CATS.length]!,
      description: 'synthetic <b>event</b>',
      anchors: [`big.md:${i * 10 + 1}-${i * 10 + 9}`],
      sources: ['big.md'],
      fields: [],
      correlationKeys: ['item_id'],
      classNames: [],
    });
    const status = statuses[i % statuses.length]!;
    const lanes: MappingEntry['lanes'] = {};
    if (status !== 'missing')
      for (const l of ['inbound', 'outbound', 'frontend', 'handler', 'golden'].slice(0, status === 'implemented' ? 5 : 2)) {
        lanes[l] = [{ file: `pkg${i % 40}/module_${i % 300}/file_${i}.py`, line: (i % 500) + 1, symbol: `Symbol${i}`, kind: 'definition' }];
      }
    items[id] = {
      kind: 'event',
      anchor: `big.md:${i * 10 + 1}-${i * 10 + 9}`,
      category: CATS[i % CATS.length]!,
      lanes,
      status,
      ...(status === 'partial' ? { gaps: ['no location in lane frontend', `Symbol${i} (x.py:1) lacks \`item_id\``] } : {}),
    };
  }
  for (let e = 0; e < n / 50; e++) {
    const id = `endpoint:POST /v1/things_${e}`;
    model.endpoints.push({
      id,
      kind: 'endpoint',
      method: 'POST',
      path: `/v1/things_${e}`,
      title: `Thing ${e}`,
      section: `Section ${e % 12}`,
      description: '',
      anchors: [`big.md:${n * 10 + e * 5 + 1}`],
      sources: ['big.md'],
      classNames: [],
    });
    items[id] = { kind: 'endpoint', anchor: `big.md:${n * 10 + e * 5 + 1}`, lanes: {}, status: 'missing' };
  }
  return {
    model,
    mapping: {
      mappingVersion: 1,
      sources: { 'big.md': 'a'.repeat(64) },
      lanes: LANES.map((l) => ({ name: l.name, title: l.title })),
      items,
      orphans: {},
      unknownLiterals: [],
      summary: {},
    },
  };
}

function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
}

async function loadMs(file: string): Promise<number | undefined> {
  if (!existsSync(CHROMIUM)) return undefined;
  const browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto('about:blank');
  const t = performance.now();
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  await page.waitForFunction("document.getElementById('shown-count').textContent !== ''");
  const ms = performance.now() - t;
  await browser.close();
  return ms;
}

async function measure(label: string, model: Model, mapping: Mapping) {
  const [report, buildMs] = time(() => buildReport(model, mapping, { lanes: LANES, implemented: LANES.map((l) => l.name) }));
  const [html, htmlMs] = time(() => renderHtml(report, { linkBase: '../' }));
  const md = renderMarkdown(report);
  const json = renderJson(report);
  const file = join(OUT, `report-${label}.html`);
  writeFileSync(file, html);
  const load = await loadMs(file);
  return {
    label,
    items: report.items.length,
    buildMs,
    htmlMs,
    htmlBytes: Buffer.byteLength(html),
    mdBytes: Buffer.byteLength(md),
    jsonBytes: Buffer.byteLength(json),
    loadMs: load,
  };
}

const { model: small, mapping: smallMap } = synthetic(165);
const floor = await measure('floor', small, smallMap);
const { model, mapping } = synthetic(N);
const big = await measure(`n${N}`, model, mapping);
const kb = (b: number) => `${(b / 1024).toFixed(0)} KiB`;
for (const r of [floor, big]) {
  console.log(
    `${r.label}: ${r.items} items · build ${r.buildMs.toFixed(0)} ms · html render ${r.htmlMs.toFixed(0)} ms · html ${kb(r.htmlBytes)} · md ${kb(r.mdBytes)} · json ${kb(r.jsonBytes)}${r.loadMs !== undefined ? ` · chromium load+first render ${r.loadMs.toFixed(0)} ms` : ''}`,
  );
}
console.log(
  `ratios vs floor: build ×${(big.buildMs / floor.buildMs).toFixed(1)}, html bytes ×${(big.htmlBytes / floor.htmlBytes).toFixed(1)}${big.loadMs && floor.loadMs ? `, load ×${(big.loadMs / floor.loadMs).toFixed(1)}` : ''}; markdown ${big.mdBytes < 65536 ? 'fits' : 'does NOT fit'} a PR comment`,
);
