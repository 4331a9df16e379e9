/**
 * web-tree-sitter with the Python grammar's wasm from npm (works offline). Loaded once per process
 * and only when a Python file needs parsing: its wasm start-up is most of a small run's cost.
 * web-tree-sitter 0.25.6 reads grammars of ABI 13-15; tree-sitter-python 0.25.0 ships ABI 15.
 */
import { createRequire } from 'node:module';
import type { Parser as TSParser } from 'web-tree-sitter';

let loading: Promise<TSParser> | undefined;

export function loadPythonParser(): Promise<TSParser> {
  loading ??= (async () => {
    const { Parser, Language } = await import('web-tree-sitter');
    await Parser.init();
    const require = createRequire(import.meta.url);
    const wasm = require.resolve('tree-sitter-python/tree-sitter-python.wasm');
    const language = await Language.load(wasm);
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return loading;
}
