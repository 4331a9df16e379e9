/**
 * Merges a plan into the manual blocks already there. Human words already in mapping.json win: a
 * legacy value that disagrees with one is kept beside it under `imported`, never over it. The same
 * file imported twice changes nothing.
 */
import type { JsonValue } from '../model/schema.js';
import type { Manual, Mapping } from '../mapping/schema.js';
import type { ManualSource } from '../mapping/manual.js';
import type { ImportPlan, ImportTarget } from './plan.js';
import type { Placement } from './to-manual.js';

type Obj = Record<string, JsonValue>;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function getPath(obj: Obj, path: readonly string[]): JsonValue | undefined {
  let node: JsonValue | undefined = obj;
  for (const seg of path) node = node && typeof node === 'object' && !Array.isArray(node) ? (node as Obj)[seg] : undefined;
  return node;
}

function setPath(obj: Obj, path: readonly string[], value: JsonValue): boolean {
  let node = obj;
  for (const seg of path.slice(0, -1)) {
    const next = node[seg];
    if (next === undefined) node = node[seg] = {};
    else if (next && typeof next === 'object' && !Array.isArray(next)) node = next as Obj;
    else return false;
  }
  node[path[path.length - 1]!] = value;
  return true;
}

/** Places one field; returns the path it ended at (its own, or a free one under `imported`). */
function place(manual: Obj, p: Placement): string[] {
  const existing = getPath(manual, p.path);
  if (existing === undefined && setPath(manual, p.path, p.value)) return p.path;
  if (same(existing, p.value)) return p.path;
  for (let n = 1; ; n++) {
    const path = ['imported', n === 1 ? p.key : `${p.key} (${n})`];
    const there = getPath(manual, path);
    if (there === undefined && setPath(manual, path, p.value)) return path;
    if (same(there, p.value)) return path;
  }
}

export interface Applied {
  source: ManualSource;
  /** Final path of every placement, per target (same order as the plan). */
  paths: string[][][];
}

export function applyImport(plan: ImportPlan, previous: ManualSource | undefined, origin: string): Applied {
  const items: ManualSource['items'] = {};
  for (const [id, entry] of Object.entries(previous?.items ?? {})) if (entry.manual) items[id] = { manual: structuredClone(entry.manual) };
  const orphans: Mapping['orphans'] = structuredClone(previous?.orphans ?? {});
  const paths = plan.targets.map((t: ImportTarget) => {
    let manual: Manual;
    if (t.item) {
      // An orphan of this id (an item that came back) is merged rather than left behind.
      manual = items[t.id]?.manual ?? orphans[t.id]?.manual ?? {};
      if (orphans[t.id] && !items[t.id]) delete orphans[t.id];
      items[t.id] = { manual };
    } else {
      orphans[t.id] ??= { manual: {}, origin: `${origin}#${t.from.split('/')[0]}` };
      manual = orphans[t.id]!.manual;
    }
    return t.placements.map((p) => place(manual as Obj, p));
  });
  return { source: { items, orphans }, paths };
}

/** Placements found at their final path with their value in a computed mapping: the "placed" count. */
export function countPlaced(plan: ImportPlan, applied: Applied, mapping: Pick<Mapping, 'items' | 'orphans'>): number {
  let placed = 0;
  plan.targets.forEach((t, i) => {
    const manual = (t.item ? mapping.items[t.id]?.manual : mapping.orphans[t.id]?.manual) as Obj | undefined;
    if (!manual) return;
    t.placements.forEach((p, j) => {
      if (same(getPath(manual, applied.paths[i]![j]!), p.value)) placed++;
    });
  });
  return placed;
}
