/**
 * Manual blocks are human words (DESIGN.md "Never"): each item's block is carried over exactly as
 * read, and a block whose item is gone is moved to `orphans` instead of being dropped. An orphan
 * whose item comes back returns to it.
 */
import type { Mapping, Manual } from './schema.js';

export interface ManualCarry {
  manual: Map<string, Manual>;
  orphans: Mapping['orphans'];
}

/** What computeMapping reads back from a previous mapping: manual blocks and orphans, nothing else. */
export interface ManualSource {
  items: Record<string, { manual?: Manual }>;
  orphans: Mapping['orphans'];
}

const VANISHED_ORIGIN = 'item no longer in the sources';

export function carryManual(previous: ManualSource | undefined, ids: ReadonlySet<string>): ManualCarry {
  const manual = new Map<string, Manual>();
  const orphans: Mapping['orphans'] = {};
  if (!previous) return { manual, orphans };
  for (const [id, orphan] of Object.entries(previous.orphans)) {
    if (ids.has(id) && !previous.items[id]?.manual) manual.set(id, orphan.manual);
    else orphans[id] = orphan;
  }
  for (const [id, entry] of Object.entries(previous.items)) {
    if (!entry.manual) continue;
    if (ids.has(id)) manual.set(id, entry.manual);
    else orphans[freeOrphanKey(orphans, id)] = { manual: entry.manual, origin: VANISHED_ORIGIN };
  }
  return { manual, orphans };
}

/**
 * `id` when no orphan has it, else the first free `id (n)`, n ≥ 2. Counting the existing names
 * instead would land on a taken one as soon as a human deletes one orphan of a series.
 */
function freeOrphanKey(orphans: Readonly<Record<string, unknown>>, id: string): string {
  if (!Object.hasOwn(orphans, id)) return id;
  for (let n = 2; ; n++) if (!Object.hasOwn(orphans, `${id} (${n})`)) return `${id} (${n})`;
}
