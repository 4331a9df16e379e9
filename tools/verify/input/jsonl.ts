/**
 * JSON Lines traces: one event object per line. Blank lines are skipped; lines starting with `#`
 * before the first event are header comments (where a trace names its request, see request.ts).
 */
import type { Line } from './lines.js';
import type { TraceItem } from './trace-item.js';
import { parseRequestComment } from './request.js';

export async function* readJsonl(batches: AsyncIterable<Line[]>): AsyncGenerator<TraceItem[]> {
  let seenEvent = false;
  let last = 0;
  for await (const batch of batches) {
    const out: TraceItem[] = [];
    for (const { number, text, problem } of batch) {
      last = number;
      if (problem) {
        out.push({ kind: 'stray', line: number, message: problem.message, unreadable: true, ...(problem.fatal && { fatal: true }) });
        continue;
      }
      // Only a line starting with whitespace (or empty) can be blank: skip trim() for the rest.
      const first = text.charCodeAt(0);
      if (!(first > 32 && first < 127) && text.trim() === '') continue;
      if (!seenEvent && text.charCodeAt(0) === 35 /* # */) {
        const request = parseRequestComment(text.slice(1), number);
        if (request) out.push(request);
        continue;
      }
      seenEvent = true;
      out.push({ kind: 'record', record: { line: number, data: text, framing: [] } });
    }
    if (out.length) yield out;
  }
  yield [{ kind: 'end', lines: last }];
}
