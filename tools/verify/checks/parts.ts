/**
 * Parts inside an item: `content_part.*` (by `content_index`) and `reasoning_summary_part.*` (by
 * `summary_index`). Opening allocates the next index (check 5); deltas and other part events need the
 * part open (check 3).
 */
import { PART_INDEX, type PartKind } from '../families.js';
import { type ItemState, type PartState, type Report, quote, slotKey } from '../state.js';
import type { TraceEvent } from '../types.js';

export function partIndex(event: TraceEvent, kind: PartKind): number | undefined {
  const v = event.payload[PART_INDEX[kind]];
  return typeof v === 'number' ? v : undefined;
}

export function openPart(item: ItemState, kind: PartKind, event: TraceEvent, report: Report): void {
  const index = partIndex(event, kind);
  const field = PART_INDEX[kind];
  const expected = item.partCounts[kind];
  if (index !== expected) {
    report({ check: 'indices', line: event.line, event: event.type, message: `Found \`${field}\` ${quote(event.payload[field])}, expected ${expected} (contiguous within item ${quote(item.id)})` });
  }
  item.partCounts[kind]++;
  const key = slotKey(kind, index ?? expected);
  const existing = item.parts.get(key);
  if (existing) {
    report({ check: 'lifecycle', line: event.line, event: event.type, message: `Found ${kind} part ${index ?? expected} opened again, expected it once (first opened at line ${existing.line})` });
    return;
  }
  item.parts.set(key, { kind, index: index ?? expected, position: expected, line: event.line, open: true });
}

/** The open part an event lives in, or undefined after reporting why it is not there. */
export function requireOpenPart(item: ItemState, kind: PartKind, event: TraceEvent, report: Report): PartState | undefined {
  const index = partIndex(event, kind);
  const part = index === undefined ? undefined : item.parts.get(slotKey(kind, index));
  if (part?.open) return part;
  const where = `${PART_INDEX[kind]} ${quote(event.payload[PART_INDEX[kind]])} of item ${quote(item.id)}`;
  const state = part ? `closed at an earlier \`.done\` (opened line ${part.line})` : 'never opened';
  report({ check: 'lifecycle', line: event.line, event: event.type, message: `Found \`${event.type}\` for ${where}, which is ${state}, expected it inside an open part` });
  return undefined;
}
