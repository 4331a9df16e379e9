/**
 * The binary runs the CLI from its bundle (`dist/cli.bundle.cjs`, through a V8 code cache), and the
 * bundle answers as the modules do: the README's main job on two copies of the example workspace,
 * one run from the bundle and one from the modules (`SPECMAP_BUNDLE=0`), writes the same files
 * byte for byte and prints the same. A resolve hook shows which of them a run imports.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, makeTempWorkspace, type TempWorkspace } from '../helpers/temp-workspace.js';

const HOOK = `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.SPECMAP_TEST_MODULES, resolved.url + '\\n');
  return resolved;
}
`;

let ws: TempWorkspace;
let copy: string;
let hooks: string;

beforeAll(() => {
  ws = makeTempWorkspace();
  copy = mkdtempSync(join(tmpdir(), 'specmap-modules-'));
  cpSync(ws.dir, copy, { recursive: true });
  hooks = mkdtempSync(join(tmpdir(), 'specmap-bundle-hooks-'));
  writeFileSync(join(hooks, 'hook.mjs'), HOOK);
  writeFileSync(join(hooks, 'register.mjs'), "import { register } from 'node:module';\nregister('./hook.mjs', import.meta.url);\n");
});

afterAll(() => {
  ws?.cleanup();
  for (const dir of [copy, hooks]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** `sync` in `cwd`, with the hook listing the ES modules it imports from dist/. */
function sync(cwd: string, env: Record<string, string>): { code: number; stdout: string; stderr: string; modules: string[] } {
  const log = join(hooks, `${Object.keys(env).length}-${readdirSync(hooks).length}.txt`);
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(join(hooks, 'register.mjs')).href, CLI, 'sync'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: '1', SPECMAP_TEST_MODULES: log, ...env },
  });
  const modules = readFileSync(log, 'utf8')
    .split('\n')
    .filter((url) => url.includes('/dist/'))
    .map((url) => url.replace(/^.*\/dist\//, 'dist/'));
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, modules: [...new Set(modules)].sort() };
}

/** Every file under `dir` but the cache folder and git's, with its bytes. */
function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (at: string): void => {
    for (const e of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, e.name);
      if (e.name === '.specmap' || e.name === '.git') continue;
      if (e.isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path, 'latin1'));
    }
  };
  walk(dir);
  return out;
}

describe('the CLI bundle', () => {
  it('runs by default, and writes and prints what the modules do', () => {
    const bundled = sync(ws.dir, {});
    const modules = sync(copy, { SPECMAP_BUNDLE: '0' });
    expect(bundled.code, bundled.stderr).toBe(0);
    expect(modules.code, modules.stderr).toBe(0);
    // From the bundle, only the loader is an ES module; the modules import the commands themselves.
    expect(bundled.modules).toContain('dist/cli/load-run-cli.js');
    expect(bundled.modules.filter((m) => /^dist\/(commands|cli\/program|analyzer\/(?!typescript\/load-typescript))/.test(m))).toEqual([]);
    expect(bundled.modules.length).toBeLessThan(10);
    expect(modules.modules).toEqual(
      expect.arrayContaining(['dist/commands/sync.js', 'dist/cli/program/sync.js', 'dist/analyzer/analyze-workspace.js']),
    );
    expect(bundled.stdout).toBe(modules.stdout);
    expect(bundled.stderr).toBe(modules.stderr);
    const a = files(ws.dir);
    const b = files(copy);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    expect(a.size).toBeGreaterThan(50);
    for (const [path, bytes] of a) expect(bytes, path).toBe(b.get(path));
  }, 60_000);
});
