/**
 * Parts inside an item: `content_part.*` (by `content_index`) and `reasoning_summary_part.*` (by
 * `summary_index`). Opening allocates the next index (check 5); deltas and other part events need the
 * part open (check 3).
 */
import type { PartKind, StreamProfile } from '../stream-profile.js';
import { type ItemState, type PartState, type Report, quote, slotKey } from '../state.js';
import type { TraceEvent } from '../types.js';

const indexFieldOf = (profile: StreamProfile, kind: PartKind): string => profile.parts.kinds.get(kind)?.index ?? `${kind}_index`;

export function partIndex(profile: StreamProfile, event: TraceEvent, kind: PartKind): number | undefined {
  const v = event.payload[indexFieldOf(profile, kind)];
  return typeof v === 'number' ? v : undefined;
}

export function openPart(profile: StreamProfile, item: ItemState, kind: PartKind, event: TraceEvent, report: Report): void {
  const index = partIndex(profile, event, kind);
  const field = indexFieldOf(profile, kind);
  const expected = item.partCounts.get(kind) ?? 0;
  if (index !== expected) {
    report({
      check: 'indices',
      line: event.line,
      event: event.type,
      message: `Found \`${field}\` ${quote(event.payload[field])}, expected ${expected} (contiguous within item ${quote(item.id)})`,
    });
  }
  item.partCounts.set(kind, expected + 1);
  const key = slotKey(kind, index ?? expected);
  const existing = item.parts.get(key);
  if (existing) {
    report({
      check: 'lifecycle',
      line: event.line,
      event: event.type,
      message: `Found ${kind} part ${index ?? expected} opened again, expected it once (first opened at line ${existing.line})`,
    });
    return;
  }
  item.parts.set(key, { kind, index: index ?? expected, position: expected, line: event.line, open: true });
}

/** The open part an event lives in, or undefined after reporting why it is not there. */
export function requireOpenPart(
  profile: StreamProfile,
  item: ItemState,
  kind: PartKind,
  event: TraceEvent,
  report: Report,
): PartState | undefined {
  const index = partIndex(profile, event, kind);
  const part = index === undefined ? undefined : item.parts.get(slotKey(kind, index));
  if (part?.open) return part;
  const where = `${indexFieldOf(profile, kind)} ${quote(event.payload[indexFieldOf(profile, kind)])} of item ${quote(item.id)}`;
  const state = part ? `closed at an earlier \`.done\` (opened line ${part.line})` : 'never opened';
  report({
    check: 'lifecycle',
    line: event.line,
    event: event.type,
    message: `Found \`${event.type}\` for ${where}, which is ${state}, expected it inside an open part`,
  });
  return undefined;
}
