/**
 * HTML reporter: one self-contained dashboard file (inline CSS and JS, no network). The head —
 * overall numbers, coverage bars per category and lane, API sections — is static HTML; the items ×
 * lanes matrix is rendered by the inline script from compact embedded data (file paths interned)
 * so a large workspace stays a few MB. Every string is escaped for where it lands.
 */
import { parseAnchor } from '../../model/anchor.js';
import type { Report, StatusCounts } from '../schema.js';
import { STATUSES } from '../../mapping/schema.js';
import { KIND_TITLES } from '../items.js';
import { DASHBOARD_JS } from './dashboard-script.js';
import { DASHBOARD_CSS } from './dashboard-style.js';
import { escapeHtml as h, fileHref, jsonForScript } from './html-escape.js';

export interface HtmlOptions {
  /** Path from the report's folder to the config root (`../`), for links to sources and code. */
  linkBase?: string;
}

const KINDS = ['event', 'endpoint', 'param', 'enum', 'object'] as const;

function bar(c: StatusCounts): string {
  const spans = STATUSES.filter((s) => c[s] > 0)
    .map((s) => `<span class="s-${s}" style="width:${((c[s] / c.total) * 100).toFixed(2)}%" title="${s}: ${c[s]}"></span>`)
    .join('');
  return `<div class="bar">${spans}</div>`;
}

function barRow(title: string, c: StatusCounts, id: string): string {
  return `<div>${h(title)}</div>${bar(c)}<div class="muted" data-row="${h(id)}">${c.implemented}/${c.total - c.ignored} implemented (${c.percent}%) · ${c.partial} partial · ${c.missing} missing</div>`;
}

/** The embedded data: arrays instead of objects and interned file paths keep it small. */
function compactData(report: Report, base: string) {
  const files: string[] = [];
  const fileIndex = new Map<string, number>();
  const intern = (f: string): number => {
    const known = fileIndex.get(f);
    if (known !== undefined) return known;
    fileIndex.set(f, files.length);
    return files.push(f) - 1;
  };
  // Matrix groups: kind first, then the category (by title) or API section, in report order.
  const titles = new Map(report.categories.map((c) => [c.id, c.title]));
  const groupOf = (i: Report['items'][number]) =>
    `${KIND_TITLES[i.kind]}${i.kind === 'object' ? '' : ` · ${titles.get(i.group) ?? (i.group || 'none')}`}`;
  const groups = [...new Set(report.items.map(groupOf))];
  const sourcePath = new Map(report.sources.map((s) => [s.id, s.path]));
  const gapsOf = new Map(report.gaps.map((g) => [g.id, g]));
  const items = report.items.map((i) => {
    const a = i.anchor ? parseAnchor(i.anchor) : undefined;
    const anchorHref = a ? fileHref(base, sourcePath.get(a.file) ?? a.file, a.start) : null;
    const g = gapsOf.get(i.id);
    const what = g
      ? [
          ...(g.missingLanes.length ? [`no location in ${g.missingLanes.join(', ')}`] : []),
          ...g.gaps.filter((s) => !s.startsWith('no location in lane')),
        ]
      : [];
    // The evidence lets a reader judge each tie (shown on hover).
    const lanes = report.lanes.map((l) =>
      (i.lanes[l.name] ?? []).map((loc) => [
        intern(loc.file),
        loc.line,
        loc.symbol,
        [loc.evidence, loc.confidence && `${loc.confidence} confidence`].filter(Boolean).join(', '),
      ]),
    );
    return [
      i.label,
      KINDS.indexOf(i.kind),
      groups.indexOf(groupOf(i)),
      i.anchor,
      STATUSES.indexOf(i.status),
      lanes,
      anchorHref,
      what,
      i.statusFrom === 'manual' ? 1 : 0,
    ];
  });
  return {
    statuses: STATUSES,
    kinds: KINDS,
    groups,
    lanes: report.lanes.map((l) => ({ title: l.title, required: l.required, kinds: l.itemKinds.map((k) => KINDS.indexOf(k)) })),
    files,
    hrefs: files.map((f) => fileHref(base, f)),
    items,
  };
}

