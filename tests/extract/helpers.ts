/** Shared by the extract tests: where the real corpus lives, and a reader for it. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import type { SourceInfo } from '../../tools/model/schema.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const CORPUS = fileURLToPath(new URL('../../../shared/reference/openai-docs/', import.meta.url));
export const PAGES = ['DOC_streaming_events.md', 'DOC_responses.md', 'DOC_conversations.md'] as const;

export function readPage(name: string): { text: string; source: SourceInfo } {
  const text = readFileSync(CORPUS + name, 'utf8');
  const sha256 = createHash('sha256').update(text).digest('hex');
  return { text, source: { id: name, kind: 'openai-docs', path: `../shared/reference/openai-docs/${name}`, sha256 } };
}
