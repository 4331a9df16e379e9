/**
 * The terminal response against the stream: each streamed item is at its `output_index` with the same
 * id and type (check 6) and the same texts (check 7); an output item the stream never opened is a
 * closure finding (check 9: zero-delta items still open and close).
 */
import type { JsonValue } from '../../model/schema.js';
import { type Report, type StreamState, quote } from '../state.js';
import type { TraceEvent } from '../types.js';
import { terminalTexts } from './accumulation.js';

export function checkTerminal(state: StreamState, event: TraceEvent, report: Report): void {
  const { terminalPayload, terminalOutput } = state.profile.lifecycle;
  const family = state.profile.items.family.slice(state.profile.items.family.lastIndexOf('.') + 1);
  const response = event.payload[terminalPayload];
  if (!response || typeof response !== 'object' || Array.isArray(response)) return;
  const list = response[terminalOutput];
  const output = Array.isArray(list) ? list : undefined;
  if (!output) return;
  const base = { line: event.line, event: event.type };
  for (const [index, item] of state.byPosition.entries()) {
    const found = output[index] as Record<string, JsonValue> | undefined;
    if (!found || typeof found !== 'object') {
      report({
        check: 'identity',
        ...base,
        message: `Found no output[${index}] in the terminal response, expected item ${quote(item.id)} streamed at line ${item.line}`,
      });
      continue;
    }
    if (found.id !== item.id || found.type !== item.type) {
      report({
        check: 'identity',
        ...base,
        message: `Found output[${index}] ${quote(found.type)} ${quote(found.id)} in the terminal response, expected ${quote(item.type)} ${quote(item.id)} (added at line ${item.line})`,
      });
      continue;
    }
    if (!item.open) terminalTexts(item, found, event, report);
  }
  output.forEach((found, index) => {
    if (index < state.byPosition.length) return;
    const f = (found ?? {}) as Record<string, JsonValue>;
    report({
      check: 'closure',
      ...base,
      message: `Found output[${index}] ${quote(f.type)} ${quote(f.id)} in the terminal response, expected it opened by \`${family}.added\` and closed by \`${family}.done\` in the stream`,
    });
  });
}
