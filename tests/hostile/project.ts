/**
 * A small project in a temp dir for the hostile tests: one docs page with two events, one
 * TypeScript lane, the tracker and a JSON report. Small on purpose: each test runs specmap a few
 * times, on two shared cores.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runInProcess } from '../helpers/run-in-process.js';
import { CLI } from '../helpers/temp-workspace.js';

/** A docs page in the scraped layout, with our own words (the shape is what the tests need). */
export const DOCS = `# Streaming events

## response.created

Sent first, once the server has accepted the request.

sequence\\_number

integer

Counts the stream's events from zero.

type

string

Names this event: \`response.created\`.

## response.completed

Sent last, after the final output.

sequence\\_number

integer

Counts the stream's events from zero.

type

string

Names this event: \`response.completed\`.
`;

export const CONFIG = {
  sources: [{ path: 'docs/DOC_streaming_events.md' }],
  lanes: [{ name: 'frontend', title: 'Frontend', include: ['src/**/*.ts'], kinds: ['definition'] }],
  generate: { targets: ['tracker'] },
  report: { formats: ['json'] },
};

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export interface Project {
  dir: string;
  /** The built binary, spawned: for what is about the process itself. */
  specmap(...args: string[]): Run;
  /** The same run in this process (tests/helpers/run-in-process.ts). */
  run(...args: string[]): Promise<Run>;
  /** Runs specmap with extra environment variables. */
  specmapEnv(env: Record<string, string>, ...args: string[]): Run;
  /** Runs specmap as an unprivileged user when the tests run as root (root ignores file permissions). */
  specmapUnprivileged(...args: string[]): Run;
  read(path: string): string;
  write(path: string, text: string): void;
  config(patch: Record<string, unknown>): void;
  cleanup(): void;
}

export function tempDir(prefix = 'specmap-hostile-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function makeProject(): Project {
  const dir = tempDir();
  chmodSync(dir, 0o755);
  const runEnv = { CI: '1', SPECMAP_LOCK_WAIT_MS: '0' };
  const env = { ...process.env, ...runEnv };
  const run = (extra: Record<string, string>, args: string[], prefix: string[] = []): Run => {
    const [cmd, ...rest] = [...prefix, process.execPath, CLI, ...args];
    const r = spawnSync(cmd!, rest, { cwd: dir, encoding: 'utf8', env: { ...env, ...extra } });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  };
  const p: Project = {
    dir,
    specmap: (...args) => run({}, args),
    run: (...args) => runInProcess(dir, args, runEnv),
    specmapEnv: (extra, ...args) => run(extra, args),
    specmapUnprivileged: (...args) =>
      run({ HOME: tmpdir() }, args, process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : []),
    read: (path) => readFileSync(join(dir, path), 'utf8'),
    write: (path, text) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    config: (patch) => p.write('specmap.config.json', JSON.stringify({ ...CONFIG, ...patch }, null, 2) + '\n'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
  p.write('docs/DOC_streaming_events.md', DOCS);
  p.write('src/events.ts', "export interface ResponseCreatedEvent { type: 'response.created'; sequence_number: number }\n");
  p.config({});
  return p;
}

/** A pid that no process has now: a child that has already exited. */
export function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}
