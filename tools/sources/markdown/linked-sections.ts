/**
 * API sections the scraped pages link to in their navigation (`[Audio](…/docs/api-reference/audio)`
 * under a plain-text group label such as `Platform APIs`). The model holds only what the sources
 * define; this list, kept on the page's source info, lets the report name the sections it cannot
 * speak for. Pure: mdast in, list out.
 */
import type { Root, RootContent } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';

import type { LinkedSection } from '../../model/schema.js';

const REFERENCE = /^https:\/\/platform\.openai\.com\/docs\/api-reference\/([a-z0-9-]+)\/?$/;
/** Labels that mark a nav entry, not a group (`Beta` badges). */
const BADGES = new Set(['Beta', 'New', 'Legacy badge']);

/**
 * Reads the nav block: paragraphs before the first heading. A paragraph that is a lone link to a
 * top-level reference page is a section; a plain-text paragraph is a group label. Links before the
 * first group label (introduction, authentication…) are general pages, not API sections.
 */
export function extractLinkedSections(tree: Root): LinkedSection[] {
  const out: LinkedSection[] = [];
  let group: string | undefined;
  let started = false;
  for (const node of tree.children as RootContent[]) {
    if (node.type === 'heading') break;
    if (node.type !== 'paragraph') continue;
    const kids = node.children;
    if (kids.length === 1 && kids[0]!.type === 'link') {
      const m = REFERENCE.exec(kids[0]!.url);
      if (m && group) out.push({ title: textOf(kids[0]!).trim(), slug: m[1]!, group });
      continue;
    }
    const text = textOf(node).trim();
    if (!kids.some((k) => k.type === 'link') && text && !BADGES.has(text)) {
      if (text === 'API Reference') started = true;
      else if (started) group = text;
    }
  }
  return out;
}
