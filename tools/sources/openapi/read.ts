import type { SourceReader } from '../registry.js';
import { InputError } from '../../diagnostics/errors.js';

// Replaced by the OpenAPI reader (issue: OpenAPI and catalog sources).
export const readOpenApi: SourceReader = (_text, source) => {
  throw new InputError(`OpenAPI sources are not supported yet (${source.path})`);
};
