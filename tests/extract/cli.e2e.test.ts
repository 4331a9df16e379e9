/**
 * End to end: `specmap extract` (the built binary first, the same program in-process after) on
 * small fixture projects copied to a temporary folder; exact exit codes, stdout and what is (not)
 * written.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, PAGES, REPO } from './helpers.js';
import { runInProcess } from '../helpers/run-in-process.js';
import { CLI, runBinary } from '../helpers/temp-workspace.js';

const temps: string[] = [];

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
});
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** A fresh copy of a fixture project (or an empty folder). */
function project(fixture?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'specmap-e2e-'));
  temps.push(dir);
  if (fixture) cpSync(REPO + 'tests/extract/fixtures/' + fixture, dir, { recursive: true });
  return dir;
}

/** The same run in this process (tests/helpers/run-in-process.ts): same arguments, output and exit code. */
const run = (cwd: string, ...args: string[]) => runInProcess(cwd, args);

const read = (path: string) => readFileSync(path, 'utf8');

describe('specmap extract', () => {
  it('writes spec/model.json, then reports it unchanged', async () => {
    const dir = project('good');
    const first = runBinary(dir, ['extract']);
    expect(first).toEqual({
      code: 0,
      stdout: 'wrote spec/model.json: 1 events, 1 endpoints, 1 params, 0 enums, 0 objects from 1 sources\n',
      stderr: '',
    });
    const model = JSON.parse(read(join(dir, 'spec/model.json')));
    expect(model.events.map((e: { id: string }) => e.id)).toEqual(['event:gadget.built']);
    const second = await run(dir, 'extract');
    expect(second.stdout).toBe('unchanged spec/model.json: 1 events, 1 endpoints, 1 params, 0 enums, 0 objects from 1 sources\n');
    expect(readdirSync(join(dir, 'spec'))).toEqual(['model.json']);
  });

  it('--stdout prints the same bytes and writes nothing; --out writes elsewhere', async () => {
    const dir = project('good');
    const printed = await run(dir, 'extract', '--stdout');
    expect(printed.code).toBe(0);
    expect(existsSync(join(dir, 'spec'))).toBe(false);
    expect((await run(dir, 'extract', '--out', 'out/m.json')).code).toBe(0);
    expect(read(join(dir, 'out/m.json'))).toBe(printed.stdout);
    expect(printed.stdout.endsWith('}\n')).toBe(true);
  });

  it('--json reports counts and diagnostics as JSON', async () => {
    const dir = project('warn');
    const r = await run(dir, '--json', 'extract');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ model: 'spec/model.json', written: true, counts: { events: 1 } });
    expect(out.diagnostics.map((d: { code: string }) => d.code)).toEqual(['example-keys-mismatch']);
  });

  it('bad input: exit 2, every diagnostic with file:line:col, and the existing model stays byte-identical', async () => {
    const dir = project('bad');
    mkdirSync(join(dir, 'spec'));
    const before = '{"kept": "as it was"}\n';
    writeFileSync(join(dir, 'spec/model.json'), before);
    const r = await run(dir, 'extract');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n').filter((l) => !l.startsWith('    fix: ') && l);
    expect(lines.map((l) => l.replace(/: (error|warning) .*\[/, ': $1 [')).slice(0, 5)).toEqual([
      'broken.md:7:1: error [unknown-type-word]',
      'broken.md:17:1: error [example-invalid-json]',
      'broken.md:20:1: error [event-without-fields]',
      'missing.md:1:1: error [source-missing]',
      'readme.md:1:1: error [no-items]',
    ]);
    expect(lines.at(-1)).toBe('specmap: extract failed (5 errors, nothing written)');
    expect(r.stderr.match(/^ {4}fix: /gm)).toHaveLength(5);
    expect(read(join(dir, 'spec/model.json'))).toBe(before);
    expect(readdirSync(join(dir, 'spec'))).toEqual(['model.json']);
  });

  it('duplicate ids across files: exit 2, nothing written', async () => {
    const dir = project('dup');
    const r = await run(dir, 'extract');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'second.md:3:1: error Found `event:gadget.built` again, expected each item once (first defined at first.md:1-9) [duplicate-id]',
    );
    expect(existsSync(join(dir, 'spec'))).toBe(false);
  });

  it('warnings pass, unless --strict', async () => {
    const dir = project('warn');
    const lenient = await run(dir, 'extract', '--stdout');
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toMatch(/^gadgets\.md:19:1: warning Found an example of `gadget\.built` with keys `colour`/);
    const strict = await run(dir, 'extract', '--strict');
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain('specmap: extract failed; --strict counts 1 warning (0 errors, nothing written)');
    expect(existsSync(join(dir, 'spec'))).toBe(false);
  });

  it('the real reference pages: the whole model, the same bytes twice', async () => {
    const dir = project();
    writeFileSync(join(dir, 'specmap.config.json'), JSON.stringify({ sources: PAGES.map((p) => ({ path: CORPUS + p })) }));
    const r = await run(dir, 'extract', '--stdout');
    expect(r.code).toBe(0);
    const model = JSON.parse(r.stdout);
    expect([model.events.length, model.endpoints.length, model.objects.length]).toEqual([49, 14, 4]);
    expect(
      model.params.filter((p: { endpoint: string; in: string }) => p.endpoint === 'endpoint:POST /v1/responses' && p.in === 'body'),
    ).toHaveLength(28);
    expect((await run(dir, 'extract', '--stdout')).stdout).toBe(r.stdout);
  });
});

describe('config errors', () => {
  it('an unknown key: exit 2 at the line and column of the key', async () => {
    const dir = project('good');
    writeFileSync(
      join(dir, 'specmap.config.json'),
      '{\n  "sources": [{ "path": "gadgets.md", "colour": "red" }],\n  "modle": "x.json"\n}\n',
    );
    const r = await run(dir, 'extract');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${join(dir, 'specmap.config.json')}:2:39: error Unexpected key \`colour\` at \`sources[0]\`, expected one of \`path\``,
    );
    expect(r.stderr).toContain(`${join(dir, 'specmap.config.json')}:3:3: error Unexpected key \`modle\``);
    expect(existsSync(join(dir, 'spec'))).toBe(false);
  });

  it('--config points at another file', async () => {
    const dir = project('good');
    cpSync(join(dir, 'specmap.config.json'), join(dir, 'other.json'));
    rmSync(join(dir, 'specmap.config.json'));
    expect((await run(dir, '--config', 'other.json', 'extract')).code).toBe(0);
    expect(existsSync(join(dir, 'spec/model.json'))).toBe(true);
  });

  it('a missing config: exit 2 with a hint to run init', async () => {
    const dir = project();
    const r = await run(dir, 'extract');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error Missing config file');
    expect(r.stderr).toContain('fix: run `specmap init` to write one, or pass --config <file>');
    const other = await run(dir, '--config', 'nope.json', 'extract');
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('fix: check the --config path');
  });
});
