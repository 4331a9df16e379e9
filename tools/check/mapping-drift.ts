/**
 * Mapping drift: what changed between the mapping on disk and the one the code gives now.
 * Locations are compared by file, symbol and kind, never by line: a line shift alone is not
 * drift (`sync` refreshes lines).
 */
import type { Location, Mapping } from '../mapping/schema.js';
import type { Finding } from './findings.js';

type RawFinding = Omit<Finding, 'severity'>;

const locationKey = (l: Location) => `${l.file}\u0000${l.symbol}\u0000${l.kind}`;
const FIX = 'specmap sync';

function laneDrift(
  id: string,
  anchor: string | undefined,
  lane: string,
  before: readonly Location[],
  after: readonly Location[],
): RawFinding[] {
  const out: RawFinding[] = [];
  const old = new Map(before.map((l) => [locationKey(l), l]));
  const now = new Map(after.map((l) => [locationKey(l), l]));
  for (const [key, l] of old) {
    if (!now.has(key)) {
      // Running sync would record the loss as the new truth: the fix names both ways out, restoring first.
      const at = `${l.file}:${l.line}`;
      out.push({
        kind: 'mapping-location-lost',
        id,
        anchor,
        lane,
        file: l.file,
        line: l.line,
        message: `${l.kind} \`${l.symbol}\` is no longer found in ${l.file} (lane ${lane})`,
        fix: `restore the ${l.kind} at ${at}, or run \`specmap sync\` to accept the loss`,
      });
    }
  }
  for (const [key, l] of now) {
    if (!old.has(key)) {
      out.push({
        kind: 'mapping-location-new',
        id,
        anchor,
        lane,
        file: l.file,
        line: l.line,
        message: `new ${l.kind} \`${l.symbol}\` in ${l.file} is not in mapping.json`,
        fix: FIX,
      });
    }
  }
  return out;
}

export function mappingDrift(before: Mapping | undefined, after: Mapping): RawFinding[] {
  if (!before) return [{ kind: 'mapping-missing', message: 'there is no mapping.json yet', fix: FIX }];
  const out: RawFinding[] = [];
  for (const [id, entry] of Object.entries(after.items)) {
    const old = before.items[id];
    const anchor = entry.anchor ?? undefined;
    if (!old) {
      out.push({ kind: 'mapping-item-added', id, anchor, message: 'a spec item that mapping.json does not list yet', fix: FIX });
      continue;
    }
    const lanes = new Set([...Object.keys(old.lanes), ...Object.keys(entry.lanes)]);
    for (const lane of [...lanes].sort()) out.push(...laneDrift(id, anchor, lane, old.lanes[lane] ?? [], entry.lanes[lane] ?? []));
    if (old.status !== entry.status) {
      out.push({
        kind: 'mapping-status-changed',
        id,
        anchor,
        message: `status would change from ${old.status} to ${entry.status}`,
        fix: FIX,
      });
    }
  }
  for (const [id, old] of Object.entries(before.items)) {
    if (after.items[id]) continue;
    if (old.manual && Object.keys(old.manual).length) {
      out.push({
        kind: 'mapping-manual-orphan',
        id,
        anchor: old.anchor ?? undefined,
        message: 'has manual notes but the sources no longer have this item; sync keeps them under `orphans`',
        fix: FIX,
      });
    } else {
      out.push({
        kind: 'mapping-item-removed',
        id,
        anchor: old.anchor ?? undefined,
        message: 'the sources no longer have this item',
        fix: FIX,
      });
    }
  }
  const known = new Set(before.unknownLiterals.map((u) => u.literal));
  for (const u of after.unknownLiterals) {
    if (known.has(u.literal)) continue;
    const first = u.locations[0];
    out.push({
      kind: 'mapping-unknown-literal',
      id: u.literal,
      file: first?.file,
      line: first?.line,
      message: `\`${u.literal}\` looks like an event type but no spec item has it`,
      fix: FIX,
    });
  }
  return out;
}
