/**
 * The reference baseline (DESIGN.md "APIs, profiles, baselines"): what the reference server itself
 * does that the model calls a deviation, learned from recordings of it. A profile is a small JSON file
 * — one entry per event type, path and kind of deviation, with how often the recordings showed it —
 * meant to be committed and reviewed like any other expectation. A finding whose every deviation is in
 * the profile is `reference-does-too` (info); one the reference never made stays an error.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { InputError } from '../diagnostics/errors.js';
import { toJsonText } from '../io/json.js';
import { escapeControl } from '../io/control-chars.js';
import { deviationKey } from './findings.js';
import { formatFromName } from './input/open-trace.js';
import type { BaselineUse, Deviation } from './types.js';

const BASELINE_VERSION = 1;

const EntrySchema = z.strictObject({ event: z.string(), path: z.string(), kind: z.string(), count: z.number().int().positive() });

const BaselineProfileSchema = z.strictObject({
  /** Format version of this file. */
  specmapBaseline: z.literal(BASELINE_VERSION),
  /** The model sources the deviations are relative to (a deviation from the docs may not be one from OpenAPI). */
  sources: z.array(z.string()),
  /** The recordings it was learned from (file names). */
  recordings: z.array(z.string()),
  deviations: z.array(EntrySchema),
});
export type BaselineProfile = z.infer<typeof BaselineProfileSchema>;
export type BaselineEntry = z.infer<typeof EntrySchema>;

const compareEntries = (a: Deviation, b: Deviation): number =>
  a.event < b.event
    ? -1
    : a.event > b.event
      ? 1
      : a.path < b.path
        ? -1
        : a.path > b.path
          ? 1
          : a.kind < b.kind
            ? -1
            : a.kind > b.kind
              ? 1
              : 0;

/** A profile from counted deviations, sorted so the same recordings always give the same bytes. */
export function createProfile(
  sources: readonly string[],
  recordings: readonly string[],
  counted: Iterable<{ deviation: Deviation; count: number }>,
): BaselineProfile {
  const deviations = [...counted]
    .map(({ deviation: d, count }) => ({ event: d.event, path: d.path, kind: d.kind, count }))
    .sort(compareEntries);
  return { specmapBaseline: BASELINE_VERSION, sources: [...sources], recordings: [...recordings].sort(), deviations };
}

export function profileText(profile: BaselineProfile): string {
  return toJsonText(profile);
}

export class Baseline {
  private readonly entries = new Map<string, BaselineEntry>();

  constructor(
    readonly profile: BaselineProfile,
    readonly use: BaselineUse,
  ) {
    for (const e of profile.deviations) this.entries.set(deviationKey(e), e);
  }

  /** A note naming what the reference did, when it made every one of these deviations; else undefined. */
  vouch(deviations: readonly Deviation[]): string | undefined {
    let least = Infinity;
    for (const d of deviations) {
      const entry = this.entries.get(deviationKey(d));
      if (!entry) return undefined;
      least = Math.min(least, entry.count);
    }
    return `the reference server does this too (${least}× in the baseline ${this.use.from})`;
  }
}

function parseProfile(text: string, from: string): BaselineProfile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`cannot read the baseline ${escapeControl(from)}: ${escapeControl((error as Error).message)}`);
  }
  const parsed = BaselineProfileSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new InputError(
      `cannot read the baseline ${escapeControl(from)}: \`${escapeControl(first.path.join('.')) || '(file)'}\`: ${first.message}, expected a profile written by \`specmap verify --learn-baseline\``,
    );
  }
  return parsed.data;
}

/** Trace files directly in a recordings folder (sidecar requests excluded), sorted by name. */
export async function listRecordings(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names
    .filter((n) => !n.endsWith('.request.json') && formatFromName(n) !== undefined)
    .sort()
    .map((n) => join(dir, n));
}

export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch (error) {
    throw new InputError(`cannot read the baseline ${escapeControl(path)}: ${escapeControl((error as Error).message)}`);
  }
}

export async function readProfileFile(path: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read the baseline ${escapeControl(path)}: ${escapeControl((error as Error).message)}`);
  }
  const profile = parseProfile(text, path);
  return new Baseline(profile, {
    from: path,
    kind: 'profile',
    recordings: profile.recordings.length,
    deviations: profile.deviations.length,
  });
}

export const recordingName = (path: string): string => basename(path);
