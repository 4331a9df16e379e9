/**
 * An independent, deliberately simple route to "what changed" between two OpenAPI files, used to
 * check `diffModels` on the real corpus: plain js-yaml objects, no specmap reader, no model. It
 * looks only at the top level the issue names: the `ResponseStreamEvent` members (by their `type`
 * value) with their direct properties, the `CreateResponse` properties (its `allOf` merged) and
 * the `Response` object's properties.
 */
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';

type Json = Record<string, unknown>;

interface OracleField {
  /** JSON types the value may have besides null, sorted (`array | string`); arrays by their items' types. */
  type: string;
  required: boolean;
  nullable: boolean;
  deprecated: boolean;
  enum?: string;
  default?: string;
  description: string;
}

export interface OracleSide {
  /** event type → field name → facts */
  events: Map<string, Map<string, OracleField>>;
  /** event type → its schema's description */
  eventDescriptions: Map<string, string>;
  /** request parameter name → facts */
  params: Map<string, OracleField>;
  /** the `Response` object's properties → facts (what `object:response` and every `#response.` hold) */
  response: Map<string, OracleField>;
}

function deref(doc: Json, node: unknown): Json {
  let n = node as Json;
  const seen = new Set<string>();
  while (n && typeof n.$ref === 'string' && !seen.has(n.$ref)) {
    seen.add(n.$ref);
    const name = n.$ref.split('/').pop()!;
    n = ((doc.components as Json).schemas as Json)[name] as Json;
  }
  return n ?? {};
}

/** Direct properties and required names of a schema, `allOf` parts merged one level deep. */
function propertiesOf(doc: Json, schema: Json): { props: Map<string, Json>; required: Set<string> } {
  const props = new Map<string, Json>();
  const required = new Set<string>();
  const visit = (s: Json): void => {
    for (const part of (s.allOf as Json[] | undefined) ?? []) visit(deref(doc, part));
    for (const [k, v] of Object.entries((s.properties as Json | undefined) ?? {})) props.set(k, v as Json);
    for (const r of (s.required as string[] | undefined) ?? []) required.add(r);
  };
  visit(schema);
  return { props, required };
}

function variants(doc: Json, prop: Json): Json[] {
  const own = deref(doc, prop);
  const list = (own.anyOf ?? own.oneOf) as Json[] | undefined;
  return list ? list.map((v) => deref(doc, v)) : [own];
}

/** Prose compares without layout: YAML folding (`>` vs `>-`) and re-wrapping are not changes. */
const prose = (v: unknown): string =>
  String(v ?? '')
    .replace(/\s+/g, ' ')
    .trim();

function facts(doc: Json, prop: Json, required: boolean): OracleField {
  const vs = variants(doc, prop);
  const own = deref(doc, prop);
  const isNull = (v: Json): boolean => v.type === 'null' || (Array.isArray(v.type) && v.type.includes('null'));
  const nullable = vs.some(isNull) || own.nullable === true || prop.nullable === true;
  const nonNull = vs.filter((v) => v.type !== 'null');
  const only = nonNull.length === 1 ? nonNull[0]! : undefined;
  // An array of an enum (`include`) lists its values on the items.
  const enumValues = only ? ((only.enum ?? (only.items ? deref(doc, only.items).enum : undefined)) as unknown[] | undefined) : undefined;
  // The only non-null member of `anyOf: [X, null]` as written: OpenAPI 3.1 lets a `$ref` carry
  // sibling `description`/`deprecated`, which dereferencing would lose.
  const rawList = (own.anyOf ?? own.oneOf) as Json[] | undefined;
  const rawOnly = rawList?.filter((m) => deref(doc, m).type !== 'null');
  const member = rawOnly?.length === 1 ? rawOnly[0]! : undefined;
  const pick = (k: string): unknown => prop[k] ?? own[k] ?? member?.[k] ?? (nonNull.length === 1 ? nonNull[0]![k] : undefined);
  const def = pick('default');
  return {
    type: typeOf(doc, prop),
    required,
    nullable,
    deprecated: pick('deprecated') === true,
    enum: enumValues
      ? JSON.stringify(
          [...enumValues]
            .filter((v) => v !== null)
            .map(String)
            .sort(),
        )
      : undefined,
    default: def === undefined ? undefined : JSON.stringify(def),
    description: prose(pick('description')),
  };
}

