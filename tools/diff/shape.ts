/**
 * Type expressions seen the way a diff needs them: `ref`s resolved through `model.schemas` (with a
 * guard against cycles), a coarse "shape" string for deciding whether a type changed, and the
 * structure (fields, array items, union variants) to recurse into.
 */
import type { Field, LiteralValue, Model, TypeExpr } from '../model/schema.js';
import { getOwn } from '../model/own.js';

export type Schemas = Model['schemas'];

/**
 * Follows `ref`s until a non-ref. `seen` holds the ref names already entered on the current path;
 * entering one again is a cycle, reported as `undefined` so callers stop recursing there.
 */
function resolve(type: TypeExpr, schemas: Schemas, seen: ReadonlySet<string>): { type: TypeExpr; seen: ReadonlySet<string> } | undefined {
  // Copy the set only when a ref is entered: most nodes are not refs, and this runs for every node.
  if (type.kind !== 'ref') return { type, seen };
  const next = new Set(seen);
  let t: TypeExpr = type;
  while (t.kind === 'ref') {
    if (next.has(t.name)) return undefined;
    next.add(t.name);
    const target: TypeExpr | undefined = getOwn(schemas, t.name);
    if (!target) return { type: { kind: 'unknown' }, seen: next };
    t = target;
  }
  return { type: t, seen: next };
}

/**
 * The named schema a type is, looking through `ref` chains and a nullable wrapper
 * (`anyOf: [$ref X, null]`): the last name on the way, or undefined for an inline type.
 */
export function refNameOf(type: TypeExpr, schemas: Schemas): string | undefined {
  let name: string | undefined;
  let t: TypeExpr | undefined = type;
  const seen = new Set<string>();
  while (t) {
    if (t.kind === 'ref') {
      if (seen.has(t.name)) return name;
      seen.add(t.name);
      name = t.name;
      t = getOwn(schemas, t.name);
    } else if (t.kind === 'union' && nonNullVariants(t).length === 1) t = nonNullVariants(t)[0];
    else return name;
  }
  return name;
}

/** Union variants without `null` (nullability is compared on its own). */
function nonNullVariants(type: TypeExpr): TypeExpr[] {
  return type.kind === 'union' ? type.variants.filter((v) => v.kind !== 'null') : [type];
}

/**
 * A coarse, comparable description of a type: `string`, `array<integer>`, `object`,
 * `integer | string`. Object structure is not part of it (nested fields are diffed one by one), and
 * enum values are not either (compared as values), so that a change is reported once, where it is.
 */
export function shapeOf(type: TypeExpr, schemas: Schemas, seen: ReadonlySet<string> = new Set()): string {
  const r = resolve(type, schemas, seen);
  if (!r) return type.kind === 'ref' ? `ref:${type.name}` : 'unknown';
  const t = r.type;
  switch (t.kind) {
    case 'literal':
      return t.value === null ? 'null' : typeof t.value === 'string' ? 'string' : typeof t.value;
    case 'enum': {
      const kinds = new Set(t.values.filter((v) => v !== null).map((v) => (typeof v === 'number' ? 'number' : typeof v)));
      return [...kinds].sort().join(' | ') || 'null';
    }
    case 'array':
      return t.items ? `array<${shapeOf(t.items, schemas, r.seen)}>` : 'array';
    case 'map':
      return 'map';
    case 'object':
      return 'object';
    case 'union': {
      const parts = new Set(nonNullVariants(t).map((v) => shapeOf(v, schemas, r.seen)));
      // A bare `array` (docs words) next to `array<…>` adds nothing.
      return [...parts].sort().join(' | ') || 'null';
    }
    case 'string':
      return 'string';
    default:
      return t.kind;
  }
}

/** Whether a type admits `null` by itself (3.1 type arrays and `anyOf: [X, null]` land as unions). */
export function admitsNull(type: TypeExpr, schemas: Schemas): boolean {
  const r = resolve(type, schemas, new Set());
  if (!r) return false;
  const t = r.type;
  if (t.kind === 'null') return true;
  if (t.kind === 'literal') return t.value === null;
  if (t.kind === 'enum') return t.values.includes(null);
  return t.kind === 'union' && t.variants.some((v) => admitsNull(v, schemas));
}

