/**
 * Lines of a stream, numbered, without ever holding more than one chunk plus one line: traces can be
 * long, and verify's memory must stay flat (issue 7, "Performance"). Accepts `\n`, `\r\n` and `\r`
 * endings, as the SSE format does (WHATWG HTML §9.2.5).
 */
import type { Readable } from 'node:stream';

export interface Line {
  /** 1-based. */
  number: number;
  text: string;
}

/** Lines one by one (for small consumers); verify itself reads batches, one per chunk. */
export async function* readLines(input: Readable | AsyncIterable<string | Buffer>): AsyncGenerator<Line> {
  for await (const batch of readLineBatches(input)) yield* batch;
}

/** The lines of each chunk at once: one await per chunk instead of per line keeps the reader near the floor. */
export async function* readLineBatches(input: Readable | AsyncIterable<string | Buffer>): AsyncGenerator<Line[]> {
  if ('setEncoding' in input && typeof input.setEncoding === 'function') input.setEncoding('utf8');
  let rest = '';
  let number = 0;
  let pendingCr = false;
  for await (const chunk of input as AsyncIterable<string | Buffer>) {
    let text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    // A `\r` that ended the previous chunk already ended a line; its `\n` partner must not end another.
    if (pendingCr && text.startsWith('\n')) text = text.slice(1);
    pendingCr = false;
    let start = 0;
    const buffer = rest + text;
    rest = '';
    const batch: Line[] = [];
    // indexOf runs natively; a JS loop over every character cost as much as JSON.parse.
    let lf = buffer.indexOf('\n', start);
    let cr = buffer.indexOf('\r', start);
    while (lf !== -1 || cr !== -1) {
      const end = cr === -1 || (lf !== -1 && lf < cr) ? lf : cr;
      batch.push({ number: ++number, text: buffer.slice(start, end) });
      start = end + 1;
      if (end === cr) {
        if (start < buffer.length) {
          if (buffer.charCodeAt(start) === 10) start++;
        } else pendingCr = true;
        cr = buffer.indexOf('\r', start);
      }
      if (lf !== -1 && lf < start) lf = buffer.indexOf('\n', start);
    }
    rest = buffer.slice(start);
    if (batch.length) yield batch;
  }
  if (rest.length) yield [{ number: ++number, text: rest }];
}

