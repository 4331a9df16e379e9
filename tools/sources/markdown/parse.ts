/**
 * Markdown text → mdast with positions. Plain pages take the fast path (fast-parse.ts), which
 * returns the same tree remark-parse would; a page with something else in it is parsed section by
 * section (sectioned-parse.ts), the plain sections still on the fast path; what is left goes to
 * unified + remark-parse, loaded only then (~45 ms of module loading a cold run of plain pages no
 * longer pays). Node ≥ 20.19 `require`s these ES modules synchronously, so parsing stays a plain
 * function.
 */
import { createRequire } from 'node:module';
import type { Root } from 'mdast';
import type { Processor } from 'unified';
import { parseSimpleMarkdown } from './fast-parse.js';
import { parseBySection } from './sectioned-parse.js';

let processor: Processor<Root> | undefined;

function remark(): Processor<Root> {
  if (!processor) {
    const require = createRequire(import.meta.url);
    const { unified } = require('unified') as typeof import('unified');
    const remarkParse = (require('remark-parse') as typeof import('remark-parse')).default;
    processor = unified().use(remarkParse) as unknown as Processor<Root>;
  }
  return processor;
}

export function parseMarkdown(text: string): Root {
  const slow = (page: string) => remark().parse(page);
  return parseSimpleMarkdown(text) ?? parseBySection(text, slow) ?? slow(text);
}
