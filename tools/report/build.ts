/**
 * `buildReport(model, mapping, extras)`: the pure heart of `specmap report`. No file system: the
 * command reads model, mapping.json and config and passes them in; the reporters only format the
 * result. Without a mapping the report still works: no code is mapped, every item is missing.
 */
import { getOwn } from '../model/own.js';
import type { CategoryConfig, LaneConfig } from '../config/schema.js';
import { DEFAULT_CATEGORIES } from '../config/categories.js';
import type { Mapping } from '../mapping/schema.js';
import type { Model } from '../model/schema.js';
import { compareStrings } from '../model/sort.js';
import { categoryRows } from './categories.js';
import { gapDetails } from './gaps.js';
import { itemKindsOfLane } from './lane-rules.js';
import { toReportItems } from './items.js';
import type { LinkedSection } from '../model/schema.js';
import { REPORT_VERSION, type CrosscheckFinding, type Report } from './schema.js';
import { apiSections } from './sections.js';
import { reportSources } from './sources.js';
import { ITEM_KINDS, summarizeItems } from './summary.js';
import { trackerColumns, trackerTables } from './tracker.js';

export interface ReportExtras {
  /** Config `categories` (defaults when omitted): the tracker groups and their order. */
  categories?: readonly CategoryConfig[];
  /** Config `lanes`; mapping.json's lane list wins for titles when both are given. */
  lanes?: readonly LaneConfig[];
  /** Config `status.implemented`. */
  implemented?: readonly string[];
  /** Config `generate.tracker.columns`: which lanes fill each tracker code column. */
  trackerColumns?: Partial<Record<string, string[] | undefined>>;
  /** Sections the docs pages link to (kept on their source info by extraction). */
  linkedSections?: readonly LinkedSection[];
  /** Crosscheck findings; reported only when the model has more than one source. */
  crosscheck?: readonly CrosscheckFinding[];
  /** An ISO time to stamp the report with (`--timestamp`); omitted otherwise, so bytes stay stable. */
  generatedAt?: string;
}

export function buildReport(model: Model, mapping: Mapping | undefined, extras: ReportExtras = {}): Report {
  const categories = extras.categories ?? DEFAULT_CATEGORIES;
  const configLanes = extras.lanes ?? [];
  const implemented = extras.implemented ?? [];
  const laneList = mapping?.lanes ?? configLanes.map((l) => ({ name: l.name, title: l.title }));
  const items = toReportItems(model, mapping);
  const rows = categoryRows(items, categories);
  const lanes = laneList.map((l) => {
    const config = configLanes.find((c) => c.name === l.name);
    return {
      name: l.name,
      title: l.title,
      required: implemented.includes(l.name),
      itemKinds: config ? itemKindsOfLane(config) : [...ITEM_KINDS],
    };
  });
  const columns = trackerColumns(extras.trackerColumns, extras.lanes?.length ? extras.lanes : mapping?.lanes);
  const orphans = Object.entries(mapping?.orphans ?? {})
    .map(([key, o]) => ({ key, origin: o.origin }))
    .sort((a, b) => compareStrings(a.key, b.key));
  return {
    reportVersion: REPORT_VERSION,
    ...(extras.generatedAt ? { generatedAt: extras.generatedAt } : {}),
    lanes,
    summary: summarizeItems(items, lanes, mapping),
    categories: rows,
    gaps: gapDetails(model, mapping, items, { lanes: configLanes, implemented }),
    sections: apiSections(model, items, extras.linkedSections ?? []),
    unknownLiterals: mapping?.unknownLiterals ?? [],
    otherShape: items.flatMap((i) => {
      const locations = (mapping ? getOwn(mapping.items, i.id) : undefined)?.sameLiteralOtherShape;
      return locations?.length ? [{ id: i.id, locations }] : [];
    }),
    legacyFindings: items.flatMap((i) => {
      const findings = (mapping ? getOwn(mapping.items, i.id) : undefined)?.legacyFindings;
      return findings?.length ? [{ id: i.id, findings }] : [];
    }),
    sources: reportSources(model, mapping),
    ...(model.sources.length > 1 ? { crosscheck: [...(extras.crosscheck ?? [])] } : {}),
    orphans,
    trackerColumns: columns,
    trackers: trackerTables(model, mapping, items, rows, categories, columns),
    items,
  };
}