/** A schema's JSON types without null: `type`, or what its members, items or properties say. */
function typeOf(doc: Json, prop: Json, depth = 0): string {
  if (depth > 8) return 'unknown';
  const kinds = new Set<string>();
  for (const v of variants(doc, prop)) {
    if (v.type === 'null') continue;
    if (v.anyOf || v.oneOf) kinds.add(typeOf(doc, v, depth + 1));
    else if (Array.isArray(v.type))
      for (const t of v.type)
        t !== 'null' && kinds.add(t === 'array' ? `array<${v.items ? typeOf(doc, v.items as Json, depth + 1) : 'unknown'}>` : String(t));
    else if (v.type === 'array' || v.items) kinds.add(`array<${v.items ? typeOf(doc, v.items as Json, depth + 1) : 'unknown'}>`);
    else if (v.const !== undefined || v.enum)
      kinds.add(
        typeof (v.const ?? (v.enum as unknown[]).find((x) => x !== null)) === 'number'
          ? 'number'
          : String(v.type ?? typeof (v.const ?? (v.enum as unknown[])[0])),
      );
    else if (v.type === 'object' || v.properties || v.allOf || v.additionalProperties) kinds.add('object');
    else if (typeof v.type === 'string') kinds.add(v.type);
    else kinds.add('unknown');
  }
  return [...new Set([...kinds].flatMap((k) => k.split(' | ')))].sort().join(' | ');
}

export function readOracle(file: string): OracleSide {
  const doc = yaml.load(readFileSync(file, 'utf8')) as Json;
  const schemas = (doc.components as Json).schemas as Json;
  const union = schemas.ResponseStreamEvent as Json;
  const events = new Map<string, Map<string, OracleField>>();
  const eventDescriptions = new Map<string, string>();
  for (const member of (union.anyOf ?? union.oneOf) as Json[]) {
    const schema = deref(doc, member);
    const { props, required } = propertiesOf(doc, schema);
    const typeProp = deref(doc, props.get('type'));
    const type = String((typeProp.enum as unknown[] | undefined)?.[0] ?? typeProp.const);
    const fields = new Map<string, OracleField>();
    for (const [name, prop] of props) fields.set(name, facts(doc, prop, required.has(name)));
    events.set(type, fields);
    eventDescriptions.set(type, prose(schema.description));
  }
  const { props, required } = propertiesOf(doc, schemas.CreateResponse as Json);
  const params = new Map<string, OracleField>();
  for (const [name, prop] of props) params.set(name, facts(doc, prop, required.has(name)));
  const shape = propertiesOf(doc, schemas.Response as Json);
  const response = new Map<string, OracleField>();
  for (const [name, prop] of shape.props) response.set(name, facts(doc, prop, shape.required.has(name)));
  return { events, eventDescriptions, params, response };
}

/** Expected change keys (`<path> <kind>`) between two sides, at the top level only. */
export function expectedChanges(a: OracleSide, b: OracleSide): string[] {
  const out: string[] = [];
  const fieldChanges = (path: string, x: OracleField, y: OracleField): void => {
    for (const k of ['type', 'required', 'nullable', 'deprecated', 'enum', 'default', 'description'] as const) {
      if (x[k] !== y[k]) out.push(`${path} ${k}`);
    }
  };
  const fieldsOf = (path: string, x: Map<string, OracleField>, y: Map<string, OracleField>): void => {
    for (const name of x.keys()) if (!y.has(name)) out.push(`${path}#${name} removed`);
    for (const [name, f] of y) {
      const old = x.get(name);
      if (!old) out.push(`${path}#${name} added`);
      else fieldChanges(`${path}#${name}`, old, f);
    }
  };
  for (const type of a.events.keys()) if (!b.events.has(type)) out.push(`event:${type} removed`);
  for (const [type, fields] of b.events) {
    const old = a.events.get(type);
    if (!old) out.push(`event:${type} added`);
    else {
      if (a.eventDescriptions.get(type) !== b.eventDescriptions.get(type)) out.push(`event:${type} description`);
      fieldsOf(`event:${type}`, old, fields);
    }
  }
  for (const name of a.params.keys()) if (!b.params.has(name)) out.push(`param:POST /v1/responses#${name} removed`);
  for (const [name, f] of b.params) {
    const old = a.params.get(name);
    if (!old) out.push(`param:POST /v1/responses#${name} added`);
    else fieldChanges(`param:POST /v1/responses#${name}`, old, f);
  }
  fieldsOf('object:response', a.response, b.response);
  return out.sort();
}

