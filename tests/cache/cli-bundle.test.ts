/**
 * The binary runs the CLI from its bundle (`dist/cli.bundle.cjs`, through a V8 code cache), and the
 * bundle answers as the modules do: the README's main job on two copies of the example workspace,
 * one run from the bundle and one from the modules (`SPECMAP_BUNDLE=0`), writes the same files
 * byte for byte and prints the same. A resolve hook shows which of them a run imports.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeModuleHook, type ModuleHook } from '../helpers/module-hook.js';
import { makeTempWorkspace, type TempWorkspace } from '../helpers/temp-workspace.js';

let ws: TempWorkspace;
let copy: string;
let hook: ModuleHook;

beforeAll(() => {
  ws = makeTempWorkspace();
  copy = mkdtempSync(join(tmpdir(), 'specmap-modules-'));
  cpSync(ws.dir, copy, { recursive: true });
  hook = makeModuleHook();
});

afterAll(() => {
  ws?.cleanup();
  hook?.cleanup();
  if (copy) rmSync(copy, { recursive: true, force: true });
});

/** `sync` in `cwd`, with the ES modules it imports from dist/. */
function sync(cwd: string, env: Record<string, string>) {
  const r = hook.run(cwd, ['sync'], env);
  return { ...r, modules: r.modules.filter((m) => m.startsWith('dist/')).sort() };
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
    const bundled = sync(ws.dir, { SPECMAP_BUNDLE: '1' });
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
