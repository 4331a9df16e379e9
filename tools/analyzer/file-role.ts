/**
 * What a file is, from its path alone: which adapter reads it and whether it is a test. Pure, so
 * the workspace walker and the adapters agree without sharing state.
 */
import type { CodeFact } from './facts.js';

export type FactLanguage = CodeFact['language'];
export type LaneLanguage = FactLanguage | 'auto';

const BY_EXTENSION: Record<string, FactLanguage> = {
  '.ts': 'typescript',
  '.tsx': 'typescript',
  '.js': 'typescript',
  '.jsx': 'typescript',
  '.mjs': 'typescript',
  '.cjs': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  // Single-file components: the code of their `<script>` blocks (analyze-typescript.ts).
  '.vue': 'typescript',
  '.svelte': 'typescript',
  '.py': 'python',
  '.pyi': 'python',
  '.sse': 'trace',
  '.jsonl': 'trace',
  '.ndjson': 'trace',
};

function extensionOf(file: string): string {
  const base = file.slice(file.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

/**
 * The adapter for a file. A lane's language only narrows `auto`: a `.sse` file in a Python lane
 * is still a trace, since no Python parser can read it. Undefined: no adapter reads this file.
 */
export function languageOf(file: string, lane: LaneLanguage = 'auto'): FactLanguage | undefined {
  const byExt = BY_EXTENSION[extensionOf(file)];
  if (byExt === undefined) return undefined;
  if (lane === 'auto' || byExt === 'trace') return byExt;
  return byExt === lane ? byExt : undefined;
}

/** pytest (`test_*.py`, `*_test.py`, `conftest.py`), jest/vitest (`*.test.ts`, `*.spec.ts`), or anything under a `tests`/`__tests__` folder. */
export function isTestPath(file: string): boolean {
  const parts = file.split('/');
  const base = parts[parts.length - 1] ?? '';
  if (parts.slice(0, -1).some((p) => p === 'tests' || p === 'test' || p === '__tests__')) return true;
  if (/^test_.*\.pyi?$/.test(base) || /_test\.pyi?$/.test(base) || base === 'conftest.py') return true;
  return /\.(test|spec)\.[cm]?[jt]sx?$/.test(base);
}

/** Whether a file is a single-file component (`.vue`, `.svelte`), whose code is its `<script>` blocks. */
export function isComponent(file: string): boolean {
  const ext = extensionOf(file);
  return ext === '.vue' || ext === '.svelte';
}

/**
 * A component's text as code: its `<script>` blocks as written, every other character but line
 * breaks made a space, so that a position in the code is the same line and column in the file.
 */
export function componentScript(text: string): string {
  const blank = (s: string): string => s.replace(/[^\r\n]/g, ' ');
  const open = /<script\b[^>]*>/gi;
  const close = /<\/script\s*>/gi;
  let out = '';
  let at = 0;
  for (let m = open.exec(text); m; m = open.exec(text)) {
    const start = m.index + m[0].length;
    close.lastIndex = start;
    const end = close.exec(text);
    if (!end) break;
    out += blank(text.slice(at, start)) + text.slice(start, end.index);
    at = end.index;
    open.lastIndex = end.index;
  }
  return out + blank(text.slice(at));
}
