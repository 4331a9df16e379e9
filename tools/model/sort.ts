/**
 * The one comparator (STYLE.md "The details"): items sort by their primary anchor's source, in
 * the order the sources are configured, then by line, then by id. For a single page that is
 * document order; across pages and sources it is still total, so the same input gives the same
 * bytes.
 */
import { parseAnchor } from './anchor.js';
import { setOwn } from './own.js';

export interface Sortable {
  id: string;
  anchors: readonly string[];
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function itemComparator(sourceOrder: readonly string[]): (a: Sortable, b: Sortable) => number {
  const rank = new Map(sourceOrder.map((id, i) => [id, i]));
  const key = (item: Sortable): [number, number] => {
    const a = item.anchors[0] ? parseAnchor(item.anchors[0]) : undefined;
    if (!a) return [Number.MAX_SAFE_INTEGER, 0];
    return [rank.get(a.file) ?? Number.MAX_SAFE_INTEGER - 1, a.start];
  };
  return (a, b) => {
    const [sa, la] = key(a);
    const [sb, lb] = key(b);
    return sa - sb || la - lb || compareStrings(a.id, b.id);
  };
}

/** Sorts object keys recursively so that JSON output does not depend on insertion order. */
export function sortKeysDeep<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeysDeep) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort(compareStrings)) setOwn(out, k, sortKeysDeep((value as Record<string, unknown>)[k]));
    return out as T;
  }
  return value;
}
