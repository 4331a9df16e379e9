/**
 * Check 3, response level: walks the RESPONSE_GRAMMAR table (families.ts). Returns whether the event
 * still belongs to the response (false after the end: it is reported once here and nowhere else).
 */
import { EXPECTED_IN, RECOVER, RESPONSE_GRAMMAR, type Role } from '../families.js';
import type { Report, StreamState } from '../state.js';
import type { TraceEvent } from '../types.js';

export function stepResponse(state: StreamState, role: Role, event: TraceEvent, report: Report): boolean {
  const from = state.phase;
  const next = RESPONSE_GRAMMAR[from][role];
  if (next) {
    state.phase = next;
    if (next === 'ended') state.terminalLine = event.line;
    return true;
  }
  if (from === 'ended') {
    const what = role === 'terminal' ? 'a second terminal event' : 'an event';
    report({ check: 'lifecycle', line: event.line, event: event.type, message: `Found ${what} \`${event.type}\` after the stream ended at line ${state.terminalLine}, expected nothing after the terminal or \`error\` event` });
    return false;
  }
  report({ check: 'lifecycle', line: event.line, event: event.type, message: `Found \`${event.type}\`, expected ${EXPECTED_IN[from]}` });
  state.phase = RECOVER[role];
  if (state.phase === 'ended') state.terminalLine = event.line;
  return true;
}
