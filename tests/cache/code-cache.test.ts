/**
 * The V8 code caches of the TypeScript compiler and of the CLI's bundle live beside the compiler
 * (`node_modules/.cache/specmap/`), not in the project's cache folder: a project whose cache was
 * deleted still loads both from them, and `--no-cache` neither reads nor writes them. The tool
 * runs from an install of its own in a temp folder, with a real copy of the compiler, so the test
 * sees exactly where it writes.
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
/** The code caches in `dir` (beside them, `digests.json` remembers the hashes of the files' texts). */
const caches = (dir: string): string[] => entries(dir).filter((name) => name.endsWith('.bin'));

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

const stamp = (file: string): number[] => {
  const st = statSync(file);
  return [st.ino, st.mtimeMs, st.size];
};

describe('the code caches of the compiler and the CLI', () => {
  it('are written beside the compiler, not in the project cache, and kept when the project cache is deleted', () => {
    const first = specmap('map');
    expect(first.code, first.stderr).toBe(0);
    const bins = caches(v8).sort();
    expect(bins).toEqual([expect.stringMatching(/^cli-[0-9a-f]{32}\.bin$/), expect.stringMatching(/^typescript-[0-9a-f]{32}\.bin$/)]);
    expect(entries(join(project, '.specmap/cache'))).not.toContain('v8');
    const written = bins.map((b) => stamp(join(v8, b)));

    rmSync(join(project, '.specmap'), { recursive: true, force: true });
    expect(specmap('map').code).toBe(0);
    // Accepted by V8, so not written again (a rejected or missing cache is rewritten).
    expect(bins.map((b) => stamp(join(v8, b)))).toEqual(written);
    expect(caches(v8).sort()).toEqual(bins);
  });

  it('a run answered from its memo loads no compiler: only the CLI writes its cache again', () => {
    rmSync(v8, { recursive: true, force: true });
    const warm = specmap('map');
    expect(warm.code, warm.stderr).toBe(0);
    expect(caches(v8)).toEqual([expect.stringMatching(/^cli-[0-9a-f]{32}\.bin$/)]);
  });

  it('is neither read nor written with --no-cache', () => {
    rmSync(join(tool, 'node_modules/.cache'), { recursive: true, force: true });
    rmSync(join(project, '.specmap'), { recursive: true, force: true });
    const run = specmap('map', '--no-cache');
    expect(run.code, run.stderr).toBe(0);
    // The compiler still ran, and the bundle: the TypeScript file's definition is mapped.
    expect(readFileSync(join(project, 'mapping.json'), 'utf8')).toContain('src/app.ts');
    expect(existsSync(join(tool, 'node_modules/.cache'))).toBe(false);
  });
});
