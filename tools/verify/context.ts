/** What every trace of a run shares: the model's schemas, the stream profile's grammar, source conflicts and the baseline. */
import type { Model } from '../model/schema.js';
import type { Baseline } from './baseline.js';
import { loadEventSchemas, type ObjectMode } from './event-schemas.js';
import { buildGrammar } from './grammar.js';
import { SourceConflicts } from './source-conflicts.js';
import { resolveStreamProfile, type StreamProfile } from './stream-profile.js';
import type { VerifyContext } from './verify-stream.js';

export interface ContextOptions {
  objects?: ObjectMode;
  baseline?: Baseline;
  /**
   * The stream profile: a compiled one, or the config's setting (`none`, a bundled name, a `.json`
   * path relative to `root`). Omitted: the bundled profile whose events the model holds, if any.
   */
  profile?: StreamProfile | string;
  root?: string;
}

/** Schemas, grammar and source conflicts of a model: built once per run, shared by every trace. */
export async function createVerifyContext(whole: Model, options: ContextOptions = {}): Promise<VerifyContext & { source: string }> {
  const profile =
    typeof options.profile === 'object' ? options.profile : resolveStreamProfile(options.profile, whole, options.root ?? process.cwd());
  const model = profile ? scopeToProfile(whole, profile) : whole;
  const { schemas, names, source } = await loadEventSchemas(model, options.objects ?? 'passthrough');
  const kinds = new Set(model.sources.map((s) => s.kind).filter((k) => k !== 'catalog'));
  return {
    ...(profile && { profile }),
    grammar: profile ? buildGrammar(model, profile) : new Map(),
    schemas,
    names,
    source,
    // Only a model merged from docs and OpenAPI can hold their disagreements.
    ...(kinds.size > 1 && { conflicts: new SourceConflicts(model) }),
    ...(options.baseline && { baseline: options.baseline }),
  };
}

/**
 * A trace is one API's stream. In a model of several APIs whose event names overlap (Responses and
 * Realtime both have `error` and `response.created`), the events of the APIs the profile fits (they
 * hold its detect events) and of no API (catalogs) are the ones a trace is judged by.
 */
function scopeToProfile(model: Model, profile: StreamProfile): Model {
  const apis = [...new Set(model.events.flatMap((e) => (e.api === undefined ? [] : [e.api])))];
  if (apis.length < 2 || !profile.detect.length) return model;
  const fits = apis.filter((api) => profile.detect.every((t) => model.events.some((e) => e.api === api && e.type === t)));
  if (!fits.length) return model;
  return { ...model, events: model.events.filter((e) => e.api === undefined || fits.includes(e.api)) };
}
