/**
 * A block-style YAML document parsed as far as it is read. OpenAI's spec is 3 MB, and the model
 * reads ~15% of it (the paths of the APIs it covers and the schemas they reach); parsing it whole
 * was the longest step of a cold run on a Python tree. So the top three levels (the document, its
 * sections such as `paths` and `components`, and their entries such as one path or one
 * `components/schemas`) are indexed from the text's indentation, and each entry below them is
 * handed to js-yaml on its first read, as its own small document. Untouched entries are never
 * parsed.
 *
 * The value read is js-yaml's own, key for key and in the same order (differential tests hold the
 * two to the same value on every reference document, on generated ones and on both with lines or
 * characters put in). An alias to an anchor in another piece takes the anchored value, parsed from
 * the anchor's own lines. Wherever the index cannot be sure of js-yaml's reading, the document is
 * parsed whole instead: a line it cannot place at an indexed level, a key it does not read the way
 * js-yaml does, a repeated key or anchor name, a directive or document marker, tabs in an indent, a
 * lone CR, a quoted scalar or flow collection that never closes. A piece js-yaml rejects also falls
 * back to the whole document, so a syntax error is reported at its line in the file, as before.
 *
 * What it does not do: report a syntax error inside an entry nothing reads. That part of the
 * document is not read at all, as a part of a TypeScript file the analyzer never visits is not.
 */
import jsyaml from 'js-yaml';

/** Levels indexed from the text: the document (0), its sections (1) and their entries (2). */
const INDEXED_LEVELS = 3;

interface Shared {
  lines: string[];
  /**
   * Indent of each line; -1 for a line no key can start on: blank, a comment, or a continuation of
   * a quoted scalar or flow collection (which js-yaml reads on at any indent, even left of its key).
   */
  indents: Int32Array;
  /** The line of each anchor (`&name`) that starts a value, for aliases to it from another piece. */
  anchors: ReadonlyMap<string, number>;
  /** Anchored values parsed so far, by name (the same object wherever an alias takes it, as in one parse). */
  anchored: Map<string, unknown>;
  file: string;
  /** The document as given, for a parse of the whole of it. */
  text: string;
  /** The whole document, once something made the pieces untrustworthy. */
  whole?: { value: unknown };
}

/** Thrown inside an index that cannot be trusted; caught at the top, which parses the whole text. */
class Untrusted extends Error {}

const load = (text: string, file: string): unknown => jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, filename: file });

/**
 * The document's value, lazily parsed below its third level; throws js-yaml's error for bad YAML.
 * `lines`: the text already split at `\n`, when the caller has it. `scan`, when given, receives
 * each line's indent as the index read it (-1 for a line no key starts on), when it could read them.
 */
export function loadYamlLazily(
  text: string,
  file: string,
  lines: string[] = text.split('\n'),
  scan?: (indents: Int32Array) => void,
): unknown {
  const indexed = linesToIndex(text, lines);
  const scanned = indexed && scanLines(indexed);
  if (!indexed || !scanned) return load(text, file);
  scan?.(scanned.indents);
  const shared: Shared = { lines: indexed, ...scanned, anchored: new Map(), file, text };
  try {
    return mappingAt(shared, 0, indexed.length, 0, []);
  } catch (error) {
    if (error instanceof Untrusted) return load(text, file);
    throw error;
  }
}

/**
 * The lines the index reads: CRLF line ends read as LF (js-yaml reads both as one line break, in
 * values too). A lone CR is a line break to js-yaml but not to a split at LF: such a text is not indexed.
 */
