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

export const VANISHED_ORIGIN = 'item no longer in the sources';

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
    else if (!orphans[id]) orphans[id] = { manual: entry.manual, origin: VANISHED_ORIGIN };
    else orphans[`${id} (${Object.keys(orphans).filter((k) => k.startsWith(id)).length + 1})`] = { manual: entry.manual, origin: VANISHED_ORIGIN };
  }
  return { manual, orphans };
}
