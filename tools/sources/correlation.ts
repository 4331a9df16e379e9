/**
 * Correlation keys: the fields a consumer uses to route an event to the response, item, part or
 * annotation it belongs to (DESIGN.md, "Events also keep … correlation keys").
 */
import type { Field } from '../model/schema.js';

const BUILTIN_CORRELATION_KEYS = [
  'item_id',
  'output_index',
  'content_index',
  'summary_index',
  'annotation_index',
  'partial_image_index',
  'call_id',
];

/** Fields that carry a whole object whose `id` correlates (`response` → `response.id`). */
const CARRIERS = ['response', 'item'];

export function correlationKeys(fields: readonly Field[], extra: readonly string[] = []): string[] {
  const names = new Set(fields.map((f) => f.name));
  const keys = CARRIERS.filter((c) => names.has(c)).map((c) => `${c}.id`);
  for (const k of [...BUILTIN_CORRELATION_KEYS, ...extra]) if (names.has(k)) keys.push(k);
  return keys;
}
