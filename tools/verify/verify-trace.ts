/** One trace file → its report: read and check in one streaming pass, then the SDK's opinion. */
import { InputError } from '../diagnostics/errors.js';
import { escapeControl } from '../io/control-chars.js';
import type { FindingPolicy } from './findings.js';
import { openTrace } from './input/open-trace.js';
import { readSidecar } from './input/request.js';
import { askSdk } from './sdk-opinion.js';
import { verifyStream, type StreamResult, type VerifyContext } from './verify-stream.js';
import type { TraceFormat, TraceReport } from './types.js';

export interface TraceOptions extends FindingPolicy {
  /** The name reports use (`-` for stdin); defaults to `path`. */
  name?: string;
  format?: TraceFormat;
  /** Ask the openai SDK too (default true). */
  sdk?: boolean;
  /** Longest line read, in characters (see input/lines.ts). */
  maxLineLength?: number;
}

/** The event types that open a response under the context's grammar. */
function startsOf(ctx: VerifyContext): Set<string> {
  return new Set(
    [...ctx.grammar.values()].filter((r) => r.scope === 'response' && (r.role === 'start' || r.role === 'pre')).map((r) => r.type),
  );
}

/** Reads and checks one trace; file system errors are the user's input problem, never a crash. */
export async function checkTraceFile(
  path: string,
  ctx: VerifyContext,
  options: TraceOptions,
): Promise<{ result: StreamResult; format: TraceFormat }> {
  const name = options.name ?? path;
  let opened: Awaited<ReturnType<typeof openTrace>>;
  try {
    opened = await openTrace(path, {
      ...(options.format && { format: options.format }),
      ...(options.maxLineLength !== undefined && { maxLineLength: options.maxLineLength }),
      starts: startsOf(ctx),
    });
  } catch (error) {
    throw new InputError(`cannot read trace ${escapeControl(name)}: ${escapeControl((error as Error).message)}`);
  }
  try {
    return { result: await verifyStream(opened.items, ctx, options), format: opened.format };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code) throw new InputError(`cannot read trace ${escapeControl(name)}: ${escapeControl((error as Error).message)}`);
    throw error;
  }
}

export async function verifyTraceFile(path: string, ctx: VerifyContext, options: TraceOptions): Promise<TraceReport> {
  const name = options.name ?? path;
  const { result, format } = await checkTraceFile(path, ctx, options);
  let request: TraceReport['request'];
  if (result.request) request = { from: `${name}:${result.request.line}`, value: result.request.value };
  else if (path !== '-') {
    try {
      const sidecar = await readSidecar(path);
      if (sidecar) request = { from: sidecar.path, value: sidecar.value };
    } catch (error) {
      throw new InputError(`cannot read the request sidecar of ${escapeControl(name)}: ${escapeControl((error as Error).message)}`);
    }
  }
  const report: TraceReport = {
    file: name,
    format,
    events: result.events,
    lines: result.lines,
    responses: result.responses,
    ...(result.unreadable && { unreadable: true }),
    ...(request && { request }),
    violations: result.violations.map((v) => ({ ...v, file: name })),
    omitted: result.omitted,
    counts: result.counts,
  };
  // Bytes that are not a text trace would only make the SDK fail in its own words; and its stream
  // helper follows one response per request, so a recording of several would fail for that alone.
  // The only client there is for a second opinion reads one stream grammar (the profile names it).
  if (options.sdk !== false && !result.unreadable && ctx.profile?.sdkClient === 'openai-responses') {
    report.sdk =
      result.responses > 1
        ? {
            available: false,
            accepted: false,
            events: 0,
            message: `the trace holds ${result.responses} responses; the SDK's stream helper reads one per request`,
          }
        : await askSdk(path, format, request?.value);
  }
  return report;
}
