/**
 * A throw-away copy of the example workspace in a real git repository: the reference docs copied
 * in at test time (so tests may edit them), the root config with its source paths pointed at the
 * copies. Nothing of the corpus is stored in this repository.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { type RunResult, runInProcess } from './run-in-process.js';

export const REPO = resolve(import.meta.dirname, '../..');
export const CLI = join(REPO, 'dist/cli.js');
export const CORPUS = resolve(REPO, '../shared/reference');

/** The built binary (`npm test` builds it first), spawned: for what only a process shows. */
export function runBinary(cwd: string, args: readonly string[], env: Record<string, string> = {}): RunResult {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: '1', ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export interface TempWorkspace {
  dir: string;
  /** The built binary, spawned: for what is about the process itself. */
  specmap(...args: string[]): RunResult;
  /** The same run in this process (tests/helpers/run-in-process.ts): the default for everything else. */
  run(...args: string[]): Promise<RunResult>;
  git(...args: string[]): string;
  read(path: string): string;
  write(path: string, text: string): void;
  cleanup(): void;
}

export function makeTempWorkspace(): TempWorkspace {
  const dir = mkdtempSync(join(tmpdir(), 'specmap-ws-'));
  cpSync(join(REPO, 'examples'), join(dir, 'examples'), { recursive: true });
  const config = JSON.parse(readFileSync(join(REPO, 'specmap.config.json'), 'utf8')) as { sources: { path: string }[]; $schema?: string };
  for (const source of config.sources) {
    if (!source.path.startsWith('../shared/reference/')) continue;
    const copy = `docs/${basename(source.path)}`;
    cpSync(resolve(REPO, source.path), join(dir, copy));
    source.path = copy;
  }
  delete config.$schema;
  writeFileSync(join(dir, 'specmap.config.json'), JSON.stringify(config, null, 2) + '\n');
  const runEnv = {
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@example.com',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@example.com',
    CI: '1',
  };
  const env = { ...process.env, ...runEnv };
  const ws: TempWorkspace = {
    dir,
    specmap: (...args) => runBinary(dir, args, runEnv),
    run: (...args) => runInProcess(dir, args, runEnv),
    git: (...args) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] }),
    read: (path) => readFileSync(join(dir, path), 'utf8'),
    write: (path, text) => writeFileSync(join(dir, path), text),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
  ws.git('init', '-q', '-b', 'main');
  ws.write('.gitignore', '.specmap/\n');
  return ws;
}

/** Adds an event (`response.nap.started`, one field) to the workspace's streaming page; returns the page's path. */
export function addEventToPage(ws: TempWorkspace): string {
  const page = 'docs/DOC_streaming_events.md';
  const event = '## response.nap.started\n\nSent when it pauses.\n\nnap\\_ms\n\ninteger\n\nHow long.\n\n';
  ws.write(page, ws.read(page).replace('## response.in\\_progress', `${event}## response.in\\_progress`));
  return page;
}
