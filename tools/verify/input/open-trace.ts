/**
 * Opens a trace (a file, or `-` for standard input) as a stream of reader items. The format comes
 * from the extension — `.sse`/`.txt` → SSE, `.jsonl`/`.ndjson` → JSON Lines — or, for stdin and other
 * names, from the first line that is neither blank nor a comment: `{` means JSON Lines.
 */
import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import type { TraceFormat } from '../types.js';
import { readJsonl } from './jsonl.js';
import { readLineBatches, type Line, type LineOptions } from './lines.js';
import { readSse } from './sse.js';
import type { TraceItem } from './trace-item.js';

const FORMAT_BY_EXTENSION: ReadonlyMap<string, TraceFormat> = new Map([
  ['.sse', 'sse'],
  ['.txt', 'sse'],
  ['.jsonl', 'jsonl'],
  ['.ndjson', 'jsonl'],
]);

export function formatFromName(name: string): TraceFormat | undefined {
  return FORMAT_BY_EXTENSION.get(extname(name).toLowerCase());
}

async function* chain(head: Line[][], rest: AsyncIterator<Line[]>): AsyncGenerator<Line[]> {
  yield* head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/** Sniffs the format from the first meaningful line, keeping the lines it read. */
async function sniff(lines: AsyncGenerator<Line[]>): Promise<{ format: TraceFormat; lines: AsyncGenerator<Line[]> }> {
  const head: Line[][] = [];
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    head.push(next.value);
    const first = next.value.map((l) => l.text.trimStart()).find((t) => !(t === '' || t.startsWith(':') || t.startsWith('#')));
    if (first !== undefined) return { format: first.startsWith('{') ? 'jsonl' : 'sse', lines: chain(head, lines) };
  }
  return { format: 'sse', lines: chain(head, lines) };
}

export interface OpenedTrace {
  format: TraceFormat;
  items: AsyncIterable<TraceItem[]>;
}

export async function openTrace(
  path: string,
  options: { format?: TraceFormat; stdin?: Readable; starts?: ReadonlySet<string> } & LineOptions = {},
): Promise<OpenedTrace> {
  const input = path === '-' ? (options.stdin ?? process.stdin) : createReadStream(path, { highWaterMark: 256 * 1024 });
  const raw = readLineBatches(input, options.maxLineLength === undefined ? {} : { maxLineLength: options.maxLineLength });
  const known = options.format ?? (path === '-' ? undefined : formatFromName(path));
  const { format, lines } = known ? { format: known, lines: raw } : await sniff(raw);
  return { format, items: format === 'sse' ? readSse(lines, options.starts) : readJsonl(lines) };
}
