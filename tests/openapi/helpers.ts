/** Shared by the OpenAPI tests: where the real corpus lives and a one-file reader for it. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DiagnosticBag } from '../../tools/diagnostics/diagnostic.js';
import type { SourceInfo } from '../../tools/model/schema.js';
import { extractOpenApi } from '../../tools/sources/openapi/read.js';
import type { SourceExtract } from '../../tools/sources/source-extract.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const REFERENCE = fileURLToPath(new URL('../../../shared/reference/', import.meta.url));

export const SPECS = {
  '2026-08-21': 'openapi/openai-openapi-2026-08-21.yaml',
  '2026-05-13': 'openapi/openai-openapi-2026-05-13.yaml',
  '2025-04-29': 'openapi/openai-openapi-2025-04-29.yaml',
  openresponses: 'openresponses/openresponses-2026-04-24.json',
} as const;

export function readSpec(rel: string): { text: string; source: SourceInfo } {
  const text = readFileSync(REFERENCE + rel, 'utf8');
  const id = rel.split('/').pop()!;
  return {
    text,
    source: { id, kind: 'openapi', path: `../shared/reference/${rel}`, sha256: createHash('sha256').update(text).digest('hex') },
  };
}

export function extractSpec(rel: string): { extract: SourceExtract; bag: DiagnosticBag; lines: string[] } {
  const { text, source } = readSpec(rel);
  const bag = new DiagnosticBag();
  return { extract: extractOpenApi(text, source, bag), bag, lines: text.split('\n') };
}
