/** Location order and identity: one comparator, so the same facts give the same bytes. */
import { compareStrings } from '../model/sort.js';
import type { Location } from './schema.js';

function compareLocations(a: Location, b: Location): number {
  return compareStrings(a.file, b.file) || a.line - b.line || compareStrings(a.kind, b.kind) || compareStrings(a.symbol, b.symbol);
}

/** Sorted, without duplicates (a file in two globs of one lane, a fact reported twice). */
export function normalizeLocations(locations: readonly Location[]): Location[] {
  const seen = new Set<string>();
  const out: Location[] = [];
  for (const l of [...locations].sort(compareLocations)) {
    const key = `${l.file}\0${l.line}\0${l.kind}\0${l.symbol}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // Fixed key order: the bytes must not depend on how a fact was built.
    out.push({
      file: l.file,
      symbol: l.symbol,
      line: l.line,
      kind: l.kind,
      ...(l.evidence !== undefined ? { evidence: l.evidence } : {}),
      ...(l.confidence !== undefined ? { confidence: l.confidence } : {}),
      ...(l.external !== undefined ? { external: l.external } : {}),
    });
  }
  return out;
}
