/** `specmap map`: analyze the workspace, join facts to spec items, write mapping.json (manual blocks kept). */
import { relative } from 'node:path';
import { DEFAULT_CONFIG_FILE, loadConfig } from '../config/load.js';
import { formatDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { EXIT } from '../diagnostics/errors.js';
import { applyPlan, planWrites } from '../io/write-plan.js';
import { toJsonText } from '../io/json.js';
import { resolveInside, resolveInsideReal } from '../io/write-plan.js';
import { computeMapping } from '../mapping/compute.js';
import { currentMappingHash, readMappingSnapshot } from '../mapping/read.js';
import { EnvironmentError } from '../io/env-error.js';
import { withLock } from '../io/lock.js';
import { mappingText } from '../mapping/render.js';
import { analyzeForMapping } from '../mapping/run-analyzer.js';
import type { Mapping } from '../mapping/schema.js';
import type { ManualSource } from '../mapping/manual.js';
import type { Model } from '../model/schema.js';
import { loadModelState } from '../pipeline/model.js';
import { openMapMemo, printMapAnswer, type MapAnswer } from '../pipeline/map-memo.js';
import type { RunMemo } from '../pipeline/run-memo.js';
import { sha256 } from '../sources/read.js';
import { SILENT, type ProgressSink } from '../io/progress-sink.js';
import { pathFromRoot } from '../mapping/join.js';

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
  json?: boolean;
  stdout?: boolean;
  allowOutside?: boolean;
  /** The caller already tried the memo of the last `map` (the CLI does, to skip loading this module). */
  memoAsked?: boolean;
}

export interface MapResult {
  mapping: Mapping;
  text: string;
  warnings: Diagnostic[];
  path: string;
  written: boolean;
}

/** Everything `map` does except writing; `import` builds on it with extra manual blocks. */
export async function buildMapping(opts: MapOptions, extraManual?: (previous: Mapping | undefined, model: Model) => ManualSource) {
  const progress = opts.progress ?? SILENT;
  const { config, root, path } = await loadConfig(opts.config, opts.cwd, { allowOutside: opts.allowOutside });
  progress.step('reading sources');
  const state = await loadModelState(config, root);
  progress.step('analyzing the workspace');
  const { facts, warnings } = await analyzeForMapping(state.model, config, root);
  const mappingPath = resolveInsideReal(root, config.mapping);
  const snapshot = readMappingSnapshot(mappingPath, config.mapping);
  const previous = snapshot.mapping;
  const carried = extraManual ? extraManual(previous, state.model) : previous;
  const mapping = computeMapping(state.model, facts, config, carried);
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

export async function runMap(opts: MapOptions): Promise<number> {
  if (opts.stdout) return runMapLocked(opts);
  return withProjectLock(opts, () => runMapLocked(opts));
}

async function runMapLocked(opts: MapOptions): Promise<number> {
  // A plain `map` whose inputs are as the last one left them has its answer already.
  let memo: RunMemo<MapAnswer> | undefined;
  if (!opts.json && !opts.stdout) {
    const opened = await openMapMemo(opts);
    memo = opened.memo;
    // The CLI asked the memo already (before loading this module): no second fingerprint.
    const code = opts.memoAsked ? undefined : printMapAnswer(await memo.hit(), opened.mapping);
    if (code !== undefined) return code;
    await memo.begin();
  }
  const { config, root, mapping, diagnostics, mappingPath, mappingHash } = await buildMapping(opts);
  const text = mappingText(mapping);
  if (!opts.json) for (const d of diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
  if (opts.stdout) {
    process.stdout.write(text);
    return EXIT.clean;
  }
  assertMappingUnchanged(mappingPath, mappingHash, config.mapping, 'specmap map');
  const written = applyPlan(planWrites(root, [{ path: config.mapping, content: text, producedBy: 'specmap map' }])).length > 0;
  if (opts.json) {
    process.stdout.write(
      toJsonText({ mapping: config.mapping, written, summary: mapping.summary, unknownLiterals: mapping.unknownLiterals, diagnostics }),
    );
  } else {
    process.stdout.write(`${written ? 'wrote' : 'unchanged'} ${config.mapping}: ${summaryLine(mapping)}\n`);
  }
  await memo?.save({ summary: summaryLine(mapping), diagnostics }, new Map([[config.mapping.split('\\').join('/'), sha256(text)]]));
  return EXIT.clean;
}
