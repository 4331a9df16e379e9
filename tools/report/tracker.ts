/**
 * The tracker tables (one per event category, sub-grouped like built-in tools) with their code
 * columns filled from mapping.json. The columns are the generated tracker's (tools/generate/tracker:
 * Inbound schema, Outbound schema, Frontend type, Reducer/handler, Test trace), each filled from the
 * lanes config `generate.tracker.columns` gives it. The human columns (Used?, Mode, Notes) come from
 * the manual block, never from the tool.
 */
import type { CategoryConfig } from '../config/schema.js';
import { trackerCodeColumns, type ColumnLanes, type LaneInfo } from '../generate/tracker/columns.js';
import type { Location, Mapping } from '../mapping/schema.js';
import type { Model } from '../model/schema.js';
import type { CategoryRow, Report, ReportItem, TrackerRow, TrackerTable } from './schema.js';
import { getOwn } from '../model/own.js';

function formatLocation(l: Location): string {
  return `${l.file}:${l.line} ${l.symbol}`;
}

/** The generated tracker's code columns (tools/generate/tracker/columns.ts decides them). */
export function trackerColumns(columns?: Partial<ColumnLanes>, lanes?: readonly LaneInfo[]): Report['trackerColumns'] {
  return trackerCodeColumns(columns, lanes);
}

export function trackerTables(
  model: Model,
  mapping: Mapping | undefined,
  items: readonly ReportItem[],
  rows: readonly CategoryRow[],
  categories: readonly CategoryConfig[],
  columns: Report['trackerColumns'],
): TrackerTable[] {
  const events = new Map(model.events.map((e) => [e.id, e]));
  const toRow = (item: ReportItem): TrackerRow => {
    const manual = mapping ? getOwn(mapping.items, item.id)?.manual : undefined;
    return {
      id: item.id,
      type: item.label,
      anchor: item.anchor,
      correlationKeys: events.get(item.id)?.correlationKeys ?? [],
      ...(manual?.used ? { used: manual.used } : {}),
      ...(manual?.mode ? { mode: manual.mode } : {}),
      cells: Object.fromEntries(
        columns
          .map((c): [string, string[]] => [c.key, [...new Set(c.lanes.flatMap((lane) => (item.lanes[lane] ?? []).map(formatLocation)))]])
          .filter(([, v]) => v.length > 0),
      ),
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
