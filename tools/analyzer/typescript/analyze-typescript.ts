/**
 * TypeScript/JavaScript adapter: ts-morph, syntax only: an in-memory project, no
 * dependency resolution, no lib files, no type checker, and only the files the prefilter picked.
 * Each tree is walked through its compiler node (wrapping every node in ts-morph objects costs
 * more than the parse) and removed from the project after use.
 */
import type { FileContext, FileFacts } from '../fact-sink.js';
import { requireWithCodeCache } from './require-cached.js';
import { typescriptFacts } from './ts-facts.js';

/**
 * ts-morph is CommonJS. `import()` of it makes Node scan it, and the TypeScript compiler it
 * re-exports (~9 MB), for named exports (cjs-module-lexer, ~240 ms here); `require` skips that
 * scan, and a V8 code cache under the cache folder skips most of the compile.
 */
export async function analyzeTypeScript(files: readonly { text: string; ctx: FileContext }[], cacheDir?: string): Promise<FileFacts[]> {
  const { Project, ts } = requireWithCodeCache<typeof import('ts-morph')>('ts-morph', cacheDir, import.meta.url);
  const project = new Project({
    useInMemoryFileSystem: true,
    skipFileDependencyResolution: true,
    skipAddingFilesFromTsConfig: true,
    skipLoadingLibFiles: true,
    compilerOptions: { allowJs: true, noLib: true, noResolve: true, jsx: ts.JsxEmit.Preserve },
  });
  return files.map(({ text, ctx }) => {
    const source = project.createSourceFile(`/${ctx.file}`, text, { overwrite: true });
    try {
      return typescriptFacts(ts, source.compilerNode, ctx);
    } finally {
      project.removeSourceFile(source);
    }
  });
}
