/**
 * The published JSON Schemas (for editors and for consumers of model.json), derived from the Zod
 * definitions with Zod 4's own `z.toJSONSchema`. `npm run schemas` rewrites them; a test fails
 * when they are stale.
 */
import { z } from 'zod';
import { ConfigSchema } from '../config/schema.js';
import { toJsonText } from '../io/json.js';
import type { OutputFile } from '../io/write-plan.js';
import { ModelSchema } from '../model/schema.js';

export function schemaFiles(): OutputFile[] {
  const emit = (schema: z.ZodType, title: string, io: 'input' | 'output') =>
    toJsonText({
      ...z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any', cycles: 'ref', reused: 'inline' }),
      title,
    });
  return [
    { path: 'schema/config.schema.json', content: emit(ConfigSchema, 'specmap config', 'input'), producedBy: 'npm run schemas' },
    { path: 'schema/model.schema.json', content: emit(ModelSchema, 'specmap canonical model', 'output'), producedBy: 'npm run schemas' },
  ];
}
