/**
 * From `npm pack` to a clean `check`, as a new user gets there: the packed tarball holds what a
 * user needs and nothing that runs at install time; installed, it runs in three scratch
 * repositories (empty, Python server, TS app): `init --yes → sync → check` is clean, a broken
 * emitter fails the check naming item, lane and file, and restoring it makes the check clean again.
 *
 * Packs the dist that `npm test` built (`--ignore-scripts`: rebuilding here would replace dist
 * under the other test files' feet), and installs once, with `--prefer-offline` so the
 * dependencies come from npm's cache when it has them; each repository links that `node_modules`
 * (an install is ~5 s of CPU, the suite's largest single cost, and gives the same files each time;
 * a copy per repository was another ~3 s of system time).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BREAK, makeRepo, type RepoKind } from './repos.js';
import { CLI, REPO, runCli } from './run.js';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const temps: string[] = [];
let tarball = '';
let packed: { files: { path: string }[] };
/** The tarball installed by npm into a scratch project, and what npm printed doing it. */
let installed: { dir: string; code: number | null; stderr: string };

/**
 * Under `npm test` the environment carries the parent npm's lifecycle settings (`npm_config_local_prefix`
 * and friends, pointing at this repository): the child npm must see the scratch folder's own.
 */
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));

function npm(cwd: string, ...args: string[]) {
  const r = spawnSync(NPM, args, {
    cwd,
    encoding: 'utf8',
    env: { ...cleanEnv, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
  const out = mkdtempSync(join(tmpdir(), 'specmap-pack-'));
  temps.push(out);
  const r = npm(REPO, 'pack', '--ignore-scripts', '--json', '--pack-destination', out);
  expect(r.code, r.stderr).toBe(0);
  packed = (JSON.parse(r.stdout) as (typeof packed & { filename: string })[])[0]!;
  tarball = join(out, (packed as unknown as { filename: string }).filename);
  const dir = mkdtempSync(join(tmpdir(), 'specmap-install-'));
  temps.push(dir);
  // Its own package.json: npm installs into the nearest folder that has one (or node_modules).
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'scratch', private: true }) + '\n');
  const install = npm(dir, 'install', '--prefer-offline', '--no-audit', '--no-fund', tarball);
  installed = { dir, code: install.code, stderr: install.stderr };
}, 240_000);

afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

describe('npm pack', () => {
  it('ships the CLI, templates, schemas, the grammar wasm, the minified compiler, their code caches and the licences; no tests, sources or maps', () => {
    const files = packed.files.map((f) => f.path);
    for (const f of [
      'LICENSE',
      'README.md',
      'package.json',
      'dist/cli.js',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/grammars/tree-sitter-python.wasm',
      'dist/grammars/tree-sitter-python.LICENSE',
      'dist/vendor/typescript.cjs',
      'dist/vendor/typescript.LICENSE.txt',
      'schema/config.schema.json',
      'templates/tracker.md.hbs',
      'profiles/openai.json',
    ]) {
      expect(files, f).toContain(f);
    }
    // The code caches the build made, one beside each of the two large files a run compiles.
    expect(files.filter((f) => /^dist\/(?:vendor\/)?v8\/(?:cli|typescript)-[0-9a-f]{32}\.bin$/.test(f)).sort()).toEqual([
      expect.stringMatching(/^dist\/v8\/cli-/),
      expect.stringMatching(/^dist\/vendor\/v8\/typescript-/),
    ]);
    expect(files.filter((f) => /(^|\/)tests?\/|\.test\.|\.map$|^tools\/|^examples\/|^bench\//.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(readFileSync(join(REPO, 'LICENSE'), 'utf8')).toContain('Apache License\n                           Version 2.0, January 2004');
  });

  it('runs nothing at install time: no install or prepare script, no dependency with a native build', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
      license: string;
      scripts: Record<string, string>;
      dependencies: Record<string, string>;
    };
    expect(pkg.license).toBe('Apache-2.0');
    for (const s of ['preinstall', 'install', 'postinstall', 'prepare']) expect(pkg.scripts[s], s).toBeUndefined();
    // A clean build: a module deleted from tools/ must not live on in the tarball's dist.
    expect(pkg.scripts.prepack).toMatch(/rmSync\('dist'.*&& npm run build$/);
    expect(pkg.dependencies['tree-sitter-python']).toBeUndefined();
  });

  it('installs from the tarball with no install script run or waiting for approval', () => {
    expect(installed.code, installed.stderr).toBe(0);
    // npm lists skipped install scripts (its approval list) on stderr: there must be none.
    expect(installed.stderr).not.toMatch(/install-scripts|prepare/);
    expect(existsSync(join(installed.dir, 'node_modules/specmap/dist/cli.js'))).toBe(true);
    // `npx specmap` finds the installed binary (each repository below links this node_modules).
    expect(npm(installed.dir, 'exec', '--no', '--', 'specmap', '--version').stdout.trim()).toBe('0.1.0');
  });
});

describe.each<RepoKind>(['empty', 'python', 'ts'])('installed from the tarball into the %s repository', (kind) => {
  it('init --yes → sync → check is clean; a broken emitter is exit 1 naming item, lane and file; restored, clean', () => {
    const dir = makeRepo(kind);
    temps.push(dir);
    expect(installed.code, installed.stderr).toBe(0);
    symlinkSync(join(installed.dir, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const cli = join(dir, 'node_modules/specmap/dist/cli.js');
    const specmap = (...args: string[]) => runCli(cli, dir, ...args);
    const init = specmap('init', '--yes');
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(/next: npx specmap sync\n$/);
    expect(specmap('sync').code).toBe(0);
    expect(specmap('check')).toMatchObject({ code: 0, stdout: 'specmap check: clean (sources, generated, mapping)\n' });
    const broken = BREAK[kind];
    if (!broken) return;
    const original = readFileSync(join(dir, broken.file), 'utf8');
    writeFileSync(join(dir, broken.file), original.replace(broken.from, broken.to));
    const check = specmap('check');
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`: error ${broken.id} [${broken.lane}]: emitter`);
    expect(check.stdout).toContain(`is no longer found in ${broken.file} (lane ${broken.lane}) [mapping-location-lost]`);
    writeFileSync(join(dir, broken.file), original);
    expect(specmap('check').code).toBe(0);
  }, 240_000);
});
