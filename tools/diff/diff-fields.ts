/**
 * Field-level diff, recursing into nested objects, array items and the object variants of unions,
 * with `ref`s resolved through each model's `schemas` (each side keeps its own set of refs entered
 * on the current path, so recursive schemas stop instead of looping).
 */
import type { Field, JsonValue, TypeExpr } from '../model/schema.js';
import { childLocation, pushChange, type Anchors, type DiffContext } from './context.js';
import { admitsNull, asVariant, enumValuesOf, refNameOf, shapeOf, shapesDiffer, structureOf } from './shape.js';

const json = (v: JsonValue | undefined): string | undefined => (v === undefined ? undefined : JSON.stringify(v));
const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** One line that says what a field is: `integer`, `string | null (required)`. */
export function fieldSummary(field: Field, schemas: DiffContext['oldSchemas']): string {
  const nullable = field.nullable || admitsNull(field.type, schemas);
  const req = field.required === true ? ' (required)' : field.required === false ? ' (optional)' : '';
  return `${shapeOf(field.type, schemas)}${nullable ? ' | null' : ''}${req}`;
}

export function diffFieldLists(
  ctx: DiffContext,
  oldFields: readonly Field[],
  newFields: readonly Field[],
  prefix: string,
  loc: string,
  parent: Anchors,
  seen: { old: ReadonlySet<string>; new: ReadonlySet<string> },
): void {
  const byName = new Map(newFields.map((f) => [f.name, f]));
  const oldNames = new Set(oldFields.map((f) => f.name));
  for (const f of oldFields) {
    const n = byName.get(f.name);
    const path = prefix + f.name;
    if (!n) {
      pushChange(
        ctx,
        'field-removed',
        path,
        childLocation(loc, f.name),
        { old: f.anchors[0] ?? parent.old, new: parent.new },
        fieldSummary(f, ctx.oldSchemas),
      );
    } else diffField(ctx, f, n, path, childLocation(loc, f.name), parent, seen);
  }
  for (const n of newFields) {
    if (oldNames.has(n.name)) continue;
    pushChange(
      ctx,
      'field-added',
      prefix + n.name,
      childLocation(loc, n.name),
      { old: parent.old, new: n.anchors[0] ?? parent.new },
      undefined,
      fieldSummary(n, ctx.newSchemas),
      n.required === true,
    );
  }
}

export function diffField(
  ctx: DiffContext,
  o: Field,
  n: Field,
  path: string,
  loc: string,
  parent: Anchors,
  seen: { old: ReadonlySet<string>; new: ReadonlySet<string> },
): void {
  const anchors = { old: o.anchors[0] ?? parent.old, new: n.anchors[0] ?? parent.new };
  const oShape = shapeOf(o.type, ctx.oldSchemas, seen.old);
  const nShape = shapeOf(n.type, ctx.newSchemas, seen.new);
  const typeChanged = shapesDiffer(oShape, nShape);
  if (typeChanged) pushChange(ctx, 'type', path, loc, anchors, oShape, nShape);
  if (o.required !== null && n.required !== null && o.required !== n.required)
    pushChange(ctx, 'required', path, loc, anchors, o.required, n.required);
  const oNull = o.nullable || admitsNull(o.type, ctx.oldSchemas);
  const nNull = n.nullable || admitsNull(n.type, ctx.newSchemas);
  if (oNull !== nNull) pushChange(ctx, 'nullable', path, loc, anchors, oNull, nNull);
  if (o.deprecated !== n.deprecated) pushChange(ctx, 'deprecated', path, loc, anchors, o.deprecated, n.deprecated);
  if (json(o.default) !== json(n.default)) pushChange(ctx, 'default', path, loc, anchors, o.default ?? null, n.default ?? null);
  if (!ctx.enumItemParams.has(path)) diffEnumValues(ctx, o, n, path, loc, anchors);
  if (norm(o.description) !== norm(n.description)) pushChange(ctx, 'description', path, loc, anchors, o.description, n.description);
  if (!typeChanged) diffStructure(ctx, o.type, n.type, path, loc, anchors, seen);
}

function diffEnumValues(ctx: DiffContext, o: Field, n: Field, path: string, loc: string, anchors: Anchors): void {
  const ov = enumValuesOf(o, ctx.oldSchemas);
  const nv = enumValuesOf(n, ctx.newSchemas);
  // A plain type gaining or losing a value list is a narrowing/widening of the values; compare as sets.
  if (!ov && !nv) return;
  const os = new Set((ov ?? []).map(String));
  const ns = new Set((nv ?? []).map(String));
  if (ov) for (const v of os) if (nv && !ns.has(v)) pushChange(ctx, 'enum-value-removed', `${path}=${v}`, `${loc}=${v}`, anchors, v);
  if (nv)
    for (const v of ns) if (ov && !os.has(v)) pushChange(ctx, 'enum-value-added', `${path}=${v}`, `${loc}=${v}`, anchors, undefined, v);
  if (!ov || !nv) {
    pushChange(
      ctx,
      'type',
      path,
      loc,
      anchors,
      ov ? `one of ${[...os].join(', ')}` : 'any value',
      nv ? `one of ${[...ns].join(', ')}` : 'any value',
    );
  }
}

/**
 * Recurses into what both types contain; an object without fields (a collapsed scrape) has nothing
 * to compare. Entering a named schema starts a new location (the new version's name, else the
 * old one's): what changed inside it changed once, however many items reach it.
 */
function diffStructure(
  ctx: DiffContext,
  oType: TypeExpr,
  nType: TypeExpr,
  path: string,
  at: string,
  anchors: Anchors,
  seen: { old: ReadonlySet<string>; new: ReadonlySet<string> },
): void {
  const os = structureOf(oType, ctx.oldSchemas, seen.old);
  const ns = structureOf(nType, ctx.newSchemas, seen.new);
  if (!os || !ns) return;
  const loc = refNameOf(nType, ctx.newSchemas) ?? refNameOf(oType, ctx.oldSchemas) ?? at;
  const next = { old: os.seen, new: ns.seen };
  if (os.fields && ns.fields) diffFieldLists(ctx, os.fields, ns.fields, `${path}.`, loc, anchors, next);
  if (os.items && ns.items) diffStructure(ctx, os.items, ns.items, `${path}[]`, `${loc}[]`, anchors, next);
  const oVariants = os.variants ?? (ns.variants && os.fields ? asVariant(oType, ctx.oldSchemas, seen.old) : undefined);
  const nVariants = ns.variants ?? (os.variants && ns.fields ? asVariant(nType, ctx.newSchemas, seen.new) : undefined);
  if (oVariants && nVariants) {
    for (const [key, v] of oVariants) {
      const nv = nVariants.get(key);
      if (!nv) pushChange(ctx, 'variant-removed', `${path}[${key}]`, `${loc}[${key}]`, anchors, key);
      else diffStructure(ctx, v, nv, `${path}[${key}]`, `${loc}[${key}]`, anchors, next);
    }
    for (const key of nVariants.keys())
      if (!oVariants.has(key)) pushChange(ctx, 'variant-added', `${path}[${key}]`, `${loc}[${key}]`, anchors, undefined, key);
  }
}
