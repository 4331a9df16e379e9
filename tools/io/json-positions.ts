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

/**
 * One pass over the text by character codes. Keys are decoded only when they hold an escape, and
 * string values never are; the path of the object being read is one stack, copied only for a
 * duplicate; line starts are found when a position is first asked for. Every file read with
 * positions (mapping.json, the config) goes through here on each run that reads it.
 */
export function scanJsonPositions(text: string): JsonPositions {
  const n = text.length;
  let i = 0;
  const duplicates: { path: string[]; key: string; first: number; second: number }[] = [];
  const path: string[] = [];
  const ws = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff) i++;
      else return;
    }
  };
  /** From the opening quote at `i`, past the closing one: the first quote after an even run of backslashes. */
  const skipString = (): void => {
    let from = i + 1;
    for (;;) {
      const q = text.indexOf('"', from);
      if (q < 0) {
        i = n + 1;
        return;
      }
      let b = q - 1;
      while (text.charCodeAt(b) === 92) b--;
      if ((q - 1 - b) % 2 === 0) {
        i = q + 1;
        return;
      }
      from = q + 1;
    }
  };
  const readKey = (): string => {
    const start = i;
    skipString();
    const backslash = text.indexOf('\\', start + 1);
    return backslash < 0 || backslash >= i ? text.slice(start + 1, i - 1) : (JSON.parse(text.slice(start, i)) as string);
  };
  /** Skips a value without recursion: past this depth no key is located or compared. */
  const skip = () => {
    let depth = 0;
    do {
      const c = text.charCodeAt(i);
      if (c === 34) skipString();
      else {
        if (c === 123 || c === 91) depth++;
        else if (c === 125 || c === 93) depth--;
        i++;
      }
    } while (depth > 0 && i < n);
  };
  const value = (): Node => {
    ws();
    const node: Node = { offset: i };
    const c = text.charCodeAt(i);
    if (path.length >= MAX_DEPTH && (c === 123 || c === 91)) {
      skip();
      return node;
    }
    if (c === 123 /* { */) {
      i++;
      const keys = new Map<string, { keyOffset: number; value: Node }>();
      node.keys = keys;
      ws();
      if (text.charCodeAt(i) === 125) {
        i++;
        return node;
      }
      for (;;) {
        ws();
        const keyOffset = i;
        const key = readKey();
        ws();
        i++; // ':'
        path.push(key);
        const child = value();
        path.pop();
        const before = keys.get(key);
        if (before) duplicates.push({ path: path.slice(), key, first: before.keyOffset, second: keyOffset });
        else keys.set(key, { keyOffset, value: child });
        ws();
        if (text.charCodeAt(i++) === 125) return node;
      }
    }
    if (c === 91 /* [ */) {
      i++;
      const items: Node[] = [];
      node.items = items;
      ws();
      if (text.charCodeAt(i) === 93) {
        i++;
        return node;
      }
      for (;;) {
        path.push(String(items.length));
        items.push(value());
        path.pop();
        ws();
        if (text.charCodeAt(i++) === 93) return node;
      }
    }
    if (c === 34) {
      skipString();
      return node;
    }
    // A number, true, false or null: up to the whitespace, comma or bracket that follows it.
    for (; i < n; i++) {
      const d = text.charCodeAt(i);
      if (d === 32 || d === 10 || d === 13 || d === 9 || d === 44 || d === 93 || d === 125) break;
    }
    return node;
  };
  const root = value();

  // Line starts, so every offset turns into line:column in O(log n); found on the first position asked.
  let starts: number[] | undefined;
  const at = (offset: number): TextPosition => {
    if (!starts) {
      starts = [0];
      for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) starts.push(k + 1);
    }
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
