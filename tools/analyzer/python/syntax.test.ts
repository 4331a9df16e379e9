/**
 * The Python readers that take a node's value from its text rather than from its children: what
 * they return for every way of writing a string or a callee, and for text that does not close.
 */
import type { Node, Tree } from 'web-tree-sitter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPythonParser } from './load-parser.js';
import { calleeOf, enclosingFunction, noteWalked, stringValue, treeNodesOfType } from './syntax.js';

const trees: Tree[] = [];

async function nodesOf(text: string, type: string): Promise<Node[]> {
  const parser = await loadPythonParser();
  const tree = parser.parse(text)!;
  trees.push(tree);
  return tree.rootNode.descendantsOfType(type).filter((n): n is Node => n !== null);
}

const value = async (text: string): Promise<string | undefined> => stringValue((await nodesOf(`x = ${text}\n`, 'string'))[0]);

beforeAll(() => loadPythonParser());
afterAll(() => {
  for (const t of trees) t.delete();
});

describe('stringValue', () => {
  it('reads a plain string between its quotes, escapes as written', async () => {
    expect(await value('"response.created"')).toBe('response.created');
    expect(await value("'a\\'b'")).toBe("a\\'b");
    expect(await value('"a\\"b"')).toBe('a\\"b');
    expect(await value('r"a\\nb"')).toBe('a\\nb');
    expect(await value("R'''x'''")).toBe('x');
    expect(await value('u"y"')).toBe('y');
    expect(await value('"""multi\nline"""')).toBe('multi\nline');
    expect(await value('"line\\\ncont"')).toBe('line\\\ncont');
  });

  it('reads empty strings, single and triple quoted, as empty', async () => {
    for (const empty of ['""', "''", '""""""', "''''''"]) expect(await value(empty)).toBe('');
  });

  it('gives nothing for f-strings and byte strings, which name no single value', async () => {
    for (const text of ['f"{x}"', 'F"a{b}c"', 'rf"{x}"', 'b"q"', 'Rb"q"', 'f"plain"']) expect(await value(text)).toBeUndefined();
  });

  it('gives nothing for a node that is not a string', async () => {
    const [call] = await nodesOf('f("a")\n', 'call');
    expect(stringValue(call)).toBeUndefined();
    expect(stringValue(undefined)).toBeUndefined();
  });

  it('reads a string whose closing quote the parser made up from its parts: empty, not the quote', async () => {
    // A stray quote after a syntax error: the string's end is a zero-width MISSING node.
    const [open, closed] = await nodesOf('f(\n    end",\n    help="x",\n)\n', 'string');
    expect(open!.text).toBe('"');
    expect(stringValue(open)).toBe('');
    expect(stringValue(closed)).toBe('x');
  });
});

describe('calleeOf', () => {
  const callee = async (text: string) => {
    const [call] = await nodesOf(`${text}\n`, 'call');
    const c = calleeOf(call!);
    return c && { attribute: c.attribute, written: c.written, last: c.last };
  };

  it('reads a name or a dotted chain as written', async () => {
    expect(await callee('emit(x)')).toEqual({ attribute: false, written: 'emit', last: 'emit' });
    expect(await callee('self._client.responses.create(model="m")')).toEqual({
      attribute: true,
      written: 'self._client.responses.create',
      last: 'create',
    });
  });

  it('reads a chain written with spaces or through parentheses from the tree', async () => {
    expect(await callee('a . b()')).toEqual({ attribute: true, written: 'a.b', last: 'b' });
    expect(await callee('(a).b()')).toEqual({ attribute: true, written: undefined, last: 'b' });
  });

  it('names no chain past a call or a subscript, and still the called name', async () => {
    expect(await callee('a().b()')).toEqual({ attribute: true, written: undefined, last: 'b' });
    expect(await callee('a[0]()')).toEqual({ attribute: false, written: undefined, last: undefined });
  });

  it('does not take a constant for a class name', async () => {
    expect(await callee('True()')).toEqual({ attribute: false, written: undefined, last: undefined });
    expect(await callee('None.x()')).toEqual({ attribute: true, written: undefined, last: 'x' });
  });

  it('reads names outside ASCII from the tree', async () => {
    expect(await callee('ñame()')).toEqual({ attribute: false, written: 'ñame', last: 'ñame' });
  });
});

/** Every node of a tree, in document order. */
function allNodes(tree: Tree): Node[] {
  const out: Node[] = [];
  const walk = (n: Node): void => {
    out.push(n);
    for (const c of n.children) if (c) walk(c);
  };
  walk(tree.rootNode);
  return out;
}

/** The innermost function above a node, by its parents: what the ranges must agree with. */
function byParents(node: Node): number | undefined {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'function_definition') return n.id;
  return undefined;
}

describe('enclosingFunction', () => {
  const parse = async (text: string): Promise<Tree> => {
    const tree = (await loadPythonParser()).parse(text)!;
    trees.push(tree);
    return tree;
  };

  it.each([
    [
      'nested functions, methods, decorators and a class body that is one method',
      [
        'import os',
        '',
        '@app.post("/v1/responses")',
        'async def create(req):',
        '    def inner(x):',
        '        return lambda y: x + y',
        '    return inner(req.body)',
        '',
        'class Only:',
        '    def method(self):',
        '        pass',
        '',
        'class Two:',
        '    x = 1',
        '    def a(self): return self.x',
        '    def b(self):',
        '        def c(): pass',
        '        return c',
        '',
        'after = create(None)',
        '',
      ].join('\n'),
    ],
    ['a function that does not parse, and one after it', 'def broken(:\n    x = (\n\ndef fine():\n    return 1\n'],
    ['a missing closing bracket at the end of a function', 'def f():\n    return g(1\n'],
    ['no function at all', 'x = 1\ny = x + 2\n'],
  ])('agrees with walking up the parents for every node: %s', async (_name, text) => {
    const tree = await parse(text);
    const nodes = allNodes(tree);
    expect(nodes.length).toBeGreaterThan(5);
    for (const node of nodes)
      expect([node.type, node.startIndex, enclosingFunction(node)?.id]).toEqual([node.type, node.startIndex, byParents(node)]);
  });
});

describe('treeNodesOfType', () => {
  it("gives a type's nodes as a search of the whole tree does, walked before or not", async () => {
    const text = 'def f(a):\n    g(a)\n    return h(a, k(1))\n\nclass C:\n    def m(self): return f(self)\n';
    const tree = (await loadPythonParser()).parse(text)!;
    trees.push(tree);
    const ids = (type: string): number[] =>
      tree.rootNode
        .descendantsOfType(type)
        .filter((n): n is Node => n !== null)
        .map((n) => n.id);
    const walked = ['call', 'function_definition'];
    const found = tree.rootNode.descendantsOfType(walked).filter((n): n is Node => n !== null);
    noteWalked(
      tree,
      found,
      found.map((n) => n.type),
      walked,
    );
    for (const type of ['call', 'function_definition', 'class_definition', 'return_statement']) {
      expect(treeNodesOfType(tree.rootNode, type).map((n) => n.id)).toEqual(ids(type));
      expect(ids(type).length).toBeGreaterThan(0);
    }
  });
});
