/**
 * `specmap where`: what the mapping knows about an id or a literal. Pure lookup over a Mapping:
 * an exact id, then the literal as an event type (`response.created` → `event:response.created`),
 * then an unknown literal, then every id containing the query (`#include`, `POST /v1/responses`).
 */
import type { Location, Mapping, MappingEntry } from './schema.js';

interface WhereMatch {
  id: string;
  entry: MappingEntry;
}

export interface WhereResult {
  query: string;
  matches: WhereMatch[];
  /** The query is a literal the code has and no spec item does. */
  unknown?: { literal: string; locations: Location[] };
  /** The query names a manual block whose item is gone. */
  orphan?: { id: string; origin: string };
}

export function where(mapping: Mapping, query: string): WhereResult {
  const q = query.trim();
  // Own keys only: a query such as `constructor` must not find Object.prototype's.
  const exact = [q, `event:${q}`, `endpoint:${q}`].find((id) => Object.hasOwn(mapping.items, id));
  const unknown = mapping.unknownLiterals.find((u) => u.literal === q);
  const orphanId = [q, `event:${q}`, `endpoint:${q}`].find((id) => Object.hasOwn(mapping.orphans, id));
  const orphan = orphanId ? { id: orphanId, origin: mapping.orphans[orphanId]!.origin } : undefined;
  const matches = exact
    ? [{ id: exact, entry: mapping.items[exact]! }]
    : unknown || orphan
      ? []
      : Object.entries(mapping.items)
          .filter(([id]) => id.includes(q))
          .map(([id, entry]) => ({ id, entry }));
  return { query: q, matches, ...(unknown ? { unknown } : {}), ...(orphan ? { orphan } : {}) };
}

const loc = (l: Location) =>
  `${l.file}:${l.line}  ${l.symbol}  (${[l.kind, l.evidence, l.confidence && `${l.confidence} confidence`, l.external && `external ${l.external}`].filter(Boolean).join('; ')})`;

/** Plain text, one block per item: id, anchor, status, then each lane's locations. */
export function formatWhere(result: WhereResult, lanes: Mapping['lanes']): string {
  const out: string[] = [];
  for (const { id, entry } of result.matches) {
    out.push(
      `${id}  ${entry.anchor ?? '(no anchor)'}  ${entry.status}${entry.manual?.statusOverride ? ` (override: ${entry.manual.statusOverride})` : ''}`,
    );
    for (const lane of lanes) {
      const locations = entry.lanes[lane.name];
      if (!locations?.length) continue;
      out.push(`  ${lane.name} — ${lane.title}`, ...locations.map((l) => `    ${loc(l)}`));
    }
    if (!Object.keys(entry.lanes).length) out.push('  no location in any lane');
    if (entry.sameLiteralOtherShape?.length)
      out.push('  same literal, other shape (not counted):', ...entry.sameLiteralOtherShape.map((l) => `    ${loc(l)}`));
    for (const gap of entry.gaps ?? []) out.push(`  gap: ${gap}`);
    if (entry.manual?.notes) out.push(`  notes: ${entry.manual.notes}`);
  }
  if (result.unknown)
    out.push(`${result.unknown.literal}  (no spec item: unknown literal)`, ...result.unknown.locations.map((l) => `    ${loc(l)}`));
  if (result.orphan) out.push(`${result.orphan.id}  orphaned manual block (${result.orphan.origin})`);
  return out.length ? out.join('\n') + '\n' : '';
}