function linesToIndex(text: string, lines: string[]): string[] | undefined {
  if (!text.includes('\r')) return lines;
  if (/\r(?!\n)/.test(text)) return undefined;
  return lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

const indentOf = (s: Shared, i: number): number => s.indents[i]!;

/**
 * Each line's indent, as `Shared.indents` holds them, from one pass that follows what js-yaml does
 * with the lines after a value starts: a block scalar's lines and a plain scalar's continuation are
 * deeper than their key; a quoted scalar or flow collection runs to its closing quote or bracket,
 * whatever the indent of the lines between. Undefined when a line is one it cannot be sure of (a
 * quoted key over several lines, something after a closing bracket on a later line).
 */
function scanLines(lines: readonly string[]): { indents: Int32Array; anchors: Map<string, number> } | undefined {
  const indents = new Int32Array(lines.length);
  const anchors = new Map<string, number>();
  /** Lines deeper than this are a block scalar's, or a plain scalar's continuation (-1: none open). */
  let literalAbove = -1;
  /** The column of the key or dash of the last line that left its node to the lines below (`key:`, `-`). */
  let opener = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let n = 0;
    while (n < line.length && line.charCodeAt(n) === 32) n++;
    if (n === line.length) {
      indents[i] = -1;
      continue;
    }
    // Tabs in an indent, directives and document markers: constructs the index never reads.
    const first = line.charCodeAt(n);
    if (first === 9 || (n === 0 && (first === 37 /* % */ || line.startsWith('---') || line.startsWith('...')))) return undefined;
    if (literalAbove >= 0 && n > literalAbove) {
      indents[i] = n;
      continue;
    }
    literalAbove = -1;
    if (first === 35 /* # */) {
      indents[i] = -1;
      continue;
    }
    indents[i] = n;
    // The node this line starts: past any `- ` of sequence items, and past a key.
    let at = n;
    let dash = -1;
    while (line.charCodeAt(at) === 45 /* - */ && (at + 1 === line.length || line.charCodeAt(at + 1) === 32)) {
      dash = at++;
      while (line.charCodeAt(at) === 32) at++;
    }
    const keyColumn = at;
    // `test`, not `exec`: a sticky match's end is `lastIndex`, and no match array is made for each
    // of the document's ~90,000 lines.
    KEY_AT.lastIndex = at;
    const key = KEY_AT.test(line);
    if (key) at = KEY_AT.lastIndex;
    while (line.charCodeAt(at) === 32) at++;
    // Anchors and tags before a value change nothing here.
    while (line.charCodeAt(at) === 38 /* & */ || line.charCodeAt(at) === 33 /* ! */) {
      const from = at;
      while (at < line.length && line.charCodeAt(at) !== 32) at++;
      if (line.charCodeAt(from) === 38) {
        // A name anchored twice: which value an alias takes depends on where it is; left to js-yaml.
        const name = line.slice(from + 1, at);
        if (anchors.has(name)) return undefined;
        anchors.set(name, i);
      }
      while (line.charCodeAt(at) === 32) at++;
    }
    // Whose continuation lines follow: deeper than the key, else the dash, else what opened this node.
    const owner = key ? keyColumn : dash >= 0 ? dash : opener;
    if (at >= line.length || line.charCodeAt(at) === 35 /* # */) {
      opener = key ? keyColumn : dash;
      continue;
    }
    opener = -1;
    const c = line[at]!;
    BLOCK_SCALAR.lastIndex = at;
    if ((c === '|' || c === '>') && BLOCK_SCALAR.test(line)) {
      if (owner < 0) return undefined;
      literalAbove = owner;
      continue;
    }
    if (c === '"' || c === "'" || c === '[' || c === '{') {
      const end = flowEnd(lines, i, at);
      if (!end) return undefined;
      for (let j = i + 1; j <= end.line; j++) indents[j] = -1;
      const rest = lines[end.line]!.slice(end.column);
      if (end.line > i && !/^\s*(?:#.*)?$/.test(rest)) return undefined;
      i = end.line;
      continue;
    }
    // A plain scalar. One with a `: ` in it is a key this pass did not read: not sure of the line.
    if (owner < 0 || hasMappingColon(line, at)) return undefined;
    literalAbove = owner;
  }
  return { indents, anchors };
}

/** A `:` before a space or the line's end, ahead of any comment: a plain scalar cannot hold one. */
function hasMappingColon(line: string, from: number): boolean {
  const comment = line.indexOf(' #', from);
  for (let i = line.indexOf(':', from); i >= 0; i = line.indexOf(':', i + 1)) {
    if (comment >= 0 && comment < i) return false;
    if (i + 1 === line.length || line.charCodeAt(i + 1) === 32 || line.charCodeAt(i + 1) === 9) return true;
  }
  return false;
}

/** A block scalar's indicator line (`|`, `>-`, `|2+`), read from where the value starts (sticky). */
const BLOCK_SCALAR = /[|>][-+0-9]*\s*(?:#.*)?$/y;

/** A key that starts a line's node (a plain key, or a quoted one closed on the line), with its colon; sticky. */
const KEY_AT =
  /(?:(?:[^\s'"#:&*!|>%@`,[\]{}?-]|[?:-](?=\S))(?:[^\s:]|:(?=\S)| +(?=[^\s#]))*?|'(?:[^']|'')*'|"(?:[^"\\]|\\.)*") *:(?:\s+|$)/y;

/**
 * Where the quoted scalar or flow collection starting at `lines[line][column]` ends: the position
 * just past its closing quote or bracket, on this line or a later one; undefined if it never does.
 */
function flowEnd(lines: readonly string[], line: number, column: number): { line: number; column: number } | undefined {
  let depth = 0;
  let quote = '';
  // Inside a flow collection a quote starts a scalar only where a node starts (`it's` is plain).
  let nodeStart = true;
  /** The last thing read closed a quoted scalar (a JSON-like key, which a `:` may follow at once). */
  let afterQuoted = false;
  let j = column;
  for (let i = line; i < lines.length; i++, j = 0) {
    const text = lines[i]!;
    for (; j < text.length; j++) {
      const ch = text[j]!;
      let closing = false;
      if (quote === '"') {
        if (ch === '\\') j++;
        else if (ch === '"') [quote, closing] = ['', true];
      } else if (quote === "'") {
        if (ch === "'" && text[j + 1] === "'") j++;
        else if (ch === "'") [quote, closing] = ['', true];
      } else if (ch === ' ') continue;
      else if ((ch === '"' || ch === "'") && nodeStart) quote = ch;
      else if (ch === '#' && depth > 0 && (j === 0 || text[j - 1] === ' ')) break;
      else if (ch === '[' || ch === '{') depth++;
      else if (ch === ']' || ch === '}') depth--;
      // `:` is an indicator before a space or the end of the line, or right after a quoted key; `?` and
      // `-` before a space. Anywhere else they are part of a plain scalar.
      const next = text[j + 1];
      nodeStart =
        ch === '[' ||
        ch === '{' ||
        ch === ',' ||
        (ch === ':' && (next === undefined || next === ' ' || afterQuoted)) ||
        ((ch === '?' || ch === '-') && next === ' ');
      afterQuoted = closing;
      if (!quote && depth <= 0) return depth < 0 ? undefined : { line: i, column: j + 1 };
    }
  }
  return undefined;
}

/**
 * The block mapping in lines [from, to) whose keys sit at the indent of its first content line (the
 * region is everything below its key down to the next sibling, so every line in it is deeper than
 * that key). Below the indexed levels, each entry is a piece parsed on its first read.
 */
function mappingAt(s: Shared, from: number, to: number, level: number, path: readonly string[]): Record<string, unknown> {
  let first = from;
  while (first < to && indentOf(s, first) < 0) first++;
  const out: Record<string, unknown> = {};
  if (first === to) throw new Untrusted();
  const indent = indentOf(s, first);
  const starts: { line: number; key: string; inline: string }[] = [];
  const seen = new Set<string>();
  for (let i = first; i < to; i++) {
    const n = indentOf(s, i);
    if (n < 0 || n > indent) continue;
    if (n < indent) throw new Untrusted();
    const text = s.lines[i]!;
    // A sequence at its key's own indent (`key:` then `- a` below it) belongs to that key.
    if (text.charCodeAt(n) === 45 /* - */ && (text.length === n + 1 || text.charCodeAt(n + 1) === 32) && starts.length) continue;
    const head = keyLine(text.slice(n), s.file);
    if (!head || seen.has(head.key)) throw new Untrusted();
    seen.add(head.key);
    starts.push({ line: i, ...head });
  }
  starts.forEach((start, k) => {
    const end = k + 1 < starts.length ? starts[k + 1]!.line : to;
    const at = [...path, start.key];
    const nested = level + 1 < INDEXED_LEVELS && start.inline === '' && opensMapping(s, start.line + 1, end, indent);
    defineLazy(out, start.key, () => {
      if (s.whole) return valueAt(s.whole.value, at);
      try {
        return nested ? mappingAt(s, start.line + 1, end, level + 1, at) : piece(s, start.line, end, indent, at);
      } catch (error) {
        if (error instanceof Untrusted) return wholeValue(s, at);
        throw error;
      }
    });
  });
  return out;
}

/** The first content line after a bare `key:` starts a deeper block mapping (not a sequence or scalar). */
function opensMapping(s: Shared, from: number, to: number, indent: number): boolean {
  for (let i = from; i < to; i++) {
    const n = indentOf(s, i);
    if (n < 0) continue;
    if (n <= indent) return false;
    const c = s.lines[i]!.charCodeAt(n);
    return (
      c !== 45 /* - */ && c !== 91 /* [ */ && c !== 123 /* { */ && c !== 63 /* ? */ && keyLine(s.lines[i]!.slice(n), s.file) !== undefined
    );
  }
  return false;
}

/**
 * A property that parses its value on first read and keeps it. It stays an accessor: turning it
 * into a data property once read (`defineProperty` again) costs V8 ~4 ms on an object of a thousand
 * keys, which is more than the parse it saves.
 */
function defineLazy(target: Record<string, unknown>, key: string, make: () => unknown): void {
  let value: unknown;
  let made = false;
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!made) {
        value = make();
        made = true;
      }
      return value;
    },
    set: (v: unknown) => {
      value = v;
      made = true;
    },
  });
}

/**
 * One entry's value, parsed from its own lines: `key: …` and everything indented under it. If
 * js-yaml rejects the piece or reads it as something else, the whole document decides: its value,
 * or its error at the right line of the file.
 */
function piece(s: Shared, from: number, to: number, indent: number, path: readonly string[]): unknown {
  const key = path[path.length - 1]!;
  const text = dedent(s.lines.slice(from, to), indent);
  let parsed: unknown;
  try {
    parsed = loadWithAnchors(s, text, from).value;
  } catch {
    return wholeValue(s, path);
  }
  const keys = parsed !== null && typeof parsed === 'object' ? Object.keys(parsed) : [];
  if (keys.length !== 1 || keys[0] !== key) return wholeValue(s, path);
  return (parsed as Record<string, unknown>)[key];
}

/** Aliases in a piece of text: `*name` (a mention inside a string only costs parsing its anchor). */
const ALIAS = /\*([^\s,[\]{}]+)/g;

/**
 * Parses a piece that starts at line `from` of the file, its aliases to anchors above it resolved
 * from their own pieces: js-yaml gets them in its anchor map before it reads anything (the
 * `listener` option's first event). A name it does not find still fails as in one parse: the
 * caller then parses the whole document. Anchors the piece defines are kept for later pieces.
 */
function loadWithAnchors(s: Shared, text: string, from: number): { value: unknown; anchorMap: Record<string, unknown> } {
  const seed: Record<string, unknown> = {};
  for (const [, name] of text.matchAll(ALIAS)) {
    const line = s.anchors.get(name!);
    if (line === undefined || line >= from || name! in seed) continue;
    seed[name!] = anchoredValue(s, name!, line);
  }
  let anchorMap: Record<string, unknown> = {};
  const value = jsyaml.load(text, {
    schema: jsyaml.CORE_SCHEMA,
    filename: s.file,
    listener: (_event, state) => {
      const map = (state as unknown as { anchorMap: Record<string, unknown> }).anchorMap;
      if (map === anchorMap) return;
      anchorMap = map;
      Object.assign(map, seed);
    },
  });
  for (const name in anchorMap) if (!(name in seed) && !s.anchored.has(name)) s.anchored.set(name, anchorMap[name]);
  return { value, anchorMap };
}

/** The value anchored as `name` at `line`: from a piece parsed already, else its own node's lines. */
function anchoredValue(s: Shared, name: string, line: number): unknown {
  if (s.anchored.has(name)) return s.anchored.get(name);
  const indent = indentOf(s, line);
  let end = line + 1;
  while (end < s.lines.length && !(indentOf(s, end) >= 0 && indentOf(s, end) <= indent)) end++;
  const { anchorMap } = loadWithAnchors(s, dedent(s.lines.slice(line, end), indent), line);
  if (!(name in anchorMap)) throw new Untrusted();
  return anchorMap[name];
}

function dedent(lines: readonly string[], indent: number): string {
  return lines
    .map((line) => {
      let n = 0;
      while (n < indent && line.charCodeAt(n) === 32) n++;
      return line.slice(n);
    })
    .join('\n');
}

/** Parses the whole document (throwing its error, if it has one) and gives its value at `path`. */
function wholeValue(s: Shared, path: readonly string[]): unknown {
  s.whole ??= { value: load(s.text, s.file) };
  return valueAt(s.whole.value, path);
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const k of path) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined;
  return node;
}

const PLAIN_KEY = /^([A-Za-z_$/][^:#'"\s]*(?: [^:#'"\s]+)*) *:(?: |$)/;
const SINGLE_QUOTED_KEY = /^'((?:[^']|'')*)' *:(?: |$)/;
const DOUBLE_QUOTED_KEY = /^"([^"\\]*)" *:(?: |$)/;
/** Plain scalars the core schema reads as something other than their text (null, booleans). */
const RESOLVED = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;