/*
 * Distinct changes: every change once, where it is in the document. A second, independent walk
 * over the two YAML trees side by side (still no specmap code): a named schema (`$ref`) is its own
 * place, compared once whichever items reach it, an inline schema belongs to the place around it.
 * Places are written as the engine names them: `Response#prompt_cache_key`, `Tool[type=shell]`,
 * `event:response.created#sequence_number`, `param:POST /v1/responses#include`.
 * Keys are `<direction> <kind> <place>`; kinds: added, removed, type, required, nullable,
 * deprecated, default, description, value-added, value-removed, variant-added, variant-removed.
 */

type Dir = 'request' | 'response';

interface Pair {
  a: Json;
  b: Json;
  out: Set<string>;
  /** `<direction>|<place>` already compared. */
  done: Set<string>;
}

/** `$ref`s, a one-member `allOf` alias and a nullable wrapper's only member, followed; the last schema name met. */
function unwrap(doc: Json, node: Json): { node: Json; name?: string } {
  let n = node;
  let name: string | undefined;
  const seen = new Set<Json>();
  for (;;) {
    if (!n || seen.has(n)) return { node: n ?? {}, name };
    seen.add(n);
    if (typeof n.$ref === 'string') {
      name = n.$ref.split('/').pop()!;
      n = ((doc.components as Json).schemas as Json)[name] as Json;
      continue;
    }
    const all = n.allOf as Json[] | undefined;
    if (all?.length === 1 && !n.properties && n.type !== 'object') {
      n = all[0]!;
      continue;
    }
    const list = (n.anyOf ?? n.oneOf) as Json[] | undefined;
    const nonNull = list?.filter((m) => deref(doc, m).type !== 'null');
    if (nonNull?.length === 1) {
      n = nonNull[0]!;
      continue;
    }
    return { node: n, name };
  }
}

/** Listed values when there are several (one value is a constant, not a list), through items and aliases. */
function listedValues(doc: Json, node: Json, depth = 0): string[] | undefined {
  const n = deref(doc, node);
  if (depth > 8) return undefined;
  if (Array.isArray(n.enum)) {
    const vs = n.enum.filter((v) => v !== null).map(String);
    return vs.length > 1 ? vs : undefined;
  }
  if (n.items) return listedValues(doc, n.items as Json, depth + 1);
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const members = ((n[key] as Json[] | undefined) ?? []).filter((m) => deref(doc, m).type !== 'null');
    if (n[key] && members.length === 1) return listedValues(doc, members[0]!, depth + 1);
  }
  return undefined;
}

const isObjectSchema = (s: Json): boolean => Boolean(s.properties || (s.allOf as Json[] | undefined)?.length);

interface Shape {
  props?: { props: Map<string, Json>; required: Set<string> };
  items?: Json;
  variants?: Map<string, Json>;
}

function variantKey(doc: Json, member: Json, discriminator: string): string | undefined {
  const { node, name } = unwrap(doc, member);
  if (!isObjectSchema(node)) return member.$ref ? String(member.$ref).split('/').pop() : undefined;
  const tag = propertiesOf(doc, node).props.get(discriminator);
  const t = tag ? deref(doc, tag) : undefined;
  const value = t?.const ?? (Array.isArray(t?.enum) && t.enum.length === 1 ? t.enum[0] : undefined);
  return value !== undefined ? `${discriminator}=${String(value)}` : name;
}

function shapeOfSchema(doc: Json, node: Json): Shape {
  const { node: n } = unwrap(doc, node);
  const list = (n.anyOf ?? n.oneOf) as Json[] | undefined;
  if (list) {
    const d = (n.discriminator as Json | undefined)?.propertyName;
    const variants = new Map<string, Json>();
    for (const m of list) {
      if (deref(doc, m).type === 'null') continue;
      const key = variantKey(doc, m, typeof d === 'string' ? d : 'type');
      if (key !== undefined && !variants.has(key)) variants.set(key, m);
    }
    return { variants };
  }
  if (n.type === 'array' || n.items) return { items: (n.items as Json | undefined) ?? {} };
  if (isObjectSchema(n)) return { props: propertiesOf(doc, n) };
  return {};
}

const differs = (x: string, y: string): boolean => x !== y && x !== 'unknown' && y !== 'unknown';

