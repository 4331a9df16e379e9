/**
 * Positions in JSON text that `JSON.parse` does not give: where each key is, and keys an object
 * has twice. `JSON.parse` keeps the last of two equal keys and drops the first without a word, so
 * a sloppy merge of mapping.json would silently lose the manual block written first. Call only on
 * text `JSON.parse` accepted: the scanner trusts the syntax.
 */

export interface TextPosition {
  line: number;
  column: number;
}

interface DuplicateKey {
  /** Path of the object holding the key, e.g. `['items', 'event:response.created']`. */
  path: string[];
  key: string;
  first: TextPosition;
  second: TextPosition;
}

export interface JsonPositions {
  duplicates: DuplicateKey[];
  /** Position of the key at `path` (or of the root value for `[]`); the nearest existing ancestor when missing. */
  locate(path: readonly (string | number)[]): TextPosition;
  /** Position of the value at `path` (where a wrong value starts); the nearest existing ancestor when missing. */
  locateValue(path: readonly (string | number)[]): TextPosition;
}

/** The 1-based line and column of a character offset (what `JSON.parse` errors give) in a text. */
export function positionAt(text: string, offset: number): TextPosition {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** Deeper than any mapping or legacy file; deeper text is skipped instead of overflowing the stack. */
const MAX_DEPTH = 256;

type Node = { offset: number; keys?: Map<string, { keyOffset: number; value: Node }>; items?: Node[] };

export function scanJsonPositions(text: string): JsonPositions {
  let i = 0;
  const duplicates: { path: string[]; key: string; first: number; second: number }[] = [];
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t' || text[i] === '\ufeff')) i++;
  };
  const readString = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  /** Skips a value without recursion: past this depth no key is located or compared. */
  const skip = () => {
    let depth = 0;
    do {
      const c = text[i];
      if (c === '"') readString();
      else {
        if (c === '{' || c === '[') depth++;
        else if (c === '}' || c === ']') depth--;
        i++;
      }
    } while (depth > 0 && i < text.length);
  };
  const value = (path: string[]): Node => {
    ws();
    const node: Node = { offset: i };
    const c = text[i];
    if (path.length >= MAX_DEPTH && (c === '{' || c === '[')) {
      skip();
      return node;
    }
    if (c === '{') {
      i++;
      node.keys = new Map();
      ws();
      if (text[i] === '}') {
        i++;
        return node;
      }
      for (;;) {
        ws();
        const keyOffset = i;
        const key = readString();
        ws();
        i++; // ':'
        const child = value([...path, key]);
        const before = node.keys.get(key);
        if (before) duplicates.push({ path, key, first: before.keyOffset, second: keyOffset });
        else node.keys.set(key, { keyOffset, value: child });
        ws();
        if (text[i++] === '}') return node;
      }
    }
    if (c === '[') {
      i++;
      node.items = [];
      ws();
      if (text[i] === ']') {
        i++;
        return node;
      }
      for (;;) {
        node.items.push(value([...path, String(node.items.length)]));
        ws();
        if (text[i++] === ']') return node;
      }
    }
    if (c === '"') {
      readString();
      return node;
    }
    while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
    return node;
  };
  const root = value([]);

  // Line starts, so every offset turns into line:column in O(log n).
  const starts = [0];
  for (let k = 0; k < text.length; k++) if (text[k] === '\n') starts.push(k + 1);
  const at = (offset: number): TextPosition => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };

  const find = (path: readonly (string | number)[], part: 'key' | 'value'): number => {
    let node = root;
    let offset = root.offset;
    for (const seg of path) {
      const entry = node.keys?.get(String(seg));
      const item = typeof seg === 'number' ? node.items?.[seg] : undefined;
      if (entry) {
        offset = part === 'key' ? entry.keyOffset : entry.value.offset;
        node = entry.value;
      } else if (item) {
        offset = item.offset;
        node = item;
      } else break;
    }
    return offset;
  };

  return {
    duplicates: duplicates.map((d) => ({ path: d.path, key: d.key, first: at(d.first), second: at(d.second) })),
    locate: (path) => at(find(path, 'key')),
    locateValue: (path) => at(find(path, 'value')),
  };
}
