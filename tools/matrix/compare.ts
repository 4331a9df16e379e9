/**
 * `compare A B`: the coverage difference between two implementations, as a list (like `diff`, but of
 * coverage). `behind`: B lacks what A has (implemented or partial in A, missing or less in B);
 * `ahead`: B has what A lacks; `differs`: both have it, with other statuses.
 */
import { compareStrings } from '../model/sort.js';
import type { Matrix, MatrixCell } from './types.js';

interface CoverageChange {
  id: string;
  class: 'behind' | 'ahead' | 'differs';
  a: string;
  b: string;
}

export interface Comparison {
  a: string;
  b: string;
  changes: CoverageChange[];
  counts: { behind: number; ahead: number; differs: number };
}

const RANK: Record<string, number> = { missing: 0, planned: 1, partial: 2, implemented: 3, ignored: -1 };

function describe(c: MatrixCell): string {
  const seen = c.observed?.count ? `seen ${c.observed.count}×` : '';
  return [c.status, seen].filter(Boolean).join(', ') || 'missing';
}

function rank(c: MatrixCell): number {
  if (c.status === undefined) return c.observed?.count ? RANK.implemented! : RANK.missing!;
  return RANK[c.status] ?? 0;
}

export function compareImplementations(matrix: Matrix, a: string, b: string): Comparison {
  const changes: CoverageChange[] = [];
  for (const row of matrix.rows) {
    const ca = row.cells[a];
    const cb = row.cells[b];
    if (!ca || !cb) continue;
    const [ra, rb] = [rank(ca), rank(cb)];
    if (ra < 0 || rb < 0 || describe(ca) === describe(cb)) continue;
    changes.push({ id: row.id, class: rb < ra ? 'behind' : rb > ra ? 'ahead' : 'differs', a: describe(ca), b: describe(cb) });
  }
  changes.sort((x, y) => compareStrings(x.class, y.class));
  const counts = { behind: 0, ahead: 0, differs: 0 };
  for (const c of changes) counts[c.class]++;
  return { a, b, changes, counts };
}
