/**
 * The TypeScript compiler's V8 code cache lives beside the compiler (`node_modules/.cache/specmap/`),
 * not in the project's cache folder: a project whose cache was deleted still loads the compiler
 * from it, and `--no-cache` neither reads nor writes it. The tool runs from an install of its own in
 * a temp folder, with a real copy of the compiler, so the test sees exactly where it writes.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/temp-workspace.js';
import { CONFIG, DOCS } from '../hostile/project.js';

let base: string;
let project: string;
let tool: string;
let v8: string;

function specmap(...args: string[]) {
  const r = spawnSync(process.execPath, [join(tool, 'dist/cli.js'), ...args], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, CI: '1' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const entries = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir) : []);

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'specmap-code-cache-'));
  tool = join(base, 'tool');
  mkdirSync(tool);
  for (const part of ['dist', 'templates', 'profiles', 'schema', 'package.json'])
    if (existsSync(join(REPO, part))) cpSync(join(REPO, part), join(tool, part), { recursive: true });
  // Every dependency linked from this repository, except the compiler: a real copy, so that it
  // resolves inside the temp install (a link would resolve to this repository's node_modules).
  const modules = join(tool, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(join(REPO, 'node_modules')))
    if (name !== 'typescript' && name !== '.cache') symlinkSync(join(REPO, 'node_modules', name), join(modules, name), 'dir');
  mkdirSync(join(modules, 'typescript/lib'), { recursive: true });
  for (const file of ['package.json', 'lib/typescript.js'])
    cpSync(join(REPO, 'node_modules/typescript', file), join(modules, 'typescript', file));
  v8 = join(modules, '.cache/specmap/v8');
  project = join(base, 'project');
  mkdirSync(join(project, 'docs'), { recursive: true });
  mkdirSync(join(project, 'src'));
  writeFileSync(join(project, 'docs/DOC_streaming_events.md'), DOCS);
  writeFileSync(
    join(project, 'src/app.ts'),
    "export interface ResponseCreatedEvent { type: 'response.created'; sequence_number: number }\n",
  );
  writeFileSync(join(project, 'specmap.config.json'), JSON.stringify(CONFIG, null, 2) + '\n');
}, 120_000);

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe("the compiler's code cache", () => {
  it('is written beside the compiler, not in the project cache, and kept when the project cache is deleted', () => {
    const first = specmap('map');
    expect(first.code, first.stderr).toBe(0);
    const [bin, ...more] = entries(v8);
    expect(bin).toMatch(/^[0-9a-f]{32}\.bin$/);
    expect(more).toEqual([]);
    expect(entries(join(project, '.specmap/cache'))).not.toContain('v8');
    const written = statSync(join(v8, bin!));

    rmSync(join(project, '.specmap'), { recursive: true, force: true });
    expect(specmap('map').code).toBe(0);
    // Accepted by V8, so not written again (a rejected or missing cache is rewritten).
    const after = statSync(join(v8, bin!));
    expect([after.ino, after.mtimeMs, after.size]).toEqual([written.ino, written.mtimeMs, written.size]);
    expect(entries(v8)).toEqual([bin]);
  });

  it('is neither read nor written with --no-cache', () => {
    rmSync(join(tool, 'node_modules/.cache'), { recursive: true, force: true });
    rmSync(join(project, '.specmap'), { recursive: true, force: true });
    const run = specmap('map', '--no-cache');
    expect(run.code, run.stderr).toBe(0);
    // The compiler still ran: the TypeScript file's definition is mapped.
    expect(readFileSync(join(project, 'mapping.json'), 'utf8')).toContain('src/app.ts');
    expect(existsSync(join(tool, 'node_modules/.cache'))).toBe(false);
  });
});
