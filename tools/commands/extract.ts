/** `specmap extract`: sources → canonical model (spec/model.json). */
import { loadConfig } from '../config/load.js';
import { formatDiagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { EXIT, InputError } from '../diagnostics/errors.js';
import { applyPlan, planWrites } from '../io/write-plan.js';
import { toJsonText } from '../io/json.js';
import { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { modelForSources } from '../pipeline/model.js';
import { modelText } from '../pipeline/model-text.js';
import { readSources } from '../sources/read.js';

export interface ExtractOptions {
  config?: string;
  out?: string;
  stdout?: boolean;
  strict?: boolean;
  json?: boolean;
  cwd?: string;
}

export { MODEL_SCHEMA_URL, modelText } from '../pipeline/model-text.js';

export async function runExtract(opts: ExtractOptions): Promise<number> {
  const { config, root } = await loadConfig(opts.config, opts.cwd);
  const diagnostics = new DiagnosticBag();
  const sources = await readSources(config, root, diagnostics);
  // The same cache `map` and `sync` use; every problem of every source is collected before failing.
  const { model } = await modelForSources(sources, config, root, diagnostics);
  const all = diagnostics.sorted();
  if (hasErrors(all, opts.strict)) {
    const warnings = all.filter((d) => d.severity === 'warning').length;
    const strictNote = opts.strict && warnings ? `; --strict counts ${warnings} warning${warnings === 1 ? '' : 's'}` : '';
    throw new InputError(`extract failed${strictNote}`, all);
  }
  if (!opts.json) for (const d of all) process.stderr.write(formatDiagnostic(d) + '\n');
  const text = modelText(model);
  if (opts.stdout) {
    process.stdout.write(text);
    return EXIT.clean;
  }
  const target = opts.out ?? config.model;
  const plan = planWrites(root, [{ path: target, content: text, producedBy: 'specmap extract' }]);
  const written = applyPlan(plan);
  const counts = {
    events: model.events.length,
    endpoints: model.endpoints.length,
    params: model.params.length,
    enums: model.enums.length,
    objects: model.objects.length,
  };
  if (opts.json) {
    process.stdout.write(toJsonText({ model: target, written: written.length > 0, counts, diagnostics: all }));
  } else {
    const summary = Object.entries(counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ');
    process.stdout.write(`${written.length ? 'wrote' : 'unchanged'} ${target}: ${summary} from ${model.sources.length} sources\n`);
  }
  return EXIT.clean;
}
