/** Shared helpers for the generate integration tests: corpus config, temp output, tsc, python. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { ConfigSchema, type Config, type ConfigInput } from '../../tools/config/schema.js';
import type { OutputFile } from '../../tools/io/write-plan.js';

export const REPO = resolve(import.meta.dirname, '../..');
const REF = '../shared/reference';
export const DOCS = ['DOC_streaming_events.md', 'DOC_responses.md', 'DOC_conversations.md'].map((f) => ({
  path: `${REF}/openai-docs/${f}`,
}));
export const OPENAPI = { path: `${REF}/openapi/openai-openapi-2026-08-21.yaml`, pathPrefix: '/v1' };

export function corpusConfig(extra: Partial<ConfigInput> = {}, withOpenApi = false): Config {
  return ConfigSchema.parse({ sources: withOpenApi ? [...DOCS, OPENAPI] : DOCS, ...extra });
}

/** A temp folder inside the repo (git-ignored `.specmap/`), so generated code resolves `zod`. */
const made: string[] = [];
export function tempDir(prefix: string): string {
  const base = join(REPO, '.specmap', 'tmp');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, `${prefix}-`));
  made.push(dir);
  return dir;
}

/** Removes the temp folders this test file made (call from afterAll). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function writeFiles(dir: string, files: readonly OutputFile[]): void {
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.content);
  }
}

const TSC_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  skipLibCheck: true,
  types: [],
};

/**
 * The parsed declaration files of `node_modules` (the compiler's libs, Zod's types), shared by every
 * `typecheck` in this worker: they do not change during a run, and parsing them again took about a
 * second of each call. The generated files themselves are parsed fresh every time.
 */
const libraryFiles = new Map<string, ts.SourceFile>();

function cachingHost(): ts.CompilerHost {
  const host = ts.createCompilerHost(TSC_OPTIONS);
  const parse = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, onError, shouldCreate) => {
    if (!fileName.includes('/node_modules/')) return parse(fileName, language, onError, shouldCreate);
    let file = libraryFiles.get(fileName);
    if (!file) {
      file = parse(fileName, language, onError, shouldCreate);
      if (file) libraryFiles.set(fileName, file);
    }
    return file;
  };
  return host;
}

/** `tsc --strict --noEmit` through the compiler API; returns formatted diagnostics (empty = compiles). */
export function typecheck(files: string[]): string[] {
  const program = ts.createProgram(files, TSC_OPTIONS, cachingHost());
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: ` : '';
    return where + ts.flattenDiagnosticMessageText(d.messageText, '\n');
  });
}

/** Runs `exe` (python3 on PATH unless given) with `args`. */
export function python(
  args: string[],
  cwd: string,
  input?: string,
  exe = python3Path(),
): { status: number | null; stdout: string; stderr: string; error?: Error } {
  const r = spawnSync(exe, args, { cwd, input, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ...(r.error ? { error: r.error } : {}) };
}

let python3: string | undefined;

/**
 * The interpreter `python3` on PATH runs, asked once per test process. A version manager's shim
 * (pyenv's) resolves the version again on every call, a dozen processes and ~0.3 s each time.
 */
export function python3Path(): string {
  python3 ??= askPython3Path();
  return python3;
}

function askPython3Path(): string {
  try {
    return execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim() || 'python3';
  } catch {
    return 'python3';
  }
}

let pydantic: { version: string | undefined } | undefined;

/** The pydantic version python3 imports, or undefined when it has none; asked once per test process. */
export function pydanticVersion(): string | undefined {
  pydantic ??= { version: askPydanticVersion() };
  return pydantic.version;
}

function askPydanticVersion(): string | undefined {
  try {
    return execFileSync(python3Path(), ['-c', 'import pydantic; print(pydantic.VERSION)'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}
