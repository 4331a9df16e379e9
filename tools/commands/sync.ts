/**
 * `specmap sync`: the main job. extract → map → generate → report, writing only files whose bytes
 * change (one write path), and printing what changed. `map` runs before `generate` because the
 * tracker tables are filled from the mapping it computes.
 */
import { resolve } from 'node:path';
import { createProgress, progressEnabled } from '../cli/progress.js';
import { loadConfig } from '../config/load.js';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { EXIT } from '../diagnostics/errors.js';
import { toJsonText } from '../io/json.js';
import { applyPlan, planWrites, resolveInside, type OutputFile } from '../io/write-plan.js';
import { loadModelState } from '../pipeline/model.js';
import { generateStage } from '../pipeline/generate-stage.js';
import { reportStage } from '../pipeline/report-stage.js';
import { modelText } from './extract.js';

export interface SyncOptions {
  config?: string;
  cwd?: string;
  json?: boolean;
  watch?: boolean;
  strict?: boolean;
}

export interface SyncResult {
  written: string[];
  unchanged: number;
}

export async function syncOnce(opts: SyncOptions): Promise<SyncResult> {
  const progress = createProgress(progressEnabled(Boolean(opts.json)));
  const { config, root } = await loadConfig(opts.config, opts.cwd);
  progress.step('extract: reading sources');
  const state = await loadModelState(config, root, { strict: opts.strict });
  if (!opts.json) for (const d of state.diagnostics.sorted()) process.stderr.write(formatDiagnostic(d) + '\n');
  const files: OutputFile[] = [{ path: config.model, content: modelText(state.model), producedBy: 'specmap extract' }];

  progress.step('map: analyzing the workspace');
  const [{ analyzeForMapping }, { computeMapping }, { readMappingFile }, { mappingText }] = await Promise.all([
    import('../mapping/run-analyzer.js'),
    import('../mapping/compute.js'),
    import('../mapping/read.js'),
    import('../mapping/render.js'),
  ]);
  let mapping;
  if (config.lanes.length) {
    const previous = readMappingFile(resolveInside(root, config.mapping), config.mapping);
    const { facts, warnings } = await analyzeForMapping(state.model, config, root);
    if (!opts.json) for (const w of warnings) process.stderr.write(`${w.file}:${w.line}:${w.column}: warning ${w.message}\n`);
    mapping = computeMapping(state.model, facts, config, previous);
    files.push({ path: config.mapping, content: mappingText(mapping), producedBy: 'specmap map' });
  }

  progress.step('generate');
  files.push(...(await generateStage(state.model, config, root, mapping)));
  progress.step('report');
  files.push(...(await reportStage(state.model, mapping, config, state.sources)));
  progress.done();

  const plan = planWrites(root, files);
  const written = applyPlan(plan);
  return { written, unchanged: plan.unchanged.length };
}

function print(result: SyncResult, json: boolean): void {
  if (json) {
    process.stdout.write(toJsonText(result));
    return;
  }
  for (const path of result.written) process.stdout.write(`wrote ${path}\n`);
  process.stdout.write(`sync: ${result.written.length} file${result.written.length === 1 ? '' : 's'} written, ${result.unchanged} unchanged\n`);
}

export async function runSync(opts: SyncOptions): Promise<number> {
  const result = await syncOnce(opts);
  print(result, Boolean(opts.json));
  if (!opts.watch) return EXIT.clean;
  const { config, root, path } = await loadConfig(opts.config, opts.cwd);
  const { watchInputs } = await import('../pipeline/watch.js');
  const { reportError } = await import('../cli/report-error.js');
  await watchInputs({
    config,
    root,
    configPath: resolve(path),
    run: async () => print(await syncOnce(opts), Boolean(opts.json)),
    onError: (error) => reportError(error, Boolean(opts.json)),
  });
  process.stderr.write('watching for changes (Ctrl-C to stop)\n');
  await new Promise<never>(() => {});
  return EXIT.clean;
}
