/**
 * Check 3, response level: walks the stream profile's lifecycle table (stream-profile.ts). Returns whether the event
 * still belongs to the response (false after the end: it is reported once here and nowhere else).
 */
import type { Role } from '../stream-profile.js';
import type { Report, StreamState } from '../state.js';
import type { TraceEvent } from '../types.js';

export function stepResponse(state: StreamState, role: Role, event: TraceEvent, report: Report): boolean {
  const from = state.phase;
  const { grammar, recover, expected } = state.profile.lifecycle;
  const next = grammar.get(from)?.get(role);
  if (next) {
    state.phase = next;
    if (next === 'ended') end(state, event);
    return true;
  }
  // The baseline keys an order deviation by what came before: `response.failed` after `error` is one
  // the reference server makes.
  if (from === 'ended') {
    const what = role === 'terminal' ? 'a second terminal event' : 'an event';
    report({
      check: 'lifecycle',
      line: event.line,
      event: event.type,
      message: `Found ${what} \`${event.type}\` after the stream ended with \`${state.terminalType}\` at line ${state.terminalLine}, expected nothing after the terminal or \`error\` event`,
      deviations: [{ event: event.type, path: `after ${state.terminalType}`, kind: 'order' }],
    });
    return false;
  }
  report({
    check: 'lifecycle',
    line: event.line,
    event: event.type,
    message: `Found \`${event.type}\`, expected ${expected.get(from) ?? 'another event'}`,
    deviations: [{ event: event.type, path: `in phase ${from}`, kind: 'order' }],
  });
  state.phase = recover.get(role) ?? 'ended';
  if (state.phase === 'ended') end(state, event);
  return true;
}

function end(state: StreamState, event: TraceEvent): void {
  state.terminalLine = event.line;
  state.terminalType = event.type;
}
