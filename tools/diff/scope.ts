/**
 * What `diff` and `crosscheck` compare. A review scope (bundled profile data, `reviewScopes`; the
 * first is the default) is every streaming event, the endpoints whose path the scope's globs take
 * (after the server's version prefix, e.g. `/v1`, and any query part are removed), their
 * parameters and enum values, and the objects those endpoints return. `all` is the whole model.
 */
import picomatch from 'picomatch';
import { profileOfKind } from '../profiles/source-profile.js';
import type { Model } from '../model/schema.js';

const REVIEW_SCOPES = profileOfKind('openai-docs')?.reviewScopes ?? [];
const MATCHERS = new Map(REVIEW_SCOPES.map((r) => [r.name, picomatch(r.paths)]));

export const DIFF_SCOPES: readonly string[] = [...REVIEW_SCOPES.map((r) => r.name), 'all'];
export type DiffScope = string;
/** The profile's first review scope, or the whole model when no profile has one. */
export const DEFAULT_DIFF_SCOPE: DiffScope = DIFF_SCOPES[0]!;

/** A path as a scope's globs see it: no query part, no server version prefix. */
const barePath = (path: string): string => path.replace(/\?.*$/, '').replace(/^\/v\d+(?=\/)/, '') || '/';

export function scopeModel(model: Model, scope: DiffScope): Model {
  if (scope === 'all') return model;
  const endpoints = model.endpoints.filter((e) => inScopePath(e.path, scope));
  const endpointIds = new Set(endpoints.map((e) => e.id));
  const params = model.params.filter((p) => endpointIds.has(p.endpoint) || inScopePath(p.endpoint.replace(/^endpoint:\S+ /, ''), scope));
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
  if (scope === 'all') return true;
  const matches = MATCHERS.get(scope);
  return matches?.(barePath(path)) ?? false;
}
