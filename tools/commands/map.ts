/** `specmap map`: analyze the workspace, join facts to spec items, write mapping.json (manual blocks kept). */
import { loadConfig } from '../config/load.js';
import { formatDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { EXIT } from '../diagnostics/errors.js';
import { applyPlan, planWrites } from '../io/write-plan.js';
import { toJsonText } from '../io/json.js';
import { resolveInside } from '../io/write-plan.js';
import { computeMapping } from '../mapping/compute.js';
import { readMappingFile } from '../mapping/read.js';
import { mappingText } from '../mapping/render.js';
import { analyzeForMapping } from '../mapping/run-analyzer.js';
import type { Mapping } from '../mapping/schema.js';
import type { ManualSource } from '../mapping/manual.js';
import type { Model } from '../model/schema.js';
import { loadModelState } from '../pipeline/model.js';
import { createProgress, progressEnabled } from '../cli/progress.js';
import { pathFromRoot } from '../mapping/join.js';

export interface MapOptions {
  config?: string;
  cwd?: string;
  json?: boolean;
  stdout?: boolean;
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
  const progress = createProgress(progressEnabled(Boolean(opts.json || opts.stdout)));
  const { config, root } = await loadConfig(opts.config, opts.cwd);
  progress.step('reading sources');
  const state = await loadModelState(config, root);
  progress.step('analyzing the workspace');
  const { facts, warnings } = await analyzeForMapping(state.model, config, root);
  const previous = readMappingFile(resolveInside(root, config.mapping), config.mapping);
  const carried = extraManual ? extraManual(previous, state.model) : previous;
  const mapping = computeMapping(state.model, facts, config, carried);
  progress.done();
  // Source warnings are `extract`'s to report; map reports what it found in the code.
  const diagnostics: Diagnostic[] = [
    ...warnings.map((w) => ({
      severity: 'warning' as const,
      code: 'analyzer-warning',
      file: pathFromRoot(config.workspace, w.file),
      line: w.line,
      column: w.column,
      message: w.message,
    })),
  ];
  return { config, root, model: state.model, facts, mapping, previous, diagnostics };
}

export function summaryLine(mapping: Mapping): string {
  const s = mapping.summary as { items: Record<string, number> };
  const orphans = Object.keys(mapping.orphans).length;
  return `${s.items.total} items: ${s.items.implemented} implemented, ${s.items.partial} partial, ${s.items.missing} missing; ${mapping.unknownLiterals.length} unknown literal${mapping.unknownLiterals.length === 1 ? '' : 's'}, ${orphans} orphan${orphans === 1 ? '' : 's'}`;
}

export async function runMap(opts: MapOptions): Promise<number> {
  const { config, root, mapping, diagnostics } = await buildMapping(opts);
  const text = mappingText(mapping);
  if (!opts.json) for (const d of diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
  if (opts.stdout) {
    process.stdout.write(text);
    return EXIT.clean;
  }
  const written = applyPlan(planWrites(root, [{ path: config.mapping, content: text, producedBy: 'specmap map' }])).length > 0;
  if (opts.json) {
    process.stdout.write(toJsonText({ mapping: config.mapping, written, summary: mapping.summary, unknownLiterals: mapping.unknownLiterals, diagnostics }));
  } else {
    process.stdout.write(`${written ? 'wrote' : 'unchanged'} ${config.mapping}: ${summaryLine(mapping)}\n`);
  }
  return EXIT.clean;
}
