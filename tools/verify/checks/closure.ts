/** Check 9: every opened item and part is closed, even one that received no deltas. */
import { type ItemState, type Report, type StreamState, quote } from '../state.js';

/** Parts still open when their item closes (or the stream ends). */
export function openParts(state: StreamState, item: ItemState, closedAt: string, report: Report): void {
  for (const part of item.parts.values()) {
    if (!part.open) continue;
    report({
      check: 'closure',
      line: part.line,
      message: `Found ${part.kind} part ${state.profile.parts.kinds.get(part.kind)?.index} ${part.index} of item ${quote(item.id)} never closed (${closedAt}), expected its \`.done\` event`,
    });
  }
}

export function checkEnd(state: StreamState, report: Report): void {
  const { family, indexField } = state.profile.items;
  for (const item of state.open) {
    report({
      check: 'closure',
      line: item.line,
      event: `${family}.added`,
      message: `Found item ${quote(item.id)} (${item.type}, ${indexField} ${item.outputIndex}) never closed, expected \`${family}.done\` for it`,
    });
    openParts(state, item, 'the stream ended', report);
  }
}
