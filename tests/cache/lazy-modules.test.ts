/**
 * What a warm run loads, seen from outside: the built CLI is spawned with an ESM resolve hook that
 * lists every module it imports. The hook path must stay light: a check answered from its memo
 * loads no parser, no generator and no Zod; a check after an edit elsewhere (its memo gone, the
 * other caches warm) loads no parser and no template engine. A module imported by mistake on
 * these paths (as the tracker's renderer once was, for its file name) costs every commit its load.
 * The hook sees ES modules, so the CLI runs from its modules here (`SPECMAP_BUNDLE=0`); its bundle
 * keeps each of these imports as lazy (a dynamic import becomes a module initialised when the import
 * runs), and `code-cache.test.ts` shows that a run answered from its memo loads no compiler from it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/temp-workspace.js';
import { makeProject, type Project } from '../hostile/project.js';

const HOOK = `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.SPECMAP_TEST_MODULES, resolved.url + '\\n');
  return resolved;
}
`;

let project: Project;
let hooks: string;
let runs = 0;

/** The modules a run imported (package names and paths under dist/), and its exit code. */
function imported(...args: string[]): { code: number; modules: string[] } {
  const log = join(hooks, `run-${runs++}.txt`);
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(join(hooks, 'register.mjs')).href, CLI, ...args], {
    cwd: project.dir,
    encoding: 'utf8',
    env: { ...process.env, CI: '1', SPECMAP_TEST_MODULES: log, SPECMAP_BUNDLE: '0' },
  });
  const modules = readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((url) => url.replace(/^.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\/.*$/, '$1').replace(/^.*\/dist\//, 'dist/'));
  return { code: r.status ?? -1, modules: [...new Set(modules)] };
}

const PARSERS = ['typescript', 'web-tree-sitter', 'remark-parse', 'js-yaml', 'dist/analyzer/typescript/analyze-typescript.js'];
const GENERATORS = ['handlebars', 'dist/generate/templates.js', 'dist/generate/generate.js'];

beforeAll(() => {
  project = makeProject();
  hooks = mkdtempSync(join(tmpdir(), 'specmap-hooks-'));
  writeFileSync(join(hooks, 'hook.mjs'), HOOK);
  writeFileSync(join(hooks, 'register.mjs'), "import { register } from 'node:module';\nregister('./hook.mjs', import.meta.url);\n");
});

afterAll(() => {
  project?.cleanup();
  if (hooks) rmSync(hooks, { recursive: true, force: true });
});

describe('the modules a run loads', () => {
  it('a cold sync loads the parser and the generators (the hook sees them), and no parser for a language the lanes lack', () => {
    const sync = imported('sync');
    expect(sync.code).toBe(0);
    expect(sync.modules).toEqual(expect.arrayContaining(['dist/analyzer/typescript/analyze-typescript.js', ...GENERATORS, 'zod']));
    // A TypeScript-only project: no Python grammar.
    expect(sync.modules.filter((m) => m === 'web-tree-sitter' || m.startsWith('dist/analyzer/python/'))).toEqual([]);
  });

  it('a check answered from its memo loads no parser, no generator and no Zod', () => {
    expect(imported('check').code).toBe(0);
    const warm = imported('check');
    expect(warm.code).toBe(0);
    expect(warm.modules.filter((m) => [...PARSERS, ...GENERATORS, 'zod'].includes(m))).toEqual([]);
    expect(warm.modules.filter((m) => m.startsWith('dist/analyzer/') || m.startsWith('dist/generate/'))).toEqual([]);
  });

  it('a check after its memo is gone, the other caches warm, loads no parser and no template engine', () => {
    rmSync(join(project.dir, '.specmap/cache/check-state.json'));
    const check = imported('check');
    expect(check.code).toBe(0);
    expect(check.modules).toContain('dist/analyzer/analyze-workspace.js');
    expect(check.modules.filter((m) => [...PARSERS, ...GENERATORS].includes(m))).toEqual([]);
  });
});
