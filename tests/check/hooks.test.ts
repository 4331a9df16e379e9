/**
 * The hook integrations as users install them, each run in a real git repository: the
 * pre-commit framework with this repository's `.pre-commit-hooks.yaml`, lefthook, husky, and the
 * GitHub Actions workflow's specmap step. The snippets are the files under examples/hooks/, and
 * the README shows exactly those files.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, makeTempWorkspace, REPO, type TempWorkspace } from '../helpers/temp-workspace.js';

const HOOKS = join(REPO, 'examples/hooks');
const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;

let ws: TempWorkspace;
let env: NodeJS.ProcessEnv;
/**
 * A hook repository holding this repository's manifest, byte for byte, and nothing else:
 * `pre-commit try-repo` clones the repository it is given, and this one's history and working tree
 * are ~1 s of cloning per run, none of which a `language: system` hook reads.
 */
let hookRepo: string;

function sh(command: string, args: string[]): { code: number; out: string } {
  const r = spawnSync(command, args, { cwd: ws.dir, env, encoding: 'utf8' });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

function commitAll(message: string): { code: number; out: string } {
  ws.git('add', '-A');
  return sh('git', ['commit', '-qm', message]);
}

/** Stages a hand edit of a generated file: drift every hook must block. */
function stageDrift(): void {
  ws.write('generated/types.ts', ws.read('generated/types.ts') + '\nexport const handEdit = 1;\n');
  ws.git('add', 'generated/types.ts');
}

function undoDrift(): void {
  ws.git('reset', '-q', 'HEAD', '--', 'generated/types.ts');
  ws.git('checkout', '--', 'generated/types.ts');
}

beforeAll(() => {
  ws = makeTempWorkspace();
  // specmap installed in the repository, as `npm install --save-dev specmap` would.
  mkdirSync(join(ws.dir, 'node_modules/.bin'), { recursive: true });
  symlinkSync(CLI, join(ws.dir, 'node_modules/.bin/specmap'));
  ws.write('.gitignore', '.specmap/\nnode_modules/\n');
  env = {
    ...process.env,
    PATH: `${join(ws.dir, 'node_modules/.bin')}:${process.env.PATH}`,
    PRE_COMMIT_HOME: join(ws.dir, '.specmap/pre-commit-home'),
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@example.com',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@example.com',
  };
  expect(ws.specmap('sync').code).toBe(0);
  expect(commitAll('baseline').code).toBe(0);
  hookRepo = join(ws.dir, '.specmap/hook-repo');
  mkdirSync(hookRepo, { recursive: true });
  copyFileSync(join(REPO, '.pre-commit-hooks.yaml'), join(hookRepo, '.pre-commit-hooks.yaml'));
  for (const args of [
    ['init', '-q', '-b', 'main'],
    ['add', '-A'],
    ['commit', '-qm', 'hooks'],
  ])
    execFileSync('git', args, { cwd: hookRepo, env, stdio: 'ignore' });
}, 300_000);

afterAll(() => ws?.cleanup());

describe('hook snippets', () => {
  it('are shown verbatim in the README', () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    for (const file of ['pre-commit-config.yaml', 'lefthook.yml', 'husky-pre-commit', 'github-workflow.yml']) {
      expect(readme, file).toContain(readFileSync(join(HOOKS, file), 'utf8').trim());
    }
  });

  it('.pre-commit-hooks.yaml declares both hooks', () => {
    const hooks = parse(readFileSync(join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string }[];
    expect(hooks.map((h) => h.id)).toEqual(['specmap-check', 'specmap-check-local']);
    expect(hooks.every((h) => h.entry.includes('specmap check'))).toBe(true);
  });
});

describe.skipIf(!hasPreCommit)('the pre-commit framework (Debian pre-commit)', () => {
  it('passes a clean commit and blocks drift through this repository’s hook manifest', () => {
    ws.write('README.md', 'a change that cannot affect the check\n');
    ws.git('add', 'README.md');
    const clean = sh('pre-commit', ['try-repo', hookRepo, 'specmap-check-local']);
    expect(clean.out).toContain('Passed');
    expect(clean.code).toBe(0);
    ws.git('reset', '-q', 'HEAD', '--', 'README.md');

    stageDrift();
    const drift = sh('pre-commit', ['try-repo', hookRepo, 'specmap-check-local']);
    expect(drift.code).toBe(1);
    expect(drift.out).toContain('generated-stale');
    undoDrift();
  });
});

describe('lefthook', () => {
  it('blocks a commit with drift and lets a clean one through', () => {
    writeFileSync(join(ws.dir, 'lefthook.yml'), readFileSync(join(HOOKS, 'lefthook.yml')));
    expect(sh(join(REPO, 'node_modules/.bin/lefthook'), ['install']).code).toBe(0);
    stageDrift();
    const blocked = sh('git', ['commit', '-qm', 'drift']);
    expect(blocked.code).not.toBe(0);
    expect(blocked.out).toContain('generated-stale');
    undoDrift();
    const ok = commitAll('add lefthook');
    expect(ok.out).not.toContain('generated-stale');
    expect(ok.code).toBe(0);
    sh(join(REPO, 'node_modules/.bin/lefthook'), ['uninstall']);
  });
});

describe('husky', () => {
  it('blocks a commit with drift and lets a clean one through', () => {
    expect(sh(process.execPath, [join(REPO, 'node_modules/husky/bin.js')]).code).toBe(0);
    writeFileSync(join(ws.dir, '.husky/pre-commit'), readFileSync(join(HOOKS, 'husky-pre-commit')));
    stageDrift();
    const blocked = sh('git', ['commit', '-qm', 'drift']);
    expect(blocked.code).not.toBe(0);
    expect(blocked.out).toContain('generated-stale');
    undoDrift();
    const ok = commitAll('add husky');
    expect(ok.code).toBe(0);
    ws.git('config', '--unset', 'core.hooksPath');
  });
});

describe('GitHub Actions workflow', () => {
  it('its specmap step prints annotations and fails on drift', () => {
    const workflow = parse(readFileSync(join(HOOKS, 'github-workflow.yml'), 'utf8')) as {
      jobs: Record<string, { steps: { run?: string }[] }>;
    };
    const steps = Object.values(workflow.jobs).flatMap((j) =>
      j.steps.map((s) => s.run).filter((r): r is string => Boolean(r?.includes('specmap'))),
    );
    expect(steps.length).toBeGreaterThan(0);
    for (const run of steps) expect(sh('bash', ['-c', run]).code).toBe(0);
    ws.write('generated/types.ts', ws.read('generated/types.ts') + '\n// edited\n');
    for (const run of steps) {
      const r = sh('bash', ['-c', run]);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/^::error file=generated\/types\.ts,title=specmap check \[generated-stale\]::/m);
    }
    ws.git('checkout', '--', 'generated/types.ts');
    expect(existsSync(join(ws.dir, 'generated/types.ts'))).toBe(true);
  });
});
