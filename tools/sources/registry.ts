/**
 * Source readers by kind. Each is a pure function from file text to a SourceExtract; the
 * loader does all file access. Readers are imported lazily so a command pays only for the
 * kinds its config names.
 */
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { SourceConfig } from '../config/schema.js';
import type { SourceInfo, SourceKind } from '../model/schema.js';
import type { SourceExtract } from './source-extract.js';

export type SourceReader = (
  text: string,
  source: SourceInfo,
  config: SourceConfig,
  bag: DiagnosticBag,
) => SourceExtract | Promise<SourceExtract>;

export async function getReader(kind: SourceKind): Promise<SourceReader> {
  switch (kind) {
    case 'openai-docs': {
      const { extractPage } = await import('./markdown/extract-page.js');
      return (text, source, _config, bag) => extractPage(text, source, bag);
    }
    case 'openapi': {
      const { readOpenApi } = await import('./openapi/read.js');
      return readOpenApi;
    }
    case 'catalog': {
      const { readCatalog } = await import('./catalog/read.js');
      return readCatalog;
    }
  }
}

export { inferKind } from './infer-kind.js';
