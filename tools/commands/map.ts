/**
 * `specmap map`: analyze the workspace, join facts to spec items, write mapping.json (manual blocks
 * kept). Returns data: the CLI prints it and picks the exit code.
 */
import { relative } from 'node:path';
import { DEFAULT_CONFIG_FILE, loadConfig } from '../config/load.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { applyPlan, planWrites } from '../io/write-plan.js';
import { resolveInside, resolveInsideReal } from '../io/write-plan.js';
import { computeMapping } from '../mapping/compute.js';
import { readMappingSnapshotRemembered } from '../mapping/read-remembered.js';
import { currentMappingHash } from '../mapping/text.js';
import { EnvironmentError } from '../io/env-error.js';
import { withLock } from '../io/lock.js';
import { mappingText } from '../mapping/render.js';
import { analyzeWhileBuilding } from '../mapping/run-analyzer.js';
import type { Mapping } from '../mapping/schema.js';
import type { ManualSource } from '../mapping/manual.js';
import type { Model } from '../model/schema.js';
import { loadModelState } from '../pipeline/model.js';
import { openMapMemo, type MapAnswer } from '../pipeline/map-memo.js';
import type { RunMemo } from '../pipeline/run-memo.js';
import { projectCacheDir } from '../cache/settings.js';
import { recordTiming } from '../cache/timings.js';
import type { StatAt } from '../io/read-hashes.js';
import { sha256 } from '../sources/read.js';
import { SILENT, type ProgressSink } from '../io/progress-sink.js';
import { pathFromRoot } from '../mapping/join.js';
import { withProblems } from '../problems/from-diagnostic.js';
import type { Problem } from '../problems/problem.js';

/** The config file as the user named it (relative to where they ran the command). */
export function configDisplay(configPath: string, cwd = process.cwd()): string {
  const rel = relative(cwd, configPath).split('\\').join('/');
  return rel && !rel.startsWith('..') ? rel : configPath;
}

/** No lanes: nothing is analyzed and every item is missing, which is never what a user means. */
export function noLanesDiagnostic(configFile: string): Diagnostic {
  return {
    severity: 'warning',
    code: 'no-lanes',
    file: configFile,
    line: 1,
    column: 1,
    message: `Found no \`lanes\` in ${configFile}, expected at least one: no code is mapped, so every item counts as missing`,
    hint: 'add lanes (a name, globs, a language and fact kinds; see the README on `specmap map`), or start a new config with `specmap init`',
  };
}

export interface MapOptions {
  /** Where progress goes (the CLI's terminal line); none: silent. */
  progress?: ProgressSink;
  config?: string;
  cwd?: string;
  /** Has no effect (the library never prints); accepted so that callers may pass the CLI's flags through. */
  json?: boolean;
  /** Write nothing: the caller prints `text`. */
  stdout?: boolean;
  allowOutside?: boolean;
  /**
   * Answer from the memo of the last `map` when its inputs are unchanged (default: true, except with
   * `stdout`); such an answer has no `mapping`.
   */
  memo?: boolean;
  /** The caller already tried the memo of the last `map` (the CLI does, to skip loading this module). */
  memoAsked?: boolean;
}

export interface MapCommandResult {
  /** mapping.json, workspace-relative as configured. */
  path: string;
  /** The mapping computed; absent when the memo of the last `map` answered. */
  mapping?: Mapping;
  /** With `stdout`: the mapping as written to mapping.json, and nothing written. */
  text?: string;
  written: boolean;
  /** One line: items per status, unknown literals, orphans. */
  summary: string;
  /** What the analyzer found questionable in the code and config (source warnings are `extract`'s). */
  diagnostics: Diagnostic[];
  /** The same warnings as problems, the shape every command reports in (see tools/problems). */
  problems: Problem[];
  /** True when the memo of the last `map` answered (nothing analyzed). */
  memo: boolean;
}

/**
 * Everything `map` does except writing; `import` builds on it with extra manual blocks. `statAt`:
 * the stats its memo's start took (`RunMemo.startStats`).
 */
