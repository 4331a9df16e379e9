/**
 * The tracker tables (one per event category, sub-grouped like built-in tools) with their code
 * columns filled from mapping.json: one column per lane, each cell the item's locations there.
 * The human columns (Used?, Mode, Notes) come from the manual block, never from the tool.
 */
import type { CategoryConfig } from '../config/schema.js';
import type { Location, Mapping } from '../mapping/schema.js';
import type { Model } from '../model/schema.js';
import type { CategoryRow, ReportItem, TrackerRow, TrackerTable } from './schema.js';

export function formatLocation(l: Location): string {
  return `${l.file}:${l.line} ${l.symbol}`;
}

export function trackerTables(model: Model, mapping: Mapping | undefined, items: readonly ReportItem[], rows: readonly CategoryRow[], categories: readonly CategoryConfig[]): TrackerTable[] {
  const events = new Map(model.events.map((e) => [e.id, e]));
  const toRow = (item: ReportItem): TrackerRow => {
    const manual = mapping?.items[item.id]?.manual;
    return {
      id: item.id,
      type: item.label,
      anchor: item.anchor,
      correlationKeys: events.get(item.id)?.correlationKeys ?? [],
      ...(manual?.used ? { used: manual.used } : {}),
      ...(manual?.mode ? { mode: manual.mode } : {}),
      cells: Object.fromEntries(Object.entries(item.lanes).map(([lane, locs]) => [lane, locs.map(formatLocation)])),
      status: item.status,
      ...(manual?.notes ? { notes: manual.notes } : {}),
    };
  };
  return rows.map((row) => {
    const mine = items.filter((i) => i.kind === 'event' && i.group === row.id);
    const subs = categories.find((c) => c.id === row.id)?.subcategories ?? [];
    const groups: TrackerTable['groups'] = [];
    const plain = mine.filter((i) => !i.subgroup || !subs.some((s) => s.id === i.subgroup));
    if (plain.length) groups.push({ rows: plain.map(toRow) });
    for (const s of subs) {
      const inSub = mine.filter((i) => i.subgroup === s.id);
      if (inSub.length) groups.push({ subcategory: s.id, title: s.title, rows: inSub.map(toRow) });
    }
    return { category: row.id, title: row.title, groups };
  });
}
