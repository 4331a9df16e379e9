/**
 * The JSON Schema target writes its files from the schema plan, not through Zod's conversion. Held
 * to the reference, each runtime schema converted on its own by `z.toJSONSchema`: the same bytes
 * for random schema plans (named shapes that refer to each other, directly, as aliases and through
 * the lazy refs that close a cycle; objects and events that use them; names Zod must key with care)
 * and for the models of the reference corpus (read from ../shared at run time). A schema that
 * reaches a cycle is left to Zod, and the target's file is then Zod's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ConfigSchema } from '../../tools/config/schema.js';
import type { PlannedSchema, SchemaPlan } from '../../tools/generate/shape/schema-plan.js';
import { jsonSchemaTarget, toJsonSchema } from '../../tools/generate/targets/json-schema.js';
import { planJsonSchemas } from '../../tools/generate/zod/ir-json-schema.js';
import { buildRuntimeSchemas, runtimeSchemasOf, type RuntimeSchemas } from '../../tools/generate/zod/runtime-schemas.js';
import type { ObjectMode, ZNode } from '../../tools/generate/zod/zod-ir.js';
import { buildModel } from '../../tools/sources/load.js';
import { DOCS, OPENAPI, REPO } from './helpers.js';

/** A node of the plan, with refs by index into the named shapes (`to` is taken modulo their number). */
type Spec =
  | { k: 'string' | 'int' | 'number' | 'boolean' | 'null' | 'unknown' | 'never' }
  | { k: 'literal'; value: string | number | boolean }
  | { k: 'enum'; values: string[] }
  | { k: 'array'; items: Spec }
  | { k: 'record'; values: Spec }
  | { k: 'object'; mode: ObjectMode; props: { name: string; optional: boolean; node: Spec }[] }
  | { k: 'union'; variants: Spec[] }
  | { k: 'nullable'; inner: Spec }
  | { k: 'ref'; to: number; lazy: boolean };

/** Names an object's keys must keep apart: integer-like ones come first in a JS object, `__proto__` is no key by assignment. */
const name = fc.constantFrom('a', 'b', 'type', 'c_d', '$ref', 'items', '__proto__', '10', '2', 'constructor');
const ref = fc.record({ k: fc.constant('ref' as const), to: fc.nat(7), lazy: fc.boolean() });
const object = (node: fc.Arbitrary<Spec>) =>
  fc.record({
    k: fc.constant('object' as const),
    mode: fc.constantFrom<ObjectMode>('strict', 'passthrough', 'strip'),
    // Repeats allowed: the runtime shape keeps a repeated name's first place and last schema.
    props: fc.array(fc.record({ name, optional: fc.boolean(), node }), { maxLength: 4 }),
  });
const spec: fc.Arbitrary<Spec> = fc.letrec<{ node: Spec }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<Spec>(
      { k: 'string' },
      { k: 'int' },
      { k: 'number' },
      { k: 'boolean' },
      { k: 'null' },
      { k: 'unknown' },
      { k: 'never' },
    ),
    fc.record({ k: fc.constant('literal' as const), value: fc.oneof(name, fc.integer({ min: -3, max: 3 }), fc.boolean()) }),
    fc.record({ k: fc.constant('enum' as const), values: fc.array(name, { minLength: 1, maxLength: 4 }) }),
    // Twice: references are what the definitions are about.
    ref,
    ref,
    fc.record({ k: fc.constant('array' as const), items: tie('node') }),
    fc.record({ k: fc.constant('record' as const), values: tie('node') }),
    object(tie('node')),
    fc.record({ k: fc.constant('union' as const), variants: fc.array(tie('node'), { minLength: 2, maxLength: 3 }) }),
    fc.record({ k: fc.constant('nullable' as const), inner: tie('node') }),
  ),
})).node;

/** A named shape's type name; one needs escaping in a JSON Pointer. */
const typeName = (i: number): string => (i === 3 ? 'S~3/x' : `S${i}`);

/**
 * A plan as planSchemas makes one: named shapes in order, a ref to an earlier one direct and any
 * other lazy (the refs that close a cycle), then objects and events whose refs are all direct.
 */
