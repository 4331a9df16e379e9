/**
 * Zod's issues for one rejected payload, turned into findings a person can act on and a baseline can
 * key on. A failed union is resolved to the member its discriminator (`type`) picks, and that member's
 * first failing field: `item (type "web_search_call", member WebSearchToolCall): action: expected
 * object, received undefined` rather than Zod's bare "`item`: Invalid input".
 */
import type { z } from 'zod';

export interface SchemaIssue {
  /** Readable location with union members: `item (type "web_search_call", member WebSearchToolCall): action`. */
  where: string;
  /** Baseline key: array indices as `[]`, union members as `[type=…]`: `item[type=web_search_call].action`. */
  path: string;
  /** `missing`, `null`, `type`, `value`, `extra`, or Zod's issue code. */
  kind: string;
  /** What was found and expected. */
  message: string;
  /** Raw path into the payload (for looking the field up in the model). */
  segments: PropertyKey[];
  /** What the payload has there (undefined: absent). */
  value?: unknown;
}

type Issue = z.core.$ZodIssue;

interface Def {
  type: string;
  shape?: Record<string, Node>;
  innerType?: Node;
  getter?: () => Node;
  element?: Node;
  valueType?: Node;
  options?: Node[];
  values?: unknown[];
  entries?: Record<string, unknown>;
}
interface Node {
  _zod: { def: Def };
}

/** Strips wrappers that do not change what a path leads to. */
function unwrap(node: Node | undefined): Node | undefined {
  for (let i = 0; node && i < 20; i++) {
    const def = node._zod.def;
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default' || def.type === 'readonly') node = def.innerType;
    else if (def.type === 'lazy') node = def.getter!();
    else return node;
  }
  return node;
}

