/**
 * Reads the human-owned cells back from an existing tracker (markdown), keyed by event type: the
 * manual columns (Used?, Mode, Notes) and a status cell marked `(manual)`. Cells come back as
 * raw markdown, so writing them again gives the same bytes. Columns are found by their header
 * title, so a reordered or older table still reads.
 */
import { COLUMNS, MANUAL_STATUS_MARK, type ManualColumn } from './columns.js';

export interface ManualCells {
  used?: string;
  mode?: string;
  notes?: string;
  /** The whole status cell, when it carries the `(manual)` mark. */
  status?: string;
}

export function splitRow(line: string): string[] {
  const body = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return body.split(/(?<!\\)\|/).map((c) => c.trim());
}

const TITLE_TO_KEY = new Map(COLUMNS.map((c) => [c.title, c.key]));

export function readManualCells(markdown: string | undefined): Map<string, ManualCells> {
  const out = new Map<string, ManualCells>();
  if (!markdown) return out;
  let header: (string | undefined)[] | undefined;
  for (const line of markdown.split(/\r?\n/)) {
    if (!line.trim().startsWith('|')) {
      header = undefined;
      continue;
    }
    const cells = splitRow(line);
    if (!header) {
      header = cells.map((c) => TITLE_TO_KEY.get(c));
      continue;
    }
    if (cells.every((c) => /^:?-+:?$/.test(c))) continue;
    const eventCell = cells[header.indexOf('event')] ?? '';
    const type = /`+\s*([^`]+?)\s*`+/.exec(eventCell)?.[1];
    if (!type) continue;
    const manual: ManualCells = {};
    header.forEach((key, i) => {
      const cell = cells[i];
      // Once a row exists its manual cells are the human's, empty ones too: mapping.json's manual
      // block only seeds a new row, so editing a note there never rewrites the tracker.
      if (key === 'used' || key === 'mode' || key === 'notes') manual[key as ManualColumn] = cell === '—' ? '' : (cell ?? '');
      if (!cell || cell === '—') return;
      if (key === 'status' && cell.includes(MANUAL_STATUS_MARK)) manual.status = cell;
    });
    out.set(type, manual);
  }
  return out;
}
