/**
 * Line numbers for JSON pointers into a block-style YAML or pretty-printed JSON document, found
 * from the text's indentation, lazily, per mapping.
 *
 * Why not the parser: `yaml` keeps positions but takes ~1.3 s on the 3 MB OpenAI spec; js-yaml
 * takes ~0.15 s but its position listener triples that (bench/openapi.ts measures both). Anchors
 * need lines only for the few thousand nodes the model cites, so we parse with js-yaml and locate
 * those nodes here: each mapping's key lines are indexed once, on first use.
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
  /** 0-based index of the first line after the node. */
  end: number;
  indent: number;
  /** A `- ` item whose first key shares its line: that key's column and name. */
  inline?: { column: number; text: string };
  keys?: Map<string, number>;
  items?: number[];
}

const DASH = /^\s*-(\s|$)/;

export class LineLocator {
  private readonly lines: string[];
  private readonly indents: Int32Array;
  private readonly cache = new Map<string, Block | null>();
  private top?: Block;

  constructor(text: string) {
    this.lines = text.split('\n');
    this.indents = new Int32Array(this.lines.length).fill(-2);
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
      const next = this.child(pointer.slice(0, depth), block);
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
    this.top = json
      ? { line: first + 1, from: first + 1, end: this.lines.length, indent: this.indent(first) }
      : { line: first + 1, from: first, end: this.lines.length, indent: -1 };
    return this.top;
  }

  private child(pointer: Pointer, parent: Block): Block | null {
    const key = pointer.join('\u0000');
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    this.index(parent);
    const seg = pointer[pointer.length - 1]!;
    const at = typeof seg === 'number' ? parent.items![seg] : parent.keys!.get(seg);
    const inlineKey = typeof seg === 'string' && parent.inline !== undefined && at === parent.line - 1;
    const found = at === undefined ? null : this.open(at, parent, inlineKey ? parent.inline!.column : undefined);
    this.cache.set(key, found);
    return found;
  }

  /** The node at line `i`; `column` is given for the first key of a `- key: value` item. */
  private open(i: number, parent: Block, column?: number): Block {
    const own = column ?? this.indent(i);
    const text = column === undefined ? this.lines[i]! : this.lines[i]!.slice(column);
    const item = DASH.test(text);
    let end = parent.end;
    for (let j = i + 1; j < parent.end; j++) {
      const d = this.indent(j);
      if (d < 0 || d > own) continue;
      // `key:` followed by a sequence at the key's own indent (`key:\n- a`) still belongs to the key.
      if (d === own && !item && DASH.test(this.lines[j]!)) continue;
      end = j;
      break;
    }
    if (!item) return { line: i + 1, from: i + 1, end, indent: own };
    // `- key: value`: the item's first key sits on the item's own line, after the dash.
    const rest = text.trimStart().slice(1);
    const pad = rest.length - rest.trimStart().length;
    return { line: i + 1, from: i + 1, end, indent: own, inline: { column: own + 1 + pad, text: rest.trimStart() } };
  }

  /** Indexes the keys and items found at the children's indent of `block`, once. */
  private index(block: Block): void {
    if (block.keys) return;
    block.keys = new Map();
    block.items = [];
    let child = -1;
    if (block.inline && block.inline.text) {
      child = block.inline.column;
      this.record(block, block.inline.text, block.line - 1);
    }
    for (let i = block.from; i < block.end; i++) {
      const d = this.indent(i);
      if (d < 0) continue;
      if (child < 0) child = d;
      if (d < child) break;
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
