/**
 * The JSON Schema target converts every schema in one Zod conversion and cuts each file out of it.
 * Held to the reference, each schema converted on its own with `z.toJSONSchema`: the same bytes
 * for random schema graphs (named and unnamed, shared, nested, recursive through `z.lazy`) and for
 * the models of the reference corpus (read from ../shared at run time); the one case where Zod's
 * shared result depends on the conversion (a cycle through unnamed schemas) falls back to the
 * reference.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigSchema } from '../../tools/config/schema.js';
import { convertEach, convertOnce, jsonSchemaTarget, reachingCycles } from '../../tools/generate/targets/json-schema.js';
import { buildRuntimeSchemas, buildZod, type RuntimeSchemas } from '../../tools/generate/zod/runtime-schemas.js';
import type { ObjectMode, ZNode } from '../../tools/generate/zod/zod-ir.js';
import { buildModel } from '../../tools/sources/load.js';
import { DOCS, OPENAPI, REPO } from './helpers.js';

/** A schema of the graph, in the generators' IR, with refs by index (`to` is taken modulo the graph's size). */
type Spec =
  | { k: 'string' | 'int' | 'number' | 'boolean' | 'null' | 'unknown' }
  | { k: 'literal'; value: string }
  | { k: 'enum'; values: string[] }
  | { k: 'array'; items: Spec }
  | { k: 'record'; values: Spec }
  | { k: 'object'; mode: ObjectMode; props: { name: string; optional: boolean; node: Spec }[] }
  | { k: 'union'; variants: Spec[] }
  | { k: 'nullable'; inner: Spec }
  | { k: 'ref'; to: number; lazy: boolean };

const name = fc.constantFrom('a', 'b', 'type', 'c_d', 'ref', '$ref', 'items');
const ref = fc.record({ k: fc.constant('ref' as const), to: fc.nat(7), lazy: fc.boolean() });
const spec: fc.Arbitrary<Spec> = fc.letrec<{ node: Spec }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<Spec>({ k: 'string' }, { k: 'int' }, { k: 'number' }, { k: 'boolean' }, { k: 'null' }, { k: 'unknown' }),
    fc.record({ k: fc.constant('literal' as const), value: name }),
    fc.record({ k: fc.constant('enum' as const), values: fc.uniqueArray(name, { minLength: 1, maxLength: 3 }) }),
    // Twice: references are what the shared conversion is about.
    ref,
    ref,
    fc.record({ k: fc.constant('array' as const), items: tie('node') }),
    fc.record({ k: fc.constant('record' as const), values: tie('node') }),
    fc.record({
      k: fc.constant('object' as const),
      mode: fc.constantFrom<ObjectMode>('strict', 'passthrough', 'strip'),
      props: fc.uniqueArray(fc.record({ name, optional: fc.boolean(), node: tie('node') }), {
        maxLength: 4,
        selector: (p) => p.name,
      }),
    }),
    fc.record({ k: fc.constant('union' as const), variants: fc.array(tie('node'), { minLength: 2, maxLength: 3 }) }),
    fc.record({ k: fc.constant('nullable' as const), inner: tie('node') }),
  ),
})).node;

/**
 * The graph built by the runtime schemas' own builder, as buildRuntimeSchemas does: in order, a ref
 * to an earlier schema direct and any other lazy (the plan makes the edges that close a cycle lazy).
 */
function build(specs: readonly Spec[], named: readonly boolean[]): RuntimeSchemas {
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
        const to = s.to % specs.length;
        return { k: 'ref', name: `S${to}`, lazy: to >= self || s.lazy };
      }
      default:
        return s;
    }
  };
  const byName = new Map<string, z.ZodType>();
  const registry = z.registry<{ id: string }>();
  specs.forEach((s, i) => {
    const schema = buildZod(ir(s, i), byName);
    byName.set(`S${i}`, schema);
    if (named[i]) registry.add(schema, { id: `S${i}` });
  });
  const union = z.union([...byName.values()] as [z.ZodType, z.ZodType]);
  return { plan: { schemas: [], events: [] } as unknown as RuntimeSchemas['plan'], byName, events: new Map(), union, registry };
}

