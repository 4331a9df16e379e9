/**
 * Legacy claims the code contradicts (reported, never copied as a status): an entry marked
 * implemented whose item the analyzer found nowhere, or one marked not implemented that the code
 * has. An entry whose id no spec item has is an orphan, listed as such.
 */
import type { Mapping } from '../mapping/schema.js';
import type { ImportPlan } from './plan.js';

export interface Contradiction {
  id: string;
  from: string;
  message: string;
}

export function contradictions(plan: ImportPlan, mapping: Pick<Mapping, 'items'>): Contradiction[] {
  const out: Contradiction[] = [];
  for (const t of plan.targets) {
    if (t.claimsImplemented === undefined) continue;
    const entry = t.item ? mapping.items[t.id] : undefined;
    // An id no spec item has is an orphan (listed as such), not a contradiction of the code.
    if (!t.item) continue;
    if (!entry) continue;
    const lanes = Object.keys(entry.lanes);
    if (t.claimsImplemented && entry.status === 'missing') {
      out.push({ id: t.id, from: t.from, message: 'marked implemented, but no location was found in any lane' });
    } else if (!t.claimsImplemented && lanes.length) {
      out.push({
        id: t.id,
        from: t.from,
        message: `marked not implemented, but found in lane${lanes.length > 1 ? 's' : ''} ${lanes.join(', ')}`,
      });
    }
  }
  return out;
}
