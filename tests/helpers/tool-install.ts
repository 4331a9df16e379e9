/**
 * The built tool installed in a temp folder, as an install holds it (the code and the data folders
 * beside it), with a small project beside it whose source is one docs page and whose one lane is
 * `src/**\/*.ts`: for tests that change the installed tool or look at what it writes beside itself.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONFIG, DOCS } from '../hostile/project.js';
import { REPO } from './temp-workspace.js';

export interface ToolInstall {
  /** The temp folder holding both (remove it when done). */
  base: string;
  tool: string;
  project: string;
  /** Runs the installed tool's binary in the project (CI=1: no terminal output). */
  specmap(...args: string[]): { code: number; stdout: string; stderr: string };
  /** The same, with these environment variables besides. */
  specmapWith(env: Record<string, string>, ...args: string[]): { code: number; stdout: string; stderr: string };
}

/**
 * `compiler: 'copied'`: the TypeScript compiler is a real copy inside the install (every other
 * dependency linked), so that it resolves there and not to this repository's node_modules.
 */
export function installTool(prefix: string, appTs: string, compiler: 'linked' | 'copied' = 'linked'): ToolInstall {
  const base = mkdtempSync(join(tmpdir(), prefix));
  const tool = join(base, 'tool');
  mkdirSync(tool);
  for (const part of ['dist', 'templates', 'profiles', 'schema', 'package.json'])
    if (existsSync(join(REPO, part))) cpSync(join(REPO, part), join(tool, part), { recursive: true });
  const modules = join(tool, 'node_modules');
  if (compiler === 'linked') symlinkSync(join(REPO, 'node_modules'), modules, 'dir');
  else {
    mkdirSync(modules);
    for (const name of readdirSync(join(REPO, 'node_modules')))
      if (name !== 'typescript' && name !== '.cache') symlinkSync(join(REPO, 'node_modules', name), join(modules, name), 'dir');
    mkdirSync(join(modules, 'typescript/lib'), { recursive: true });
    for (const file of ['package.json', 'lib/typescript.js'])
      cpSync(join(REPO, 'node_modules/typescript', file), join(modules, 'typescript', file));
  }
  const project = join(base, 'project');
  mkdirSync(join(project, 'docs'), { recursive: true });
  mkdirSync(join(project, 'src'));
  writeFileSync(join(project, 'docs/DOC_streaming_events.md'), DOCS);
  writeFileSync(join(project, 'src/app.ts'), appTs);
  writeFileSync(join(project, 'specmap.config.json'), JSON.stringify(CONFIG, null, 2) + '\n');
  const specmapWith = (env: Record<string, string>, ...args: string[]) => {
    const r = spawnSync(process.execPath, [join(tool, 'dist/cli.js'), ...args], {
      cwd: project,
      encoding: 'utf8',
      // As installed, whatever the environment running the tests says: from the CLI's bundle.
      env: { ...process.env, CI: '1', SPECMAP_BUNDLE: '1', ...env },
    });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  };
  return { base, tool, project, specmap: (...args) => specmapWith({}, ...args), specmapWith };
}
