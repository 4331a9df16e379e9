/** Check 9: every opened item and part is closed, even one that received no deltas. */
import { PART_INDEX } from '../families.js';
import { type ItemState, type Report, type StreamState, quote } from '../state.js';

/** Parts still open when their item closes (or the stream ends). */
export function openParts(item: ItemState, closedAt: string, report: Report): void {
  for (const part of item.parts.values()) {
    if (!part.open) continue;
    report({ check: 'closure', line: part.line, message: `Found ${part.kind} part ${PART_INDEX[part.kind]} ${part.index} of item ${quote(item.id)} never closed (${closedAt}), expected its \`.done\` event` });
  }
}

export function checkEnd(state: StreamState, report: Report): void {
  for (const item of state.open) {
    report({ check: 'closure', line: item.line, event: 'response.output_item.added', message: `Found item ${quote(item.id)} (${item.type}, output_index ${item.outputIndex}) never closed, expected \`response.output_item.done\` for it` });
    openParts(item, 'the stream ended', report);
  }
}
