/**
 * What a warm run loads, seen from outside: the built CLI is spawned with an ESM resolve hook that
 * lists every module it imports. The hook path must stay light: a check answered from its memo
 * loads no parser, no generator and no Zod; a check after an edit elsewhere (its memo gone, the
 * other caches warm) loads no parser and no template engine. A module imported by mistake on
 * these paths (as the tracker's renderer once was, for its file name) costs every commit its load;
 * the check after an edit loads no Zod either (mapping.json's validation is remembered), and no
 * parser ahead of the files while its model is being built, since the fact cache answers them.
 * The hook sees ES modules, so the CLI runs from its modules here (`SPECMAP_BUNDLE=0`); its bundle
 * keeps each of these imports as lazy (a dynamic import becomes a module initialised when the import
 * runs), and `code-cache.test.ts` shows that a run answered from its memo loads no compiler from it.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeModuleHook, type ModuleHook } from '../helpers/module-hook.js';
import { makeProject, type Project } from '../hostile/project.js';

let project: Project;
let hook: ModuleHook;

/** The modules a run imported (package names and paths under dist/), and its exit code. */
const imported = (...args: string[]) => hook.run(project.dir, args, { SPECMAP_BUNDLE: '0' });

const PARSERS = ['typescript', 'web-tree-sitter', 'remark-parse', 'js-yaml', 'dist/analyzer/typescript/analyze-typescript.js'];
const GENERATORS = ['handlebars', 'dist/generate/templates.js', 'dist/generate/generate.js'];

beforeAll(() => {
  project = makeProject();
  hook = makeModuleHook();
});

afterAll(() => {
  project?.cleanup();
  hook?.cleanup();
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

  it('a check after its memo is gone, the other caches warm, loads no parser, no template engine and no Zod', () => {
    rmSync(join(project.dir, '.specmap/cache/check-state.json'));
    const check = imported('check');
    expect(check.code).toBe(0);
    expect(check.modules).toContain('dist/analyzer/analyze-workspace.js');
    // The mapping read is answered from the memo of its validation (mapping/read-remembered.ts).
    expect(check.modules.filter((m) => [...PARSERS, ...GENERATORS, 'zod', 'dist/mapping/schema.js'].includes(m))).toEqual([]);
  });

  it('nor while the model is still being built, which would leave time to load a parser ahead: the fact cache answers every file', () => {
    rmSync(join(project.dir, '.specmap/cache/check-state.json'));
    // No model in the cache nor on disk: the check builds it from the docs page, and finds it missing.
    rmSync(join(project.dir, '.specmap/cache/model.json'));
    rmSync(join(project.dir, 'spec/model.json'));
    const check = imported('check');
    expect(check.code).toBe(1);
    expect(check.modules).toContain('dist/analyzer/analyze-workspace.js');
    expect(check.modules.filter((m) => m.startsWith('dist/analyzer/typescript/') || m.startsWith('dist/analyzer/python/'))).toEqual([]);
  });
});
