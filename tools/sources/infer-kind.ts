import type { SourceConfig } from '../config/schema.js';
import type { SourceKind } from '../model/schema.js';

/** The kind a file is read as when the config does not say. */
export function inferKind(path: string, config: SourceConfig): SourceKind {
  if (config.kind) return config.kind;
  if (config.group) return 'catalog';
  return /\.(ya?ml|json)$/i.test(path) ? 'openapi' : 'openai-docs';
}
