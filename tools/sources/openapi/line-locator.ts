/**
 * Line numbers for JSON pointers into a block-style YAML or pretty-printed JSON document, found
 * from the text's indentation, lazily, per mapping.
 *
 * Why not the parser: `yaml` keeps positions but takes ~8x js-yaml's time on the 3 MB OpenAI spec;
 * js-yaml's node listener can record every key's line, at ~1.3x its parse (bench/openapi.ts
 * measures both). Anchors need lines only for the few thousand nodes the model cites, so we parse
 * with plain js-yaml and locate those nodes here: a mapping's keys are indexed once, on first
 * use, and a leaf costs nothing beyond its parent's index (~5 ms for the whole spec).
 *
 * It relies on one YAML rule: inside a block collection, a line at exactly the children's indent
 * starts a key or a `- ` item (scalar continuation lines are indented deeper). Anything it cannot
 * place (flow style, minified JSON) falls back to the nearest located ancestor, never fails.
 */
export type Pointer = readonly (string | number)[];

interface Block {
  /** 1-based line of the node's key or item (the root: its first content line). */
  line: number;
  /** 0-based index of the first line that may hold a child. */
  from: number;
  indent: number;
  /** A `- ` sequence item (its children may not continue at its own indent). */
  item?: boolean;
  /** A `- ` item whose first key shares its line: that key's column and name. */
  inline?: { column: number; text: string };
  keys?: Map<string, number>;
  items?: number[];
  /** Child blocks opened so far (`null`: looked up, not found). */
  opened?: Map<string | number, Block | null>;
}

const DASH = /^\s*-(\s|$)/;

export class LineLocator {
  private readonly lines: readonly string[];
  private readonly indents: Int32Array;
  private top?: Block;

  /**
   * `text` may come already split into lines (the YAML reader splits it too), and with each line's
   * indent read already (-1 for a line no key or item starts on: blank, a comment, or one that
   * continues a quoted scalar or flow collection).
   */
  constructor(text: string | string[], indents?: Int32Array) {
    this.lines = typeof text === 'string' ? text.split('\n') : text;
    this.indents = indents && indents.length === this.lines.length ? indents : new Int32Array(this.lines.length).fill(-2);
  }

  /** Indent of a content line, or -1 for blank and comment lines. */
  private indent(i: number): number {
    let v = this.indents[i]!;
    if (v !== -2) return v;
    const s = this.lines[i]!;
    let n = 0;
    while (n < s.length && s.charCodeAt(n) === 32) n++;
    const c = s.charCodeAt(n);
    v = n === s.length || c === 35 /* # */ || c === 13 /* \r */ ? -1 : n;
    this.indents[i] = v;
    return v;
  }

  /** 1-based line of the node at `pointer` (its key line), or of its nearest located ancestor. */
  lineOf(pointer: Pointer): number {
    let block = this.root();
    let line = block.line;
    for (let depth = 1; depth <= pointer.length; depth++) {
      const next = this.child(pointer[depth - 1]!, block);
      if (!next) return line;
      block = next;
      line = next.line;
    }
    return line;
  }

  private root(): Block {
    if (this.top) return this.top;
    let first = 0;
    while (first < this.lines.length && this.indent(first) < 0) first++;
    // A JSON document's members sit inside its `{` line; a YAML document's start on its first line.
    const json = this.lines[first]?.trimStart().startsWith('{') ?? false;
    this.top = json ? { line: first + 1, from: first + 1, indent: this.indent(first) } : { line: first + 1, from: first, indent: -1 };
    return this.top;
  }

  private child(seg: string | number, parent: Block): Block | null {
    parent.opened ??= new Map();
    const hit = parent.opened.get(seg);
    if (hit !== undefined) return hit;
    this.index(parent);
    const at = typeof seg === 'number' ? parent.items![seg] : parent.keys!.get(seg);
    const inlineKey = typeof seg === 'string' && parent.inline !== undefined && at === parent.line - 1;
    const found = at === undefined ? null : this.open(at, inlineKey ? parent.inline!.column : undefined);
    parent.opened.set(seg, found);
    return found;
  }

  /** The node at line `i`; `column` is given for the first key of a `- key: value` item. */
  private open(i: number, column?: number): Block {
    const own = column ?? this.indent(i);
    const text = column === undefined ? this.lines[i]! : this.lines[i]!.slice(column);
    if (!DASH.test(text)) return { line: i + 1, from: i + 1, indent: own };
    // `- key: value`: the item's first key sits on the item's own line, after the dash.
    const rest = text.trimStart().slice(1);
    const pad = rest.length - rest.trimStart().length;
    return { line: i + 1, from: i + 1, indent: own, item: true, inline: { column: own + 1 + pad, text: rest.trimStart() } };
  }

  /**
   * Indexes the keys and items found at the children's indent of `block`, once. The children end
   * at the first line indented less than they are: a node's extent is never computed, so looking
   * up a leaf costs nothing beyond its parent's index.
   */
  private index(block: Block): void {
    if (block.keys) return;
    block.keys = new Map();
    block.items = [];
    let child = -1;
    if (block.inline?.text) {
      child = block.inline.column;
      this.record(block, block.inline.text, block.line - 1);
    }
    for (let i = block.from; i < this.lines.length; i++) {
      const d = this.indent(i);
      if (d < 0) continue;
      if (child < 0) {
        // A sequence may sit at its key's own indent (`key:\n- a`); anything else there is a sibling.
        const zeroIndented = d === block.indent && !block.item && DASH.test(this.lines[i]!);
        if (d <= block.indent && !zeroIndented) break;
        child = d;
      }
      if (d < child) break;
      if (d === block.indent && !DASH.test(this.lines[i]!)) break;
      if (d === child) this.record(block, this.lines[i]!.slice(d), i);
    }
  }

  private record(block: Block, text: string, i: number): void {
    if (DASH.test(text) || text.startsWith('{') || text.startsWith('[')) {
      block.items!.push(i);
      return;
    }
    if (text.startsWith('}') || text.startsWith(']')) return;
    const name = keyOf(text);
    if (name !== undefined && !block.keys!.has(name)) block.keys!.set(name, i);
  }
}

/** The key of a `key: …` / `"key": …` line, unquoted. */
export function keyOf(text: string): string | undefined {
  const q = text[0];
  if (q === '"' || q === "'") {
    let i = 1;
    let out = '';
    for (; i < text.length; i++) {
      const c = text[i]!;
      if (q === '"' && c === '\\') {
        out += text[++i] ?? '';
      } else if (c === q) {
        // `''` inside a single-quoted scalar is one quote.
        if (q === "'" && text[i + 1] === "'") {
          out += "'";
          i++;
        } else break;
      } else out += c;
    }
    return /^\s*:(\s|$)/.test(text.slice(i + 1)) ? out : undefined;
  }
  const m = /^([^#{}[\],&*!|>'"%@`][^#]*?)\s*:(?:\s|$)/.exec(text);
  return m ? m[1] : undefined;
}
