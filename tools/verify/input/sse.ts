/**
 * Server-sent events as recorded from an HTTP response, read per the WHATWG event-stream rules
 * (HTML §9.2.5): `field: value` lines, `:` comments, a blank line dispatches the frame, multi-line
 * `data` joins with `\n`. The OpenAI stream ends with a `data: [DONE]` sentinel. Framing problems stay
 * on the record so the `framing` check reports them with the frame's line.
 */
import type { Line } from './lines.js';
import type { TraceItem } from './trace-item.js';
import { parseRequestComment } from './request.js';

const KNOWN_FIELDS = new Set(['event', 'data', 'id', 'retry']);

const LEADING_TYPE = /^\s*\{\s*"type"\s*:\s*"([^"\\]*)"/;

/**
 * The frame opens a new response (by its `event:` name, else by the payload's leading `type`): one of
 * the stream profile's start events (`response.created`, `response.queued` in Responses).
 */
function startsResponse(starts: ReadonlySet<string>, eventName: string | undefined, data: string): boolean {
  if (eventName !== undefined) return starts.has(eventName);
  const type = LEADING_TYPE.exec(data)?.[1];
  return type !== undefined && starts.has(type);
}

/** `starts`: event types that open a new response, so a recording of several may repeat `[DONE]`. */
export async function* readSse(batches: AsyncIterable<Line[]>, starts: ReadonlySet<string> = new Set()): AsyncGenerator<TraceItem[]> {
  let out: TraceItem[] = [];
  let start = 0;
  let eventName: string | undefined;
  let data: string[] = [];
  let framing: { line: number; message: string }[] = [];
  let seenEvent = false;
  let doneAt = 0;
  let last = 0;

  /** The frame lost a line that could not be read: what is left of it would be a different event. */
  let lost = false;

  const reset = () => {
    start = 0;
    lost = false;
    eventName = undefined;
    data = [];
    framing = [];
  };

  function dispatch(): void {
    if (!start || lost) return;
    if (data.length === 0) {
      // A frame with fields but no data is dropped by EventSource; say so rather than lose it silently.
      out.push({
        kind: 'record',
        record: {
          line: start,
          ...(eventName !== undefined && { eventName }),
          data: '',
          framing: [...framing, { line: start, message: 'Found a frame without a `data:` line, expected every event to carry data' }],
        },
      });
      return;
    }
    const text = data.join('\n');
    if (text === '[DONE]') {
      if (doneAt)
        out.push({ kind: 'stray', line: start, message: `Found a second \`data: [DONE]\`, expected it once (first at line ${doneAt})` });
      doneAt ||= start;
      return;
    }
    seenEvent = true;
    // A recording of several responses in a row holds one sentinel per response: the next one's
    // first event starts over.
    if (doneAt && startsResponse(starts, eventName, text)) doneAt = 0;
    const issues = doneAt
      ? [
          ...framing,
          { line: start, message: `Found an event after \`data: [DONE]\` (line ${doneAt}), expected nothing after the sentinel` },
        ]
      : framing;
    out.push({ kind: 'record', record: { line: start, ...(eventName !== undefined && { eventName }), data: text, framing: issues } });
  }

  for await (const batch of batches) {
    for (const { number, text, problem } of batch) {
      last = number;
      if (problem) {
        out.push({ kind: 'stray', line: number, message: problem.message, unreadable: true, ...(problem.fatal && { fatal: true }) });
        lost = true;
        start ||= number;
        continue;
      }
      if (text === '') {
        dispatch();
        reset();
        continue;
      }
      if (text.charCodeAt(0) === 58 /* : */) {
        if (!seenEvent && !start) {
          const request = parseRequestComment(text.slice(1), number);
          if (request) out.push(request);
        }
        continue;
      }
      start ||= number;
      const colon = text.indexOf(':');
      const field = colon < 0 ? text : text.slice(0, colon);
      let value = colon < 0 ? '' : text.slice(colon + 1);
      if (value.charCodeAt(0) === 32) value = value.slice(1);
      if (field === 'data') data.push(value);
      else if (field === 'event') {
        if (eventName !== undefined)
          framing.push({ line: number, message: 'Found a second `event:` line in one frame, expected one per event' });
        eventName = value;
      } else if (!KNOWN_FIELDS.has(field)) {
        framing.push({
          line: number,
          message: `Found unknown SSE field \`${field.slice(0, 40)}\`, expected event, data, id or retry (or a \`:\` comment)`,
        });
      }
    }
    if (out.length) {
      yield out;
      out = [];
    }
  }
  if (start) {
    framing.push({
      line: last,
      message: 'Found the last frame without a terminating blank line, expected every frame to end with an empty line',
    });
    dispatch();
  }
  out.push({ kind: 'end', lines: last });
  yield out;
}
