import type { SourceReader } from '../registry.js';
import { InputError } from '../../diagnostics/errors.js';

// Replaced by the catalog reader (issue: OpenAPI and catalog sources).
export const readCatalog: SourceReader = (_text, source) => {
  throw new InputError(`catalog sources are not supported yet (${source.path})`);
};
