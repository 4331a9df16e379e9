/**
 * A page that leaves the fast path's subset somewhere (emphasis, an HTML block, a quote) is cut at
 * its ATX headings and each section parsed on its own: by the fast path when the section stays in
 * the subset, else by the slow parser. Without this, one construct anywhere sent the whole page to
 * micromark (~60-140 ms for a 45 KB page) although the rest of it was plain.
 *
 * Why the cut is exact: block parsing reads lines in order, and a line `# …` at column 0 that
 * starts a section ends every open block (it interrupts a paragraph, continues no list item or
 * quote, ends indented code) except two that it cannot end: a fenced code block still open and an
 * HTML block. So a section stands alone unless its last top-level block is one of those; such a
 * section is joined with the next one and parsed again. What a section cannot see of the rest of
 * the page, a link reference definition, sends the whole page to the slow parser, as do CR line
 * endings and NULs, which micromark reads as line endings or rewrites.
 */
import type { Code, Root, RootContent } from 'mdast';
import { parseSimpleMarkdown } from './fast-parse.js';

type Position = NonNullable<Root['position']>;
type Point = Position['start'];
/** What `moved` needs of an mdast node. */
interface Positioned {
  position?: Position;
  children?: Positioned[];
}

/** A line that may start a section: an ATX heading at column 0. */
const HEADING = /^#{1,6}(?: |$)/;
const OPENING_FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/** True when `line` closes a code block opened with `fence`: the same character, at least as many. */
function closes(line: string, fence: string): boolean {
  const close = CLOSING_FENCE.exec(line);
  return close !== null && close[1]![0] === fence[0] && close[1]!.length >= fence.length;
}
/**
 * After this many joins of one section the rest of the page is parsed at once: a fence left open
 * early would otherwise have every later section parsed again with each join.
 */
const MAX_JOINS = 4;

/** The page's tree, the same remark-parse returns; `undefined` when it cannot be cut (see above). */
export function parseBySection(text: string, slow: (text: string) => Root): Root | undefined {
  if (/[\r\0]/.test(text) || text.includes(']:')) return undefined;
  const lines = text.split('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const cuts = [...sectionStarts(lines), lines.length];
  if (cuts.length < 2) return undefined;
  const children: RootContent[] = [];
  let from = 0;
  let next = 0;
  while (from < lines.length) {
    let joins = 0;
    let to = cuts[next]!;
    let blocks: RootContent[];
    for (;;) {
      blocks = parseSection(text, starts, from, to, slow);
      if (to === lines.length || standsAlone(blocks, lines)) break;
      to = ++joins > MAX_JOINS ? lines.length : cuts[++next]!;
    }
    children.push(...blocks);
    from = to;
    next++;
  }
  const last = lines.length - 1;
  const end: Point = { line: lines.length, column: lines[last]!.length + 1, offset: text.length };
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
}

/**
 * The lines after the first that may start a section: headings at column 0 outside fenced code as
 * a plain scan sees it. A wrong guess costs a join, never a wrong tree: `standsAlone` decides.
 */
function sectionStarts(lines: readonly string[]): number[] {
  const out: number[] = [];
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (fence !== undefined) {
      if (closes(line, fence)) fence = undefined;
      continue;
    }
    const open = OPENING_FENCE.exec(line);
    if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) fence = open[1];
    else if (i > 0 && HEADING.test(line)) out.push(i);
  }
  return out;
}

/** Lines `from`..`to` parsed as a page of their own, positions moved to where they are in `text`. */
function parseSection(text: string, starts: readonly number[], from: number, to: number, slow: (text: string) => Root): RootContent[] {
  const section = text.slice(starts[from], to < starts.length ? starts[to] : text.length);
  const root = parseSimpleMarkdown(section) ?? slow(section);
  if (from === 0) return root.children;
  const base = { line: from, offset: starts[from]! };
  return root.children.map((child) => moved(child, base));
}

/** False when the section's last top-level block would take in the heading after it. */
function standsAlone(blocks: readonly RootContent[], lines: readonly string[]): boolean {
  const last = blocks.at(-1);
  if (!last) return true;
  if (last.type === 'html') return false;
  if (last.type !== 'code') return true;
  return !openFence(last, lines);
}

/** True for a fenced code block with no closing fence (indented code ends at a heading). */
function openFence(code: Code, lines: readonly string[]): boolean {
  const first = code.position!.start.line;
  const final = code.position!.end.line;
  const open = OPENING_FENCE.exec(lines[first - 1]!);
  if (!open) return false;
  return final === first || !closes(lines[final - 1]!, open[1]!);
}

/** A copy of `node` and its descendants with every position `base` lines and offsets on. */
function moved<T extends Positioned>(node: T, base: { line: number; offset: number }): T {
  const copy: T = { ...node };
  if (node.position) {
    const at = (p: Point): Point => ({ line: p.line + base.line, column: p.column, offset: (p.offset ?? 0) + base.offset });
    copy.position = { start: at(node.position.start), end: at(node.position.end) };
  }
  if (node.children) copy.children = node.children.map((child) => moved(child, base));
  return copy;
}
