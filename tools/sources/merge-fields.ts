/**
 * Merging one field as several sources define it (DESIGN.md "Several sources merge"). The
 * definitions arrive in precedence order: docs first, then OpenAPI, then catalogs.
 *
 * The merged field:
 * - `description`, `typeText`, `anchors`: docs first (users cite the docs), the others appended.
 * - `type`: from the first OpenAPI definition when there is one (it carries the full structure the
 *   scrape collapsed), else the first definition's; `collapsed` follows the definition the type came from.
 * - `required`: the first definition that says (docs event fields say nothing: `null`).
 * - `nullable`, `deprecated`: true when any source says so (a validator generated from the merged
 *   model must accept what any source allows).
 * - `default`: the first definition's that has one. `enum`: every value, first definition's order first.
 * - `sources`: every source that defines the field.
 *
 * `conflicts` (read by `crosscheck`): one entry per property on which two sources that both say
 * something disagree, listing each defining source's value. "Saying nothing" never conflicts:
 * a `required: null`, a missing default, no enum, an `unknown` type. Types are compared by
 * coarse shape (string, integer, number, boolean, null, array, object, their unions), so
 * `object` in the docs and a `$ref` to an object schema agree. `presence`: the item is defined
 * by more sources than the field; values say, per source of the item, whether it has the field.
 */
import type { Conflict, Field, JsonValue, LiteralValue, Model, SourceKind, TypeExpr } from '../model/schema.js';
import { getOwn } from '../model/own.js';

export interface FieldDef {
  source: string;
  kind: SourceKind;
  field: Field;
}

const uniq = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/** The coarse shape of a type: a sorted set of base kinds, or undefined when unknown. */
export function shapeOf(type: TypeExpr | undefined, schemas: Model['schemas']): string[] | undefined {
  const shape = rawShape(type, schemas, 0);
  // Nullability is compared on its own (`nullable`), also when a ref'd schema admits null.
  const nonNull = shape?.filter((s) => s !== 'null');
  return nonNull?.length ? nonNull : shape;
}

function rawShape(type: TypeExpr | undefined, schemas: Model['schemas'], depth: number): string[] | undefined {
  if (!type || depth > 16) return undefined;
  switch (type.kind) {
    case 'unknown':
      return undefined;
    case 'literal':
      return [
        type.value === null
          ? 'null'
          : typeof type.value === 'number'
            ? Number.isInteger(type.value)
              ? 'integer'
              : 'number'
            : typeof type.value,
      ];
    case 'enum':
      return uniq(type.values.map((v) => (v === null ? 'null' : typeof v === 'number' ? 'number' : typeof v))).sort();
    case 'map':
    case 'object':
      return ['object'];
    case 'ref':
      return rawShape(getOwn(schemas, type.name), schemas, depth + 1) ?? ['object'];
    case 'union': {
      const parts = type.variants.map((v) => rawShape(v, schemas, depth + 1));
      if (parts.some((p) => p === undefined)) return undefined;
      return uniq(parts.flat() as string[]).sort();
    }
    default:
      return [type.kind];
  }
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function conflictOn(
  property: Conflict['property'],
  defs: readonly FieldDef[],
  valueIn: (f: Field) => JsonValue | undefined,
  same: (a: JsonValue, b: JsonValue) => boolean = sameJson,
): Conflict | undefined {
  const said = defs.flatMap((d) => {
    const value = valueIn(d.field);
    return value === undefined ? [] : [{ source: d.source, value }];
  });
  if (said.length < 2 || said.every((s) => same(s.value, said[0]!.value))) return undefined;
  return { property, values: said };
}

export function mergeFieldDefs(defs: readonly FieldDef[], itemSources: readonly string[], schemas: Model['schemas']): Field {
  const first = defs[0]!.field;
  const typed = defs.find((d) => d.kind === 'openapi') ?? defs[0]!;
  const enumValues = uniq(defs.flatMap((d) => d.field.enum ?? [])) as LiteralValue[];
  const withDefault = defs.find((d) => d.field.default !== undefined);
  const required = defs.find((d) => d.field.required !== null)?.field.required ?? null;
  const typeText = defs.find((d) => d.field.typeText !== undefined)?.field.typeText;
  const conflicts: Conflict[] = [];
  const push = (c: Conflict | undefined): void => {
    if (c) conflicts.push(c);
  };
  push(
    conflictOn(
      'type',
      defs,
      (f) => shapeOf(f.type, schemas) ?? undefined,
      (a, b) => sameJson(a, b),
    ),
  );
  push(conflictOn('required', defs, (f) => f.required ?? undefined));
  push(conflictOn('nullable', defs, (f) => f.nullable));
  push(conflictOn('enum', defs, (f) => (f.enum ? [...f.enum].map(String).sort() : undefined)));
  push(conflictOn('default', defs, (f) => f.default));
  push(conflictOn('deprecated', defs, (f) => f.deprecated));
  const fieldSources = uniq(defs.flatMap((d) => d.field.sources));
  if (itemSources.some((s) => !fieldSources.includes(s))) {
    conflicts.push({ property: 'presence', values: itemSources.map((s) => ({ source: s, value: fieldSources.includes(s) })) });
  }
  const merged: Field = {
    name: first.name,
    ...(typeText !== undefined ? { typeText } : {}),
    type: typed.field.type,
    required,
    nullable: defs.some((d) => d.field.nullable),
    deprecated: defs.some((d) => d.field.deprecated),
    ...(withDefault ? { default: withDefault.field.default! } : {}),
    ...(enumValues.length ? { enum: enumValues } : {}),
    description: defs.find((d) => d.field.description)?.field.description ?? '',
    collapsed: typed.field.collapsed,
    sources: fieldSources,
    anchors: uniq(defs.flatMap((d) => d.field.anchors)),
  };
  const before = [...(first.conflicts ?? [])];
  const all = [...before, ...conflicts];
  return all.length ? { ...merged, conflicts: all } : merged;
}

/**
 * Merges field lists of one item: fields keep the first list's order, fields only later sources
 * have follow in their order. `itemSources` are the sources that define the item.
 */
export function mergeFieldLists(
  lists: readonly { source: string; kind: SourceKind; fields: readonly Field[] }[],
  itemSources: readonly string[],
  schemas: Model['schemas'],
): Field[] {
  const byName = new Map<string, FieldDef[]>();
  for (const list of lists) {
    for (const field of list.fields) {
      const defs = byName.get(field.name) ?? [];
      defs.push({ source: list.source, kind: list.kind, field });
      byName.set(field.name, defs);
    }
  }
  return [...byName.values()].map((defs) => mergeFieldDefs(defs, itemSources, schemas));
}
