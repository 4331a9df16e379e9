/**
 * OpenAPI 3.0/3.1 schema → TypeExpr. Named component schemas become `{ kind: 'ref', name }` and
 * are converted once into `ctx.schemas` (placeholder first, so recursive schemas terminate).
 * Nullability comes out separately, because the model keeps it on the field (`Field.nullable`):
 * 3.0 `nullable: true`, 3.1 `type: [x, 'null']`, a `null` in `enum`, a `{type: 'null'}` member of
 * `oneOf`/`anyOf`. Where there is no field to carry it (array items, union members), it becomes a
 * `null` variant.
 */
import type { Field, LiteralValue, TypeExpr } from '../../model/schema.js';
import { anchorAt, deref, isObject, schemaRefName, type Json, type Located, type OpenApiContext } from './context.js';
import { objectShape } from './object-shape.js';

export interface Converted {
  type: TypeExpr;
  nullable: boolean;
}

const isLiteral = (v: unknown): v is LiteralValue => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** Converts a component schema by name (once) and returns a ref to it. */
function namedType(ctx: OpenApiContext, name: string, at: Located): TypeExpr {
  if (!ctx.schemas.has(name)) {
    ctx.schemas.set(name, null);
    const target = deref(ctx, at);
    const c = target ? convert(ctx, { ...target, name: undefined }) : { type: { kind: 'unknown' } as TypeExpr, nullable: false };
    ctx.schemas.set(name, withNull(c));
  }
  return { kind: 'ref', name };
}

/** A type that carries its own nullability (for places without a field). */
function withNull(c: Converted): TypeExpr {
  if (!c.nullable) return c.type;
  if (c.type.kind === 'union') return { ...c.type, variants: [...c.type.variants, { kind: 'null' }] };
  return { kind: 'union', variants: [c.type, { kind: 'null' }] };
}

export function convert(ctx: OpenApiContext, at: Located): Converted {
  const s = at.value;
  const nullable = s.nullable === true;
  if (typeof s.$ref === 'string') {
    const name = schemaRefName(s.$ref);
    if (name) {
      if (!deref(ctx, at)) return { type: { kind: 'unknown' }, nullable };
      return { type: namedType(ctx, name, at), nullable };
    }
    const target = deref(ctx, at);
    return target ? or(convert(ctx, target), nullable) : { type: { kind: 'unknown' }, nullable };
  }
  if (s.const !== undefined && isLiteral(s.const)) {
    return s.const === null ? { type: { kind: 'null' }, nullable: false } : { type: { kind: 'literal', value: s.const }, nullable };
  }
  if (Array.isArray(s.enum)) {
    const values = s.enum.filter(isLiteral).filter((v) => v !== null);
    const hasNull = s.enum.includes(null);
    if (values.length === 1) return { type: { kind: 'literal', value: values[0]! }, nullable: nullable || hasNull };
    if (values.length > 1) return { type: { kind: 'enum', values }, nullable: nullable || hasNull };
  }
  if (Array.isArray(s.allOf)) return or(convertAllOf(ctx, at), nullable);
  const union = Array.isArray(s.oneOf) ? 'oneOf' : Array.isArray(s.anyOf) ? 'anyOf' : undefined;
  if (union) return or(convertUnion(ctx, at, union), nullable);
  if (Array.isArray(s.type)) {
    const types = s.type.filter((t): t is string => typeof t === 'string');
    const nonNull = types.filter((t) => t !== 'null');
    const hasNull = nonNull.length < types.length;
    if (nonNull.length === 0) return { type: { kind: 'null' }, nullable: false };
    if (nonNull.length === 1) return or(convertTyped(ctx, at, nonNull[0]!), hasNull || nullable);
    return { type: { kind: 'union', variants: nonNull.map((t) => withNull(convertTyped(ctx, at, t))) }, nullable: hasNull || nullable };
  }
  if (typeof s.type === 'string') return or(convertTyped(ctx, at, s.type), nullable);
  if (isObject(s.properties) || s.additionalProperties !== undefined) return or(convertTyped(ctx, at, 'object'), nullable);
  if (isObject(s.items)) return or(convertTyped(ctx, at, 'array'), nullable);
  return { type: { kind: 'unknown' }, nullable };
}

