/** Runs a specmap CLI (the repository's dist, or an installed one) in a folder; exit code and both streams. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runInProcess } from '../helpers/run-in-process.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = REPO + 'dist/cli.js';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(cli: string, cwd: string, ...args: string[]): Run {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same run in this process (tests/helpers/run-in-process.ts). */
export const specmapInProcess = (cwd: string, ...args: string[]): Promise<Run> => runInProcess(cwd, args);