function planOf(named: readonly Spec[], objects: readonly Spec[], events: readonly Spec[]): SchemaPlan {
  const ir = (s: Spec, self: number): ZNode => {
    switch (s.k) {
      case 'array':
        return { k: 'array', items: ir(s.items, self) };
      case 'record':
        return { k: 'record', values: ir(s.values, self) };
      case 'object':
        return {
          k: 'object',
          mode: s.mode,
          props: s.props.map((p) => ({ name: p.name, optional: p.optional, node: ir(p.node, self), description: '', deprecated: false })),
        };
      case 'union':
        return { k: 'union', variants: s.variants.map((v) => ir(v, self)) };
      case 'nullable':
        return { k: 'nullable', inner: ir(s.inner, self) };
      case 'ref': {
        if (named.length === 0) return { k: 'unknown' };
        const to = s.to % named.length;
        return { k: 'ref', name: typeName(to), lazy: to >= self || (s.lazy && self < named.length) };
      }
      default:
        return s;
    }
  };
  const planned = (kind: PlannedSchema['kind'], i: number, node: ZNode, eventType?: string): PlannedSchema => ({
    kind,
    id: `${kind}:${i}`,
    typeName: kind === 'named' ? typeName(i) : `${kind}${i}`,
    node,
    description: '',
    ...(eventType ? { eventType } : {}),
  });
  const eventList = events.map((s, i) => {
    const node = ir(s, Number.POSITIVE_INFINITY) as Extract<ZNode, { k: 'object' }>;
    const typed: ZNode = {
      ...node,
      props: [{ name: 'type', optional: false, node: { k: 'literal', value: `e${i}` }, description: '', deprecated: false }, ...node.props],
    };
    return planned('event', i, typed, `e${i}`);
  });
  const schemas = [
    ...named.map((s, i) => planned('named', i, ir(s, i))),
    ...objects.map((s, i) => planned('object', i, ir(s, Number.POSITIVE_INFINITY))),
    ...eventList,
  ];
  return { schemas, events: eventList, unresolvedRefs: [] };
}

/** Every file's JSON as Zod writes it for the runtime schema converted alone, the event union last. */
function byZod(rt: RuntimeSchemas): string[] {
  const schemas: z.ZodType[] = [...rt.plan.schemas.map((s) => rt.byName.get(s.typeName)!), rt.union];
  return schemas.map((s) => JSON.stringify(toJsonSchema(s, rt.registry)));
}

/** Every file's JSON as written from the plan; `cycle` where it is left to Zod. */
function direct(plan: SchemaPlan): string[] {
  const files = planJsonSchemas(plan);
  return [...plan.schemas, undefined].map((s) => {
    const json = files.fileOf(s);
    return json ? JSON.stringify(json) : 'cycle';
  });
}

/** The target's files with the header it adds taken out, in the same order. */
function targetFiles(plan: SchemaPlan, rt: RuntimeSchemas): string[] {
  let built = 0;
  const ctx = {
    plan,
    runtime: () => {
      built++;
      return rt;
    },
    outDir: 'gen',
    bag: { error: (d: unknown) => expect.fail(JSON.stringify(d)) },
  } as unknown as Parameters<typeof jsonSchemaTarget>[0];
  const files = jsonSchemaTarget(ctx).map((f) => {
    const { $id, $comment, ...rest } = JSON.parse(f.content) as Record<string, unknown>;
    expect(typeof $comment).toBe('string');
    expect(f.path).toBe(`gen/json-schema/${$id}`);
    return JSON.stringify(rest);
  });
  // The runtime schemas are built only for a schema that reaches a cycle.
  expect(built > 0).toBe(direct(plan).includes('cycle'));
  return files;
}

const objectSpec = object(spec);

