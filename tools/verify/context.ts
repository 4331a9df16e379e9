/** What every trace of a run shares: the model's schemas, grammar and source conflicts, and the baseline. */
import type { Model } from '../model/schema.js';
import type { Baseline } from './baseline.js';
import { loadEventSchemas, type ObjectMode } from './event-schemas.js';
import { buildGrammar } from './grammar.js';
import { SourceConflicts } from './source-conflicts.js';
import type { VerifyContext } from './verify-stream.js';

/** Schemas, grammar and source conflicts of a model: built once per run, shared by every trace. */
export async function createVerifyContext(model: Model, options: { objects?: ObjectMode; baseline?: Baseline } = {}): Promise<VerifyContext & { source: string }> {
  const { schemas, names, source } = await loadEventSchemas(model, options.objects ?? 'passthrough');
  const kinds = new Set(model.sources.map((s) => s.kind).filter((k) => k !== 'catalog'));
  return {
    grammar: buildGrammar(model),
    schemas,
    names,
    source,
    // Only a model merged from docs and OpenAPI can hold their disagreements.
    ...(kinds.size > 1 && { conflicts: new SourceConflicts(model) }),
    ...(options.baseline && { baseline: options.baseline }),
  };
}