function compareProp(w: Pair, dir: Dir, place: string, x: Json, y: Json, xReq: boolean, yReq: boolean, valuesAreItems = false): void {
  const fx = facts(w.a, x, xReq);
  const fy = facts(w.b, y, yReq);
  const push = (kind: string, at = place): void => void w.out.add(`${dir} ${kind} ${at}`);
  const typeChanged = differs(fx.type, fy.type);
  if (typeChanged) push('type');
  if (fx.required !== fy.required) push('required');
  if (fx.nullable !== fy.nullable) push('nullable');
  if (fx.deprecated !== fy.deprecated) push('deprecated');
  if (fx.default !== fy.default) push('default');
  if (fx.description !== fy.description) push('description');
  if (!valuesAreItems) {
    const vx = listedValues(w.a, x);
    const vy = listedValues(w.b, y);
    if (vx && vy) {
      for (const v of vx) if (!vy.includes(v)) push('value-removed', `${place}=${v}`);
      for (const v of vy) if (!vx.includes(v)) push('value-added', `${place}=${v}`);
    } else if (vx || vy) push('type');
  }
  if (!typeChanged) compareShapes(w, dir, place, x, y);
}

function compareProps(w: Pair, dir: Dir, place: (name: string) => string, x: Shape['props'], y: Shape['props']): void {
  if (!x || !y) return;
  for (const name of x.props.keys()) if (!y.props.has(name)) w.out.add(`${dir} removed ${place(name)}`);
  for (const [name, prop] of y.props) {
    const old = x.props.get(name);
    if (!old) w.out.add(`${dir} added ${place(name)}`);
    else compareProp(w, dir, place(name), old, prop, x.required.has(name), y.required.has(name));
  }
}

const child = (place: string, name: string): string => (place.includes('#') ? `${place}.${name}` : `${place}#${name}`);

function compareShapes(w: Pair, dir: Dir, around: string, x: Json, y: Json): void {
  const place = unwrap(w.b, y).name ?? unwrap(w.a, x).name ?? around;
  const key = `${dir}|${place}`;
  if (w.done.has(key)) return;
  w.done.add(key);
  const sx = shapeOfSchema(w.a, x);
  const sy = shapeOfSchema(w.b, y);
  compareProps(w, dir, (name) => child(place, name), sx.props, sy.props);
  if (sx.items && sy.items) compareShapes(w, dir, `${place}[]`, sx.items, sy.items);
  // An object on one side, a union on the other: the object is the union's variant of its own key.
  const single = (doc: Json, node: Json): Map<string, Json> | undefined => {
    const k = variantKey(doc, node, 'type');
    return k === undefined ? undefined : new Map([[k, node]]);
  };
  const vx = sx.variants ?? (sy.variants && sx.props ? single(w.a, x) : undefined);
  const vy = sy.variants ?? (sx.variants && sy.props ? single(w.b, y) : undefined);
  if (!vx || !vy) return;
  for (const [k, v] of vx) {
    const nv = vy.get(k);
    if (!nv) w.out.add(`${dir} variant-removed ${place}[${k}]`);
    else compareShapes(w, dir, `${place}[${k}]`, v, nv);
  }
  for (const k of vy.keys()) if (!vx.has(k)) w.out.add(`${dir} variant-added ${place}[${k}]`);
}

