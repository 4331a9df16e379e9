/** Python adapter: parse each file with tree-sitter and read its facts; a tree is freed after use. */
import type { FileContext, FileFacts } from '../fact-sink.js';
import { loadPythonParser } from './load-parser.js';
import { pythonFacts } from './python-facts.js';

export async function analyzePython(files: readonly { text: string; ctx: FileContext }[]): Promise<FileFacts[]> {
  const parser = await loadPythonParser();
  return files.map(({ text, ctx }) => {
    const tree = parser.parse(text);
    if (!tree)
      return {
        facts: [],
        warnings: [{ file: ctx.file, line: 1, column: 1, message: 'Found a file the Python parser gave up on, expected Python source' }],
      };
    try {
      return pythonFacts(tree, ctx);
    } finally {
      tree.delete();
    }
  });
}
