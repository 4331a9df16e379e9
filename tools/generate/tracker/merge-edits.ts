/**
 * The tracker's human cells edited in `generated/tracker.md` copied into the manual blocks that
 * `computeMapping` carries (mapping.json is committed; the tracker is not). `sync` stores the
 * result; `check` reports edits not stored yet, since a commit without them would lose them on
 * the next clone. A row whose event left the sources keeps its edit too: it becomes an orphan.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { ManualSource } from '../../mapping/manual.js';
import type { Model } from '../../model/schema.js';
import type { Config } from '../../config/schema.js';
import { normalOutDir, outPath } from '../context.js';
import { TRACKER_FILE } from './columns.js';
import { readTracker } from './read-back.js';
import { applyEdits, chooseCells, conflictDiagnostics } from './tracker-cells.js';

interface TrackerEdit {
  id: string;
  type: string;
  /** The cells changed in the tracker (`used`, `mode`, `notes`, `status`). */
  keys: string[];
  line: number;
}

export interface MergedEdits {
  /** The manual blocks with the edits applied; `previous` itself when there are none. */
  source: ManualSource | undefined;
  edits: TrackerEdit[];
  conflicts: Diagnostic[];
}

/** The tracker's path relative to the project, as the tracker target writes it; undefined when it is not generated. */
export function trackerFilePath(config: Pick<Config, 'generate'>): string | undefined {
  return config.generate.targets.includes('tracker') ? outPath({ outDir: normalOutDir(config.generate.outDir) }, TRACKER_FILE) : undefined;
}

export function mergeTrackerEdits(
  model: Model,
  previous: ManualSource | undefined,
  text: string | undefined,
  display: string,
): MergedEdits {
  const read = readTracker(text);
  if (!read.cells.size) return { source: previous, edits: [], conflicts: [] };
  const items: ManualSource['items'] = { ...(previous?.items ?? {}) };
  const ids = new Map<string, string>(model.events.map((e) => [e.type, e.id]));
  const edits: TrackerEdit[] = [];
  const conflicts: Diagnostic[] = [];
  for (const type of [...read.cells.keys()].sort()) {
    // An event no longer in the sources: its edit is stored under its old id, which
    // computeMapping then keeps as an orphan.
    const id = ids.get(type) ?? Object.keys(items).find((k) => k === `event:${type}` || k.endsWith(`/${type}`)) ?? `event:${type}`;
    const manual = items[id]?.manual;
    const choice = chooseCells(type, manual, read);
    const line = read.lines.get(type) ?? 1;
    if (choice.conflicts.length) conflicts.push(...conflictDiagnostics(display, line, type, choice.conflicts));
    const keys = Object.keys(choice.edits);
    if (!keys.length) continue;
    items[id] = { ...items[id], manual: applyEdits(manual, choice.edits) };
    edits.push({ id, type, keys, line });
  }
  return { source: edits.length ? { items, orphans: previous?.orphans ?? {} } : previous, edits, conflicts };
}
