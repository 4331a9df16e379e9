/**
 * Target `json-schema`: draft 2020-12 JSON Schema for every planned schema and the event union,
 * produced by Zod 4's own `z.toJSONSchema` on the runtime schemas (zod-to-json-schema is
 * deprecated upstream for Zod 4). `io: 'input'` describes what a payload may look like: a plain
 * (strip) object then accepts extra keys, as the Zod schema does, instead of
 * `additionalProperties: false` which the default output mode would write. Named shapes
 * (`Model.schemas`, e.g. OpenAPI components) go to `$defs` under their type name and are referenced:
 * inlining every use made the merged model's union ten times larger and ajv fifteen times slower.
 */
import { z } from 'zod';
import { toJsonText } from '../../io/json.js';
import { GENERATE_COMMAND, banners } from '../banner.js';
import { outPath, type GenerateContext, type Target } from '../context.js';

const JSON_SCHEMA_DIR = 'json-schema';
const UNION_NAME = 'StreamEvent';

export function toJsonSchema(schema: z.ZodType, named?: z.core.$ZodRegistry<{ id: string }>): Record<string, unknown> {
  return z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    cycles: 'ref',
    reused: 'inline',
    ...(named ? { metadata: named } : {}),
  }) as Record<string, unknown>;
}

function file(ctx: GenerateContext, name: string, item: string, schema: z.ZodType) {
  try {
    const { $schema, ...rest } = toJsonSchema(schema, ctx.runtime().registry);
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
  return [
    ...ctx.plan.schemas.flatMap((s) => file(ctx, s.typeName, s.id, rt.byName.get(s.typeName)!)),
    ...file(ctx, UNION_NAME, 'the event union', rt.union),
  ];
};
