/**
 * What `tsc` does not do for the build. The CLI entry becomes executable: tsc writes every file
 * without the execute bit, and `npx specmap` in a fresh clone runs `dist/cli.js` through its bin
 * link (npm sets the bit only on packages it installs). And the Python grammar's wasm (and its
 * licence) is copied from the dev dependency tree-sitter-python into dist/grammars/. The package
 * ships that file and nothing else of the grammar: the dependency's own install script builds a
 * native binding specmap never loads, and an install script is something every user of the
 * package would have to approve.
 */
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const wasm = require.resolve('tree-sitter-python/tree-sitter-python.wasm');
const out = fileURLToPath(new URL('../grammars/', import.meta.url));
mkdirSync(out, { recursive: true });
const target = join(out, 'tree-sitter-python.wasm');
// Same bytes, no write: a build that changes nothing leaves mtimes alone.
const bytes = readFileSync(wasm);
let same = false;
try {
  same = readFileSync(target).equals(bytes);
} catch {
  same = false;
}
if (!same) copyFileSync(wasm, target);
const licence = readFileSync(join(dirname(wasm), 'LICENSE'), 'utf8');
writeFileSync(
  join(out, 'tree-sitter-python.LICENSE'),
  `tree-sitter-python.wasm is built from tree-sitter-python (https://github.com/tree-sitter/tree-sitter-python):\n\n${licence}`,
);

chmodSync(fileURLToPath(new URL('../cli.js', import.meta.url)), 0o755);
