/**
 * An independent route to "which events and endpoints does each API of an OpenAPI document have",
 * used to check the OpenAPI reader's API scopes: plain js-yaml objects, no specmap code. A scope
 * takes a path when the path (query part removed) is one of its prefixes or lies below one; the
 * first scope that takes a path owns it. Events are the distinct discriminator values of the
 * union members its paths stream as `text/event-stream` or its named components hold; a stream of
 * one plain object without a fixed value is one event named after its schema.
 */
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface OracleScope {
  name: string;
  /** Path prefixes (`/responses` takes `/responses` and `/responses/{id}`); `/` takes everything. */
  prefixes: string[];
  named?: string[];
  discriminator?: string;
  /** Properties from the streamed chunk down to the union of events it wraps. */
  eventPath?: string[];
}

export interface OracleApi {
  events: Set<string>;
  /** `METHOD /path` of every operation the scope owns. */
  operations: Set<string>;
  /** How many `text/event-stream` responses its operations have. */
  streams: number;
}

export function loadYaml(path: string): Json {
  return yaml.load(readFileSync(path, 'utf8')) as Json;
}

function resolve(doc: Json, node: Json, seen = 0): { node: Json; name?: string } {
  const ref = node.$ref;
  if (typeof ref !== 'string' || seen > 20) return { node };
  const parts = ref.slice(2).split('/');
  let at: unknown = doc;
  for (const p of parts) at = isObj(at) ? at[p] : undefined;
  const out = resolve(doc, at as Json, seen + 1);
  return out.name ? out : { ...out, name: parts.at(-1)! };
}

function fixedValue(doc: Json, schema: Json, prop: string): string | undefined {
  const props: Json = {};
  const collect = (s: Json) => {
    const r = resolve(doc, s).node;
    if (isObj(r.properties)) Object.assign(props, r.properties);
    if (Array.isArray(r.allOf)) for (const p of r.allOf) collect(p as Json);
  };
  collect(schema);
  const p = isObj(props[prop]) ? resolve(doc, props[prop] as Json).node : undefined;
  if (!p) return undefined;
  if (typeof p.const === 'string') return p.const;
  if (Array.isArray(p.enum) && p.enum.length === 1 && typeof p.enum[0] === 'string') return p.enum[0];
  return undefined;
}

function propertiesOf(doc: Json, schema: Json): Json {
  const props: Json = {};
  const collect = (s: Json) => {
    const r = resolve(doc, s).node;
    if (isObj(r.properties)) Object.assign(props, r.properties);
    if (Array.isArray(r.allOf)) for (const p of r.allOf) collect(p as Json);
  };
  collect(schema);
  return props;
}

function descend(doc: Json, root: Json, path: readonly string[]): Json | undefined {
  let at: Json | undefined = root;
  for (const name of path) {
    const next: unknown = at && propertiesOf(doc, at)[name];
    at = isObj(next) ? next : undefined;
  }
  return at;
}

function eventsOf(doc: Json, root: Json, discriminator: string, out: Set<string>, seen: Set<Json>): void {
  const { node, name } = resolve(doc, root);
  const members: { node: Json; name?: string; d: string }[] = [];
  const walk = (n: Json, nm: string | undefined, d: string) => {
    if (seen.has(n)) return;
    seen.add(n);
    const dd = isObj(n.discriminator) && typeof n.discriminator.propertyName === 'string' ? n.discriminator.propertyName : d;
    const list = Array.isArray(n.oneOf) ? n.oneOf : Array.isArray(n.anyOf) ? n.anyOf : undefined;
    if (!list) return void members.push({ node: n, ...(nm && { name: nm }), d: dd });
    for (const m of list) {
      const r = resolve(doc, m as Json);
      walk(r.node, r.name, dd);
    }
  };
  const before = seen.size;
  walk(node, name, discriminator);
  if (seen.size === before) return;
  const plain = !Array.isArray(node.oneOf) && !Array.isArray(node.anyOf);
  for (const m of members) {
    const value = fixedValue(doc, m.node, m.d) ?? (plain ? m.name : undefined);
    if (value !== undefined) out.add(value);
  }
}

export function oracleApis(doc: Json, scopes: readonly OracleScope[]): Map<string, OracleApi> {
  const out = new Map<string, OracleApi>(scopes.map((s) => [s.name, { events: new Set(), operations: new Set(), streams: 0 }]));
  const seen = new Map<string, Set<Json>>(scopes.map((s) => [s.name, new Set()]));
  const takes = (s: OracleScope, path: string) => s.prefixes.some((p) => p === '/' || path === p || path.startsWith(`${p}/`));
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Json)) {
    if (path.includes('?') || !isObj(item)) continue;
    const scope = scopes.find((s) => takes(s, path));
    if (!scope) continue;
    const api = out.get(scope.name)!;
    for (const method of ['get', 'post', 'put', 'patch', 'delete', 'head', 'options']) {
      const op = item[method];
      if (!isObj(op)) continue;
      api.operations.add(`${method.toUpperCase()} ${path}`);
      for (const [code, response] of Object.entries((op.responses ?? {}) as Json)) {
        if (!code.startsWith('2') || !isObj(response)) continue;
        const stream = (resolve(doc, response).node.content as Json | undefined)?.['text/event-stream'];
        if (!isObj(stream) || !isObj(stream.schema)) continue;
        api.streams++;
        const root = scope.eventPath ? descend(doc, stream.schema, scope.eventPath) : stream.schema;
        if (root) eventsOf(doc, root, scope.discriminator ?? 'type', api.events, seen.get(scope.name)!);
      }
    }
  }
  for (const scope of scopes) {
    for (const name of scope.named ?? []) {
      const schema = ((doc.components as Json).schemas as Json)[name];
      if (isObj(schema))
        eventsOf(
          doc,
          { $ref: `#/components/schemas/${name}` },
          scope.discriminator ?? 'type',
          out.get(scope.name)!.events,
          seen.get(scope.name)!,
        );
    }
  }
  return out;
}
