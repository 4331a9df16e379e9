/**
 * `specmap generate`: model → generated files (Zod, TS types, JSON Schema, tracker, stubs, Pydantic).
 * Returns data: the CLI prints it and picks the exit code.
 */
import { resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import { GENERATE_TARGETS, type Config } from '../config/schema.js';
import { type Diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { GeneratorError, InputError, UsageError } from '../diagnostics/errors.js';
import { applyPlan, planWrites, resolveInside } from '../io/write-plan.js';
import type { Model } from '../model/schema.js';
import { loadModelState } from '../pipeline/model.js';
import { generateWithDiagnostics } from '../generate/generate.js';
import { readGenerateInputs } from '../generate/inputs.js';
import { SILENT, type ProgressSink } from '../io/progress-sink.js';
import { readFileSync } from 'node:fs';
import { withProblems } from '../problems/from-diagnostic.js';
import type { Problem } from '../problems/problem.js';

export interface GenerateOptions {
  /** Where progress goes (the CLI's terminal line); none: silent. */
  progress?: ProgressSink;
  config?: string;
  cwd?: string;
  /** Generate from this model file instead of the configured sources. */
  model?: string;
  /** Only these targets (comma-separated on the CLI). */
  targets?: string[];
  outDir?: string;
  /** Plan only: report what would change, write nothing. */
  dryRun?: boolean;
}

export interface GeneratedFileStatus {
  /** Workspace-relative, `/`-separated. */
  path: string;
  /** `would-write`: a dry run found its bytes changed and wrote nothing. */
  status: 'written' | 'would-write' | 'unchanged';
}

export interface GenerateResult {
  /** The output folder the files went to (the config's, or `outDir`). */
  outDir: string;
  dryRun: boolean;
  /** Every generated file, in the order the generators return them. */
  files: GeneratedFileStatus[];
  /** Warnings (errors throw a `GeneratorError` instead). */
  diagnostics: Diagnostic[];
  /** The same warnings as problems, the shape every command reports in (see tools/problems). */
  problems: Problem[];
}

function readModelOrThrow(path: string, shown: string): Model {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Model;
  } catch (error) {
    throw new InputError(`cannot read the model ${shown}`, [
      {
        severity: 'error',
        code: 'model-unreadable',
        file: shown,
        line: 1,
        column: 1,
        message: `Unexpected content: ${(error as Error).message}, expected a model.json`,
        hint: 'rebuild it with `specmap extract`',
      },
    ]);
  }
}

function withFlags(config: Config, opts: GenerateOptions): Config {
  const targets = opts.targets
    ?.flatMap((t) => t.split(','))
    .map((t) => t.trim())
    .filter(Boolean);
  const unknown = targets?.filter((t) => !(GENERATE_TARGETS as readonly string[]).includes(t)) ?? [];
  if (unknown.length) throw new UsageError(`unknown target ${unknown.join(', ')}; expected one of ${GENERATE_TARGETS.join(', ')}`);
  return {
    ...config,
    generate: {
      ...config.generate,
      ...(targets?.length ? { targets: targets as Config['generate']['targets'] } : {}),
      ...(opts.outDir ? { outDir: opts.outDir } : {}),
    },
    // Diagnostics about the model then name the file it came from.
    ...(opts.model ? { model: opts.model } : {}),
  };
}

/** Generates every configured target and writes the files whose bytes change (none with `dryRun`). */
export async function generateCommand(opts: GenerateOptions = {}): Promise<GenerateResult> {
  const progress = opts.progress ?? SILENT;
  const loaded = await loadConfig(opts.config, opts.cwd);
  const root = loaded.root;
  const config = withFlags(loaded.config, opts);
  progress.step('reading the model…');
  const model = opts.model
    ? readModelOrThrow(resolve(opts.cwd ?? process.cwd(), opts.model), opts.model)
    : (await loadModelState(config, root)).model;
  const inputs = readGenerateInputs(root, config);
  progress.step('generating…');
  const { files, diagnostics } = generateWithDiagnostics(model, config, inputs);
  progress.done();
  if (hasErrors(diagnostics)) throw new GeneratorError('generate failed', diagnostics);
  // Every path is checked before anything is written: one bad path, nothing written.
  for (const f of files) resolveInside(root, f.path);
  const plan = planWrites(root, files);
  const dryRun = Boolean(opts.dryRun);
  const written = new Set(dryRun ? [] : applyPlan(plan));
  const changed = new Set(plan.changed.map((c) => c.file.path));
  return {
    outDir: config.generate.outDir,
    dryRun,
    files: files.map((f) => ({
      path: f.path,
      status: written.has(f.path) ? 'written' : changed.has(f.path) ? 'would-write' : 'unchanged',
    })),
    ...withProblems(diagnostics),
  };
}
