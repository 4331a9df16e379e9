/**
 * TypeScript/JavaScript adapter: the TypeScript compiler's parser alone (`ts.createSourceFile`),
 * syntax only: no program, no dependency resolution, no lib files, no type checker, and only the
 * files the prefilter picked. Each tree is walked once for its facts and dropped, so at most one
 * file's tree is alive at a time (a ts-morph `Project` kept every parsed file in its document
 * registry, and loading ts-morph cost ~0.3 s on top of the compiler).
 */
import type { FileContext, FileFacts } from '../fact-sink.js';
import { compilerApi, type Ts } from './compiler-api.js';
import { saveCodeCache } from '../../cache/code-cache.js';
import { loadTypeScript } from './load-typescript.js';
import { typescriptFacts } from './ts-facts.js';

/** Made once: the compiler is loaded once per process. */
let api: Ts | undefined;

/** `useCodeCache`: load the compiler with its V8 code cache (load-typescript.ts); off with `--no-cache`. */
export async function analyzeTypeScript(files: readonly { text: string; ctx: FileContext }[], useCodeCache = false): Promise<FileFacts[]> {
  api ??= compilerApi(loadTypeScript(useCodeCache));
  const ts = api;
  const out = files.map(({ text, ctx }) => {
    // The latest syntax, the script kind from the extension. JSDoc comments are left unparsed: no
    // fact reads them (the walk never enters them, and positions skip them as trivia either way),
    // and parsing them is ~20-40% of a cold parse of commented code. Parent pointers are set by the
    // walk over the tree (ts-facts.ts), on its way down, not by the compiler's own extra walk (~25% of a parse).
    const source = ts.createSourceFile(
      `/${ctx.file}`,
      text,
      { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
      false,
    );
    return typescriptFacts(ts, source, ctx);
  });
  saveCodeCache();
  return out;
}
