/**
 * A fast path to mdast for plain reference pages: ATX headings, fenced code, paragraphs and tight
 * bullet lists of one-paragraph items, with text, code spans, backslash escapes, inline links and
 * `**strong**` inside. It returns exactly the tree remark-parse returns (the same nodes, values and
 * positions) or `undefined` as soon as it meets anything else: an HTML block or tag, a setext
 * heading, a loose or nested list, an entity, emphasis it would have to resolve, a tab, a CR, a
 * hard break. The caller then parses with remark. Why it exists: micromark takes ~140 ms to parse a
 * 45 KB page in a fresh process (~60 ms warm), on every cold run, and the scraped pages use
 * nothing beyond this subset. Differential tests hold the two parsers to the same trees on the
 * reference pages, on fixtures of every construct, and on fuzzed pages.
 */
import type { Code, Heading, Link, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Strong, Text } from 'mdast';

/** A unist point; the parser always knows the offset. */
type Point = NonNullable<Root['position']>['start'] & { offset: number };

/** Thrown inside the parser when the text leaves the subset; never escapes `parseSimpleMarkdown`. */
const OUTSIDE = Symbol('outside the subset');

function outside(): never {
  throw OUTSIDE;
}

const ATX = /^(#{1,6})(?= |$)/;
const FENCE = /^(`{3,}|~{3,})(.*)$/;
const BULLET = /^([-+*])( +)(.*)$/;
const THEMATIC = /^(?:(?:\* *){3,}|(?:- *){3,}|(?:_ *){3,})$/;
const SETEXT_UNDERLINE = /^(?:=+|-+) *$/;
const ORDERED = /^\d{1,9}[.)](?: |$)/;
const DEFINITION = /^\[(?:[^\]\\]|\\.)*\]:/;
/** A bracket still open at the line's end: a link definition's label may go on over the next lines. */
const OPEN_LABEL = /^\[(?:[^\]\\]|\\.)*\\?$/;
const ENTITY = /^&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{0,31});/;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/** A stretch of one line that belongs to a paragraph or heading: its text and where it starts. */
interface Piece {
  text: string;
  offset: number;
}

export function parseSimpleMarkdown(text: string): Root | undefined {
  // Tabs, CRs and NULs each change columns, line endings or characters in micromark's preprocessing,
  // which also drops a leading byte order mark.
  if (/[\t\r\0]/.test(text) || text.charCodeAt(0) === 0xfeff) return undefined;
  try {
    return new SimpleParser(text).parse();
  } catch (error) {
    if (error === OUTSIDE) return undefined;
    throw error;
  }
}

class SimpleParser {
  private readonly lines: string[];
  private readonly starts: number[] = [];

  constructor(private readonly text: string) {
    this.lines = text.split('\n');
    let offset = 0;
    for (const line of this.lines) {
      this.starts.push(offset);
      offset += line.length + 1;
    }
  }

  parse(): Root {
    const children: RootContent[] = [];
    let i = 0;
    while (i < this.lines.length) {
      const line = this.lines[i]!;
      const indent = leadingSpaces(line);
      if (indent === line.length) {
        i++;
        continue;
      }
      if (indent >= 4) outside(); // indented code
      const rest = line.slice(indent);
      if (ATX.test(rest)) {
        children.push(this.heading(i, indent));
        i++;
      } else if (FENCE.test(rest)) {
        const { node, next } = this.code(i, indent);
        children.push(node);
        i = next;
      } else if (!THEMATIC.test(rest) && BULLET.test(rest) && BULLET.exec(rest)![3] !== '') {
        const { node, next } = this.list(i, indent);
        children.push(node);
        i = next;
      } else if (startsBlock(rest)) {
        // A thematic break, quote, HTML block, ordered list, empty item or definition.
        outside();
      } else {
        const { node, next } = this.paragraph(i);
        children.push(node);
        i = next;
      }
    }
    return { type: 'root', children, position: { start: this.point(0), end: this.point(this.text.length) } };
  }

  private point(offset: number): Point {
    const line = lastAtMost(this.starts, offset, (start) => start);
    return { line: line + 1, column: offset - this.starts[line]! + 1, offset };
  }

  private heading(i: number, indent: number): Heading {
    const line = this.lines[i]!;
    const depth = ATX.exec(line.slice(indent))![1]!.length;
    let from = indent + depth;
    while (line[from] === ' ') from++;
    let to = trimEnd(line, line.length);
    // An optional closing run of `#` after a space (or the whole content), not an escaped one.
    let hashes = to;
    while (hashes > from && line[hashes - 1] === '#') hashes--;
    if (hashes < to && (hashes === from || line[hashes - 1] === ' ')) to = trimEnd(line, hashes);
    if (to < from) to = from;
    const start = this.starts[i]!;
    const children = to > from ? this.inline([{ text: line.slice(from, to), offset: start + from }]) : [];
    return {
      type: 'heading',
      depth: depth as Heading['depth'],
      children,
      // The block ends where its line does, trailing spaces included; its text does not.
      position: { start: this.point(start + indent), end: this.point(start + line.length) },
    };
  }

  private code(i: number, indent: number): { node: Code; next: number } {
    const open = this.lines[i]!;
    const [, fence, infoRaw] = FENCE.exec(open.slice(indent))!;
    const marker = fence![0]!;
    if (marker === '`' && infoRaw!.includes('`')) outside();
    if (/[\\&]/.test(infoRaw!)) outside();
    // The info string's first word is the language; the rest, leading spaces dropped and trailing ones kept, is meta.
    const info = /^ *([^ ]*) *(.*)$/.exec(infoRaw!)!;
    const lang = info[1] || null;
    const meta = info[2] || null;
    const body: string[] = [];
    let j = i + 1;
    let end: number | undefined;
    for (; j < this.lines.length; j++) {
      const line = this.lines[j]!;
      const closing = /^( {0,3})(`{3,}|~{3,}) *$/.exec(line);
      if (closing && closing[2]![0] === marker && closing[2]!.length >= fence!.length) {
        end = this.starts[j]! + line.length;
        j++;
        break;
      }
      body.push(line.slice(Math.min(indent, leadingSpaces(line))));
    }
    if (end === undefined) {
      // Unclosed: the block runs to the end of the document, and micromark leaves a final empty line out.
      if (body.length > 0 && body.at(-1) === '') outside();
      end = this.text.length;
    }
    const start = this.starts[i]! + indent;
    return {
      node: { type: 'code', lang, meta, value: body.join('\n'), position: { start: this.point(start), end: this.point(end) } },
      next: j,
    };
  }

  /** A paragraph from line `i`: lines up to a blank one or a block that may interrupt it. */
  private paragraph(i: number): { node: Paragraph; next: number } {
    const pieces: Piece[] = [this.piece(i)];
    let j = i + 1;
    for (; j < this.lines.length; j++) {
      const line = this.lines[j]!;
      const indent = leadingSpaces(line);
      if (indent === line.length) break;
      const rest = line.slice(indent);
      if (indent < 4) {
        if (SETEXT_UNDERLINE.test(rest) || THEMATIC.test(rest) || rest[0] === '>' || rest[0] === '<' || ORDERED.test(rest)) outside();
        const bullet = BULLET.exec(rest);
        if (ATX.test(rest) || FENCE.test(rest) || (bullet && bullet[3] !== '')) break;
      }
      pieces.push(this.piece(j));
    }
    return { node: this.paragraphNode(pieces), next: j };
  }

  private piece(i: number, from = leadingSpaces(this.lines[i]!)): Piece {
    const line = this.lines[i]!;
    return { text: line.slice(from), offset: this.starts[i]! + from };
  }

  private paragraphNode(pieces: Piece[], inItem = false): Paragraph {
    // A line that ends in spaces before another line is a hard break or trimmed soft one: not handled here.
    for (const p of pieces.slice(0, -1)) if (p.text.endsWith(' ')) outside();
    const last = pieces.at(-1)!;
    // The block ends where its last line does, trailing spaces included; its text does not.
    const end = this.point(last.offset + last.text.length);
    last.text = last.text.slice(0, trimEnd(last.text, last.text.length));
    return { type: 'paragraph', children: this.inline(pieces, inItem), position: { start: this.point(pieces[0]!.offset), end } };
  }

  /** A tight bullet list whose items are one paragraph each (lazy continuation lines allowed). */
  private list(i: number, indent: number): { node: List; next: number } {
    const items: ListItem[] = [];
    let marker: string | undefined;
    let j = i;
    while (j < this.lines.length) {
      const line = this.lines[j]!;
      const [, m, spaces, content] = BULLET.exec(line.slice(indent))!;
      if (marker !== undefined && m !== marker) outside(); // another list starts
      marker = m!;
      // An empty item, or content that starts with indented code.
      if (content === '' || spaces!.length > 4) outside();
      if (startsBlock(content!)) outside();
      const contentColumn = indent + 1 + spaces!.length;
      const itemStart = this.starts[j]! + indent;
      const pieces: Piece[] = [this.piece(j, contentColumn)];
      j++;
      let ended = false;
      for (; j < this.lines.length; j++) {
        const next = this.lines[j]!;
        const nextIndent = leadingSpaces(next);
        if (nextIndent === next.length) {
          // A blank line: the list ends unless more of it (or of this item) follows, which would make it loose.
          let k = j + 1;
          while (k < this.lines.length && leadingSpaces(this.lines[k]!) === this.lines[k]!.length) k++;
          if (k < this.lines.length) {
            const after = this.lines[k]!;
            const afterIndent = leadingSpaces(after);
            if (afterIndent >= contentColumn || (afterIndent < 4 && BULLET.test(after.slice(afterIndent)))) outside();
          }
          ended = true;
          break;
        }
        const rest = next.slice(nextIndent);
        if (SETEXT_UNDERLINE.test(rest) || THEMATIC.test(rest)) outside();
        if (nextIndent >= contentColumn) {
          if (startsBlock(rest)) outside();
        } else if (nextIndent < 4) {
          if (BULLET.test(rest)) {
            if (nextIndent !== indent) outside();
            break; // the next item
          }
          if (ATX.test(rest) || FENCE.test(rest)) {
            ended = true;
            break;
          }
          if (startsBlock(rest)) outside();
        }
        pieces.push(this.piece(j));
      }
      const paragraph = this.paragraphNode(pieces, true);
      items.push({
        type: 'listItem',
        spread: false,
        checked: null,
        children: [paragraph],
        position: { start: this.point(itemStart), end: paragraph.position!.end },
      });
      if (ended || j >= this.lines.length) break;
    }
    return {
      node: {
        type: 'list',
        ordered: false,
        start: null,
        spread: false,
        children: items,
        position: { start: items[0]!.position!.start, end: items.at(-1)!.position!.end },
      },
      next: j,
    };
  }

  /** Inline content of a paragraph or heading: the pieces joined by line endings, as one string. */
  private inline(pieces: readonly Piece[], inItem = false): PhrasingContent[] {
    const s = pieces.map((p) => p.text).join('\n');
    // Index in `s` → offset in the document, piece by piece.
    const bounds: { from: number; offset: number }[] = [];
    let at = 0;
    for (const p of pieces) {
      bounds.push({ from: at, offset: p.offset });
      at += p.text.length + 1;
    }
    // The piece that holds index k (a paragraph may run to thousands of lines).
    const bound = (k: number) => bounds[lastAtMost(bounds, k, (b) => b.from)]!;
    const pos = (k: number): Point => {
      const b = bound(k);
      return this.point(b.offset + (k - b.from));
    };
    // A stretch that ends with a line ending ends at the start of the next line (its indent is not text).
    const end = (k: number): Point => {
      if (s[k - 1] === '\n') {
        const next = this.point(bound(k).offset);
        // In a list item the item's indent is a container prefix the stretch ends after: not modelled.
        if (inItem && next.column > 1) outside();
        return this.point(next.offset - next.column + 1);
      }
      const p = pos(k - 1);
      return { line: p.line, column: p.column + 1, offset: p.offset + 1 };
    };
    return new InlineParser(s, pos, end, this.text, inItem).run(0, s.length, true);
  }
}

class InlineParser {
  constructor(
    private readonly s: string,
    private readonly pos: (k: number) => Point,
    private readonly endPos: (k: number) => Point,
    private readonly text: string,
    /** In a list item a code span's continuation lines lose the item's indent, which is not modelled here. */
    private readonly inItem: boolean,
  ) {}

  /** The document's text between two places of the joined text. */
  private source(from: number, to: number): string {
    return from === to ? '' : this.text.slice(this.pos(from).offset, this.pos(to).offset);
  }

  run(from: number, to: number, links: boolean): PhrasingContent[] {
    const s = this.s;
    const out: PhrasingContent[] = [];
    let text = '';
    let textStart = -1;
    const add = (k: number, value: string): void => {
      if (textStart < 0) textStart = k;
      text += value;
    };
    const flush = (k: number): void => {
      if (textStart < 0) return;
      const node: Text = { type: 'text', value: text, position: { start: this.pos(textStart), end: this.endPos(k) } };
      out.push(node);
      text = '';
      textStart = -1;
    };
    let k = from;
    while (k < to) {
      const ch = s[k]!;
      if (ch === '\\') {
        const next = s[k + 1];
        if (next === '\n') outside(); // a hard break
        if (next !== undefined && k + 1 < to && ASCII_PUNCTUATION.test(next)) {
          add(k, next);
          k += 2;
        } else {
          add(k, ch);
          k++;
        }
      } else if (ch === '`') {
        const run = runLength(s, k, '`');
        const close = closingRun(s, k + run, to, run);
        if (close < 0) {
          add(k, s.slice(k, k + run));
          k += run;
          continue;
        }
        // mdast keeps a code span's line endings and the indent of its continuation lines (taken from
        // the document, not from the joined text); one space or line ending is stripped from each side.
        let value = this.source(k + run, close);
        if (this.inItem && value.includes('\n')) outside();
        const pad = (c: string | undefined) => c === ' ' || c === '\n';
        if (value.length >= 2 && pad(value[0]) && pad(value.at(-1)) && /[^ \n]/.test(value)) value = value.slice(1, -1);
        flush(k);
        out.push({ type: 'inlineCode', value, position: { start: this.pos(k), end: this.endPos(close + run) } });
        k = close + run;
      } else if (ch === '&') {
        if (ENTITY.test(s.slice(k, k + 40))) outside();
        add(k, ch);
        k++;
      } else if (ch === '<') {
        if (/[A-Za-z/!?]/.test(s[k + 1] ?? '')) outside(); // HTML or an autolink
        add(k, ch);
        k++;
      } else if (ch === '!' && s[k + 1] === '[') {
        outside(); // an image
      } else if (ch === '[') {
        const link = links ? this.link(k, to) : undefined;
        if (!links && this.bracketCloses(k, to)) outside(); // a link inside a link's text
        if (!link) {
          add(k, ch);
          k++;
          continue;
        }
        flush(k);
        out.push(link.node);
        k = link.end;
      } else if (ch === '*' || ch === '_') {
        const run = runLength(s, k, ch);
        const { open, close } = flanking(s, k, run, ch);
        if (!open && !close) {
          add(k, s.slice(k, k + run));
          k += run;
          continue;
        }
        if (ch !== '*' || run !== 2 || !open) outside();
        const end = this.strongCloser(k + 2, to);
        flush(k);
        const node: Strong = {
          type: 'strong',
          children: this.run(k + 2, end, links),
          position: { start: this.pos(k), end: this.endPos(end + 2) },
        };
        out.push(node);
        k = end + 2;
      } else {
        add(k, ch);
        k++;
      }
    }
    flush(to);
    return out;
  }

  /** `]` closing the bracket at `k` (code spans and escapes skipped), or -1; a nested `[` is outside. */
  private closeBracket(k: number, to: number): number {
    const s = this.s;
    for (let j = k + 1; j < to; j++) {
      const ch = s[j];
      if (ch === '\\') j++;
      else if (ch === '`') j = codeSpanEnd(s, j, to);
      else if (ch === '[') outside();
      else if (ch === ']') return j;
    }
    return -1;
  }

  private bracketCloses(k: number, to: number): boolean {
    const close = this.closeBracket(k, to);
    return close >= 0 && this.s[close + 1] === '(';
  }

  /** `[text](url)` or `[text](url "title")` at `k`; undefined when the bracket is plain text. */
  private link(k: number, to: number): { node: Link; end: number } | undefined {
    const s = this.s;
    const close = this.closeBracket(k, to);
    if (close < 0 || s[close + 1] !== '(') return undefined;
    let p = close + 2;
    while (s[p] === ' ') p++;
    if (s[p] === '<') outside();
    const urlStart = p;
    while (p < to && s[p] !== ' ' && s[p] !== ')' && s[p] !== '\n') p++;
    const url = s.slice(urlStart, p);
    if (/[()\\&\x00-\x1f\x7f]/.test(url)) outside();
    while (s[p] === ' ') p++;
    let title: string | null = null;
    if (s[p] === '"') {
      const end = s.indexOf('"', p + 1);
      if (end < 0 || end >= to) outside();
      title = s.slice(p + 1, end);
      if (/[\\&\n]/.test(title)) outside();
      p = end + 1;
      while (s[p] === ' ') p++;
    }
    if (s[p] !== ')' || p >= to) outside();
    const node: Link = {
      type: 'link',
      title,
      url,
      children: this.run(k + 1, close, false),
      position: { start: this.pos(k), end: this.endPos(p + 1) },
    };
    return { node, end: p + 1 };
  }

  /** The `**` closing a strong span opened before `k`; any other delimiter, bracket or tag first is outside. */
  private strongCloser(k: number, to: number): number {
    const s = this.s;
    for (let j = k; j < to; j++) {
      const ch = s[j]!;
      if (ch === '\\') j++;
      else if (ch === '`') j = codeSpanEnd(s, j, to);
      else if (ch === '[' || ch === '<' || ch === '&' || ch === '!') outside();
      else if (ch === '*' || ch === '_') {
        const run = runLength(s, j, ch);
        const { open, close } = flanking(s, j, run, ch);
        if (!open && !close) {
          j += run - 1;
          continue;
        }
        if (ch === '*' && run === 2 && close && j > k) return j;
        outside();
      }
    }
    return outside();
  }
}

