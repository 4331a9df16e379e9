/**
 * The built CLI spawned with an ES module resolve hook that lists every module it imports: what a
 * run loads, seen from outside. Package names stand for their files, paths under dist/ for ours.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI } from './temp-workspace.js';

const HOOK = `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.SPECMAP_TEST_MODULES, resolved.url + '\\n');
  return resolved;
}
`;

interface HookedRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Each imported module once, in the order first imported. */
  modules: string[];
}

export interface ModuleHook {
  /** `specmap <args>` in `cwd`, with `env` added to the environment (CI=1 always). */
  run(cwd: string, args: readonly string[], env?: Record<string, string>): HookedRun;
  cleanup(): void;
}

export function makeModuleHook(): ModuleHook {
  const dir = mkdtempSync(join(tmpdir(), 'specmap-hooks-'));
  writeFileSync(join(dir, 'hook.mjs'), HOOK);
  writeFileSync(join(dir, 'register.mjs'), "import { register } from 'node:module';\nregister('./hook.mjs', import.meta.url);\n");
  let runs = 0;
  return {
    run(cwd, args, env = {}) {
      const log = join(dir, `run-${runs++}.txt`);
      writeFileSync(log, '');
      const r = spawnSync(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, CLI, ...args], {
        cwd,
        encoding: 'utf8',
        env: { ...process.env, CI: '1', SPECMAP_TEST_MODULES: log, ...env },
      });
      const modules = readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((url) => url.replace(/^.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\/.*$/, '$1').replace(/^.*\/dist\//, 'dist/'));
      return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, modules: [...new Set(modules)] };
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
