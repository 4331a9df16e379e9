/**
 * `verify` as a function of the programmatic API: traces + model → one report (and, re-exported here,
 * recordings of the reference server + model → a baseline profile). Stdin is spooled to a temporary
 * file first (a stream, so memory stays flat; see input/spool.ts).
 */
import { createWriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Model } from '../model/schema.js';
import type { Baseline } from './baseline.js';
import { createVerifyContext } from './context.js';
import type { ObjectMode } from './event-schemas.js';
import { withTempDir } from './input/spool.js';
import type { SeverityMap } from './severity.js';
import type { TraceFormat, TraceReport, VerifyReport } from './types.js';
import { verifyTraceFile } from './verify-trace.js';

export { createVerifyContext } from './context.js';
export { learnBaseline, loadBaseline } from './learn-baseline.js';

export interface VerifyOptions {
  severities: SeverityMap;
  objects?: ObjectMode;
  format?: TraceFormat;
  sdk?: boolean;
  stdin?: Readable;
  /** The reference baseline (see `loadBaseline`). */
  baseline?: Baseline;
  /** Findings kept per check, severity and trace (default 50); the rest are counted. */
  maxFindings?: number;
  /** Longest trace line read, in characters; a longer one is a framing error and makes the trace unreadable. */
  maxLineLength?: number;
  /** The stream profile setting (config `verify.profile`): `none`, a bundled name or a `.json` path; omitted: detected. */
  profile?: string;
  /** What a profile path is relative to (the config's folder). */
  root?: string;
  /** Called before each trace (progress on a TTY). */
  onTrace?: (path: string, index: number) => void;
  /** What relative trace paths are relative to (default: the process's folder); findings name them as given. */
  cwd?: string;
}

/** The baseline as the report names it, flagging a profile learned against other sources. */
function baselineUse(baseline: Baseline, model: Model): VerifyReport['baseline'] {
  const learned = baseline.profile.sources;
  const ours = model.sources.map((s) => s.id);
  const same = learned.length === ours.length && learned.every((id, i) => id === ours[i]);
  return same ? baseline.use : { ...baseline.use, otherSources: learned };
}

export async function verifyTraces(paths: readonly string[], model: Model, options: VerifyOptions): Promise<VerifyReport> {
  const ctx = await createVerifyContext(model, {
    ...(options.objects && { objects: options.objects }),
    ...(options.baseline && { baseline: options.baseline }),
    ...(options.profile && { profile: options.profile }),
    ...(options.root && { root: options.root }),
  });
  const traces: TraceReport[] = [];
  const base = {
    severities: options.severities,
    ...(options.format && { format: options.format }),
    ...(options.sdk !== undefined && { sdk: options.sdk }),
    ...(options.maxFindings !== undefined && { maxFindings: options.maxFindings }),
    ...(options.maxLineLength !== undefined && { maxLineLength: options.maxLineLength }),
  };
  for (const [i, path] of paths.entries()) {
    options.onTrace?.(path, i);
    if (path !== '-') {
      traces.push(await verifyTraceFile(options.cwd ? resolve(options.cwd, path) : path, ctx, { ...base, name: path }));
      continue;
    }
    traces.push(
      await withTempDir(async (dir) => {
        const spool = join(dir, 'stdin');
        await pipeline(options.stdin ?? process.stdin, createWriteStream(spool));
        return verifyTraceFile(spool, ctx, { ...base, name: '-' });
      }),
    );
  }
  const sum = (pick: (t: TraceReport) => number) => traces.reduce((n, t) => n + pick(t), 0);
  return {
    traces,
    schemaSource: ctx.source,
    ...(ctx.profile && { streamProfile: ctx.profile.name }),
    sources: model.sources.map((s) => s.id),
    ...(options.baseline && { baseline: baselineUse(options.baseline, model) }),
    summary: {
      traces: traces.length,
      events: sum((t) => t.events),
      errors: sum((t) => t.counts.errors),
      warnings: sum((t) => t.counts.warnings),
      infos: sum((t) => t.counts.infos),
      unreadable: traces.filter((t) => t.unreadable).length,
      sdkRejected: traces.filter((t) => t.sdk?.available && !t.sdk.accepted).length,
    },
  };
}