function leadingSpaces(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}

function trimEnd(line: string, to: number): number {
  while (to > 0 && line[to - 1] === ' ') to--;
  return to;
}

function runLength(s: string, k: number, ch: string): number {
  let n = 0;
  while (s[k + n] === ch) n++;
  return n;
}

/** The last index of the code span opened by the backticks at `j`, or of those backticks when none closes them. */
function codeSpanEnd(s: string, j: number, to: number): number {
  const run = runLength(s, j, '`');
  const close = closingRun(s, j + run, to, run);
  return close < 0 ? j + run - 1 : close + run - 1;
}

/** The last index of `sorted` (ascending by `key`) whose key is at most `x`; 0 when none is. A binary search. */
function lastAtMost<T>(sorted: readonly T[], x: number, key: (t: T) => number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (key(sorted[mid]!) <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Start of the next run of exactly `run` backticks in [from, to), or -1. */
function closingRun(s: string, from: number, to: number, run: number): number {
  for (let j = from; j < to; j++) {
    if (s[j] !== '`') continue;
    const n = runLength(s, j, '`');
    if (n === run && j + n <= to) return j;
    j += n - 1;
  }
  return -1;
}

/** Whether a delimiter run may open or close emphasis (CommonMark's flanking rules); non-ASCII neighbours are outside. */
function flanking(s: string, k: number, run: number, ch: string): { open: boolean; close: boolean } {
  const before = k === 0 ? ' ' : s[k - 1]!;
  const after = s[k + run] ?? ' ';
  if (before.charCodeAt(0) > 127 || after.charCodeAt(0) > 127) outside();
  const space = (c: string) => c === ' ' || c === '\n';
  const punct = (c: string) => ASCII_PUNCTUATION.test(c);
  const left = !space(after) && (!punct(after) || space(before) || punct(before));
  const right = !space(before) && (!punct(before) || space(after) || punct(after));
  if (ch === '*') return { open: left, close: right };
  return { open: left && (!right || punct(before)), close: right && (!left || punct(after)) };
}

/** Content that would start a block of its own inside a list item (a heading, fence, list, quote, tag…). */
function startsBlock(content: string): boolean {
  return (
    ATX.test(content) ||
    FENCE.test(content) ||
    BULLET.test(content) ||
    /^[-+*] *$/.test(content) ||
    ORDERED.test(content) ||
    THEMATIC.test(content) ||
    content[0] === '>' ||
    content[0] === '<' ||
    DEFINITION.test(content) ||
    OPEN_LABEL.test(content)
  );
}
