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
import { COLUMNS, STATUS_LABELS, trackerCodeColumns, type CodeColumnSpec, type ColumnLanes, type LaneInfo } from './columns.js';
import { readTracker } from './read-back.js';
import { chooseCells, renderedRecord, type HumanCells } from './tracker-cells.js';

const NONE = '—';

export interface TrackerOptions {
  mapping?: Mapping;
  /** The tracker file as it is now (manual cells are read back from it). */
  existing?: string;
  categories?: readonly CategoryConfig[];
  columns?: Partial<ColumnLanes>;
  /** The configured lanes: one code column each (see trackerCodeColumns); mapping.json's lane list when omitted. */
  lanes?: readonly LaneInfo[];
}

interface TrackerRow {
  type: string;
  /** By column key: the fixed columns' keys and each code column's key. */
  cells: Record<string, string>;
}
interface TrackerGroup {
  heading: string;
  header: string[];
  divider: string[];
  rows: TrackerRow[];
  cells: string[][];
}
interface TrackerSection {
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

/** The mapping's own word: an item no code has is Missing; Planned is a human's (manual) choice. */
function statusCell(entry: MappingEntry | undefined, human: string): string {
  if (human) return human;
  return STATUS_LABELS[entry?.status ?? 'missing'];
}

function row(event: Event, entry: MappingEntry | undefined, human: HumanCells, columns: readonly CodeColumnSpec[]): TrackerRow {
  const code = Object.fromEntries(columns.map((c) => [c.key, codeCell(entry, c.lanes)]));
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

const FIXED_BEFORE = COLUMNS.slice(0, COLUMNS.findIndex((c) => c.key === 'mode') + 1);
const FIXED_AFTER = COLUMNS.slice(COLUMNS.findIndex((c) => c.key === 'status'));

/** Event, keys, what, Used?, Mode, the code columns, Status, Notes (the users' order). */
function tableColumns(code: readonly CodeColumnSpec[]): { key: string; title: string }[] {
  return [...FIXED_BEFORE, ...code.map((c) => ({ key: c.key, title: mdCell(c.title) })), ...FIXED_AFTER];
}

function groupOf(heading: string, rows: TrackerRow[], columns: readonly { key: string; title: string }[]): TrackerGroup {
  return {
    heading,
    header: columns.map((c) => c.title),
    divider: columns.map(() => '---'),
    rows,
    cells: rows.map((r) => columns.map((c) => r.cells[c.key] ?? NONE)),
  };
}

export function trackerView(model: Model, options: TrackerOptions = {}): TrackerView {
  const categories = options.categories ?? DEFAULT_CATEGORIES;
  const code = trackerCodeColumns(options.columns, options.lanes ?? options.mapping?.lanes);
  const columns = tableColumns(code);
  const group = (heading: string, rows: TrackerRow[]) => groupOf(heading, rows, columns);
  const read = readTracker(options.existing);
  const toRow = (e: Event) => {
    const entry = options.mapping?.items[e.id];
    return row(e, entry, chooseCells(e.type, entry?.manual, read).cells, code);
  };
  const known = new Set(categories.map((c) => c.id));
  const sections: TrackerSection[] = [];
  const width = Math.max(2, String(categories.length + 1).length);
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
  if (other.length)
    sections.push({ heading: `${number(categories.length)} ${OTHER_CATEGORY.title}`, groups: [group('', other.map(toRow))] });
  const record = renderedRecord(model.events.map((e) => ({ type: e.type, manual: options.mapping?.items[e.id]?.manual })));
  return { sections, legend: Object.values(STATUS_LABELS).join(' · '), record };
}
