/**
 * Reads the human-owned cells back from an existing tracker (markdown), keyed by event type: the
 * manual columns (Used?, Mode, Notes) and a status cell marked `(manual)`. Cells come back as
 * raw markdown, so writing them again gives the same bytes. Columns are found by their header
 * title, so a reordered or older table still reads. The tracker also records, in a trailing
 * comment, a hash of each human cell as it was last rendered from mapping.json: that is how an
 * edit made in the tracker is told from a note changed in mapping.json (tracker-cells.ts).
 */
import { COLUMNS, MANUAL_STATUS_MARK, type ManualColumn } from './columns.js';

export interface ManualCells {
  used?: string;
  mode?: string;
  notes?: string;
  /** The whole status cell, when it carries the `(manual)` mark. */
  status?: string;
}

export const CELL_KEYS = ['used', 'mode', 'notes', 'status'] as const;
export type CellKey = (typeof CELL_KEYS)[number];

export interface TrackerRead {
  cells: Map<string, ManualCells>;
  /** 1-based line of each event's row, for messages. */
  lines: Map<string, number>;
  /** Hashes of the human cells as last rendered, per event type; undefined for a tracker without the record. */
  rendered: Map<string, Partial<Record<CellKey, string>>> | undefined;
}

/** Cells of a table row; a `|` escaped as `\|` stays inside its cell. */
export function splitRow(line: string): string[] {
  const body = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return body.split(/(?<!\\)\|/).map((c) => c.trim());
}

const TITLE_TO_KEY = new Map(COLUMNS.map((c) => [c.title, c.key]));

export const RENDERED_OPEN = '<!-- specmap:rendered-cells';
export const RENDERED_CLOSE = '-->';

function readRendered(lines: readonly string[]): TrackerRead['rendered'] {
  const start = lines.findIndex((l) => l.startsWith(RENDERED_OPEN));
  if (start < 0) return undefined;
  const out = new Map<string, Partial<Record<CellKey, string>>>();
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith(RENDERED_CLOSE)) break;
    const [type, ...pairs] = line.trim().split(/\s+/);
    if (!type) continue;
    const hashes: Partial<Record<CellKey, string>> = {};
    for (const pair of pairs) {
      const [key, hash] = pair.split('=');
      if ((CELL_KEYS as readonly string[]).includes(key!) && hash) hashes[key as CellKey] = hash;
    }
    out.set(type, hashes);
  }
  return out;
}

export function readTracker(markdown: string | undefined): TrackerRead {
  const cells = new Map<string, ManualCells>();
  const rows = new Map<string, number>();
  if (!markdown) return { cells, lines: rows, rendered: undefined };
  const lines = markdown.split(/\r?\n/);
  let header: (string | undefined)[] | undefined;
  lines.forEach((line, index) => {
    if (!line.trim().startsWith('|')) {
      header = undefined;
      return;
    }
    let row = splitRow(line);
    if (!header) {
      header = row.map((c) => TITLE_TO_KEY.get(c));
      return;
    }
    if (row.every((c) => /^:?-+:?$/.test(c))) return;
    // A `|` typed into the last cell (Notes) without its backslash splits it: the surplus cells
    // are that cell's text, not columns, so they are joined back (escaped) rather than dropped.
    const last = header.length - 1;
    if (row.length > header.length && (header[last] === 'notes' || header[last] === 'used' || header[last] === 'mode')) {
      row = [...row.slice(0, last), row.slice(last).join(' \\| ')];
    }
    const eventCell = row[header.indexOf('event')] ?? '';
    const type = /`+\s*([^`]+?)\s*`+/.exec(eventCell)?.[1]?.replace(/\\\|/g, '|');
    if (!type) return;
    const manual: ManualCells = {};
    header.forEach((key, i) => {
      const cell = row[i];
      if (key === 'used' || key === 'mode' || key === 'notes') manual[key as ManualColumn] = cell === '—' ? '' : (cell ?? '');
      if (!cell || cell === '—') return;
      if (key === 'status' && cell.includes(MANUAL_STATUS_MARK)) manual.status = cell;
    });
    cells.set(type, manual);
    rows.set(type, index + 1);
  });
  return { cells, lines: rows, rendered: readRendered(lines) };
}

export function readManualCells(markdown: string | undefined): Map<string, ManualCells> {
  return readTracker(markdown).cells;
}