export async function buildMapping(
  opts: MapOptions,
  extraManual?: (previous: Mapping | undefined, model: Model) => ManualSource,
  statAt?: StatAt,
) {
  const progress = opts.progress ?? SILENT;
  const { config, root, path } = await loadConfig(opts.config, opts.cwd, { allowOutside: opts.allowOutside });
  progress.step('reading sources');
  const building = loadModelState(config, root);
  const analysis = analyzeWhileBuilding(building, config, root, undefined, statAt);
  const state = await building;
  progress.step('analyzing the workspace');
  const { facts, warnings } = await analysis;
  const mappingPath = resolveInsideReal(root, config.mapping);
  const snapshot = await readMappingSnapshotRemembered(mappingPath, config.mapping, projectCacheDir(config, root));
  const previous = snapshot.mapping;
  const carried = extraManual ? extraManual(previous, state.model) : previous;
  const t0 = performance.now();
  const mapping = computeMapping(state.model, facts, config, carried);
  recordTiming('mapping', t0);
  progress.done();
  // Source warnings are `extract`'s to report; map reports what it found in the code.
  const diagnostics: Diagnostic[] = [
    ...(config.lanes.length ? [] : [noLanesDiagnostic(configDisplay(path, opts.cwd))]),
    ...warnings.map((w) => ({
      severity: 'warning' as const,
      code: 'analyzer-warning',
      // Lane-glob warnings are about the config file itself, named here as the user named it.
      file: w.file === DEFAULT_CONFIG_FILE ? configDisplay(path, opts.cwd) : pathFromRoot(config.workspace, w.file),
      line: w.line,
      column: w.column,
      message: w.message,
    })),
  ];
  return { config, root, model: state.model, facts, mapping, previous, diagnostics, mappingPath, mappingHash: snapshot.hash };
}

/**
 * Refuses to write when mapping.json changed since it was read: a human saved a note meanwhile,
 * and writing would replace it with the manual blocks read before.
 */
export function assertMappingUnchanged(path: string, hash: string, display: string, command: string): void {
  if (currentMappingHash(path) === hash) return;
  throw new EnvironmentError(`${display} changed while ${command} ran`, [
    {
      severity: 'error',
      code: 'mapping-changed-during-run',
      file: display,
      line: 1,
      column: 1,
      message: `Found ${display} changed since ${command} read it, expected it unchanged (writing would replace the newer manual blocks)`,
      hint: `run \`${command}\` again; it will start from the saved file`,
    },
  ]);
}

/** The project lock for a writing command, taken in the confined cache folder. */
export async function withProjectLock<T>(opts: MapOptions, body: () => Promise<T>): Promise<T> {
  const { config, root } = await loadConfig(opts.config, opts.cwd, { allowOutside: opts.allowOutside });
  return withLock(resolveInside(root, config.cacheDir), body, { display: `${config.cacheDir.replace(/\/+$/, '')}/lock` });
}

export function summaryLine(mapping: Mapping): string {
  const s = mapping.summary as { items: Record<string, number> };
  const orphans = Object.keys(mapping.orphans).length;
  return `${s.items.total} items: ${s.items.implemented} implemented, ${s.items.partial} partial, ${s.items.missing} missing; ${mapping.unknownLiterals.length} unknown literal${mapping.unknownLiterals.length === 1 ? '' : 's'}, ${orphans} orphan${orphans === 1 ? '' : 's'}`;
}

/** Computes the mapping and writes mapping.json (unless `stdout`), under the project lock. */
export async function mapCommand(opts: MapOptions = {}): Promise<MapCommandResult> {
  if (opts.stdout) return mapLocked(opts);
  return withProjectLock(opts, () => mapLocked(opts));
}

async function mapLocked(opts: MapOptions): Promise<MapCommandResult> {
  // A plain `map` whose inputs are as the last one left them has its answer already.
  let memo: RunMemo<MapAnswer> | undefined;
  if (opts.memo !== false && !opts.stdout) {
    const opened = await openMapMemo(opts);
    memo = opened.memo;
    // The CLI asked the memo already (before loading this module): no second fingerprint.
    const answer = opts.memoAsked ? undefined : await memo.hit();
    if (answer) return { path: opened.mapping, written: false, summary: answer.summary, ...withProblems(answer.diagnostics), memo: true };
    await memo.begin();
  }
  const { config, root, mapping, diagnostics, mappingPath, mappingHash } = await buildMapping(opts, undefined, memo?.startStats());
  const text = mappingText(mapping);
  const summary = summaryLine(mapping);
  if (opts.stdout) return { path: config.mapping, mapping, text, written: false, summary, ...withProblems(diagnostics), memo: false };
  assertMappingUnchanged(mappingPath, mappingHash, config.mapping, 'specmap map');
  const written = applyPlan(planWrites(root, [{ path: config.mapping, content: text, producedBy: 'specmap map' }])).length > 0;
  await memo?.save({ summary, diagnostics }, new Map([[config.mapping.split('\\').join('/'), sha256(text)]]));
  return { path: config.mapping, mapping, written, summary, ...withProblems(diagnostics), memo: false };
}
