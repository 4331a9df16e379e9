/**
 * The TypeScript compiler's V8 code cache lives beside the compiler (`node_modules/.cache/specmap/`),
 * not in the project's cache folder: a project whose cache was deleted still loads the compiler
 * from it, and `--no-cache` neither reads nor writes it. The tool runs from an install of its own in
 * a temp folder, with a real copy of the compiler, so the test sees exactly where it writes.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installTool, type ToolInstall } from '../helpers/tool-install.js';

let install: ToolInstall;
let base: string;
let project: string;
let tool: string;
let v8: string;
const specmap = (...args: string[]) => install.specmap(...args);

const entries = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir) : []);

beforeAll(() => {
  install = installTool(
    'specmap-code-cache-',
    "export interface ResponseCreatedEvent { type: 'response.created'; sequence_number: number }\n",
    'copied',
  );
  ({ base, project, tool } = install);
  v8 = join(tool, 'node_modules/.cache/specmap/v8');
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
