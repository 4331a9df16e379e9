/**
 * The tracker's view-model: sections per category in config order (numbered by their place in
 * that order, so `08 Agents` keeps its number whether or not earlier ones are empty), sub-sections
 * per sub-category, one row per event. Everything the template prints is decided and escaped here.
 */
import { DEFAULT_CATEGORIES, OTHER_CATEGORY } from '../../config/categories.js';
import type { CategoryConfig } from '../../config/schema.js';
import type { Mapping, MappingEntry } from '../../mapping/schema.js';
import type { Event, Model } from '../../model/schema.js';
import { mdCell, mdCode } from '../escape.js';
import { CODE_COLUMNS, COLUMNS, STATUS_LABELS, columnLanes, type ColumnKey, type ColumnLanes } from './columns.js';
import { readTracker } from './read-back.js';
import { chooseCells, renderedRecord, type HumanCells } from './tracker-cells.js';

export const NONE = '—';

export interface TrackerOptions {
  mapping?: Mapping;
  /** The tracker file as it is now (manual cells are read back from it). */
  existing?: string;
  categories?: readonly CategoryConfig[];
  columns?: Partial<ColumnLanes>;
}

export interface TrackerRow {
  type: string;
  cells: Record<ColumnKey, string>;
}
export interface TrackerGroup {
  heading: string;
  header: string[];
  divider: string[];
  rows: TrackerRow[];
  cells: string[][];
}
export interface TrackerSection {
  heading: string;
  groups: TrackerGroup[];
}
export interface TrackerView {
  sections: TrackerSection[];
  legend: string;
  /** The trailing comment recording the human cells as rendered from the mapping. */
  record: string;
}

function codeCell(entry: MappingEntry | undefined, lanes: readonly string[]): string {
  const locations = lanes.flatMap((l) => entry?.lanes[l] ?? []);
  if (!locations.length) return NONE;
  const seen = new Set<string>();
  const parts: string[] = [];
  // No line numbers: a line shift is not a change (DESIGN.md "mapping.json"), so it must not churn the tracker.
  for (const loc of locations) {
    const text = `${mdCode(loc.symbol)} (${mdCell(loc.file)})`;
    if (!seen.has(text)) parts.push(text);
    seen.add(text);
  }
  return parts.join('<br>');
}

function statusCell(entry: MappingEntry | undefined, human: string): string {
  if (human) return human;
  const s = entry?.status;
  return s && s !== 'missing' ? STATUS_LABELS[s] : STATUS_LABELS.planned;
}

function row(event: Event, entry: MappingEntry | undefined, human: HumanCells, lanes: ColumnLanes): TrackerRow {
  const code = Object.fromEntries(CODE_COLUMNS.map((c) => [c, codeCell(entry, lanes[c])])) as Record<(typeof CODE_COLUMNS)[number], string>;
  return {
    type: event.type,
    cells: {
      event: mdCode(event.type),
      keys: event.correlationKeys.length ? event.correlationKeys.map(mdCode).join(', ') : NONE,
      what: mdCell(event.description) || NONE,
      used: human.used,
      mode: human.mode,
      ...code,
      status: statusCell(entry, human.status),
      notes: human.notes,
    },
  };
}

function group(heading: string, rows: TrackerRow[]): TrackerGroup {
  return {
    heading,
    header: COLUMNS.map((c) => c.title),
    divider: COLUMNS.map(() => '---'),
    rows,
    cells: rows.map((r) => COLUMNS.map((c) => r.cells[c.key])),
  };
}

export function trackerView(model: Model, options: TrackerOptions = {}): TrackerView {
  const categories = options.categories ?? DEFAULT_CATEGORIES;
  const lanes = columnLanes(options.columns);
  const read = readTracker(options.existing);
  const toRow = (e: Event) => {
    const entry = options.mapping?.items[e.id];
    return row(e, entry, chooseCells(e.type, entry?.manual, read).cells, lanes);
  };
  const known = new Set(categories.map((c) => c.id));
  const sections: TrackerSection[] = [];
  const width = String(categories.length + 1).length < 2 ? 2 : String(categories.length + 1).length;
  const number = (i: number) => String(i + 1).padStart(width, '0');
  categories.forEach((c, i) => {
    const events = model.events.filter((e) => e.category === c.id);
    if (!events.length) return;
    const groups: TrackerGroup[] = [];
    const loose = events.filter((e) => !e.subcategory || !c.subcategories.some((s) => s.id === e.subcategory));
    if (loose.length) groups.push(group('', loose.map(toRow)));
    for (const s of c.subcategories) {
      const sub = events.filter((e) => e.subcategory === s.id);
      if (sub.length) groups.push(group(mdCell(s.title), sub.map(toRow)));
    }
    sections.push({ heading: `${number(i)} ${mdCell(c.title)}`, groups });
  });
  const other = model.events.filter((e) => !known.has(e.category));
  if (other.length) sections.push({ heading: `${number(categories.length)} ${OTHER_CATEGORY.title}`, groups: [group('', other.map(toRow))] });
  const record = renderedRecord(model.events.map((e) => ({ type: e.type, manual: options.mapping?.items[e.id]?.manual })));
  return { sections, legend: Object.values(STATUS_LABELS).join(' · '), record };
}
