/**
 * Joins the model with mapping.json into report items: one per spec item, with its display label,
 * group, anchor, locations per lane and effective status. A manual `statusOverride` wins over the
 * computed status; an item mapping.json does not know (stale mapping, or none) counts as missing.
 */
import type { Mapping, MappingEntry } from '../mapping/schema.js';
import { allItems, anchorsOf } from '../model/items.js';
import type { Item, Model } from '../model/schema.js';
import { itemComparator } from '../model/sort.js';
import type { ReportItem } from './schema.js';
import { getOwn } from '../model/own.js';

const OBJECTS_GROUP = 'Objects';

/** How every report format titles a kind of item. */
export const KIND_TITLES = {
  event: 'Events',
  endpoint: 'Endpoints',
  param: 'Request parameters',
  enum: 'Enum values',
  object: 'Objects',
} as const;

export function labelOf(item: Item): string {
  switch (item.kind) {
    case 'event':
      return item.type;
    case 'endpoint':
      return `${item.method} ${item.path}`;
    case 'object':
      return item.name;
    default:
      return item.id.slice(item.id.indexOf(':') + 1);
  }
}

function groupOf(item: Item, sectionOf: Map<string, string>): { group: string; subgroup?: string } {
  switch (item.kind) {
    case 'event':
      return { group: item.category, ...(item.subcategory ? { subgroup: item.subcategory } : {}) };
    case 'endpoint':
      return { group: item.section };
    case 'param':
      return { group: sectionOf.get(item.endpoint) ?? '', subgroup: item.endpoint };
    case 'enum':
      return { group: sectionOf.get(item.param.replace(/^param:/, 'endpoint:').replace(/#.*$/, '')) ?? '', subgroup: item.param };
    default:
      return { group: OBJECTS_GROUP };
  }
}

function effectiveStatus(entry: MappingEntry | undefined): Pick<ReportItem, 'status' | 'statusFrom'> {
  if (!entry) return { status: 'missing', statusFrom: 'unmapped' };
  const override = entry.manual?.statusOverride;
  return override ? { status: override, statusFrom: 'manual' } : { status: entry.status, statusFrom: 'computed' };
}

export function toReportItems(model: Model, mapping: Mapping | undefined): ReportItem[] {
  const sectionOf = new Map(model.endpoints.map((e) => [e.id, e.section]));
  const compare = itemComparator(model.sources.map((s) => s.id));
  const items = allItems(model).sort((a, b) => compare({ id: a.id, anchors: anchorsOf(a) }, { id: b.id, anchors: anchorsOf(b) }));
  return items.map((item) => {
    const entry = mapping ? getOwn(mapping.items, item.id) : undefined;
    const lanes = Object.fromEntries(Object.entries(entry?.lanes ?? {}).filter(([, l]) => l.length > 0));
    return {
      id: item.id,
      kind: item.kind,
      ...(item.api !== undefined && { api: item.api }),
      label: labelOf(item),
      ...groupOf(item, sectionOf),
      anchor: anchorsOf(item)[0] ?? null,
      ...effectiveStatus(entry),
      lanes,
    };
  });
}
