/** Status tallies: every count in a report is a tally of items, computed here and nowhere else. */
import type { Status } from '../mapping/schema.js';
import type { StatusCounts } from './schema.js';

function emptyCounts(): StatusCounts {
  return { total: 0, implemented: 0, partial: 0, planned: 0, ignored: 0, missing: 0, percent: 0 };
}

/** implemented / (total − ignored) × 100 with one decimal: ignored items are out of scope by a human's choice. */
export function percentOf(part: number, total: number, ignored = 0): number {
  const base = total - ignored;
  return base > 0 ? Math.round((part / base) * 1000) / 10 : 0;
}

export function tally(statuses: Iterable<Status>): StatusCounts {
  const c = emptyCounts();
  for (const s of statuses) {
    c.total++;
    c[s]++;
  }
  c.percent = percentOf(c.implemented, c.total, c.ignored);
  return c;
}
