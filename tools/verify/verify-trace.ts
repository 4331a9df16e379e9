/** One trace file → its report: read and check in one streaming pass, then the SDK's opinion. */
import { InputError } from '../diagnostics/errors.js';
import { openTrace } from './input/open-trace.js';
import { readSidecar } from './input/request.js';
import type { SeverityMap } from './severity.js';
import { askSdk } from './sdk-opinion.js';
import { verifyStream, type VerifyContext } from './verify-stream.js';
import type { TraceFormat, TraceReport, Violation } from './types.js';

export interface TraceOptions {
  /** The name reports use (`-` for stdin); defaults to `path`. */
  name?: string;
  format?: TraceFormat;
  severities: SeverityMap;
  /** Ask the openai SDK too (default true). */
  sdk?: boolean;
}

export async function verifyTraceFile(path: string, ctx: VerifyContext, options: TraceOptions): Promise<TraceReport> {
  const name = options.name ?? path;
  let opened;
  try {
    opened = await openTrace(path, options.format ? { format: options.format } : {});
  } catch (error) {
    throw new InputError(`cannot read trace ${name}: ${(error as Error).message}`);
  }
  let result;
  try {
    result = await verifyStream(opened.items, ctx);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code) throw new InputError(`cannot read trace ${name}: ${(error as Error).message}`);
    throw error;
  }
  const violations: Violation[] = [];
  for (const v of result.violations) {
    const severity = options.severities[v.check];
    if (severity !== 'off') violations.push({ ...v, file: name, severity });
  }
  let request: TraceReport['request'];
  if (result.request) request = { from: `${name}:${result.request.line}`, value: result.request.value };
  else if (path !== '-') {
    try {
      const sidecar = await readSidecar(path);
      if (sidecar) request = { from: sidecar.path, value: sidecar.value };
    } catch (error) {
      throw new InputError(`cannot read the request sidecar of ${name}: ${(error as Error).message}`);
    }
  }
  const report: TraceReport = { file: name, format: opened.format, events: result.events, lines: result.lines, ...(request && { request }), violations };
  if (options.sdk !== false) report.sdk = await askSdk(path, opened.format, request?.value);
  return report;
}
