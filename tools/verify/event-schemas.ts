/**
 * Runtime schemas for check 2: the generators' `buildEventSchemas` (tools/generate/zod), so verify
 * checks streams against exactly what `specmap generate` emits as Zod. Optionality and object mode
 * follow the generators' rules (config `generate.zodObjects`).
 */
import type { z } from 'zod';
import type { Model } from '../model/schema.js';

export type EventSchemas = Map<string, z.ZodType>;
export type ObjectMode = 'strict' | 'passthrough' | 'strip';

export async function loadEventSchemas(model: Model, objects: ObjectMode): Promise<{ schemas: EventSchemas; source: string }> {
  const { buildEventSchemas } = await import('../generate/zod/runtime-schemas.js');
  return { schemas: buildEventSchemas(model, { objects }), source: `generated Zod (${objects} objects)` };
}
