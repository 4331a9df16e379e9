/**
 * `specmap extract`: sources → canonical model (spec/model.json). Returns data: the CLI prints it
 * and picks the exit code.
 */
import { existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_CONFIG_FILE, loadConfig } from '../config/load.js';
import { type Diagnostic, DiagnosticBag, hasErrors } from '../diagnostics/diagnostic.js';
import { InputError } from '../diagnostics/errors.js';
import { applyPlan, planWrites } from '../io/write-plan.js';
import type { Model } from '../model/schema.js';
import { modelForSources } from '../pipeline/model.js';
import { readSources } from '../sources/read.js';
import { withProblems } from '../problems/from-diagnostic.js';
import type { Problem } from '../problems/problem.js';

export interface ExtractOptions {
  config?: string;
  cwd?: string;
  /** Write the model here (workspace-relative) instead of the configured path. */
  out?: string;
  /** Write nothing: the caller prints `text`. */
  stdout?: boolean;
  /** Warnings fail the run too. */
  strict?: boolean;
}

export interface ModelCounts {
  events: number;
  endpoints: number;
  params: number;
  enums: number;
  objects: number;
}

export interface ExtractResult {
  model: Model;
  /** The model as canonical JSON: the bytes written (or, with `stdout`, to print). */
  text: string;
  /** Where the model was written, workspace-relative; absent with `stdout`. */
  path?: string;
  /** False when the file already had these bytes, and with `stdout`. */
  written: boolean;
  counts: ModelCounts;
  /** How many source files the model was built from. */
  sources: number;
  /** Warnings (errors throw an `InputError` instead). */
  diagnostics: Diagnostic[];
  /** The same warnings as problems, the shape every command reports in (see tools/problems). */
  problems: Problem[];
}

export { modelText } from '../pipeline/model-text.js';

/**
 * A failed extract writes nothing, so it must leave no trace: loading the config memoises it
 * (`.specmap/cache/config.json`) before the sources are read. What this run created is removed
 * again when the run fails; what was there before stays.
 */
async function leavingNoTrace<T>(opts: ExtractOptions, body: () => Promise<T>): Promise<T> {
  const folder = join(dirname(resolve(opts.cwd ?? process.cwd(), opts.config ?? DEFAULT_CONFIG_FILE)), '.specmap');
  const memo = join(folder, 'cache', 'config.json');
  const hadFolder = existsSync(folder);
  const hadMemo = existsSync(memo);
  try {
    return await body();
  } catch (error) {
    if (!hadFolder) rmSync(folder, { recursive: true, force: true });
    else if (!hadMemo) rmSync(memo, { force: true });
    throw error;
  }
}

/** Reads the configured sources and writes the model (unless `stdout`); throws when a source has errors. */
export function extractCommand(opts: ExtractOptions = {}): Promise<ExtractResult> {
  return leavingNoTrace(opts, () => extractOnce(opts));
}

async function extractOnce(opts: ExtractOptions): Promise<ExtractResult> {
  const { config, root } = await loadConfig(opts.config, opts.cwd);
  const bag = new DiagnosticBag();
  const sources = await readSources(config, root, bag);
  // The same cache `map` and `sync` use; every problem of every source is collected before failing.
  const { model, fileText } = await modelForSources(sources, config, root, bag);
  const diagnostics = bag.sorted();
  if (hasErrors(diagnostics, opts.strict)) {
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    const strictNote = opts.strict && warnings ? `; --strict counts ${warnings} warning${warnings === 1 ? '' : 's'}` : '';
    throw new InputError(`extract failed${strictNote}`, diagnostics);
  }
  const text = fileText();
  const counts: ModelCounts = {
    events: model.events.length,
    endpoints: model.endpoints.length,
    params: model.params.length,
    enums: model.enums.length,
    objects: model.objects.length,
  };
  const result = { model, text, counts, sources: model.sources.length, ...withProblems(diagnostics) };
  if (opts.stdout) return { ...result, written: false };
  const path = opts.out ?? config.model;
  const written = applyPlan(planWrites(root, [{ path, content: text, producedBy: 'specmap extract' }]));
  return { ...result, path, written: written.length > 0 };
}
