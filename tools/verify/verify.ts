/**
 * `verify` as a function of the programmatic API: traces + model → one report. Stdin is spooled to a
 * temporary file first (a stream, so memory stays flat) because the SDK's second opinion reads the
 * trace a second time.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Model } from '../model/schema.js';
import { loadEventSchemas, type ObjectMode } from './event-schemas.js';
import { buildGrammar } from './grammar.js';
import type { SeverityMap } from './severity.js';
import type { TraceFormat, TraceReport, VerifyReport } from './types.js';
import { verifyTraceFile } from './verify-trace.js';

export interface VerifyOptions {
  severities: SeverityMap;
  objects?: ObjectMode;
  format?: TraceFormat;
  sdk?: boolean;
  stdin?: Readable;
  /** Called before each trace (progress on a TTY). */
  onTrace?: (path: string, index: number) => void;
}

export async function verifyTraces(paths: readonly string[], model: Model, options: VerifyOptions): Promise<VerifyReport> {
  const { schemas, source } = await loadEventSchemas(model, options.objects ?? 'passthrough');
  const ctx = { grammar: buildGrammar(model), schemas };
  const traces: TraceReport[] = [];
  for (const [i, path] of paths.entries()) {
    options.onTrace?.(path, i);
    const base = { severities: options.severities, ...(options.format && { format: options.format }), ...(options.sdk !== undefined && { sdk: options.sdk }) };
    if (path !== '-') {
      traces.push(await verifyTraceFile(path, ctx, base));
      continue;
    }
    const dir = await mkdtemp(join(tmpdir(), 'specmap-verify-'));
    try {
      const spool = join(dir, 'stdin');
      await pipeline(options.stdin ?? process.stdin, createWriteStream(spool));
      traces.push(await verifyTraceFile(spool, ctx, { ...base, name: '-' }));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const all = traces.flatMap((t) => t.violations);
  return {
    traces,
    schemaSource: source,
    summary: {
      traces: traces.length,
      events: traces.reduce((n, t) => n + t.events, 0),
      errors: all.filter((v) => v.severity === 'error').length,
      warnings: all.filter((v) => v.severity === 'warn').length,
      sdkRejected: traces.filter((t) => t.sdk?.available && !t.sdk.accepted).length,
    },
  };
}