/**
 * A mapping key at the start of `text` and what follows its colon (`''` when nothing but a comment
 * does), or undefined when the line is not a key the index reads exactly as js-yaml would.
 */
function keyLine(text: string, file: string): { key: string; inline: string } | undefined {
  for (const [pattern, keyOf] of KEY_FORMS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const key = keyOf(m[1]!, file);
    if (key === undefined || key === '<<') return undefined;
    const rest = text.slice(m[0].length).trim();
    return { key, inline: rest.startsWith('#') ? '' : rest };
  }
  return undefined;
}

/** The key forms the index reads, each with how js-yaml reads it; any other line is not a key it can place. */
const KEY_FORMS: readonly [RegExp, (text: string, file: string) => string | undefined][] = [
  [PLAIN_KEY, (text) => (RESOLVED.test(text) ? undefined : text)],
  [SINGLE_QUOTED_KEY, (text) => text.replace(/''/g, "'")],
  [DOUBLE_QUOTED_KEY, (text) => text],
  [/^([-+.0-9][^:#'"\s]*) *:(?: |$)/, resolvedKey],
];

/** The key js-yaml makes of a plain scalar that may resolve to a number (`200`, `1.0`, `-1`). */
function resolvedKey(text: string, file: string): string | undefined {
  try {
    const v = load(`${text}: 0`, file);
    const keys = v !== null && typeof v === 'object' ? Object.keys(v) : [];
    return keys.length === 1 ? keys[0] : undefined;
  } catch {
    return undefined;
  }
}
