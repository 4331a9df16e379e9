/** The bytes of `spec/model.json` for a model: one function, so that "up to date" means "the same bytes". */
import { toJsonText } from '../io/json.js';
import type { Model } from '../model/schema.js';

const MODEL_SCHEMA_URL = 'https://specmap.dev/schema/model.schema.json';

export function modelText(model: Model): string {
  return toJsonText({ $schema: MODEL_SCHEMA_URL, ...model });
}
