/**
 * Runtime schemas for check 2: the generators' runtime schemas (tools/generate/zod), so verify checks
 * streams against exactly what `specmap generate` emits as Zod. Optionality and object mode follow the
 * generators' rules (config `generate.zodObjects`). The generated type names come along so a failed
 * union can name the member it tried.
 */
import type { z } from 'zod';
import type { Model } from '../model/schema.js';

export type EventSchemas = Map<string, z.ZodType>;
export type ObjectMode = 'strict' | 'passthrough' | 'strip';

export interface LoadedSchemas {
  schemas: EventSchemas;
  /** Schema object → its generated type name (`WebSearchToolCall`). */
  names: Map<object, string>;
  source: string;
}

export async function loadEventSchemas(model: Model, objects: ObjectMode): Promise<LoadedSchemas> {
  const { buildRuntimeSchemas } = await import('../generate/zod/runtime-schemas.js');
  const built = buildRuntimeSchemas(model, { objects });
  const names = new Map<object, string>();
  for (const [name, schema] of built.byName) if (!names.has(schema)) names.set(schema, name);
  return { schemas: built.events, names, source: `generated Zod (${objects} objects)` };
}
