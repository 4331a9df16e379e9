/**
 * The request a trace answered. Either a header comment before the first event, in either format:
 *   SSE:        `: request {"model":"…","input":"…"}`
 *   JSON Lines: `# request {"model":"…","input":"…"}`  (a `:` after `request` is allowed too)
 * or a sidecar file `<trace>.request.json` beside the trace. The header wins when both exist, since it
 * travels with the bytes. The request feeds the SDK second opinion (its `text.format` changes how the
 * SDK parses output) and is echoed in the report.
 */
import { readFile } from 'node:fs/promises';
import type { JsonValue } from '../../model/schema.js';
import type { TraceItem } from './trace-item.js';

const HEADER = /^\s*request\s*:?\s*(\{.*\})\s*$/;

export function parseRequestComment(comment: string, line: number): TraceItem | undefined {
  const m = HEADER.exec(comment);
  if (!m) return undefined;
  try {
    return { kind: 'request', line, value: JSON.parse(m[1]!) as JsonValue };
  } catch (error) {
    return {
      kind: 'stray',
      line,
      message: `Found a request header that is not JSON (${(error as Error).message}), expected \`request {…}\``,
    };
  }
}

function sidecarPath(trace: string): string {
  return `${trace}.request.json`;
}

/** The sidecar request, or undefined when there is none. Unparseable sidecars are input errors for the caller. */
export async function readSidecar(trace: string): Promise<{ path: string; value: JsonValue } | undefined> {
  const path = sidecarPath(trace);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  return { path, value: JSON.parse(text) as JsonValue };
}
