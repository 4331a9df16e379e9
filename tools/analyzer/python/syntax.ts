/** Small readers over tree-sitter Python nodes, shared by the Python fact extractors. */
import type { Node } from 'web-tree-sitter';

export function kids(node: Node): Node[] {
  return node.namedChildren.filter((n): n is Node => n !== null);
}

export function pos(node: Node): { line: number; column: number } {
  return { line: node.startPosition.row + 1, column: node.startPosition.column + 1 };
}

/** A plain string's prefix (no `f`, no `b`) and its opening quote. */
const PLAIN_STRING_HEAD = /^[rRuU]{0,2}("""|'''|"|')/;

/**
 * The value of a plain string literal, as written between its quotes (escapes kept); undefined for
 * f-strings, byte strings and strings with interpolations (`f"response.{kind}"` names no single
 * type, so it is never reported).
 */
export function stringValue(node: Node | null | undefined): string | undefined {
  if (node?.type !== 'string') return undefined;
  // Read from the text: each child read from the tree is a call into WebAssembly, and a file has
  // thousands of strings. A string the text does not close (a syntax error) is read from its children.
  const text = node.text;
  const head = PLAIN_STRING_HEAD.exec(text);
  if (head) {
    const quote = head[1]!;
    const end = text.length - quote.length;
    if (end >= head[0].length && text.endsWith(quote)) return text.slice(head[0].length, end);
  }
  let value = '';
  for (const child of kids(node)) {
    if (child.type === 'string_start') {
      if (/[fFbB]/.test(child.text)) return undefined;
    } else if (child.type === 'string_content') value += child.text;
    else if (child.type === 'interpolation') return undefined;
  }
  return value;
}

/**
 * The nodes of one type in the whole tree, in document order, found once per tree: several
 * passes look the module's calls and functions up, and each search of the tree is a walk in
 * WebAssembly and a node object made in JavaScript for every node found. `noteWalked` gives the
 * nodes the facts pass's own walk found, so the types it walked cost nothing more.
 */
export function treeNodesOfType(node: Node, type: string): readonly Node[] {
  return oncePerTree(nodesByTree, node.tree, type, () => node.tree.rootNode.descendantsOfType(type).filter((n): n is Node => n !== null));
}

/** A value worked out once per tree and key, kept in `memo` while the tree lives. */
export function oncePerTree<K, T>(memo: WeakMap<Node['tree'], Map<K, T>>, tree: Node['tree'], key: K, compute: () => T): T {
  let byKey = memo.get(tree);
  if (!byKey) {
    byKey = new Map();
    memo.set(tree, byKey);
  }
  let value = byKey.get(key);
  if (value === undefined) {
    value = compute();
    byKey.set(key, value);
  }
  return value;
}

const nodesByTree = new WeakMap<Node['tree'], Map<string, Node[]>>();

/** The nodes a walk of the whole tree for `walked` found (`types[i]` of `nodes[i]`; other entries are ignored). */
export function noteWalked(tree: Node['tree'], nodes: readonly Node[], types: readonly string[], walked: readonly string[]): void {
  const byType = new Map<string, Node[]>(walked.map((t) => [t, []]));
  for (let i = 0; i < nodes.length; i++) byType.get(types[i]!)?.push(nodes[i]!);
  nodesByTree.set(tree, byType);
}

const byNameOfTree = new WeakMap<Node['tree'], Map<string, Map<string, Node[]>>>();

/** A type's nodes of the whole tree by the name `nameOf` gives each (none: not kept), found once per tree. */
function nodesByName(node: Node, type: string, nameOf: (n: Node) => string | undefined): Map<string, Node[]> {
  return oncePerTree(byNameOfTree, node.tree, type, () => {
    const byName = new Map<string, Node[]>();
    for (const n of treeNodesOfType(node, type)) {
      const name = nameOf(n);
      if (name !== undefined) byName.set(name, [...(byName.get(name) ?? []), n]);
    }
    return byName;
  });
}

/** The module's functions and methods of a name, in document order. */
export function functionsNamed(node: Node, name: string): readonly Node[] {
  return nodesByName(node, 'function_definition', (f) => f.childForFieldName('name')?.text).get(name) ?? [];
}

/** The module's calls of a name (`f(…)`, `x.f(…)`), in document order. */
export function callsNamed(node: Node, name: string): readonly Node[] {
  return nodesByName(node, 'call', (c) => lastName(c.childForFieldName('function'))).get(name) ?? [];
}

/** The tree's functions by their ranges, with the function each is nested in (-1: none). */
interface FunctionIndex {
  nodes: readonly Node[];
  starts: number[];
  ends: number[];
  parents: Int32Array;
}

const functionIndexes = new WeakMap<Node['tree'], FunctionIndex>();

function functionIndex(tree: Node['tree']): FunctionIndex {
  let index = functionIndexes.get(tree);
  if (index) return index;
  const nodes = treeNodesOfType(tree.rootNode, 'function_definition');
  const starts = nodes.map((n) => n.startIndex);
  const ends = nodes.map((n) => n.endIndex);
  const parents = new Int32Array(nodes.length);
  // Document order: each function's parent is the nearest open one that has not ended.
  const open: number[] = [];
  for (let i = 0; i < nodes.length; i++) {
    while (open.length > 0 && ends[open.at(-1)!]! <= starts[i]!) open.pop();
    parents[i] = open.at(-1) ?? -1;
    open.push(i);
  }
  index = { nodes, starts, ends, parents };
  functionIndexes.set(tree, index);
  return index;
}

/**
 * The function a node is written in, innermost; undefined at the module's top. Found by the
 * node's range among the tree's functions, not by walking up its parents: every step up was a call
 * into WebAssembly, and the passes ask this of thousands of nodes. Where ranges cannot tell (a
 * node of no width, or one with exactly a function's range, as a block holding only that function
 * has) the parents are walked.
 */
export function enclosingFunction(node: Node): Node | undefined {
  const { nodes, starts, ends, parents } = functionIndex(node.tree);
  if (nodes.length === 0) return undefined;
  const start = node.startIndex;
  const end = node.endIndex;
  if (start === end) return enclosingFunctionByParents(node);
  // The last function that starts at or before the node, then out through the ones it is nested in.
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0; i = parents[i]!) {
    if (ends[i]! < end) continue;
    if (starts[i] === start && ends[i] === end) return enclosingFunctionByParents(node);
    return nodes[i];
  }
  return undefined;
}

function enclosingFunctionByParents(node: Node): Node | undefined {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'function_definition') return n;
  return undefined;
}

/** The class a node is written in (directly or in one of its methods); undefined outside any. */
export function enclosingClass(node: Node | undefined): Node | undefined {
  for (let n = node?.parent; n; n = n.parent) if (n.type === 'class_definition') return n;
  return undefined;
}

/** The module a node belongs to: the root of its tree. */
export function rootOf(node: Node): Node {
  return node.tree.rootNode;
}

/** `Foo`, `pkg.Foo` → `Foo`; the called or referenced name. */
export function lastName(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier') return node.text;
  if (node.type === 'attribute') return node.childForFieldName('attribute')?.text;
  return undefined;
}

/** String values inside a node (`Literal["a", "b"]`, a tuple, a list), outermost first. */
export function stringsIn(node: Node): Node[] {
  const out: Node[] = [];
  const walk = (n: Node): void => {
    if (n.type === 'string') out.push(n);
    else for (const k of kids(n)) walk(k);
  };
  walk(node);
  return out;
}

/** The first ERROR or MISSING node: where a syntax error starts. */
export function firstSyntaxError(root: Node): Node | undefined {
  if (!root.hasError) return undefined;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const n = stack.shift()!;
    if (n.type === 'ERROR' || n.isMissing) return n;
    for (const c of n.children) if (c && (c.hasError || c.isMissing)) stack.push(c);
  }
  return root;
}

/** `Foo`, `pkg.mod.Foo` as written (a dotted chain of names); undefined for calls, subscripts and the like. */
export function writtenName(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier') return node.text;
  if (node.type === 'attribute') {
    const head = writtenName(node.childForFieldName('object'));
    const attr = node.childForFieldName('attribute')?.text;
    return head !== undefined && attr !== undefined ? `${head}.${attr}` : undefined;
  }
  return undefined;
}

/**
 * The names an attribute chain ends with, up to the first thing that is no name: `responses`,
 * `create` of `self.get_client().responses.create`, `client`, `responses`, `create` of
 * `client.responses.create`. What an SDK call is can be read from its end alone.
 */
export function trailingNames(node: Node): string[] {
  const out: string[] = [];
  let n: Node | null = node;
  while (n?.type === 'attribute') {
    const attr = n.childForFieldName('attribute')?.text;
    if (attr === undefined) break;
    out.push(attr);
    n = n.childForFieldName('object');
  }
  if (n?.type === 'identifier') out.push(n.text);
  return out.reverse();
}

/** Classes by convention: the last segment is capitalised. */
export function isClassName(name: string): boolean {
  return /^[A-Z]/.test(name.slice(name.lastIndexOf('.') + 1));
}

/** A dotted chain of names in the text itself (`pkg.mod.Foo`), none of them a constant's keyword. */
const DOTTED_NAME = /^(?!(?:True|False|None)(?:\.|$))[A-Za-z_]\w*(?:\.(?!(?:True|False|None)(?:\.|$))[A-Za-z_]\w*)*$/;

/** What a call calls, read once for every pass that looks at the call. */
export interface Callee {
  node: Node;
  /** `a.b(…)` rather than `b(…)`. */
  attribute: boolean;
  /** As writtenName: `pkg.mod.Foo`, undefined past a call or subscript. */
  written: string | undefined;
  /** As lastName: `Foo`, the called name. */
  last: string | undefined;
}

export function calleeOf(call: Node): Callee | undefined {
  const node = call.childForFieldName('function');
  if (!node) return undefined;
  // Most callees are a plain name or a dotted chain written without spaces: read from the text, in
  // one call into WebAssembly rather than two or more per segment.
  const text = node.text;
  if (DOTTED_NAME.test(text)) {
    const dot = text.lastIndexOf('.');
    return { node, attribute: dot >= 0, written: text, last: text.slice(dot + 1) };
  }
  return { node, attribute: node.type === 'attribute', written: writtenName(node), last: lastName(node) };
}

/** A parameter's name: `x`, `x: T`, `x=1`, `x: T = 1`; undefined for `*args`, `**kwargs` and the like. */
export function paramName(p: Node): string | undefined {
  if (p.type === 'identifier') return p.text;
  if (p.type === 'typed_parameter') return kids(p).find((k) => k.type === 'identifier')?.text;
  if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') return p.childForFieldName('name')?.text;
  return undefined;
}

/** What a call's arguments give a parameter: the keyword of its name, else the positional argument at `index`. */
export function argumentFor(args: readonly Node[], name: string, index: number): Node | undefined {
  const byName = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === name);
  const positional = args.filter((a) => !['keyword_argument', 'list_splat', 'dictionary_splat'].includes(a.type));
  return byName?.childForFieldName('value') ?? positional[index];
}
