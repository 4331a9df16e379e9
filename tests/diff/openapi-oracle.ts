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

export interface OracleField {
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
const prose = (v: unknown): string => String(v ?? '').replace(/\s+/g, ' ').trim();

function facts(doc: Json, prop: Json, required: boolean): OracleField {
  const vs = variants(doc, prop);
  const own = deref(doc, prop);
  const isNull = (v: Json): boolean => v.type === 'null' || (Array.isArray(v.type) && v.type.includes('null'));
  const nullable = vs.some(isNull) || own.nullable === true || prop.nullable === true;
  const nonNull = vs.filter((v) => v.type !== 'null');
  const only = nonNull.length === 1 ? nonNull[0]! : undefined;
  // An array of an enum (`include`) lists its values on the items.
  const enumValues = only ? ((only.enum ?? (only.items ? deref(doc, only.items).enum : undefined)) as unknown[] | undefined) : undefined;
  const def = prop.default ?? own.default ?? (nonNull.length === 1 ? nonNull[0]!.default : undefined);
  return {
    type: typeOf(doc, prop),
    required,
    nullable,
    deprecated: prop.deprecated === true || own.deprecated === true,
    enum: enumValues ? JSON.stringify([...enumValues].filter((v) => v !== null).map(String).sort()) : undefined,
    default: def === undefined ? undefined : JSON.stringify(def),
    description: prose(prop.description ?? own.description ?? (nonNull.length === 1 ? nonNull[0]!.description : undefined)),
  };
}

/** A schema's JSON types without null: `type`, or what its members, items or properties say. */
function typeOf(doc: Json, prop: Json, depth = 0): string {
  if (depth > 8) return 'unknown';
  const kinds = new Set<string>();
  for (const v of variants(doc, prop)) {
    if (v.type === 'null') continue;
    if (v.anyOf || v.oneOf) kinds.add(typeOf(doc, v, depth + 1));
    else if (Array.isArray(v.type)) for (const t of v.type) t !== 'null' && kinds.add(t === 'array' ? `array<${v.items ? typeOf(doc, v.items as Json, depth + 1) : 'unknown'}>` : String(t));
    else if (v.type === 'array' || v.items) kinds.add(`array<${v.items ? typeOf(doc, v.items as Json, depth + 1) : 'unknown'}>`);
    else if (v.const !== undefined || v.enum) kinds.add(typeof (v.const ?? (v.enum as unknown[]).find((x) => x !== null)) === 'number' ? 'number' : String(v.type ?? typeof (v.const ?? (v.enum as unknown[])[0])));
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
  for (const member of ((union.anyOf ?? union.oneOf) as Json[])) {
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