describe('JSON Schema written from the plan', () => {
  it('is what Zod writes for each schema on its own, for random plans', () => {
    let written = 0;
    let total = 0;
    fc.assert(
      fc.property(
        fc.array(spec, { minLength: 0, maxLength: 7 }),
        fc.array(objectSpec, { maxLength: 2 }),
        fc.array(objectSpec, { maxLength: 3 }),
        (named, objects, events) => {
          const plan = planOf(named, objects, events);
          const rt = runtimeSchemasOf(plan);
          const zod = byZod(rt);
          const mine = direct(plan);
          mine.forEach((json, i) => {
            if (json !== 'cycle') expect(json).toBe(zod[i]);
          });
          expect(targetFiles(plan, rt)).toEqual(zod);
          total += mine.length;
          written += mine.filter((j) => j !== 'cycle').length;
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400), seed: Number(process.env.FUZZ_SEED ?? 20261205) },
    );
    // Most files are written from the plan (those that reach no cycle), or the comparison above
    // would mostly compare Zod with itself.
    expect(written / total).toBeGreaterThan(0.5);
  });

  it('writes an alias under the id the runtime registry keeps, the last name of the shape', () => {
    // S1 is S0 itself (a direct ref), and S2 holds S1: every use of either is the one definition.
    const plan = planOf(
      [{ k: 'string' }, { k: 'ref', to: 0, lazy: false }, { k: 'array', items: { k: 'ref', to: 1, lazy: false } }],
      [],
      [],
    );
    const mine = direct(plan);
    expect(mine.slice(0, 3).map((j) => JSON.parse(j))).toEqual([
      { $schema: 'https://json-schema.org/draft/2020-12/schema', $ref: '#/$defs/S1', $defs: { S1: { type: 'string' } } },
      { $schema: 'https://json-schema.org/draft/2020-12/schema', $ref: '#/$defs/S1', $defs: { S1: { type: 'string' } } },
      {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $ref: '#/$defs/S2',
        $defs: { S2: { type: 'array', items: { $ref: '#/$defs/S1' } }, S1: { type: 'string' } },
      },
    ]);
    expect(mine).toEqual(byZod(runtimeSchemasOf(plan)));
  });

  it('leaves a schema that reaches a cycle to Zod, and writes the rest', () => {
    // S0 holds itself through a lazy ref; S1 holds S0; S2 stands alone.
    const plan = planOf(
      [
        { k: 'object', mode: 'strip', props: [{ name: 'a', optional: true, node: { k: 'ref', to: 0, lazy: true } }] },
        { k: 'array', items: { k: 'ref', to: 0, lazy: false } },
        { k: 'string' },
      ],
      [],
      [{ k: 'object', mode: 'strict', props: [{ name: 'b', optional: false, node: { k: 'ref', to: 2, lazy: false } }] }],
    );
    const rt = runtimeSchemasOf(plan);
    expect(direct(plan).map((j) => j === 'cycle')).toEqual([true, true, false, false, false]);
    const zod = byZod(rt);
    expect(zod[0]).toContain('"$ref":"#/$defs/S0"');
    expect(targetFiles(plan, rt)).toEqual(zod);
  });

  it('is what Zod writes for every model of the reference corpus', async () => {
    const ref = '../shared/reference';
    const sets = [
      [...DOCS, OPENAPI],
      [{ path: `${ref}/openapi/openai-openapi-2025-04-29.yaml` }],
      [{ path: `${ref}/openresponses/openresponses-2026-04-24.json` }],
      [{ path: `${ref}/llama-stack/llama-stack-openapi-2025-08-29.yaml` }],
    ];
    for (const [i, sources] of sets.entries()) {
      const config = ConfigSchema.parse({ sources, generate: { zodObjects: (['passthrough', 'strict', 'strip'] as const)[i % 3] } });
      const { model } = await buildModel(config, REPO);
      const rt = buildRuntimeSchemas(model, { objects: config.generate.zodObjects });
      const zod = byZod(rt);
      const mine = direct(rt.plan);
      const label = sources.map((s) => s.path).join(', ');
      expect(mine.length, label).toBeGreaterThan(50);
      expect(mine.filter((j) => j !== 'cycle').length / mine.length, label).toBeGreaterThan(0.5);
      mine.forEach((json, j) => {
        if (json !== 'cycle') expect(json, `${label}: ${rt.plan.schemas[j]?.typeName ?? 'the union'}`).toBe(zod[j]);
      });
    }
  }, 120_000);
});
