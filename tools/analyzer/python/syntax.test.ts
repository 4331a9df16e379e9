/**
 * The Python readers that take a node's value from its text rather than from its children: what
 * they return for every way of writing a string or a callee, and for text that does not close.
 */
import type { Node, Tree } from 'web-tree-sitter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPythonParser } from './load-parser.js';
import { calleeOf, stringValue } from './syntax.js';

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
