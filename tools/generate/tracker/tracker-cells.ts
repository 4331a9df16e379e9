/**
 * The human cells of the tracker (Used?, Mode, Notes, a `(manual)` status) are stored in
 * mapping.json's manual block, which is committed; the tracker in `generated/` is rendered from
 * it. An edit made in the tracker is found by comparing the cell with the hash recorded when it
 * was last rendered, and `sync` copies it into mapping.json:
 *  - tracker cell as rendered, mapping changed (a pull, a hand edit): the mapping's value;
 *  - tracker cell edited, mapping as rendered: the tracker's value (sync stores it);
 *  - both changed, differently: a conflict; `sync` stops and writes nothing, `generate` keeps
 *    showing the tracker's text so no word disappears.
 * A tracker without the record (written by an older specmap) counts a non-empty cell that differs
 * from the mapping as an edit when the mapping has nothing there, and as a conflict otherwise.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Manual } from '../../mapping/schema.js';
import { mdCell } from '../escape.js';
import { MANUAL_STATUS_MARK, OVERRIDE_STATUSES, STATUS_LABELS } from './columns.js';
import { CELL_KEYS, RENDERED_CLOSE, RENDERED_OPEN, type CellKey, type ManualCells, type TrackerRead } from './read-back.js';

/** Where a status cell that is not exactly `<label> (manual)` is kept in the manual block. */
const TRACKER_STATUS_KEY = 'trackerStatus';

export type HumanCells = Record<CellKey, string>;

export const hashCell = (cell: string): string => createHash('sha256').update(cell).digest('hex').slice(0, 12);

/** The human cells as the mapping's manual block renders them (markdown, escaped for a cell). */
export function cellsFromManual(manual: Manual | undefined): HumanCells {
  const text = (v: unknown) => (typeof v === 'string' ? mdCell(v) : '');
  const raw = manual?.[TRACKER_STATUS_KEY];
  const override = manual?.statusOverride;
  const status = typeof raw === 'string' && raw ? mdCell(raw) : override ? `${STATUS_LABELS[override]} ${MANUAL_STATUS_MARK}` : '';
  return { used: text(manual?.used), mode: text(manual?.mode), notes: text(manual?.notes), status };
}

/** A cell's markdown back to the text stored in mapping.json (the inverse of mdCell's escapes). */
export function cellToText(cell: string): string {
  return cell.replace(/\\([\\|])/g, '$1');
}

export type Decision = 'mapping' | 'tracker' | 'conflict';

export function decideCell(tracker: string | undefined, mapping: string, rendered: string | undefined, hasRecord: boolean): Decision {
  if (tracker === undefined || tracker === mapping) return 'mapping';
  if (hasRecord) {
    const base = rendered ?? hashCell('');
    if (hashCell(tracker) === base) return 'mapping';
    return hashCell(mapping) === base ? 'tracker' : 'conflict';
  }
  if (tracker === '') return 'mapping';
  return mapping === '' ? 'tracker' : 'conflict';
}

function trackerCells(read: ManualCells | undefined): Partial<HumanCells> | undefined {
  if (!read) return undefined;
  return { used: read.used, mode: read.mode, notes: read.notes, status: read.status ?? '' };
}

export interface CellChoice {
  cells: HumanCells;
  conflicts: { key: CellKey; tracker: string; mapping: string }[];
  /** Cells whose tracker text differs from the mapping and should be stored there. */
  edits: Partial<HumanCells>;
}

/** The human cells to show for one event, and what the tracker changed. */
export function chooseCells(type: string, manual: Manual | undefined, read: TrackerRead): CellChoice {
  const fromMapping = cellsFromManual(manual);
  const fromTracker = trackerCells(read.cells.get(type));
  const rendered = read.rendered?.get(type) ?? {};
  const cells = { ...fromMapping };
  const conflicts: CellChoice['conflicts'] = [];
  const edits: Partial<HumanCells> = {};
  for (const key of CELL_KEYS) {
    const tracker = fromTracker?.[key];
    const decision = decideCell(tracker, fromMapping[key], rendered[key], read.rendered !== undefined);
    if (decision === 'mapping') continue;
    cells[key] = tracker!;
    edits[key] = tracker!;
    if (decision === 'conflict') conflicts.push({ key, tracker: tracker!, mapping: fromMapping[key] });
  }
  return { cells, conflicts, edits };
}

/** The record of rendered cells: one line per event with a non-empty human cell in the mapping. */
export function renderedRecord(rows: readonly { type: string; manual: Manual | undefined }[]): string {
  const lines: string[] = [];
  for (const { type, manual } of rows) {
    const cells = cellsFromManual(manual);
    const pairs = CELL_KEYS.filter((k) => cells[k] !== '').map((k) => `${k}=${hashCell(cells[k])}`);
    // Event types are single-line printable ids (extract refuses others); `-->` cannot close the comment early.
    if (pairs.length) lines.push(`${type.replace(/\s/g, '_').replace(/--/g, '-_')} ${pairs.join(' ')}`);
  }
  return [
    `${RENDERED_OPEN} (hashes of the Used?, Mode, Notes and manual Status cells as rendered from mapping.json; an edited cell no longer matches and \`specmap sync\` stores it there)`,
    ...lines,
    RENDERED_CLOSE,
    '',
  ].join('\n');
}

/** A manual block with the tracker's edits applied; an emptied cell removes its key. */
export function applyEdits(manual: Manual | undefined, edits: Partial<HumanCells>): Manual | undefined {
  const next: Record<string, unknown> = { ...(manual ?? {}) };
  for (const key of ['used', 'mode', 'notes'] as const) {
    const cell = edits[key];
    if (cell === undefined) continue;
    if (cell === '') delete next[key];
    else next[key] = cellToText(cell);
  }
  const status = edits.status;
  if (status !== undefined) {
    delete next[TRACKER_STATUS_KEY];
    delete next.statusOverride;
    const label = OVERRIDE_STATUSES.find((k) => status === `${STATUS_LABELS[k]} ${MANUAL_STATUS_MARK}`);
    if (label) next.statusOverride = label;
    else if (status !== '') next[TRACKER_STATUS_KEY] = cellToText(status);
  }
  return Object.keys(next).length ? (next as Manual) : undefined;
}

export function conflictDiagnostics(file: string, line: number, type: string, conflicts: CellChoice['conflicts']): Diagnostic[] {
  return conflicts.map((c) => ({
    severity: 'error' as const,
    code: 'tracker-conflict',
    file,
    line,
    column: 1,
    message: `Found \`${type}\` ${c.key} edited both in the tracker (\`${c.tracker}\`) and in mapping.json (\`${c.mapping}\`), expected one of them to be unchanged since the last sync`,
    hint: `make the two agree (edit the tracker cell or the manual block's \`${c.key === 'status' ? 'statusOverride' : c.key}\`), then run \`specmap sync\``,
  }));
}
