/** Small readers over tree-sitter Python nodes, shared by the Python fact extractors. */
import type { Node } from 'web-tree-sitter';

export function kids(node: Node): Node[] {
  return node.namedChildren.filter((n): n is Node => n !== null);
}

export function pos(node: Node): { line: number; column: number } {
  return { line: node.startPosition.row + 1, column: node.startPosition.column + 1 };
}

/**
 * The value of a plain string literal; undefined for f-strings, byte strings and strings with
 * interpolations (`f"response.{kind}"` names no single type, so it is never reported).
 */
export function stringValue(node: Node | null | undefined): string | undefined {
  if (node?.type !== 'string') return undefined;
  let value = '';
  for (const child of kids(node)) {
    if (child.type === 'string_start') {
      if (/[fFbB]/.test(child.text)) return undefined;
    } else if (child.type === 'string_content') value += child.text;
    else if (child.type === 'interpolation') return undefined;
  }
  return value;
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

/** Classes by convention: the last segment is capitalised. */
export function isClassName(name: string): boolean {
  return /^[A-Z]/.test(name.slice(name.lastIndexOf('.') + 1));
}
