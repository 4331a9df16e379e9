/**
 * Target `json-schema`: draft 2020-12 JSON Schema for every planned schema and the event union,
 * produced by Zod 4's own `z.toJSONSchema` on the runtime schemas (zod-to-json-schema is
 * deprecated upstream for Zod 4). `io: 'input'` describes what a payload may look like: a plain
 * (strip) object then accepts extra keys, as the Zod schema does, instead of
 * `additionalProperties: false` which the default output mode would write. Named shapes
 * (`Model.schemas`, e.g. OpenAPI components) go to `$defs` under their type name and are referenced:
 * inlining every use made the merged model's union ten times larger and ajv fifteen times slower.
 *
 * One conversion serves every file: Zod converts an object holding all the planned schemas once,
 * and each file is its schema's part of that result with the `$defs` its references reach, in the
 * order a conversion of that schema alone lists them (first reached, depth first). Converting each
 * schema on its own converted every shared definition again for each file that reaches it: ~320
 * conversions, 0.2 s of a cold `check` on the merged OpenAI model. A file whose schema reaches a
 * cycle is still converted on its own (around a cycle Zod's output depends on where the conversion
 * starts), and so is every file when the shared conversion fails (each failure is then reported
 * for its own schema). `tests/generate/json-schema-once.test.ts` holds both ways to the same bytes
 * on random schema graphs and on the reference corpus's models.
 */
import { z } from 'zod';
import { toJsonText } from '../../io/json.js';
import { GENERATE_COMMAND, banners } from '../banner.js';
import { outPath, type GenerateContext, type Target } from '../context.js';
import type { RuntimeSchemas } from '../zod/runtime-schemas.js';

const JSON_SCHEMA_DIR = 'json-schema';
const UNION_NAME = 'StreamEvent';
const DEFS_REF = '#/$defs/';

type Json = Record<string, unknown>;

export function toJsonSchema(schema: z.ZodType, named?: z.core.$ZodRegistry<{ id: string }>): Json {
  return z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    cycles: 'ref',
    reused: 'inline',
    ...(named ? { metadata: named } : {}),
  }) as Json;
}

/** A file's schema, as Zod converts it alone: `$schema`, then its body, then the `$defs` it reaches. */
type Convert = (schema: z.ZodType) => Json;

/** Each schema converted on its own: the reference the shared conversion is held to. */
export const convertEach =
  (rt: RuntimeSchemas): Convert =>
  (schema) =>
    toJsonSchema(schema, rt.registry);

/**
 * Every schema from one conversion of an object that holds them all (`schemas`, in order), or
 * undefined when that result cannot stand for each schema's own conversion.
 */
export function convertOnce(rt: RuntimeSchemas, schemas: readonly z.ZodType[]): Convert | undefined {
  let all: Json;
  try {
    all = toJsonSchema(z.object(Object.fromEntries(schemas.map((s, i) => [`s${i}`, s]))), rt.registry);
  } catch {
    return undefined;
  }
  const defs = (all.$defs ?? {}) as Record<string, Json>;
  const bodies = all.properties as Record<string, Json>;
  if (!refsResolve(all, new Set(Object.keys(defs)))) return undefined;
  const index = new Map(schemas.map((s, i) => [s, i]));
  const recursive = reachingCycles(schemas);
  return (schema) => {
    const i = index.get(schema);
    const body = i === undefined ? undefined : bodies[`s${i}`];
    if (!body) throw new Error('internal: a schema the shared conversion does not hold');
    // Around a cycle, what Zod writes depends on where its conversion enters the cycle: the root
    // is referred to as `#`, and an unnamed schema on the cycle becomes a numbered definition when
    // the conversion reaches it again. A file that reaches a cycle is converted on its own.
    if (recursive.has(schema)) return toJsonSchema(schema, rt.registry);
    const reached = reachedDefs(body, defs);
    return {
      $schema: all.$schema,
      ...body,
      ...(reached.length > 0 ? { $defs: Object.fromEntries(reached.map((id) => [id, defs[id]])) } : {}),
    };
  };
}

/**
 * Calls `each` with every reference in a JSON Schema value, in document order (a string under
 * `$ref`; an object there is a property named `$ref`), until `each` returns false; false then.
 */
function eachRef(node: unknown, each: (ref: string) => boolean): boolean {
  if (Array.isArray(node)) return node.every((n) => eachRef(n, each));
  if (typeof node !== 'object' || node === null) return true;
  for (const [key, value] of Object.entries(node)) {
    if (!(key === '$ref' && typeof value === 'string' ? each(value) : eachRef(value, each))) return false;
  }
  return true;
}