const or = (c: Converted, nullable: boolean): Converted => (nullable && !c.nullable ? { ...c, nullable } : c);

function convertTyped(ctx: OpenApiContext, at: Located, type: string): Converted {
  const s = at.value;
  switch (type) {
    case 'string':
      return { type: typeof s.format === 'string' ? { kind: 'string', format: s.format } : { kind: 'string' }, nullable: false };
    case 'integer':
    case 'number':
    case 'boolean':
      return { type: { kind: type }, nullable: false };
    case 'null':
      return { type: { kind: 'null' }, nullable: false };
    case 'array': {
      const items = isObject(s.items) ? withNull(convert(ctx, { value: s.items, pointer: [...at.pointer, 'items'] })) : undefined;
      return { type: items ? { kind: 'array', items } : { kind: 'array' }, nullable: false };
    }
    case 'object':
      return { type: convertObject(ctx, at), nullable: false };
    default:
      return { type: { kind: 'unknown' }, nullable: false };
  }
}

function convertObject(ctx: OpenApiContext, at: Located): TypeExpr {
  const shape = objectShape(ctx, at);
  const add = shape.additional;
  if (!shape.properties.length) {
    if (isObject(add) && Object.keys(add).length) {
      return { kind: 'map', values: withNull(convert(ctx, { value: add, pointer: [...at.pointer, 'additionalProperties'] })) };
    }
    return add === false ? { kind: 'object', fields: [] } : { kind: 'object' };
  }
  const fields = shape.properties.map((p) => fieldOf(ctx, p.name, p.at, shape.required.has(p.name)));
  return add === true || (isObject(add) && Object.keys(add).length)
    ? { kind: 'object', fields, additional: true }
    : { kind: 'object', fields };
}

function convertAllOf(ctx: OpenApiContext, at: Located): Converted {
  const members = (at.value.allOf as unknown[]).flatMap((m, i) =>
    isObject(m) ? [{ value: m, pointer: [...at.pointer, 'allOf', i] }] : [],
  );
  const own = { ...at.value };
  delete own.allOf;
  const ownShape = isObject(own.properties) || own.type === 'object';
  // `allOf: [$ref]` (+ description/default/nullable siblings) is an alias, not a merge.
  if (members.length === 1 && !ownShape) {
    const c = convert(ctx, members[0]!);
    return own.nullable === true ? { ...c, nullable: true } : c;
  }
  const shape = objectShape(ctx, at);
  if (shape.objectLike) return { type: convertObject(ctx, at), nullable: false };
  return convert(ctx, members[members.length - 1]!);
}

function convertUnion(ctx: OpenApiContext, at: Located, key: 'oneOf' | 'anyOf'): Converted {
  const list = at.value[key] as unknown[];
  const variants: TypeExpr[] = [];
  const seen = new Set<string>();
  let nullable = false;
  list.forEach((m, i) => {
    if (!isObject(m)) return;
    const c = convert(ctx, { value: m, pointer: [...at.pointer, key, i] });
    if (c.type.kind === 'null') {
      nullable = true;
      return;
    }
    if (c.nullable) nullable = true;
    const k = JSON.stringify(c.type);
    if (seen.has(k)) return;
    seen.add(k);
    variants.push(c.type);
  });
  if (variants.length === 0) return { type: { kind: 'null' }, nullable: false };
  if (variants.length === 1) return { type: variants[0]!, nullable };
  const d = at.value.discriminator;
  const discriminator = isObject(d) && typeof d.propertyName === 'string' ? d.propertyName : undefined;
  return { type: discriminator ? { kind: 'union', variants, discriminator } : { kind: 'union', variants }, nullable };
}

/** The description a schema node shows: its own, else that of the schema it aliases (a `$ref`, a one-member `allOf`, a nullable wrapper's only member). */
export function describe(ctx: OpenApiContext, at: Located, depth = 0): string {
  const s = at.value;
  if (typeof s.description === 'string') return s.description.trim();
  if (depth > 8) return '';
  if (typeof s.$ref === 'string') {
    const t = deref(ctx, at);
    return t ? describe(ctx, t, depth + 1) : '';
  }
  if (Array.isArray(s.allOf) && s.allOf.length === 1 && isObject(s.allOf[0])) {
    return describe(ctx, { value: s.allOf[0], pointer: [...at.pointer, 'allOf', 0] }, depth + 1);
  }
  const member = nullableMember(at);
  return member ? describe(ctx, member, depth + 1) : '';
}

