/**
 * TypeScript/JavaScript adapter: the TypeScript compiler's parser alone (`ts.createSourceFile`),
 * syntax only: no program, no dependency resolution, no lib files, no type checker, and only the
 * files the prefilter picked. Each tree is walked once for its facts and dropped, so at most one
 * file's tree is alive at a time (a ts-morph `Project` kept every parsed file in its document
 * registry, and loading ts-morph cost ~0.3 s on top of the compiler).
 */
import type * as TS from 'typescript';
import type { Candidates } from '../candidates.js';
import type { FileContext, FileFacts } from '../fact-sink.js';
import { componentScript, isComponent } from '../file-role.js';
import { alternation, prefilterAlternatives } from '../prefilter.js';
import { compilerApi, type Ts } from './compiler-api.js';
import { saveCodeCache } from '../../cache/code-cache.js';
import { loadTypeScript } from './load-typescript.js';
import { typescriptFacts } from './ts-facts.js';
import { mayBeSectioned, parseSectioned } from './test-sections.js';

/** Made once: the compiler is loaded once per process. */
let api: Ts | undefined;

/**
 * `useCodeCache`: load the compiler with its V8 code cache (load-typescript.ts); off with `--no-cache`.
 * `whole`: parse a large test file whole, not without its quiet tests (test-sections.ts).
 */
export async function analyzeTypeScript(
  files: readonly { text: string; ctx: FileContext; whole?: boolean }[],
  useCodeCache = false,
): Promise<FileFacts[]> {
  api ??= compilerApi(loadTypeScript(useCodeCache));
  const ts = api;
  const out = files.map(({ text, ctx, whole }) => {
    // The latest syntax, the script kind from the extension. JSDoc comments are left unparsed: no
    // fact reads them (the walk never enters them, and positions skip them as trivia either way),
    // and parsing them is ~20-40% of a cold parse of commented code. Parent pointers are set by the
    // walk over the tree (ts-facts.ts), on its way down, not by the compiler's own extra walk (~25% of a parse).
    const parse = (content: string): TS.SourceFile =>
      ts.createSourceFile(
        `/${ctx.file}`,
        content,
        { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
        false,
      );
    if (isComponent(ctx.file)) return typescriptFacts(ts, parse(componentScript(text)), ctx);
    const sectioned =
      !whole && ctx.isTest && mayBeSectioned(ctx.file, text) ? parseSectioned(ts, text, mentionsOf(ctx.candidates), parse) : undefined;
    if (!sectioned) return typescriptFacts(ts, parse(text), ctx);
    const facts = typescriptFacts(ts, sectioned.source, ctx);
    return sectioned.quietClasses.length > 0 ? { ...facts, quietClasses: sectioned.quietClasses } : facts;
  });
  saveCodeCache();
  return out;
}

const mentionsByRun = new WeakMap<Candidates, RegExp>();

/**
 * What the prefilter looks for, as one global expression, with the plain types of a dotted family
 * (`'error'`: the file is about the stream, so a test of one is its test) and a prefix check of a
 * dotted family (`type.startsWith('response.reasoning')`, which names no whole type).
 */
export function mentionsOf(candidates: Candidates): RegExp {
  let re = mentionsByRun.get(candidates);
  if (!re) {
    const types = candidates.eventTypes;
    const families = new Set([...types].filter((t) => t.indexOf('.') > 0).map((t) => t.slice(0, t.indexOf('.'))));
    const prefixes = families.size > 0 ? [`\\.startsWith\\(\\s*["'\\x60]${alternation(families)}\\.`] : [];
    re = new RegExp([...prefilterAlternatives(candidates, [], true), ...prefixes].join('|') || '(?!)', 'g');
    mentionsByRun.set(candidates, re);
  }
  return re;
}
