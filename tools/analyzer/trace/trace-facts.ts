/**
 * Recorded traces → test facts: `.sse` (`event:` and `data:` lines; one fact per event, at its
 * `event:` line when it has one) and `.jsonl`/`.ndjson` (one JSON event per line). Each event's
 * `type`, and the `type` of a wrapped event (`{"type": "raw_response_event", "data": {"type": …}}`).
 */
import { FactSink, type FileContext, type FileFacts } from '../fact-sink.js';

function typesOf(json: unknown): string[] {
  if (!json || typeof json !== 'object') return [];
  const o = json as Record<string, unknown>;
  const out: string[] = [];
  if (typeof o.type === 'string') out.push(o.type);
  for (const key of ['data', 'event']) {
    const inner = o[key];
    const t = inner && typeof inner === 'object' ? (inner as Record<string, unknown>).type : undefined;
    if (typeof t === 'string') out.push(t);
  }
  return out;
}

/** A recorded event in a string: an optional SSE `data:` prefix, then one JSON object, and nothing else. */
const EMBEDDED_EVENT = /^\s*(?:data:\s?)?(\{[\s\S]*\})\s*$/;

/**
 * The event types of a recorded event written inside a code string: an SSE `data:` line or a
 * JSON event object (`'data:{"type":"response.created",…}\n\n'`), as tests embed golden streams.
 * Only the event's own `type` (and a wrapped event's), never the `type` of an item inside it;
 * nothing for a string that is not such a line.
 */
export function embeddedTraceTypes(text: string): string[] {
  // Asked of every string literal the analyzer walks: most hold no `"type"`, and then neither can
  // the object the expression would cut from them.
  if (!text.includes('"type"')) return [];
  const m = EMBEDDED_EVENT.exec(text);
  if (!m || !m[1]!.includes('"type"')) return [];
  try {
    return typesOf(JSON.parse(m[1]!));
  } catch {
    // A template with holes or a shortened payload: the type as the object's first key still names it.
    const first = /^\{\s*"type"\s*:\s*"([^"\\]+)"/.exec(m[1]!);
    return first ? [first[1]!] : [];
  }
}

/**
 * The event types a string writes as SSE `event:` lines (`"event: response.created\ndata: …\n\n"`):
 * a stream framed by hand. `text` may hold escapes as written (`\n`) and holes (an f-string's `{…}`,
 * a template's `${…}`); a line with a hole in its type names nothing.
 */
export function sseEventTypes(text: string): string[] {
  if (!text.includes('event:')) return [];
  const out: string[] = [];
  for (const line of text.replace(/\\r\\n|\\n|\\r/g, '\n').split(/\r?\n/)) {
    const m = /^\s*event:[ \t]*([A-Za-z_][\w.-]*)[ \t]*$/.exec(line);
    if (m) out.push(m[1]!);
  }
  return out;
}

export function traceFacts(text: string, ctx: FileContext): FileFacts {
  const sink = new FactSink({ ...ctx, isTest: true });
  const symbol = ctx.file.slice(ctx.file.lastIndexOf('/') + 1);
  const lines = text.split(/\r?\n/);
  const sse = /\.sse$/i.test(ctx.file);
  let eventLine: { value: string; line: number } | undefined;
  lines.forEach((raw, i) => {
    const line = i + 1;
    let payload = raw;
    if (sse) {
      if (raw.trim() === '') {
        eventLine = undefined;
        return;
      }
      const m = /^(event|data):\s?(.*)$/.exec(raw);
      if (!m) return;
      if (m[1] === 'event') {
        eventLine = { value: m[2]!.trim(), line };
        sink.add({
          kind: 'test',
          symbol,
          literal: eventLine.value,
          line,
          column: raw.indexOf(eventLine.value) + 1,
          evidence: 'recorded trace: event line',
        });
        return;
      }
      payload = m[2]!;
      if (payload.trim() === '[DONE]') return;
    }
    if (payload.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(payload);
    } catch {
      sink.warn(line, 1, `Found a line that is not JSON in a recorded trace, expected one JSON event per ${sse ? '`data:` line' : 'line'}`);
      return;
    }
    for (const type of typesOf(json)) {
      if (eventLine?.value === type) continue; // already reported at its `event:` line
      const col = raw.indexOf(JSON.stringify(type));
      sink.add({ kind: 'test', symbol, literal: type, line, column: col >= 0 ? col + 2 : 1, evidence: 'recorded trace: event payload' });
    }
  });
  return sink.result();
}
