/**
 * `specmap sync`: the main job. extract → map → generate → report, writing only files whose bytes
 * change (one write path), and returning what changed (the CLI prints it). `map` runs before
 * `generate` because the tracker tables are filled from the mapping it computes.
 *
 * mapping.json holds human words, and a human may save it while sync runs: the run holds the
 * project lock (one writing specmap at a time), remembers the hash of the mapping it read, and
 * writes only if the file still has those bytes. If it changed, the run reads it again and
 * recomputes from the new manual blocks (analysis is not repeated); if it keeps changing, the run
 * throws an EnvironmentError (the CLI exits 2) and writes nothing.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SILENT, type ProgressSink } from '../io/progress-sink.js';
import { DEFAULT_CONFIG_FILE, loadConfig } from '../config/load.js';
import { configDisplay, noLanesDiagnostic } from './map.js';
import { analyzeWhileBuilding } from '../mapping/run-analyzer.js';
import { nameConfigFile } from '../config/name-config-file.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { InputError } from '../diagnostics/errors.js';
import { removeStaleTemps } from '../io/atomic.js';
import { EnvironmentError } from '../io/env-error.js';
import { withLock } from '../io/lock.js';
import { applyPlan, outputSha256, planWrites, resolveInside, resolveInsideReal, type OutputFile } from '../io/write-plan.js';
import type { ManualSource } from '../mapping/manual.js';
import type { Mapping } from '../mapping/schema.js';
import type { Model } from '../model/schema.js';
import { loadModelState } from '../pipeline/model.js';
import { generateStage } from '../pipeline/generate-stage.js';
import { reportStage } from '../pipeline/report-stage.js';
import { isObject, openRunMemo } from '../pipeline/run-memo.js';
import { recordTiming } from '../cache/timings.js';
import type { StatAt } from '../io/read-hashes.js';
import { fromDiagnostic } from '../problems/from-diagnostic.js';
import type { Problem } from '../problems/problem.js';

export interface SyncOptions {
  /** Where progress goes (the CLI's terminal line); none: silent. */
  progress?: ProgressSink;
  config?: string;
  cwd?: string;
  /** Has no effect (the library never prints); accepted so that callers may pass the CLI's flags through. */
  json?: boolean;
  /** Warnings of the sources fail the run too. */
  strict?: boolean;
  allowOutside?: boolean;
}

