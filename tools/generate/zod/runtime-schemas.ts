/**
 * Runtime Zod 4 schemas built straight from the canonical model: what `verify` checks streams
 * against and what the JSON Schema target is derived from (`z.toJSONSchema`). The emitted Zod
 * source (print-zod.ts) reads the same plan, so both accept exactly the same payloads.
 *
 * Optionality of the docs' unmarked event fields: see shape/field-rules.ts (the `type` field and
 * fields present in the example are required; fields the example leaves out are optional).
 * Collapsed or structure-less objects are open objects (`z.looseObject({})`), never `any`.
 */
import { z } from 'zod';
import type { Model } from '../../model/schema.js';
import { planSchemas, type PlannedSchema, type SchemaPlan } from '../shape/schema-plan.js';
import type { ObjectMode, ZNode } from './zod-ir.js';

export interface RuntimeSchemaOptions {
  objects: ObjectMode;
}

export interface RuntimeSchemas {
  plan: SchemaPlan;
  /** Generated type name → schema, for every planned schema (named shapes, objects, bodies, events). */
  byName: Map<string, z.ZodType>;
  /** Event type (`response.created`) → schema. */
  events: Map<string, z.ZodType>;
  union: z.ZodType;
  /** Named shapes with their type name as `id`: `z.toJSONSchema` puts them in `$defs` instead of inlining each use. */
  registry: z.core.$ZodRegistry<{ id: string }>;
}

function buildZod(node: ZNode, named: ReadonlyMap<string, z.ZodType>): z.ZodType {
  switch (node.k) {
    case 'string':
      return z.string();
    case 'int':
      return z.number().int();
    case 'number':
      return z.number();
    case 'boolean':
      return z.boolean();
    case 'null':
      return z.null();
    case 'unknown':
      return z.unknown();
    case 'never':
      return z.never();
    case 'literal':
      return z.literal(node.value);
    case 'enum':
      return z.enum(node.values as [string, ...string[]]);
    case 'array':
      return z.array(buildZod(node.items, named));
    case 'record':
      return z.record(z.string(), buildZod(node.values, named));
    case 'object': {
      // Null prototype: a field named `__proto__` or `constructor` is a key here, not Object's own.
      const shape: Record<string, z.ZodType> = Object.create(null);
      for (const p of node.props) {
        const s = buildZod(p.node, named);
        shape[p.name] = p.optional ? s.optional() : s;
      }
      return node.mode === 'strict' ? z.strictObject(shape) : node.mode === 'passthrough' ? z.looseObject(shape) : z.object(shape);
    }
    case 'union':
      return z.union(node.variants.map((v) => buildZod(v, named)) as [z.ZodType, z.ZodType, ...z.ZodType[]]);
    case 'nullable':
      return buildZod(node.inner, named).nullable();
    case 'ref': {
      if (node.lazy) return z.lazy(() => getNamedOrThrow(named, node.name));
      return getNamedOrThrow(named, node.name);
    }
  }
}

function getNamedOrThrow(named: ReadonlyMap<string, z.ZodType>, name: string): z.ZodType {
  const s = named.get(name);
  if (!s) throw new Error(`internal: schema ${name} used before it was built`);
  return s;
}

/** Builds every planned schema in plan order (dependencies first), sharing one name table. */
export function buildRuntimeSchemas(model: Model, opts: RuntimeSchemaOptions): RuntimeSchemas {
  return runtimeSchemasOf(planSchemas(model, { objects: opts.objects }));
}

/** The runtime schemas of a plan. */
export function runtimeSchemasOf(plan: SchemaPlan): RuntimeSchemas {
  const byName = new Map<string, z.ZodType>();
  const registry = z.registry<{ id: string }>();
  for (const s of plan.schemas) {
    const schema = buildZod(s.node, byName);
    byName.set(s.typeName, schema);
    if (s.kind === 'named') registry.add(schema, { id: s.typeName });
  }
  const events = new Map<string, z.ZodType>();
  for (const e of plan.events) events.set(e.eventType!, byName.get(e.typeName)!);
  return { plan, byName, events, union: unionOf(plan.events, byName), registry };
}

function unionOf(events: readonly PlannedSchema[], byName: ReadonlyMap<string, z.ZodType>): z.ZodType {
  const members = events.map((e) => byName.get(e.typeName)!) as z.core.$ZodTypeDiscriminable[];
  if (members.length === 0) return z.never();
  return z.discriminatedUnion('type', members as [z.core.$ZodTypeDiscriminable, ...z.core.$ZodTypeDiscriminable[]]);
}

/** Event type → runtime schema of that event. */
export function buildEventSchemas(model: Model, opts: RuntimeSchemaOptions): Map<string, z.ZodType> {
  return buildRuntimeSchemas(model, opts).events;
}

/** The discriminated union of every event on `type`: rejects unknown types with a readable error. */
export function buildEventUnion(model: Model, opts: RuntimeSchemaOptions): z.ZodType {
  return buildRuntimeSchemas(model, opts).union;
}
