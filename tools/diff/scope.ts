/**
 * What `diff` compares. `responses` (the default) is the Responses part of the spec: every
 * streaming event, the endpoints under `/responses` (after the server prefix, e.g. `/v1`), their
 * parameters and enum values, and the objects those endpoints return. `all` is the whole model
 * (conversations, and whatever else the sources hold).
 */
import type { Model } from '../model/schema.js';

export const DIFF_SCOPES = ['responses', 'all'] as const;
export type DiffScope = (typeof DIFF_SCOPES)[number];

/** `/v1/responses/{id}`, `/responses` and `/responses?beta=true` are in; `/v1/conversations` is not. */
export const isResponsesPath = (path: string): boolean => /^(\/v\d+)?\/responses([/?]|$)/.test(path);

export function scopeModel(model: Model, scope: DiffScope): Model {
  if (scope === 'all') return model;
  const endpoints = model.endpoints.filter((e) => isResponsesPath(e.path));
  const endpointIds = new Set(endpoints.map((e) => e.id));
  const params = model.params.filter((p) => endpointIds.has(p.endpoint) || isResponsesPath(p.endpoint.replace(/^endpoint:\S+ /, '')));
  const paramIds = new Set(params.map((p) => p.id));
  const returned = new Set(endpoints.flatMap((e) => (e.returns?.object ? [e.returns.object] : [])));
  return {
    ...model,
    endpoints,
    params,
    enums: model.enums.filter((e) => paramIds.has(e.param)),
    objects: model.objects.filter((o) => returned.has(o.id)),
  };
}

/** Skipped paths the scope would have compared: a diff says only what it left out of its own scope. */
export function inScopePath(path: string, scope: DiffScope): boolean {
  return scope === 'all' || isResponsesPath(path);
}