export function renderHtml(report: Report, opts: HtmlOptions = {}): string {
  const base = opts.linkBase ?? '';
  const o = report.summary.overall;
  const data = compactData(report, base);
  const cards = (['total', ...STATUSES] as const).map((k) => `<div class="card" id="count-${k}"><b>${o[k]}</b>${k}</div>`).join('');
  const kinds = report.summary.kinds.map((k) => barRow(`${k.kind} (${k.total})`, k, `kind-${k.kind}`)).join('');
  const cats = report.categories.map((c) => barRow(c.title, c, `category-${c.id}`)).join('');
  const lanes = report.summary.lanes
    .map(
      (l) =>
        `<div>${h(l.title)} <code>${h(l.name)}</code></div><div class="bar"><span class="s-implemented" style="width:${l.percent.toFixed(2)}%"></span></div><div class="muted" data-row="lane-${h(l.name)}">${l.items} of ${l.holdable} items, ${l.locations} locations (${l.percent}%)</div>`,
    )
    .join('');
  const sections = report.sections
    .map(
      (s) =>
        `<tr><td>${h(s.title)}</td><td>${h(s.group ?? '')}</td><td>${s.inSources ? `${s.counts.implemented}/${s.counts.total} endpoints implemented` : 'not in the sources: this report cannot speak for it'}</td></tr>`,
    )
    .join('');
  const unknown = report.unknownLiterals
    .map(
      (u) =>
        `<li><code>${h(u.literal)}</code>: ${u.locations.map((l) => `<a href="${h(fileHref(base, l.file, l.line))}">${h(`${l.file}:${l.line}`)}</a>`).join(', ')}</li>`,
    )
    .join('');
  const sources = report.sources
    .map(
      (s) =>
        `<tr><td><code>${h(s.id)}</code></td><td>${h(s.kind)}</td><td><a href="${h(fileHref(base, s.path))}">${h(s.path)}</a></td><td><code>${h(s.sha256)}</code>${s.mappingSha256 ? ' <b>(mapping.json is stale)</b>' : ''}</td></tr>`,
    )
    .join('');
  const findings =
    report.crosscheck
      ?.map((f) => `<li><code>${h(f.code)}</code> ${f.item ? `<code>${h(f.item)}</code> ` : ''}${h(f.message)}</li>`)
      .join('') ?? '';
  const groupOptions = data.groups.map((g, i) => `<option value="${i}">${h(g)}</option>`).join('');
  const statusOptions = STATUSES.map((s, i) => `<option value="${i}">${s}</option>`).join('');
  const legend = STATUSES.map((s) => `<span class="s-${s}"></span>${s}`).join('');
  return `<!doctype html>
<!-- Generated by \`specmap report\`. Do not edit: rerun the command. -->
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>specmap report</title><style>${DASHBOARD_CSS}</style></head><body>
<h1>specmap report</h1>
<p id="headline"><b>${o.implemented} of ${o.total - o.ignored} items implemented (${o.percent}%)</b>${report.generatedAt ? ` · generated ${h(report.generatedAt)}` : ''}</p>
${report.summary.mapped ? '' : '<p class="note" id="unmapped">No mapping.json: no code is mapped yet, so every item counts as missing. Run <code>specmap map</code> first.</p>'}
<div class="cards">${cards}</div>
<p class="legend muted">${legend}</p>
<h2>By kind</h2><div class="bars" id="kinds">${kinds}</div>
<h2>By category</h2><div class="bars" id="categories">${cats}</div>
${lanes ? `<h2>By lane</h2><div class="bars" id="lanes">${lanes}</div>` : ''}
<h2>Items × lanes</h2>
<div class="filters"><input id="filter-text" type="search" placeholder="Filter by name, anchor or gap"><select id="filter-category"><option value="">all groups</option>${groupOptions}</select><select id="filter-status"><option value="">all statuses</option>${statusOptions}</select><span id="shown-count" class="muted"></span></div>
<div id="matrix"></div>
<h2>API sections</h2><details open><summary>${report.sections.length} sections</summary><table id="sections"><thead><tr><th>Section</th><th>Nav group</th><th>Coverage</th></tr></thead><tbody>${sections}</tbody></table></details>
<h2>Unknown literals in code</h2>${unknown ? `<details><summary>${report.unknownLiterals.length} literals</summary><ul id="unknown">${unknown}</ul></details>` : '<p class="muted">None.</p>'}
${report.otherShape.length ? `<h2>Same literal, other shape (not counted)</h2><ul id="other-shape">${report.otherShape.map((o) => `<li><code>${h(o.id)}</code>: ${o.locations.map((l) => `<a href="${h(fileHref(base, l.file, l.line))}">${h(`${l.file}:${l.line}`)}</a> ${h(l.evidence ?? '')}`).join(', ')}</li>`).join('')}</ul>` : ''}
${report.legacyFindings.length ? `<h2>Legacy mapping disagreements</h2><details><summary>${report.legacyFindings.reduce((a, f) => a + f.findings.length, 0)} findings</summary><ul id="legacy">${report.legacyFindings.flatMap((f) => f.findings.map((x) => `<li><code>${h(f.id)}</code>: ${h(x)}</li>`)).join('')}</ul></details>` : ''}
<h2>Sources</h2><table id="sources"><thead><tr><th>Source</th><th>Kind</th><th>Path</th><th>sha256</th></tr></thead><tbody>${sources}</tbody></table>
${report.crosscheck ? (findings ? `<details><summary>Crosscheck findings (${report.crosscheck.length})</summary><ul>${findings}</ul></details>` : '<p class="muted">Crosscheck: no findings between the sources.</p>') : ''}
<script type="application/json" id="report-data">${jsonForScript(data)}</script>
<script>${DASHBOARD_JS}</script>
</body></html>
`;
}
