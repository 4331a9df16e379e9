/**
 * `verify` as a function of the programmatic API: traces + model → one report; recordings of the
 * reference server + model → a baseline profile. Stdin is spooled to a temporary file first (a stream,
 * so memory stays flat) because the SDK's second opinion reads the trace a second time; the spool is
 * removed on every way out, Ctrl-C and SIGTERM included.
 */
import { createWriteStream, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { InputError } from '../diagnostics/errors.js';
import type { Model } from '../model/schema.js';
import { Baseline, createProfile, isDirectory, listRecordings, readProfileFile, recordingName, type BaselineProfile } from './baseline.js';
import { loadEventSchemas, type ObjectMode } from './event-schemas.js';
import { escapeControl } from './format/escape.js';
import type { Deviation } from './types.js';
import { buildGrammar } from './grammar.js';
import type { SeverityMap } from './severity.js';
import { resolveSeverities } from './severity.js';
import { SourceConflicts } from './source-conflicts.js';
import type { TraceFormat, TraceReport, VerifyReport } from './types.js';
import { checkTraceFile, verifyTraceFile } from './verify-trace.js';
import type { VerifyContext } from './verify-stream.js';

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
  /** Called before each trace (progress on a TTY). */
  onTrace?: (path: string, index: number) => void;
}

/** Schemas, grammar and source conflicts of a model: built once per run, shared by every trace. */
export async function createVerifyContext(model: Model, options: { objects?: ObjectMode; baseline?: Baseline } = {}): Promise<VerifyContext & { source: string }> {
  const { schemas, names, source } = await loadEventSchemas(model, options.objects ?? 'passthrough');
  const kinds = new Set(model.sources.map((s) => s.kind).filter((k) => k !== 'catalog'));
  return {
    grammar: buildGrammar(model),
    schemas,
    names,
    source,
    // Only a model merged from docs and OpenAPI can hold their disagreements.
    ...(kinds.size > 1 && { conflicts: new SourceConflicts(model) }),
    ...(options.baseline && { baseline: options.baseline }),
  };
}

/** Runs `body` with a fresh temporary folder that is removed however the process leaves, signals included. */
async function withTempDir<T>(body: (dir: string) => Promise<T>): Promise<T> {
  let dir: string | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    // Re-raised with our handler gone, the signal ends the process as it would have without us. A
    // process started with the signal ignored (as some runners start children) would survive it: then
    // exit as a shell reports a signal, 128 + its number.
    process.kill(process.pid, signal);
    setImmediate(() => process.exit(128 + (signal === 'SIGINT' ? 2 : 15)));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    dir = await mkdtemp(join(tmpdir(), 'specmap-verify-'));
    return await body(dir);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

/** The baseline as the report names it, flagging a profile learned against other sources. */
function baselineUse(baseline: Baseline, model: Model): VerifyReport['baseline'] {
  const learned = baseline.profile.sources;
  const ours = model.sources.map((s) => s.id);
  const same = learned.length === ours.length && learned.every((id, i) => id === ours[i]);
  return same ? baseline.use : { ...baseline.use, otherSources: learned };
}

export async function verifyTraces(paths: readonly string[], model: Model, options: VerifyOptions): Promise<VerifyReport> {
  const ctx = await createVerifyContext(model, { ...(options.objects && { objects: options.objects }), ...(options.baseline && { baseline: options.baseline }) });
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
      traces.push(await verifyTraceFile(path, ctx, base));
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

export interface LearnOptions {
  objects?: ObjectMode;
  format?: TraceFormat;
  maxLineLength?: number;
}

/**
 * Learns a baseline profile from recordings of the reference server: every finding the checks make on
 * them (at any configured severity) becomes a deviation the reference is known to make.
 */
export async function learnBaseline(paths: readonly string[], model: Model, options: LearnOptions = {}): Promise<BaselineProfile> {
  const ctx = await createVerifyContext(model, options.objects ? { objects: options.objects } : {});
  const counted = new Map<string, { deviation: Deviation; count: number }>();
  for (const path of paths) {
    const { result } = await checkTraceFile(path, ctx, {
      severities: resolveSeverities({}),
      learn: true,
      maxFindings: 0,
      ...(options.format && { format: options.format }),
      ...(options.maxLineLength !== undefined && { maxLineLength: options.maxLineLength }),
    });
    if (result.unreadable) throw new InputError(`cannot learn from ${escapeControl(path)}: part of it is not a readable trace`);
    for (const [key, seen] of result.deviations ?? []) {
      const total = counted.get(key);
      if (total) total.count += seen.count;
      else counted.set(key, { deviation: seen.deviation, count: seen.count });
    }
  }
  return createProfile(
    model.sources.map((s) => s.id),
    paths.map(recordingName),
    counted.values(),
  );
}

/** A baseline from a profile file, or learned on the spot from a folder of recordings. */
export async function loadBaseline(path: string, model: Model, options: LearnOptions = {}): Promise<Baseline> {
  if (!(await isDirectory(path))) return readProfileFile(path);
  const recordings = await listRecordings(path);
  if (recordings.length === 0) throw new InputError(`cannot learn a baseline from ${escapeControl(path)}: it holds no trace (.jsonl, .ndjson, .sse, .txt)`);
  const profile = await learnBaseline(recordings, model, options);
  return new Baseline(profile, { from: path, kind: 'recordings', recordings: profile.recordings.length, deviations: profile.deviations.length });
}
