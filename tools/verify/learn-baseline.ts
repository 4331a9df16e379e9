/**
 * Learning a baseline: recordings of the reference server run through every check, and every finding
 * they get becomes a deviation the reference is known to make (see baseline.ts for the profile).
 */
import { InputError } from '../diagnostics/errors.js';
import type { Model } from '../model/schema.js';
import { Baseline, createProfile, isDirectory, listRecordings, readProfileFile, recordingName, type BaselineProfile } from './baseline.js';
import { createVerifyContext } from './context.js';
import type { ObjectMode } from './event-schemas.js';
import { escapeControl } from '../io/control-chars.js';
import { resolveSeverities } from './severity.js';
import type { Deviation, TraceFormat } from './types.js';
import { checkTraceFile } from './verify-trace.js';

export interface LearnOptions {
  objects?: ObjectMode;
  format?: TraceFormat;
  maxLineLength?: number;
  /** The stream profile setting, as for verify. */
  profile?: string;
  root?: string;
}

/**
 * Learns a baseline profile from recordings of the reference server: every finding the checks make on
 * them (at any configured severity) becomes a deviation the reference is known to make.
 */
export async function learnBaseline(paths: readonly string[], model: Model, options: LearnOptions = {}): Promise<BaselineProfile> {
  const ctx = await createVerifyContext(model, {
    ...(options.objects && { objects: options.objects }),
    ...(options.profile && { profile: options.profile }),
    ...(options.root && { root: options.root }),
  });
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
  if (recordings.length === 0)
    throw new InputError(`cannot learn a baseline from ${escapeControl(path)}: it holds no trace (.jsonl, .ndjson, .sse, .txt)`);
  const profile = await learnBaseline(recordings, model, options);
  return new Baseline(profile, {
    from: path,
    kind: 'recordings',
    recordings: profile.recordings.length,
    deviations: profile.deviations.length,
  });
}