/**
 * The only non-null member X of a nullable wrapper `anyOf`/`oneOf: [X, {type: 'null'}]` (the form
 * OpenAPI 3.1 specs use for a nullable field, where `description`, `default`, `deprecated` often
 * sit on X rather than on the field). The union key is chosen as `convert` chooses it.
 */
function nullableMember(at: Located): Located | undefined {
  const s = at.value;
  const key = Array.isArray(s.oneOf) ? 'oneOf' : Array.isArray(s.anyOf) ? 'anyOf' : undefined;
  if (!key) return undefined;
  const list = s[key] as unknown[];
  const members = list.flatMap((m, i) => (isObject(m) && !isNullSchema(m) ? [{ value: m, pointer: [...at.pointer, key, i] }] : []));
  const hasNull = list.some((m) => isObject(m) && isNullSchema(m));
  return hasNull && members.length === 1 ? members[0] : undefined;
}

/** A field's default: its own, else (for a nullable wrapper) its member's. Refs' targets are not read, as for a plain `$ref` field. */
function defaultOf(at: Located): unknown {
  if (at.value.default !== undefined) return at.value.default;
  const member = nullableMember(at);
  return member ? defaultOf(member) : undefined;
}

/** Deprecated when the field says so or the schema it refs does; a nullable wrapper that says nothing defers to its member. */
function isDeprecated(ctx: OpenApiContext, at: Located): boolean {
  const s = at.value;
  const member = typeof s.deprecated === 'boolean' ? undefined : nullableMember(at);
  if (member) return isDeprecated(ctx, member);
  return s.deprecated === true || (typeof s.$ref === 'string' && deref(ctx, at)?.value.deprecated === true);
}

/**
 * The values of an enum-valued schema, seen through refs, array items, single-member `allOf` and
 * a union whose only non-null member is an enum; with where they are listed.
 */
export function enumOf(ctx: OpenApiContext, start: Located, depth = 0): { values: LiteralValue[]; at: Located } | undefined {
  const at = deref(ctx, start);
  if (!at || depth > 8) return undefined;
  const s = at.value;
  if (Array.isArray(s.enum)) {
    const values = s.enum.filter(isLiteral).filter((v) => v !== null);
    return values.length > 1 ? { values, at } : undefined;
  }
  if (isObject(s.items)) return enumOf(ctx, { value: s.items, pointer: [...at.pointer, 'items'] }, depth + 1);
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = s[key];
    if (!Array.isArray(list)) continue;
    const members = list.flatMap((m, i) => (isObject(m) && !isNullSchema(m) ? [{ value: m, pointer: [...at.pointer, key, i] }] : []));
    if (members.length === 1) return enumOf(ctx, members[0]!, depth + 1);
  }
  return undefined;
}

const isNullSchema = (s: Json): boolean => s.type === 'null' || (Array.isArray(s.enum) && s.enum.length === 1 && s.enum[0] === null);

function refAdmitsNull(ctx: OpenApiContext, type: TypeExpr): boolean {
  if (type.kind !== 'ref') return false;
  const named = ctx.schemas.get(type.name);
  return named?.kind === 'union' && named.variants.some((v) => v.kind === 'null');
}

/** One property → a model field, anchored at its key line. */
export function fieldOf(ctx: OpenApiContext, name: string, at: Located, required: boolean): Field {
  const c = convert(ctx, at);
  const values = enumOf(ctx, at)?.values;
  const defaultValue = defaultOf(at);
  return {
    name,
    type: c.type,
    required,
    // A ref to a schema that admits null (`Metadata: anyOf [object, null]`) makes the field nullable.
    nullable: c.nullable || refAdmitsNull(ctx, c.type),
    deprecated: isDeprecated(ctx, at),
    ...(defaultValue !== undefined ? { default: defaultValue as Field['default'] } : {}),
    ...(values ? { enum: values } : {}),
    description: describe(ctx, at),
    collapsed: false,
    sources: [ctx.file],
    anchors: [anchorAt(ctx, at.pointer)],
  };
}