interface OracleEndpoint {
  title: string;
  description: string;
  /** name → [schema-ish node to compare, required]; path/query parameters carry their own description and deprecation. */
  params: Map<string, { node: Json; required: boolean }>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

function endpointsOf(doc: Json, prefix: string): Map<string, OracleEndpoint> {
  const out = new Map<string, OracleEndpoint>();
  for (const [path, item] of Object.entries(doc.paths as Json)) {
    if (path.includes('?') || !/^\/responses(\/|$)/.test(path)) continue;
    for (const m of METHODS) {
      const op = (item as Json)[m] as Json | undefined;
      if (!op) continue;
      const params = new Map<string, { node: Json; required: boolean }>();
      for (const raw of [...(((item as Json).parameters as Json[]) ?? []), ...((op.parameters as Json[]) ?? [])]) {
        const p = deref(doc, raw);
        if (p.in !== 'path' && p.in !== 'query') continue;
        const schema = (p.schema as Json | undefined) ?? {};
        // The parameter's own words win over its schema's (as the docs show them).
        const node = { ...schema, ...(p.description ? { description: p.description } : {}), ...(p.deprecated ? { deprecated: true } : {}) };
        params.set(String(p.name), {
          node: schema.$ref ? { allOf: [schema], ...node, $ref: undefined } : node,
          required: p.required === true || p.in === 'path',
        });
      }
      const content = (deref(doc, (op.requestBody as Json | undefined) ?? {}).content as Json | undefined) ?? {};
      const media = Object.keys(content).find((k) => /json/.test(k)) ?? Object.keys(content)[0];
      const body = media ? ((content[media] as Json).schema as Json | undefined) : undefined;
      if (body) {
        const { props, required } = propertiesOf(doc, deref(doc, body));
        for (const [name, node] of props) params.set(name, { node, required: required.has(name) });
      }
      const summary = prose(op.summary);
      out.set(`${m.toUpperCase()} ${prefix}${path}`, {
        title: summary || String(op.operationId ?? ''),
        description: prose(op.description) || summary,
        params,
      });
    }
  }
  return out;
}

/** Distinct changes between two OpenAI specs in the Responses scope: events, `/responses` endpoints and the `Response` object. */
export function distinctChanges(oldFile: string, newFile: string, prefix = '/v1'): string[] {
  const a = yaml.load(readFileSync(oldFile, 'utf8')) as Json;
  const b = yaml.load(readFileSync(newFile, 'utf8')) as Json;
  const w: Pair = { a, b, out: new Set(), done: new Set() };
  const schema = (doc: Json, name: string): Json => ((doc.components as Json).schemas as Json)[name] as Json;
  const members = (doc: Json): Map<string, Json> => {
    const union = schema(doc, 'ResponseStreamEvent');
    const byType = new Map<string, Json>();
    for (const m of (union.anyOf ?? union.oneOf) as Json[]) {
      const s = deref(doc, m);
      const t = deref(doc, propertiesOf(doc, s).props.get('type'));
      const type = String((t.enum as unknown[] | undefined)?.[0] ?? t.const);
      if (!byType.has(type)) byType.set(type, s);
    }
    return byType;
  };
  const [ea, eb] = [members(a), members(b)];
  for (const type of ea.keys()) if (!eb.has(type)) w.out.add(`response removed event:${type}`);
  for (const [type, s] of eb) {
    const old = ea.get(type);
    if (!old) {
      w.out.add(`response added event:${type}`);
      continue;
    }
    if (prose(old.description) !== prose(s.description)) w.out.add(`response description event:${type}`);
    compareProps(w, 'response', (name) => `event:${type}#${name}`, propertiesOf(a, old), propertiesOf(b, s));
  }
  const [pa, pb] = [endpointsOf(a, prefix), endpointsOf(b, prefix)];
  for (const id of pa.keys()) if (!pb.has(id)) w.out.add(`request removed endpoint:${id}`);
  for (const [id, ep] of pb) {
    const old = pa.get(id);
    if (!old) {
      w.out.add(`request added endpoint:${id}`);
      continue;
    }
    if (old.title !== ep.title) w.out.add(`request description endpoint:${id}#title`);
    if (old.description !== ep.description) w.out.add(`request description endpoint:${id}`);
    for (const name of old.params.keys()) if (!ep.params.has(name)) w.out.add(`request removed param:${id}#${name}`);
    for (const [name, p] of ep.params) {
      const o = old.params.get(name);
      const place = `param:${id}#${name}`;
      if (!o) {
        w.out.add(`request added ${place}`);
        continue;
      }
      // A parameter's listed values are items of their own (`enum:POST /v1/responses#include=…`).
      const [vx, vy] = [listedValues(a, o.node), listedValues(b, p.node)];
      if (vx || vy) {
        for (const v of vx ?? []) if (!(vy ?? []).includes(v)) w.out.add(`request removed enum:${id}#${name}=${v}`);
        for (const v of vy ?? []) if (!(vx ?? []).includes(v)) w.out.add(`request added enum:${id}#${name}=${v}`);
      }
      compareProp(w, 'request', place, o.node, p.node, o.required, p.required, Boolean(vx || vy));
    }
  }
  const [ra, rb] = [schema(a, 'Response'), schema(b, 'Response')];
  if (prose(ra.description) !== prose(rb.description)) w.out.add('response description object:response');
  compareShapes(w, 'response', 'Response', { $ref: '#/components/schemas/Response' }, { $ref: '#/components/schemas/Response' });
  return [...w.out].sort();
}
