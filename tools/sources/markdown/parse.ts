/** Thin wiring: markdown text → mdast with positions (unified + remark-parse). */
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse);

export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
