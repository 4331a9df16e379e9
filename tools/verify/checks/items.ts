/**
 * Items: `output_item.added` opens one, `output_item.done` closes it, every other item event finds its
 * item by `item_id` (else by `output_index`). Which check a mismatch belongs to follows from how the
 * item was found: right id, other index → indices (check 5); right index, other id → identity
 * (check 6); neither → lifecycle (check 3: the item was never opened).
 */
import type { JsonValue } from '../../model/schema.js';
import { type ItemState, type Report, type StreamState, quote } from '../state.js';
import type { TraceEvent } from '../types.js';

const asRecord = (v: JsonValue | undefined): Record<string, JsonValue> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;

export function itemOf(state: StreamState, event: TraceEvent): Record<string, JsonValue> | undefined {
  return asRecord(event.payload[state.profile.items.payload]);
}

export function openItem(state: StreamState, event: TraceEvent, report: Report): void {
  const item = itemOf(state, event) ?? {};
  const ix = state.profile.items.indexField;
  const index = event.payload[ix];
  const id = typeof item.id === 'string' ? item.id : undefined;
  const expected = state.added;
  const outputIndex = typeof index === 'number' ? index : expected;
  if (index !== expected) {
    report({
      check: 'indices',
      line: event.line,
      event: event.type,
      message: `Found \`${ix}\` ${quote(index)}, expected ${expected} (zero-based and contiguous in the order items are added)`,
    });
  }
  if (id !== undefined) {
    const previous = state.byId.get(id);
    if (previous)
      report({
        check: 'identity',
        line: event.line,
        event: event.type,
        message: `Found item id ${quote(id)} again, expected a new id (already used by the item added at line ${previous.line})`,
      });
  }
  const itemState: ItemState = {
    id,
    type: typeof item.type === 'string' ? item.type : 'unknown',
    outputIndex,
    position: expected,
    line: event.line,
    open: true,
    parts: new Map(),
    partCounts: new Map(),
    slots: new Map(),
  };
  state.added++;
  state.byPosition.push(itemState);
  state.open.add(itemState);
  if (id !== undefined && !state.byId.has(id)) state.byId.set(id, itemState);
  if (!state.byIndex.has(outputIndex)) state.byIndex.set(outputIndex, itemState);
}

/** Finds the item an event refers to, reporting index/identity mismatches; undefined: never opened. */
export function resolveItem(state: StreamState, event: TraceEvent, id: JsonValue | undefined, report: Report): ItemState | undefined {
  const { indexField: ix, family } = state.profile.items;
  const index = event.payload[ix];
  const byId = typeof id === 'string' ? state.byId.get(id) : undefined;
  if (byId) {
    if (index !== undefined && index !== byId.outputIndex) {
      report({
        check: 'indices',
        line: event.line,
        event: event.type,
        message: `Found \`${ix}\` ${quote(index)} for item ${quote(id)}, expected ${byId.outputIndex} (its index when added at line ${byId.line})`,
      });
    }
    return byId;
  }
  const byIndex = typeof index === 'number' ? state.byIndex.get(index) : undefined;
  if (byIndex) {
    report({
      check: 'identity',
      line: event.line,
      event: event.type,
      message: `Found item id ${quote(id)} at \`${ix}\` ${index}, expected ${quote(byIndex.id)} (the id added at line ${byIndex.line})`,
    });
    return byIndex;
  }
  report({
    check: 'lifecycle',
    line: event.line,
    event: event.type,
    message: `Found \`${event.type}\` for item ${quote(id)} (${ix} ${quote(index)}), expected \`${family}.added\` to open that item first`,
  });
  return undefined;
}

/** Items close in the order they were added; a later one closing first is "finished out of order". */
export function closeItem(state: StreamState, item: ItemState, event: TraceEvent, report: Report): void {
  const done = itemOf(state, event);
  const { indexField: ix, family } = state.profile.items;
  const last = family.slice(family.lastIndexOf('.') + 1);
  if (done && typeof done.type === 'string' && done.type !== item.type) {
    report({
      check: 'identity',
      line: event.line,
      event: event.type,
      message: `Found item type ${quote(done.type)} in \`${last}.done\`, expected ${quote(item.type)} (as added at line ${item.line})`,
    });
  }
  const first = state.open.values().next().value;
  if (first !== undefined && first !== item) {
    const list = state.overtaken.get(first) ?? [];
    list.push({ item, line: event.line, type: event.type });
    state.overtaken.set(first, list);
  }
  for (const later of state.overtaken.get(item) ?? []) {
    report({
      check: 'lifecycle',
      line: later.line,
      event: later.type,
      message: `Found item at ${ix} ${later.item.outputIndex} finishing before ${ix} ${item.outputIndex} (added at line ${item.line}, done at line ${event.line}), expected items to finish in the order they were added`,
    });
  }
  state.overtaken.delete(item);
  item.open = false;
  state.open.delete(item);
  item.closedLine = event.line;
}
