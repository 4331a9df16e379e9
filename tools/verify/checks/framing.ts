/**
 * Check 1, framing: the reader's frame problems, JSON that does not parse, a payload without a string
 * `type`, and an SSE `event:` name that differs from the payload's `type`.
 */
import type { JsonValue } from '../../model/schema.js';
import type { Report } from '../state.js';
import type { TraceEvent, TraceRecord } from '../types.js';

/** Returns the event when its payload could be read, reporting every framing problem. */
export function checkFraming(record: TraceRecord, report: Report): TraceEvent | undefined {
  const { line } = record;
  for (const issue of record.framing) report({ check: 'framing', line: issue.line, message: issue.message });
  if (record.data === '' && record.framing.length) return undefined;
  let payload: unknown;
  try {
    payload = JSON.parse(record.data);
  } catch (error) {
    report({
      check: 'framing',
      line,
      ...(record.eventName && { event: record.eventName }),
      message: `Found data that is not JSON (${(error as Error).message}), expected one JSON object per event`,
    });
    return undefined;
  }
  if (
    typeof payload !== 'object' ||
    payload === null ||
    Array.isArray(payload) ||
    typeof (payload as { type?: unknown }).type !== 'string'
  ) {
    report({
      check: 'framing',
      line,
      message: `Found ${Array.isArray(payload) ? 'an array' : payload === null ? 'null' : typeof payload === 'object' ? 'an object without a string `type`' : `a ${typeof payload}`}, expected an event object with a string \`type\``,
    });
    return undefined;
  }
  const type = (payload as { type: string }).type;
  if (record.eventName !== undefined && record.eventName !== type) {
    report({
      check: 'framing',
      line,
      event: type,
      message: `Found \`event: ${record.eventName}\`, expected the payload's type \`${type}\``,
    });
  }
  return { line, type, payload: payload as Record<string, JsonValue> };
}
