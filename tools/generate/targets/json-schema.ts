/**
 * Target `json-schema`: draft 2020-12 JSON Schema for every planned schema and the event union, as
 * Zod 4's own `z.toJSONSchema` converts the runtime schemas (zod-to-json-schema is deprecated
 * upstream for Zod 4). `io: 'input'` describes what a payload may look like: a plain (strip) object
 * then accepts extra keys, as the Zod schema does, instead of `additionalProperties: false` which
 * the default output mode would write. Named shapes (`Model.schemas`, e.g. OpenAPI components) go
 * to `$defs` under their type name and are referenced: inlining every use made the merged model's
 * union ten times larger and ajv fifteen times slower.
 *
 * The files are written from the schema plan (zod/ir-json-schema.ts), byte for byte what Zod
 * writes, without building the runtime schemas or running Zod's conversion: on the merged OpenAI
 * model that was ~0.1 s of a cold `sync` or `check` even with one conversion shared by every file.
 * A schema that reaches a cycle is converted by Zod itself, on its own (around a cycle Zod's
 * output depends on where its conversion starts).
 */
import { z } from 'zod';
import { toJsonText } from '../../io/json.js';
import { GENERATE_COMMAND, banners } from '../banner.js';
import { outPath, type GenerateContext, type Target } from '../context.js';
import type { PlannedSchema } from '../shape/schema-plan.js';
import { planJsonSchemas, type Json } from '../zod/ir-json-schema.js';

const JSON_SCHEMA_DIR = 'json-schema';
const UNION_NAME = 'StreamEvent';

export function toJsonSchema(schema: z.ZodType, named?: z.core.$ZodRegistry<{ id: string }>): Json {
  return z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    cycles: 'ref',
    reused: 'inline',
    ...(named ? { metadata: named } : {}),
  }) as Json;
}

function file(ctx: GenerateContext, convert: () => Json, name: string, item: string) {
  try {
    const { $schema, ...rest } = convert();
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
  const direct = planJsonSchemas(ctx.plan);
  // Zod, for a schema that reaches a cycle: the runtime schemas are built only then.
  const byZod = (planned: PlannedSchema | undefined): Json => {
    const rt = ctx.runtime();
    return toJsonSchema(planned ? rt.byName.get(planned.typeName)! : rt.union, rt.registry);
  };
  const items = [
    ...ctx.plan.schemas.map((s) => ({ name: s.typeName, item: s.id, planned: s as PlannedSchema | undefined })),
    { name: UNION_NAME, item: 'the event union', planned: undefined },
  ];
  return items.flatMap((i) => file(ctx, () => direct.fileOf(i.planned) ?? byZod(i.planned), i.name, i.item));
};