/** The listed values of a field: its own `enum`, else those of its (only non-null, possibly array) type. */
export function enumValuesOf(field: Field, schemas: Schemas): LiteralValue[] | undefined {
  if (field.enum) return field.enum.filter((v) => v !== null);
  const pick = (t: TypeExpr, seen: ReadonlySet<string>): LiteralValue[] | undefined => {
    const r = resolve(t, schemas, seen);
    if (!r) return undefined;
    const x = r.type;
    if (x.kind === 'enum') return x.values.filter((v) => v !== null);
    if (x.kind === 'array' && x.items) return pick(x.items, r.seen);
    if (x.kind === 'union') {
      const vs = nonNullVariants(x);
      return vs.length === 1 ? pick(vs[0]!, r.seen) : undefined;
    }
    return undefined;
  };
  return pick(field.type, new Set());
}

export interface Structure {
  /** Fields of the object this type is (or the object its single non-null variant is). */
  fields?: Field[];
  /** Element type of an array, recursed into as `name[]`. */
  items?: TypeExpr;
  /** Object variants of a union keyed by their discriminator value (or ref name). */
  variants?: Map<string, TypeExpr>;
  seen: ReadonlySet<string>;
}

/** The discriminator value of an object variant: its `type` (or named discriminator) literal. */
function variantKey(v: TypeExpr, schemas: Schemas, seen: ReadonlySet<string>, discriminator: string): string | undefined {
  const r = resolve(v, schemas, seen);
  if (r?.type.kind !== 'object') return v.kind === 'ref' ? v.name : undefined;
  const tag = r.type.fields?.find((f) => f.name === discriminator);
  const lit = tag && resolve(tag.type, schemas, r.seen)?.type;
  if (lit?.kind === 'literal') return `${discriminator}=${String(lit.value)}`;
  if (lit?.kind === 'enum' && lit.values.length === 1) return `${discriminator}=${String(lit.values[0])}`;
  return v.kind === 'ref' ? v.name : undefined;
}

/** What there is to recurse into; undefined on a cycle. Objects without fields have no known structure. */
export function structureOf(type: TypeExpr, schemas: Schemas, seen: ReadonlySet<string>): Structure | undefined {
  const r = resolve(type, schemas, seen);
  if (!r) return undefined;
  const t = r.type;
  if (t.kind === 'object') return { fields: t.fields, seen: r.seen };
  if (t.kind === 'array') return { items: t.items, seen: r.seen };
  if (t.kind === 'union') {
    const vs = nonNullVariants(t);
    if (vs.length === 1) return structureOf(vs[0]!, schemas, r.seen);
    const variants = new Map<string, TypeExpr>();
    for (const v of vs) {
      const key = variantKey(v, schemas, r.seen, t.discriminator ?? 'type');
      if (key !== undefined && !variants.has(key)) variants.set(key, v);
    }
    return variants.size ? { variants, seen: r.seen } : { seen: r.seen };
  }
  return { seen: r.seen };
}

/**
 * An object on one side against a union of objects on the other (a union gained its second
 * variant): the object is that union's variant of the same key, so compare variant by variant.
 */
export function asVariant(type: TypeExpr, schemas: Schemas, seen: ReadonlySet<string>): Map<string, TypeExpr> | undefined {
  const key = variantKey(nonNullVariants(resolve(type, schemas, seen)?.type ?? type)[0] ?? type, schemas, seen, 'type');
  return key === undefined ? undefined : new Map([[key, type]]);
}

/**
 * Whether two shapes differ. The docs' type words are coarse (`array`, `object`, `map`), so a
 * bare word matches any refinement of it: `array` ~ `array<string>`, `object` ~ `map`; `unknown`
 * matches anything. `string` vs `integer` is a real difference.
 */
export function shapesDiffer(a: string, b: string): boolean {
  if (a === b || a === 'unknown' || b === 'unknown') return false;
  const parts = (s: string): string[] =>
    s
      .split(' | ')
      .map((p) => p.replace(/<.*>$/, ''))
      .map((p) => (p === 'map' ? 'object' : p));
  const coarse = (s: string): boolean => !s.includes('<');
  if (coarse(a) || coarse(b)) return parts(a).sort().join(' | ') !== parts(b).sort().join(' | ');
  return true;
}
