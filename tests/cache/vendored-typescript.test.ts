/**
 * The built tool parses TypeScript with the build's minified copy of the compiler
 * (dist/vendor/typescript.cjs), and that copy parses as the installed compiler does: every node of
 * every file, with its kind, span and flags, and every parse error, on the tool's own sources.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as TS from 'typescript';
import { describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..', '..');
const vendored = join(repo, 'dist', 'vendor', 'typescript.cjs');
const require = createRequire(import.meta.url);
const installedFile = require.resolve('typescript');

/** The parse as data: each node's kind, span and flags in walk order, and the parse errors. */
function parseShape(ts: typeof TS, name: string, text: string): string {
  const file = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const walk = (node: TS.Node): void => {
    out.push(`${node.kind}:${node.pos}-${node.end}:${node.flags}`);
    ts.forEachChild(node, walk);
  };
  walk(file);
  const errors = (file as unknown as { parseDiagnostics: TS.Diagnostic[] }).parseDiagnostics;
  for (const d of errors) out.push(`error ${d.code}@${d.start}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  return out.join('\n');
}

describe('the minified TypeScript compiler', () => {
  it('is the one the built analyzer loads, made from the installed compiler', async () => {
    const head = readFileSync(vendored, 'latin1').split('\n', 1)[0];
    const sha256 = createHash('sha256').update(readFileSync(installedFile)).digest('hex');
    const { version } = require('typescript/package.json') as { version: string };
    expect(head).toBe(`/* typescript ${version}, minified by specmap's build from the file with sha256 ${sha256} */`);
    const { loadTypeScript } = (await import(join(repo, 'dist', 'analyzer', 'typescript', 'load-typescript.js'))) as {
      loadTypeScript: (useCodeCache: boolean) => typeof TS;
    };
    const ts = loadTypeScript(false);
    expect(ts.version).toBe(version);
    expect(Object.keys(require.cache)).toContain(vendored);
  });

  it('parses the analyzer sources and broken text node for node as the installed one does', () => {
    const minified = require(vendored) as typeof TS;
    const installed = require(installedFile) as typeof TS;
    const folder = join(repo, 'tools', 'analyzer', 'typescript');
    const texts = readdirSync(folder)
      .filter((n) => n.endsWith('.ts'))
      .map((n) => [n, readFileSync(join(folder, n), 'utf8')] as const);
    texts.push(['broken.tsx', 'const x = <div>{a +</div>;\nclass { m( }\n`${']);
    expect(texts.length).toBeGreaterThan(10);
    for (const [name, text] of texts) expect(parseShape(minified, name, text), name).toBe(parseShape(installed, name, text));
  });
});
