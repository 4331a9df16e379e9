/** The summary at the end of mapping.json: counts per category (events) or kind, and per lane. */
import type { JsonValue } from '../model/schema.js';
import type { MappingEntry, Status } from './schema.js';

type Counts = Record<Status | 'total', number>;

const zero = (): Counts => ({ total: 0, implemented: 0, partial: 0, planned: 0, ignored: 0, missing: 0 });

/** Events count under their category; other items under their kind (`endpoint`, `param`, …). */
function summaryGroup(entry: MappingEntry): string {
  return entry.kind === 'event' ? (entry.category ?? 'other') : entry.kind;
}

export function summarize(
  items: Record<string, MappingEntry>,
  laneNames: readonly string[],
  groupOrder: readonly string[],
  unknownLiterals: number,
  orphans: number,
): JsonValue {
  const total = zero();
  const groups = new Map<string, Counts>(groupOrder.map((g) => [g, zero()]));
  const lanes = new Map(laneNames.map((n) => [n, { items: 0, locations: 0 }]));
  for (const entry of Object.values(items)) {
    const g = groups.get(summaryGroup(entry)) ?? groups.set(summaryGroup(entry), zero()).get(summaryGroup(entry))!;
    for (const c of [total, g]) {
      c.total++;
      c[entry.status]++;
    }
    for (const [name, locations] of Object.entries(entry.lanes)) {
      const lane = lanes.get(name);
      if (!lane || !locations.length) continue;
      lane.items++;
      lane.locations += locations.length;
    }
  }
  const byCategory: Record<string, Counts> = {};
  for (const [g, c] of groups) if (c.total) byCategory[g] = c;
  // With several APIs (Responses, Realtime, …) coverage is read per API too.
  const apis = new Map<string, Counts>();
  for (const entry of Object.values(items)) {
    if (entry.api === undefined) continue;
    const c = apis.get(entry.api) ?? apis.set(entry.api, zero()).get(entry.api)!;
    c.total++;
    c[entry.status]++;
  }
  const out: Record<string, JsonValue> = { items: total };
  if (apis.size > 1) out.byApi = Object.fromEntries([...apis].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { ...out, byCategory, byLane: Object.fromEntries(lanes), unknownLiterals, orphans };
}