/** Each schema's text both ways; `undefined` for the shared one when it declines. */
function bothWays(rt: RuntimeSchemas): { once: string[] | undefined; each: string[] } {
  const schemas = [...rt.byName.values(), rt.union];
  const text = (convert: (s: z.ZodType) => unknown) =>
    schemas.map((s) => {
      try {
        return JSON.stringify(convert(s));
      } catch (error) {
        return `throws: ${(error as Error).message}`;
      }
    });
  const once = convertOnce(rt, schemas);
  return { once: once && text(once), each: text(convertEach(rt)) };
}

describe('JSON Schema from one conversion', () => {
  it('gives the bytes each schema gives on its own, for random schema graphs', () => {
    let cut = 0;
    let total = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(spec, fc.boolean()), { minLength: 2, maxLength: 8 }), (graph) => {
        const rt = build(
          graph.map(([s]) => s),
          graph.map(([, n]) => n),
        );
        const { once, each } = bothWays(rt);
        expect(once).toBeDefined();
        expect(once).toEqual(each);
        const schemas = [...rt.byName.values(), rt.union];
        const around = reachingCycles(schemas);
        total += schemas.length;
        cut += schemas.filter((s) => !around.has(s)).length;
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400), seed: Number(process.env.FUZZ_SEED ?? 20261201) },
    );
    // Most files are cut from the shared conversion (those that reach no cycle), or the comparison
    // above would mostly compare the reference with itself.
    expect(cut / total).toBeGreaterThan(0.5);
  });

  it('converts a schema that reaches a cycle on its own', () => {
    // S0 (unnamed) holds itself through a lazy ref: its own conversion refers to it as `#`, and
    // the shared one cannot, since there it is not the root.
    const rt = build(
      [{ k: 'object', mode: 'strip', props: [{ name: 'a', optional: true, node: { k: 'ref', to: 0, lazy: true } }] }, { k: 'string' }],
      [false, true],
    );
    const { once, each } = bothWays(rt);
    expect(each[0]).toContain('"$ref":"#"');
    expect(once).toEqual(each);
    const around = reachingCycles([...rt.byName.values(), rt.union]);
    expect([rt.byName.get('S0'), rt.byName.get('S1'), rt.union].map((s) => around.has(s!))).toEqual([true, false, true]);
    // The target still writes every file, the reference way.
    const ctx = {
      plan: { schemas: [...rt.byName.keys()].map((typeName) => ({ typeName, id: typeName })) },
      runtime: () => rt,
      outDir: 'gen',
      bag: { error: (d: unknown) => expect.fail(JSON.stringify(d)) },
    } as unknown as Parameters<typeof jsonSchemaTarget>[0];
    const files = jsonSchemaTarget(ctx);
    expect(files.map((f) => f.path)).toEqual([
      'gen/json-schema/S0.schema.json',
      'gen/json-schema/S1.schema.json',
      'gen/json-schema/StreamEvent.schema.json',
    ]);
    const { $schema, $id, $comment, ...rest } = JSON.parse(files[0]!.content) as Record<string, unknown>;
    expect([$schema, $id, typeof $comment]).toEqual(['https://json-schema.org/draft/2020-12/schema', 'S0.schema.json', 'string']);
    expect(JSON.stringify({ $schema, ...rest })).toBe(each[0]);
  });

  it('is cut from the shared conversion, with the same bytes, for every model of the reference corpus', async () => {
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
      const { once, each } = bothWays(rt);
      expect(once, sources.map((s) => s.path).join(', ')).toBeDefined();
      expect(once!.length).toBeGreaterThan(50);
      expect(once).toEqual(each);
    }
  }, 120_000);
});
