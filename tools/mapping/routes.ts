/**
 * Route declarations → `endpoint:` ids. Frameworks spell path parameters differently
 * (`{response_id}`, `:response_id`, `[response_id]`) and may omit the API prefix (`/v1`) the spec
 * paths carry, so both sides are normalised before comparing.
 */
import type { Endpoint } from '../model/schema.js';

/** `/v1/responses/{response_id}`, `/v1/responses/:id` and Flask's `/v1/responses/<string:id>` all become `/v1/responses/{}`. */
export function normalizeRoutePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '') || '/';
  return trimmed
    .split('/')
    .map((seg) => (/^\{[^}]*\}$|^:[A-Za-z_]\w*$|^\[\.{0,3}[^\]]*\]$|^<(?:\w+:)?[A-Za-z_]\w*>$/.test(seg) ? '{}' : seg))
    .join('/');
}

/** Prefixes the spec's paths share (`/v1`), tried when a declared route lacks one. */
export function pathPrefixes(endpoints: readonly Endpoint[], extra: readonly string[] = []): string[] {
  const found = new Set(extra.filter(Boolean).map((p) => p.replace(/\/+$/, '')));
  for (const e of endpoints) {
    const m = /^(\/v\d+)\//.exec(e.path);
    if (m) found.add(m[1]!);
  }
  return [...found].sort();
}

export type RouteIndex = (method: string, path: string) => string | undefined;

export function routeIndex(endpoints: readonly Endpoint[], prefixes: readonly string[]): RouteIndex {
  const byKey = new Map<string, string>();
  for (const e of endpoints) byKey.set(`${e.method} ${normalizeRoutePath(e.path)}`, e.id);
  return (method, path) => {
    const m = method.toUpperCase();
    const candidates = [path, ...prefixes.map((p) => p + (path.startsWith('/') ? path : `/${path}`))];
    for (const candidate of candidates) {
      const id = byKey.get(`${m} ${normalizeRoutePath(candidate)}`);
      if (id) return id;
    }
    // A server may mount the API under its own prefix (`/openai/v1/responses`): the spec path as a
    // whole-segment suffix, when exactly one endpoint fits.
    const declared = normalizeRoutePath(path.startsWith('/') ? path : `/${path}`);
    const fits = [...byKey].filter(([key]) => {
      const [km, kp] = [key.slice(0, key.indexOf(' ')), key.slice(key.indexOf(' ') + 1)];
      // kp starts with `/`, so a suffix match is a whole-segment match.
      return km === m && kp !== '/' && declared.length > kp.length && declared.endsWith(kp);
    });
    return fits.length === 1 ? fits[0]![1] : undefined;
  };
}