/** Every reference in the result names one of its `$defs` (the file cut relies on nothing else). */
function refsResolve(node: unknown, ids: ReadonlySet<string>): boolean {
  return eachRef(node, (ref) => ref.startsWith(DEFS_REF) && ids.has(decodePointer(ref.slice(DEFS_REF.length))));
}

/**
 * The definitions a body reaches, in the order a conversion of that body alone records them: each
 * when first reached, before what it reaches itself (Zod records a schema before converting its
 * parts, and writes parts in the order it converts them).
 */
function reachedDefs(body: Json, defs: Record<string, Json>): string[] {
  const reached: string[] = [];
  const seen = new Set<string>();
  const visit = (node: unknown): boolean =>
    eachRef(node, (ref) => {
      const id = decodePointer(ref.slice(DEFS_REF.length));
      if (!seen.has(id)) {
        seen.add(id);
        reached.push(id);
        visit(defs[id]);
      }
      return true;
    });
  visit(body);
  return reached;
}

type Node = z.core.$ZodType;

const isSchema = (v: unknown): v is Node =>
  typeof v === 'object' && v !== null && '_zod' in v && typeof (v as Node)._zod?.def?.type === 'string';

/** The schemas Zod converts as parts of `s`: every schema its definition holds (checks aside), a lazy's target, a clone's original. */
function partsOf(s: Node): Node[] {
  const out: Node[] = [];
  for (const [key, value] of Object.entries(s._zod.def)) {
    if (key === 'checks') continue;
    if (isSchema(value)) out.push(value);
    else if (Array.isArray(value)) out.push(...value.filter(isSchema));
    else if (key === 'shape' && typeof value === 'object' && value !== null) out.push(...Object.values(value).filter(isSchema));
  }
  if (s._zod.def.type === 'lazy') out.push((s as z.core.$ZodLazy)._zod.innerType);
  if (s._zod.parent) out.push(s._zod.parent);
  return out;
}

/**
 * The schemas, among those `roots` reach, that lie on a cycle or reach one: Tarjan's strongly
 * connected components, which come out after every component they reach.
 */
export function reachingCycles(roots: readonly Node[]): Set<Node> {
  const index = new Map<Node, number>();
  const low = new Map<Node, number>();
  const stack: Node[] = [];
  const onStack = new Set<Node>();
  const found = new Set<Node>();
  const partsMemo = new Map<Node, Node[]>();
  const parts = (v: Node): Node[] => {
    let p = partsMemo.get(v);
    if (!p) {
      p = partsOf(v);
      partsMemo.set(v, p);
    }
    return p;
  };
  const visit = (v: Node): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of parts(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: Node[] = [];
    let w: Node;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    const cycle = component.length > 1 || parts(v).includes(v);
    if (cycle || component.some((c) => parts(c).some((p) => found.has(p)))) for (const c of component) found.add(c);
  };
  for (const r of roots) if (!index.has(r)) visit(r);
  return found;
}

/** A JSON Pointer segment back to the name it encodes (RFC 6901). */
const decodePointer = (segment: string): string => segment.replace(/~1/g, '/').replace(/~0/g, '~');

function file(ctx: GenerateContext, convert: Convert, name: string, item: string, schema: z.ZodType) {
  try {
    const { $schema, ...rest } = convert(schema);
    const doc = { $schema, $id: `${name}.schema.json`, $comment: banners().json, ...rest };
    return [{ path: outPath(ctx, `${JSON_SCHEMA_DIR}/${name}.schema.json`), content: toJsonText(doc), producedBy: GENERATE_COMMAND }];
  } catch (error) {
    ctx.bag.error({
      code: 'json-schema-failed',
      file: item,
      line: 1,
      column: 1,
      message: `Unexpected failure converting ${item} to JSON Schema: ${(error as Error).message}, expected a representable schema`,
    });
    return [];
  }
}

export const jsonSchemaTarget: Target = (ctx) => {
  const rt = ctx.runtime();
  const items = [
    ...ctx.plan.schemas.map((s) => ({ name: s.typeName, item: s.id, schema: rt.byName.get(s.typeName)! })),
    { name: UNION_NAME, item: 'the event union', schema: rt.union },
  ];
  const convert =
    convertOnce(
      rt,
      items.map((i) => i.schema),
    ) ?? convertEach(rt);
  return items.flatMap((i) => file(ctx, convert, i.name, i.item, i.schema));
};
