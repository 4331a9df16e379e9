/** The report's head: items per kind, per status and per lane, and overall coverage as numbers. */
import type { Mapping } from '../mapping/schema.js';
import type { ItemKind } from '../model/schema.js';
import { percentOf, tally } from './counts.js';
import type { KindSummary, LaneCoverage, ReportItem, ReportSummary } from './schema.js';

export const ITEM_KINDS: readonly ItemKind[] = ['event', 'endpoint', 'param', 'enum', 'object'];

/** The row for items no API claims (catalog events, objects). */
const NO_API = '-';

const apisOf = (items: readonly ReportItem[]): string[] => [...new Set(items.map((i) => i.api ?? NO_API))].sort();

export function summarizeItems(
  items: readonly ReportItem[],
  lanes: readonly { name: string; title: string; itemKinds: readonly ItemKind[] }[],
  mapping: Mapping | undefined,
): ReportSummary {
  const overall = tally(items.map((i) => i.status));
  const kinds: KindSummary[] = ITEM_KINDS.map((kind) => {
    const mine = items.filter((i) => i.kind === kind);
    const perLane = Object.fromEntries(lanes.map((l) => [l.name, mine.filter((i) => i.lanes[l.name]?.length).length]));
    return { kind, ...tally(mine.map((i) => i.status)), lanes: perLane };
  });
  const laneCoverage: LaneCoverage[] = lanes.map((l) => {
    const withLane = items.filter((i) => i.lanes[l.name]?.length);
    // Out of the items the lane can hold: an events-only lane is not judged on endpoints.
    const holdable = tally(items.filter((i) => l.itemKinds.includes(i.kind)).map((i) => i.status));
    return {
      name: l.name,
      title: l.title,
      items: withLane.length,
      locations: withLane.reduce((n, i) => n + (i.lanes[l.name]?.length ?? 0), 0),
      holdable: holdable.total - holdable.ignored,
      percent: percentOf(withLane.length, holdable.total, holdable.ignored),
    };
  });
  return {
    mapped: mapping !== undefined,
    overall,
    kinds,
    ...(apisOf(items).length > 1 && {
      apis: apisOf(items).map((api) => ({ api, ...tally(items.filter((i) => (i.api ?? NO_API) === api).map((i) => i.status)) })),
    }),
    lanes: laneCoverage,
    overridden: items.filter((i) => i.statusFrom === 'manual').length,
    unknownLiterals: mapping?.unknownLiterals.length ?? 0,
    orphans: Object.keys(mapping?.orphans ?? {}).length,
  };
}
