/**
 * Per-category rows (the tracker's groups, in config order): total, implemented, partial,
 * planned, ignored, missing, % — the summary table of a hand-written gap report. Categories with
 * no events are left out; an event in a category the config does not name keeps its id as title.
 */
import type { CategoryConfig } from '../config/schema.js';
import { tally } from './counts.js';
import type { CategoryRow, ReportItem } from './schema.js';

export function categoryRows(items: readonly ReportItem[], categories: readonly CategoryConfig[]): CategoryRow[] {
  const events = items.filter((i) => i.kind === 'event');
  const known = new Map(categories.map((c) => [c.id, c]));
  const order = [...categories.map((c) => c.id), ...[...new Set(events.map((e) => e.group))].filter((g) => !known.has(g)).sort()];
  const rows: CategoryRow[] = [];
  for (const id of order) {
    const mine = events.filter((e) => e.group === id);
    if (!mine.length) continue;
    const config = known.get(id);
    const subcategories = (config?.subcategories ?? [])
      .map((s) => ({ id: s.id, title: s.title, ...tally(mine.filter((e) => e.subgroup === s.id).map((e) => e.status)) }))
      .filter((s) => s.total > 0);
    rows.push({ id, title: config?.title ?? id, ...tally(mine.map((e) => e.status)), subcategories });
  }
  return rows;
}