/** The schema a path leads to inside `node`, following object keys, array elements and record values. */
function schemaAt(node: Node | undefined, path: readonly PropertyKey[]): Node | undefined {
  let at = unwrap(node);
  for (const key of path) {
    if (!at) return undefined;
    const def = at._zod.def;
    if (def.type === 'object') at = unwrap(Object.hasOwn(def.shape ?? {}, key as string) ? def.shape![key as string] : undefined);
    else if (def.type === 'array') at = unwrap(def.element);
    else if (def.type === 'record') at = unwrap(def.valueType);
    else return undefined;
  }
  return at;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

/** The literal `type` values a union member accepts. */
function discriminatorsOf(member: Node): unknown[] {
  const type = schemaAt(member, ['type'])?._zod.def;
  if (!type) return [];
  if (type.type === 'literal') return type.values ?? [];
  if (type.type === 'enum') return Object.values(type.entries ?? {});
  return [];
}

function describeValue(value: unknown): string {
  // A field the event does not have: never print JavaScript's `undefined` to someone reading a stream.
  if (value === undefined) return 'nothing (absent)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const isIndex = (key: PropertyKey) => typeof key === 'number';

function joinDisplay(base: string, path: readonly PropertyKey[]): string {
  let out = base;
  for (const key of path) out += isIndex(key) ? `[${String(key)}]` : out && !out.endsWith(': ') ? `.${String(key)}` : String(key);
  return out;
}

function joinKey(base: string, path: readonly PropertyKey[]): string {
  let out = base;
  for (const key of path) out += isIndex(key) ? '[]' : out ? `.${String(key)}` : String(key);
  return out;
}

const short = (value: unknown): string => {
  if (value === undefined) return 'nothing (absent)';
  const s = JSON.stringify(value) ?? String(value);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
};

function membersOf(options: readonly Node[], names: ReadonlyMap<object, string> | undefined): string {
  const named = options.map((o) => names?.get(o) ?? names?.get(unwrap(o) ?? o)).filter((n): n is string => Boolean(n));
  if (named.length !== options.length) return `one of ${options.length} members`;
  return named.length > 4 ? `${named.slice(0, 4).join(', ')}, … (${named.length} members)` : named.join(' | ');
}

/**
 * Every issue of a rejected payload, flattened: a union contributes its chosen member's issues.
 * `names` gives union members their generated type names, when known.
 */
export function explainIssues(
  schema: z.ZodType,
  payload: unknown,
  issues: readonly Issue[],
  names?: ReadonlyMap<object, string>,
): SchemaIssue[] {
  const out: SchemaIssue[] = [];
  walk(schema as unknown as Node, payload, issues, { where: '', key: '', segments: [] }, names, out);
  return out;
}

interface Prefix {
  /** Readable location so far, ending with `: ` after a union member. */
  where: string;
  key: string;
  segments: PropertyKey[];
}

function walk(
  root: Node,
  value: unknown,
  issues: readonly Issue[],
  prefix: Prefix,
  names: ReadonlyMap<object, string> | undefined,
  out: SchemaIssue[],
): void {
  for (const issue of issues) {
    const segments = [...prefix.segments, ...issue.path];
    const at = valueAt(value, issue.path);
    const where = (path: readonly PropertyKey[]) => joinDisplay(prefix.where, path);
    const key = (path: readonly PropertyKey[]) => joinKey(prefix.key, path);
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys)
        out.push({
          where: where([...issue.path, k]),
          path: key([...issue.path, k]),
          kind: 'extra',
          message: 'unexpected key',
          segments: [...segments, k],
        });
      continue;
    }
    if (issue.code === 'invalid_union') {
      const union = schemaAt(root, issue.path)?._zod.def;
      const options = union?.type === 'union' ? (union.options ?? []) : [];
      const tag = at !== null && typeof at === 'object' && !Array.isArray(at) ? (at as Record<string, unknown>).type : undefined;
      const errors = issue.errors;
      const isObject = at !== null && typeof at === 'object' && !Array.isArray(at);
      const discriminated = options.length === errors.length && options.some((o) => discriminatorsOf(o).length);
      // Nothing there, or not an object: no member to descend into; the union as a whole was expected.
      if (!isObject && options.length && options.every((o) => unwrap(o)?._zod.def.type === 'object')) {
        const kind = at === undefined ? 'missing' : at === null ? 'null' : 'type';
        out.push({
          where: where(issue.path),
          path: key(issue.path),
          kind,
          message: `expected object (${membersOf(options, names)}), received ${describeValue(at)}`,
          segments,
          value: at,
        });
        continue;
      }
      let chosen = -1;
      if (typeof tag === 'string' && options.length === errors.length) chosen = options.findIndex((o) => discriminatorsOf(o).includes(tag));
      if (chosen === -1 && discriminated) {
        const allowed = [...new Set(options.flatMap(discriminatorsOf))].map((v) => JSON.stringify(v));
        const expected = `expected one of ${allowed.slice(0, 8).join(', ')}${allowed.length > 8 ? `, … (${allowed.length})` : ''}`;
        const found =
          typeof tag === 'string'
            ? `no member has type ${short(tag)}, ${expected}`
            : `${expected}, received ${tag === undefined ? 'nothing (absent)' : short(tag)}`;
        out.push({
          where: where([...issue.path, 'type']),
          path: key([...issue.path, 'type']),
          kind: tag === undefined ? 'missing' : 'value',
          message: found,
          segments: [...segments, 'type'],
          value: tag,
        });
        continue;
      }
      // No discriminator to go by: the member that came closest (fewest issues) is the one meant.
      if (chosen === -1) chosen = errors.reduce((best, e, i) => (e.length < errors[best]!.length ? i : best), 0);
      const member = options[chosen];
      const name = member ? (names?.get(member) ?? names?.get(unwrap(member) ?? member)) : undefined;
      const label = [
        typeof tag === 'string' ? `type ${JSON.stringify(tag)}` : undefined,
        name ? `member ${name}` : `member ${chosen + 1} of ${errors.length}`,
      ]
        .filter(Boolean)
        .join(', ');
      const memberKey = typeof tag === 'string' ? `[type=${tag}]` : `[${chosen}]`;
      const sub = errors[chosen] ?? [];
      const next: Prefix = { where: `${where(issue.path)} (${label}): `, key: key(issue.path) + memberKey, segments };
      if (!member || sub.length === 0) {
        out.push({
          where: where(issue.path),
          path: key(issue.path),
          kind: 'union',
          message: 'matches no member of the union',
          segments,
          value: at,
        });
        continue;
      }
      walk(member, at, sub, next, names, out);
      continue;
    }
    if (issue.code === 'invalid_type') {
      const kind = at === undefined ? 'missing' : at === null ? 'null' : 'type';
      out.push({
        where: where(issue.path),
        path: key(issue.path),
        kind,
        message: `expected ${issue.expected}, received ${describeValue(at)}`,
        segments,
        value: at,
      });
      continue;
    }
    if (issue.code === 'invalid_value') {
      out.push({
        where: where(issue.path),
        path: key(issue.path),
        kind: 'value',
        message: `expected ${issue.values.map((v) => JSON.stringify(v)).join(' | ')}, received ${short(at)}`,
        segments,
        value: at,
      });
      continue;
    }
    out.push({ where: where(issue.path), path: key(issue.path), kind: issue.code, message: issue.message, segments, value: at });
  }
}

/** `where: message`, with the top-level payload called `(event)`. */
export function formatIssue(issue: SchemaIssue): string {
  const where = issue.where === '' ? '(event)' : issue.where.endsWith(': ') ? issue.where.slice(0, -2) : issue.where;
  return `${where}: ${issue.message}`;
}
