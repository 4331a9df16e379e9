/** mapping.json bytes: `JSON.stringify(x, null, 2) + '\n'` over an object whose key order computeMapping fixed. */
import { toJsonText } from '../io/json.js';
import type { Mapping } from './schema.js';

export function mappingText(mapping: Mapping): string {
  return toJsonText(mapping);
}