/** A warning of the analyzer, with the config file named as the user named it. */
export interface AnalyzerNote {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface SyncResult {
  /** Files whose bytes changed, workspace-relative. */
  written: string[];
  unchanged: number;
  /** Temporary files of killed runs that were removed. */
  removed?: string[];
  /** Warnings of the sources, then the config's (no lanes); errors throw instead. */
  diagnostics: Diagnostic[];
  /** Warnings of the analyzer about the code and the lane globs. */
  analyzerWarnings: AnalyzerNote[];
  /** Both kinds of warnings as problems, the shape every command reports in (see tools/problems). */
  problems: Problem[];
  /** True when the memo of the last sync answered: its inputs and outputs were as it left them. */
  memo: boolean;
}

function syncProblems(diagnostics: readonly Diagnostic[], notes: readonly AnalyzerNote[]): Problem[] {
  return [...diagnostics.map(fromDiagnostic), ...notes.map((w) => fromDiagnostic({ severity: 'warning', code: 'analyzer-warning', ...w }))];
}

/** How many times a mapping changed under us is re-read before giving up. */
const MAX_REREADS = 3;

/**
 * The tracker's human cells edited in `generated/` copied into the manual blocks (mapping.json is
 * committed, the tracker is not). A cell edited on both sides stops the run.
 */
async function withTrackerEdits(
  model: Model,
  previous: ManualSource | undefined,
  text: string | undefined,
  display: string,
): Promise<ManualSource | undefined> {
  if (text === undefined) return previous;
  const { mergeTrackerEdits } = await import('../generate/tracker/merge-edits.js');
  const merged = mergeTrackerEdits(model, previous, text, display);
  const n = merged.conflicts.length;
  if (n) throw new InputError(`the tracker and mapping.json disagree on ${n} human cell${n === 1 ? '' : 's'}`, merged.conflicts);
  return merged.source;
}

function readIfExists(path: string | undefined): string | undefined {
  if (!path) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** What a sync reported besides its result, and where it writes: its memo replays the one and cleans the other. */
interface SyncAnswer {
  diagnostics: Diagnostic[];
  analyzerWarnings: AnalyzerNote[];
  unchanged: number;
  dirs: string[];
}

/** What a run wrote: path → sha256 of the bytes (the memo is stored only if nothing else changed). */
type Written = Map<string, string>;

const isSyncAnswer = (v: unknown): v is SyncAnswer =>
  isObject(v) &&
  Array.isArray(v.diagnostics) &&
  Array.isArray(v.analyzerWarnings) &&
  typeof v.unchanged === 'number' &&
  Array.isArray(v.dirs) &&
  v.dirs.every((d) => typeof d === 'string');

/** One sync run under the project lock; throws on errors in the sources or a mapping that keeps changing. */
export async function syncCommand(opts: SyncOptions = {}): Promise<SyncResult> {
  const { config, root, path, text } = await loadConfig(opts.config, opts.cwd, { allowOutside: opts.allowOutside });
  const cacheDir = resolveInside(root, config.cacheDir);
  return withLock(
    cacheDir,
    async () => {
      // A sync whose inputs are exactly as the last one left them (its own outputs included) would
      // write nothing: its memo answers, and only the temporary files of killed runs are cleaned.
      const invocation = JSON.stringify([path, opts.cwd ?? process.cwd(), Boolean(opts.strict)]);
      const memo = await openRunMemo('sync', config, root, text, isSyncAnswer, invocation);
      // Also the fingerprint at the start of the run, when the memo does not answer.
      const hit = await memo.hit();
      if (hit) {
        const removed = hit.dirs.flatMap((dir) => removeStaleTemps(dir));
        return {
          written: [],
          unchanged: hit.unchanged,
          ...(removed.length ? { removed } : {}),
          diagnostics: hit.diagnostics,
          analyzerWarnings: hit.analyzerWarnings,
          problems: syncProblems(hit.diagnostics, hit.analyzerWarnings),
          memo: true,
        };
      }
      const run: SyncAnswer = { diagnostics: [], analyzerWarnings: [], unchanged: 0, dirs: [] };
      const written: Written = new Map();
      const result = await syncLocked(opts, config, root, path, run, written, memo.startStats());
      await memo.save({ ...run, unchanged: result.written.length + result.unchanged }, written);
      return result;
    },
    { display: `${config.cacheDir.replace(/\/+$/, '')}/lock` },
  );
}

async function syncLocked(
  opts: SyncOptions,
  config: Awaited<ReturnType<typeof loadConfig>>['config'],
  root: string,
  configPath: string,
  run: SyncAnswer,
  writtenBytes: Written,
  statAt: StatAt | undefined,
): Promise<SyncResult> {
  const progress = opts.progress ?? SILENT;
  progress.step('extract: reading sources');
  const building = loadModelState(config, root, { strict: opts.strict });
  const analysis = analyzeWhileBuilding(building, config, root, undefined, statAt);
  const state = await building;
  const display = configDisplay(configPath, opts.cwd);
  run.diagnostics.push(...state.diagnostics.sorted().map((d) => nameConfigFile(d, display)));
  const modelFile: OutputFile = { path: config.model, content: state.fileText(), producedBy: 'specmap extract' };

  progress.step('map: analyzing the workspace');
  const [{ computeMapping }, { readMappingSnapshot, currentMappingHash, hashMappingText }, { mappingText }, { trackerFilePath }] =
    await Promise.all([
      import('../mapping/compute.js'),
      import('../mapping/read.js'),
      import('../mapping/render.js'),
      import('../generate/tracker/merge-edits.js'),
    ]);
  const mappingPath = resolveInsideReal(root, config.mapping);
  const trackerRel = trackerFilePath(config);
  const trackerPath = trackerRel ? resolveInsideReal(root, trackerRel) : undefined;
  // Both files hold human words that this run reads and then rewrites: what was read is
  // remembered by hash, and the write goes ahead only over those same bytes.
  const readHumanFiles = () => {
    const tracker = readIfExists(trackerPath);
    return { mapping: readMappingSnapshot(mappingPath, config.mapping), tracker, trackerHash: hashMappingText(tracker) };
  };
  const unchangedSince = (read: ReturnType<typeof readHumanFiles>) =>
    currentMappingHash(mappingPath) === read.mapping.hash &&
    (!trackerPath || hashMappingText(readIfExists(trackerPath)) === read.trackerHash);
  let human = readHumanFiles();
  // Without lanes the mapping is still written (every item missing): `check` compares against it,
  // and a report without one would claim `map` never ran.
  const analyzed = await analysis;
  if (!config.lanes.length) run.diagnostics.push(noLanesDiagnostic(display));
  for (const w of analyzed.warnings) {
    // The analyzer names the config by its default name; the user's file may be called otherwise.
    const file = w.file === DEFAULT_CONFIG_FILE ? display : w.file;
    run.analyzerWarnings.push({ file, line: w.line, column: w.column, message: w.message.split(DEFAULT_CONFIG_FILE).join(display) });
  }

  const build = async (read: ReturnType<typeof readHumanFiles>): Promise<OutputFile[]> => {
    const files: OutputFile[] = [modelFile];
    const carried = await withTrackerEdits(state.model, read.mapping.mapping, read.tracker, trackerRel ?? '');
    const t0 = performance.now();
    const mapping: Mapping = computeMapping(state.model, analyzed.facts, config, carried);
    recordTiming('mapping', t0);
    files.push({ path: config.mapping, content: mappingText(mapping), producedBy: 'specmap map' });
    progress.step('generate');
    files.push(...(await generateStage(state.model, config, root, mapping, state.built)));
    progress.step('report');
    files.push(...(await reportStage(state.model, mapping, config)));
    return files;
  };

  let files = await build(human);
  for (let reread = 0; !unchangedSince(human); reread++) {
    if (reread === MAX_REREADS) {
      throw new EnvironmentError(`${config.mapping} kept changing while sync ran`, [
        {
          severity: 'error',
          code: 'mapping-changed-during-run',
          file: config.mapping,
          line: 1,
          column: 1,
          message: `Found ${config.mapping} or the tracker changed ${MAX_REREADS + 1} times while sync ran, expected them to hold still long enough to write`,
          hint: 'save your edits, then run `specmap sync` again',
        },
      ]);
    }
    // Someone saved mapping.json or the tracker since we read them: theirs are the newest human words.
    human = readHumanFiles();
    files = await build(human);
  }
  progress.done();

  const t0 = performance.now();
  const plan = planWrites(root, files);
  // Temporary files a killed run left beside our outputs are ours to remove (nothing else is).
  run.dirs = [...new Set(files.map((f) => dirname(resolveInside(root, f.path))))].sort();
  for (const f of files) writtenBytes.set(f.path.split('\\').join('/'), outputSha256(f));
  const removed = run.dirs.flatMap((dir) => removeStaleTemps(dir));
  const written = applyPlan(plan);
  recordTiming('sync: write outputs', t0, `${written.length} written, ${plan.unchanged.length} unchanged`);
  return {
    written,
    unchanged: plan.unchanged.length,
    ...(removed.length ? { removed } : {}),
    diagnostics: run.diagnostics,
    analyzerWarnings: run.analyzerWarnings,
    problems: syncProblems(run.diagnostics, run.analyzerWarnings),
    memo: false,
  };
}

export interface WatchSyncHandlers {
  /** Each rerun's result. */
  onResult: (result: SyncResult) => void;
  /** A failed rerun; the watch goes on. */
  onError: (error: unknown) => void;
}

/**
 * `sync --watch`: reruns sync on changes to sources, templates, config or mapped code until the
 * returned `close` is called. The first run is the caller's (`syncCommand`), so its errors stop.
 */
export async function watchSync(opts: SyncOptions, handlers: WatchSyncHandlers): Promise<{ close: () => Promise<void> }> {
  const { config, root, path } = await loadConfig(opts.config, opts.cwd, { allowOutside: opts.allowOutside });
  const { watchInputs } = await import('../pipeline/watch.js');
  return watchInputs({
    config,
    root,
    configPath: resolve(path),
    run: async () => handlers.onResult(await syncCommand(opts)),
    onError: handlers.onError,
  });
}
