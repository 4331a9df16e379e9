/**
 * "A source against the committed model" (`specmap diff spec/model.json docs/DOC_responses.md`):
 * the model holds every configured source, the other side one of them. Only what that source
 * contributed is compared, else everything from the other sources would read as removed.
 */
import type { Field, Model } from '../model/schema.js';

const fromSource =
  (id: string) =>
  (f: Field): boolean =>
    f.sources.includes(id);

export function restrictToSource(model: Model, sourceId: string): Model {
  if (!model.sources.some((s) => s.id === sourceId)) return model;
  const has = (sources: readonly string[]): boolean => sources.includes(sourceId);
  return {
    ...model,
    sources: model.sources.filter((s) => s.id === sourceId),
    events: model.events.filter((e) => has(e.sources)).map((e) => ({ ...e, fields: e.fields.filter(fromSource(sourceId)) })),
    endpoints: model.endpoints.filter((e) => has(e.sources)),
    params: model.params.filter((p) => has(p.field.sources)),
    enums: model.enums.filter((e) => has(e.sources)),
    objects: model.objects.filter((o) => has(o.sources)).map((o) => ({ ...o, fields: o.fields.filter(fromSource(sourceId)) })),
  };
}
