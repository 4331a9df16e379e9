/**
 * Occurrences → changes. The recursive diff meets a schema once per item that reaches it (the
 * `Response` object inside each of the six lifecycle events and the object itself); a reviewer
 * wants the change once, with the items it affects. Occurrences are one change when they share
 * the kind, the location, the direction and the values; the first occurrence keeps the order, the
 * shortest path is the one shown.
 */
import type { Change } from './change.js';

const key = (c: Change): string => JSON.stringify([c.kind, c.location, c.direction, c.before ?? null, c.after ?? null]);

/** The path a reader recognises fastest: the shortest, then the first in code-point order. */
const shortest = (paths: readonly string[]): string =>
  paths.reduce((best, p) => (p.length < best.length || (p.length === best.length && p < best) ? p : best));

export function groupChanges(occurrences: readonly Change[]): Change[] {
  const groups = new Map<string, Change[]>();
  for (const c of occurrences) {
    const k = key(c);
    const list = groups.get(k);
    if (list) list.push(c);
    else groups.set(k, [c]);
  }
  const changes = [...groups.values()].map((list): Change => {
    const first = list[0]!;
    const paths = [...new Set(list.flatMap((c) => c.paths))];
    const path = shortest(list.map((c) => c.path));
    const shown = list.find((c) => c.path === path)!;
    return { ...first, path, item: shown.item, anchors: shown.anchors, items: [...new Set(list.map((c) => c.item))], paths };
  });
  return withUniqueIds(changes);
}

/**
 * `<kind> <location>` names a change; the same location can change twice when clients both send
 * and read it (a tool definition in the request and in the response), or when two items reach it
 * with different values. Those get the direction, then a number, appended.
 */
function withUniqueIds(changes: Change[]): Change[] {
  const count = new Map<string, number>();
  for (const c of changes) count.set(c.id, (count.get(c.id) ?? 0) + 1);
  const byDirection = new Map<string, number>();
  for (const c of changes) {
    if (count.get(c.id)! > 1) {
      const id = `${c.id} (${c.direction})`;
      byDirection.set(id, (byDirection.get(id) ?? 0) + 1);
    }
  }
  const used = new Map<string, number>();
  return changes.map((c) => {
    if (count.get(c.id)! === 1) return c;
    let id = `${c.id} (${c.direction})`;
    if (byDirection.get(id)! > 1) {
      const n = (used.get(id) ?? 0) + 1;
      used.set(id, n);
      id = `${id} #${n}`;
    }
    return { ...c, id };
  });
}
