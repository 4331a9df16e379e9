/**
 * web-tree-sitter with the Python grammar's wasm (works offline). The package ships the wasm in
 * dist/grammars/ (copied there by the build), so installing specmap runs no grammar install
 * script; a source checkout (tests, tsx) reads it from the tree-sitter-python dev dependency. Loaded once per process
 * and only when a Python file needs parsing: its wasm start-up is most of a small run's cost.
 * web-tree-sitter 0.25.6 reads grammars of ABI 13-15; tree-sitter-python 0.25.0 ships ABI 15.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Parser as TSParser } from 'web-tree-sitter';

let loading: Promise<TSParser> | undefined;

export function loadPythonParser(): Promise<TSParser> {
  loading ??= (async () => {
    const { Parser, Language } = await import('web-tree-sitter');
    await Parser.init();
    const wasm = grammarWasm();
    const language = await Language.load(wasm);
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return loading;
}

function grammarWasm(): string {
  const shipped = fileURLToPath(new URL('../../grammars/tree-sitter-python.wasm', import.meta.url));
  if (existsSync(shipped)) return shipped;
  return createRequire(import.meta.url).resolve('tree-sitter-python/tree-sitter-python.wasm');
}
