/**
 * What a repository holds, for `specmap init`: its code files by language, its tests and recorded
 * traces, and the frameworks the code uses, each with the first file that shows it. Reads files
 * as text and runs nothing (DESIGN.md "Never": no code from the analyzed repository runs).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { isTestPath, languageOf, type FactLanguage } from '../analyzer/file-role.js';
import { FRAMEWORKS, type Framework } from './frameworks.js';

export type CodeLanguage = 'python' | 'typescript';

export interface RepoScan {
  /** Non-test code files per language, repository-relative, sorted. */
  code: Record<CodeLanguage, string[]>;
  /** Test files (pytest, jest/vitest names, files under tests/ folders), sorted. */
  tests: string[];
  /** Recorded streams: `.sse` files, and `.jsonl`/`.ndjson` files whose lines are Responses events. */
  traces: string[];
  /** Detected frameworks, each with the first file (in path order) that shows it. */
  frameworks: { framework: Framework; file: string }[];
  /** Reference pages and OpenAPI documents found near the top. */
  sources: string[];
}

/** Folders that hold dependencies, build output or specmap's own products, never the user's code. */
export const IGNORED_FOLDERS = [
  'node_modules',
  '.git',
  'dist',
  'build',
  'out',
  '.next',
  'coverage',
  '.venv',
  'venv',
  'env',
  '__pycache__',
  '.tox',
  '.mypy_cache',
  '.pytest_cache',
  'site-packages',
  'generated',
  'reports',
  '.specmap',
];

/** Files are read up to this size for detection; larger ones are data, not hand-written code. */
const MAX_READ = 512 * 1024;
/** Enough files to describe any repository; past this, init reports on the first ones in path order. */
const MAX_FILES = 20_000;

const EVENT_LINE = /"type"\s*:\s*"response\.[a-z_.]+"/;

const toPosix = (p: string): string => p.split('\\').join('/');
const sorted = (xs: Iterable<string>) => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

function readText(root: string, file: string): string {
  try {
    const path = join(root, file);
    if (statSync(path).size > MAX_READ) return '';
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

async function findSources(root: string): Promise<string[]> {
  const found = await glob(
    ['DOC_*.md', '*/DOC_*.md', '*/*/DOC_*.md', 'openapi*.{yaml,yml}', '*/openapi*.{yaml,yml}', '*/*/openapi*.{yaml,yml}'],
    {
      cwd: root,
      ignore: IGNORED_FOLDERS.map((f) => `**/${f}/**`),
    },
  );
  return sorted(found.map(toPosix));
}

export async function scanRepository(root: string): Promise<RepoScan> {
  const all = sorted(
    (
      await glob(['**/*.{py,ts,tsx,mts,cts,js,jsx,mjs,cjs,sse,jsonl,ndjson}', 'package.json', '*/package.json'], {
        cwd: root,
        ignore: IGNORED_FOLDERS.map((f) => `**/${f}/**`),
        followSymbolicLinks: false,
      })
    ).map(toPosix),
  ).slice(0, MAX_FILES);
  const code: RepoScan['code'] = { python: [], typescript: [] };
  const tests: string[] = [];
  const traces: string[] = [];
  const seen = new Map<Framework, string>();
  const detect = (file: string, language: FactLanguage | undefined, text: string, test = false) => {
    for (const f of FRAMEWORKS) {
      if (seen.has(f.id) || !f.applies(file, language) || (test && f.codeOnly)) continue;
      if (f.test(text, file)) seen.set(f.id, file);
    }
  };
  for (const file of all) {
    const base = file.slice(file.lastIndexOf('/') + 1);
    const language = base === 'package.json' ? undefined : languageOf(file);
    // Config files of the tool chain (vite.config.ts, *.d.ts) are no code that handles events.
    if (language === 'typescript' && (/\.d\.[cm]?ts$/.test(base) || /\.config\.[cm]?[jt]s$/.test(base))) continue;
    if (language === 'trace') {
      // An .sse file is a trace by its name; a JSON Lines file only when its lines are Responses events.
      if (base.endsWith('.sse') || EVENT_LINE.test(readText(root, file).slice(0, 64 * 1024))) traces.push(file);
      continue;
    }
    if (language && isTestPath(file)) {
      tests.push(file);
      continue;
    }
    if (language === 'python' || language === 'typescript') code[language].push(file);
    detect(file, language, readText(root, file));
  }
  // Evidence from the code itself first; a framework only tests use is still named, from a test.
  for (const file of tests) {
    if (FRAMEWORKS.every((f) => seen.has(f.id))) break;
    detect(file, languageOf(file), readText(root, file), true);
  }
  const frameworks = FRAMEWORKS.filter((f) => seen.has(f.id)).map((f) => ({ framework: f.id, file: seen.get(f.id)! }));
  return { code, tests, traces, frameworks, sources: await findSources(root) };
}
