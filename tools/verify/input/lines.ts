/**
 * Lines of a stream, numbered, without ever holding more than one chunk plus one line: traces can be
 * long, and verify's memory must stay flat. Accepts `\n`, `\r\n` and `\r` endings and drops a leading
 * byte order mark, as the SSE format does (WHATWG HTML §9.2.5 "Parsing an event stream").
 *
 * Work is linear in the input: a line that spans chunks is kept as a list of pieces and joined once,
 * when its end arrives (appending each chunk to one growing string made a single long line quadratic).
 * Input that is not text is not guessed at: invalid UTF-8 or a NUL byte ends the reading with a
 * problem line, and a line longer than `maxLineLength` is skipped and reported, never buffered.
 */
import type { Readable } from 'node:stream';

export interface Line {
  /** 1-based. */
  number: number;
  text: string;
  /** Set when the line could not be read: its `text` is empty and the readers report this instead. */
  problem?: LineProblem;
}

interface LineProblem {
  message: string;
  /** The rest of the input was not read (binary data): the trace is unreadable, not just wrong. */
  fatal: boolean;
}

export interface LineOptions {
  /** Longest line kept, in characters; a longer one becomes a problem line. */
  maxLineLength?: number;
}

/** 32 Mi characters: well above the largest event the reference server sends (image results in base64). */
export const DEFAULT_MAX_LINE_LENGTH = 32 * 1024 * 1024;

/** Lines one by one (for small consumers); verify itself reads batches, one per chunk. */
export async function* readLines(input: Readable | AsyncIterable<string | Buffer>, options: LineOptions = {}): AsyncGenerator<Line> {
  for await (const batch of readLineBatches(input, options)) yield* batch;
}

const NUL = '\u0000';

/** Decodes chunks as UTF-8, strictly: a chunk boundary inside a character is fine, an invalid byte is not. */
async function* decode(input: Readable | AsyncIterable<string | Buffer>): AsyncGenerator<string | Error> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  for await (const chunk of input as AsyncIterable<string | Buffer>) {
    if (typeof chunk === 'string') {
      yield chunk;
      continue;
    }
    try {
      yield decoder.decode(chunk, { stream: true });
    } catch {
      yield new Error(`Found bytes that are not UTF-8 within bytes ${offset}-${offset + chunk.length - 1}, expected a UTF-8 text trace`);
      return;
    }
    offset += chunk.length;
  }
  try {
    const tail = decoder.decode();
    if (tail) yield tail;
  } catch {
    yield new Error(`Found a truncated UTF-8 character at the end (byte ${offset}), expected a UTF-8 text trace`);
  }
}

/** The lines of each chunk at once: one await per chunk instead of per line keeps the reader near the floor. */
export async function* readLineBatches(
  input: Readable | AsyncIterable<string | Buffer>,
  options: LineOptions = {},
): AsyncGenerator<Line[]> {
  const max = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  /** Pieces of the line not yet ended, and their total length. */
  let pieces: string[] = [];
  let pending = 0;
  /** Length of the over-long line being skipped (0: not skipping). */
  let skipped = 0;
  let number = 0;
  let pendingCr = false;
  let first = true;

  const overlong = (length: number): Line => ({
    number: ++number,
    text: '',
    problem: {
      message: `Found a line of ${length} characters, expected at most ${max} (verify.maxLineLength / --max-line-length)`,
      fatal: false,
    },
  });

  for await (const decoded of decode(input)) {
    if (decoded instanceof Error) {
      yield [{ number: ++number, text: '', problem: { message: decoded.message, fatal: true } }];
      return;
    }
    let text = decoded;
    // A BOM is only a BOM at the very start (string inputs still carry it; the decoder drops it from bytes).
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.length) first = false;
    // A `\r` that ended the previous chunk already ended a line; its `\n` partner must not end another.
    if (pendingCr && text.charCodeAt(0) === 10) text = text.slice(1);
    pendingCr = false;
    // The lines before a NUL are read as usual; the one holding it ends the reading.
    const nul = text.indexOf(NUL);
    if (nul !== -1) text = text.slice(0, nul);
    const batch: Line[] = [];
    let start = 0;
    // indexOf runs natively; a JS loop over every character cost as much as JSON.parse.
    let lf = text.indexOf('\n');
    let cr = text.indexOf('\r');
    while (lf !== -1 || cr !== -1) {
      const end = cr === -1 || (lf !== -1 && lf < cr) ? lf : cr;
      const length = pending + end - start;
      if (skipped || length > max) batch.push(overlong(skipped + length));
      else batch.push({ number: ++number, text: pending ? pieces.join('') + text.slice(start, end) : text.slice(start, end) });
      pieces = [];
      pending = 0;
      skipped = 0;
      start = end + 1;
      if (end === cr) {
        if (start < text.length) {
          if (text.charCodeAt(start) === 10) start++;
        } else pendingCr = true;
        cr = text.indexOf('\r', start);
      }
      if (lf !== -1 && lf < start) lf = text.indexOf('\n', start);
    }
    if (nul !== -1) {
      batch.push({
        number: ++number,
        text: '',
        problem: { message: 'Found a NUL character: this is a binary file, expected a text trace', fatal: true },
      });
      yield batch;
      return;
    }
    if (start < text.length) {
      const rest = text.length - start;
      if (skipped) skipped += rest;
      else if (pending + rest > max) {
        skipped = pending + rest;
        pieces = [];
        pending = 0;
      } else {
        pieces.push(start === 0 ? text : text.slice(start));
        pending += rest;
      }
    }
    if (batch.length) yield batch;
  }
  if (skipped) yield [overlong(skipped)];
  else if (pending) yield [{ number: ++number, text: pieces.join('') }];
}
