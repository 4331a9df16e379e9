/**
 * The scraped reference pages are flat: `##` item headings, `####` sub-sections, and a run of
 * one-line paragraphs per field (name, type, markers, prose). This module turns mdast into that
 * flat run of blocks, each with its plain text, its markdown source and its lines.
 */
import type { Root, RootContent } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';

export interface Block {
  node: RootContent;
  /** Plain text (escapes resolved: `output\_text` → `output_text`). */
  text: string;
  /** The markdown source of the block, as written. */
  source: string;
  line: number;
  column: number;
  endLine: number;
}

export interface Section {
  heading: Block;
  depth: number;
  blocks: Block[];
}

export function toBlocks(tree: Root, text: string): Block[] {
  return tree.children.map((node) => {
    const start = node.position!.start;
    const end = node.position!.end;
    return {
      node,
      text: textOf(node).trim(),
      source: text.slice(start.offset, end.offset),
      line: start.line,
      column: start.column,
      endLine: end.line,
    };
  });
}

/** The page footer ("[Previous…] [Next…]") belongs to no item. */
export function isFooter(block: Block): boolean {
  return block.node.type === 'paragraph' && /^\[Previous|^\[Next/.test(block.source);
}

/** Splits blocks at headings of the given depth; blocks before the first heading are dropped. */
export function splitSections(blocks: readonly Block[], depth: number): Section[] {
  const sections: Section[] = [];
  for (const block of blocks) {
    if (block.node.type === 'heading' && block.node.depth <= depth) {
      sections.push({ heading: block, depth: block.node.depth, blocks: [] });
    } else if (sections.length && !isFooter(block)) {
      sections.at(-1)!.blocks.push(block);
    }
  }
  return sections;
}

/** Last line of a run of blocks: the last non-blank line before whatever comes next. */
export function lastLine(heading: Block, blocks: readonly Block[]): number {
  return blocks.length ? blocks.at(-1)!.endLine : heading.endLine;
}
