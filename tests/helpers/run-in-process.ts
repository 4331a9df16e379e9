/**
 * `specmap <args>` run inside the test process through the CLI's own program (runCli), with the
 * same arguments, output and exit code as the binary. A spawned run pays Node's start-up and the
 * module loading (0.3–1 s) every time, and parses the docs with code V8 has not optimized yet; in
 * process, the second run of a file is several times cheaper. Tests of the process itself (signals,
 * pipes, stdin, concurrent runs, `--timings` printed at exit, the packed binary) spawn it instead.
 *
 * What a run changes process-wide is put back afterwards: the streams it writes to, `exitCode`,
 * the settings `--allow-outside` and `--no-cache` set, and the environment. Runs are queued, since
 * they share those.
 */
import { setCacheEnabled } from '../../tools/cache/settings.js';
import { runCli } from '../../tools/cli/run-cli.js';
import { setAllowOutsideDefault } from '../../tools/config/load.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** As for a spawned run in CI: no progress. Neither stream is a terminal during a run, so nothing prompts. */
const RUN_ENV = { CI: '1' };

let queue: Promise<unknown> = Promise.resolve();

export function runInProcess(cwd: string, args: readonly string[], env: Record<string, string> = {}): Promise<RunResult> {
  const refused = args.find((a) => a === '--timings' || a === '--watch' || a === '-');
  if (refused) throw new Error(`\`${refused}\` is about the process (its exit, its lifetime, its stdin): spawn the binary for it`);
  const run = queue.then(() => runNow(cwd, args, { ...RUN_ENV, ...env }));
  queue = run.catch(() => undefined);
  return run;
}

type Write = typeof process.stdout.write;

function capture(stream: NodeJS.WriteStream, into: string[]): () => void {
  const write = stream.write;
  const isTTY = Object.getOwnPropertyDescriptor(stream, 'isTTY');
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    done?.();
    return true;
  }) as Write;
  Object.defineProperty(stream, 'isTTY', { value: false, configurable: true, writable: true });
  return () => {
    stream.write = write;
    if (isTTY) Object.defineProperty(stream, 'isTTY', isTTY);
    else delete (stream as { isTTY?: boolean }).isTTY;
  };
}

async function runNow(cwd: string, args: readonly string[], env: Record<string, string>): Promise<RunResult> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const savedEnv = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  const restore = [capture(process.stdout, stdout), capture(process.stderr, stderr)];
  process.exitCode = undefined;
  resetSettings();
  try {
    const code = await runCli(args, { cwd });
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    for (const undo of restore) undo();
    for (const [k, v] of Object.entries(savedEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    process.exitCode = undefined;
    resetSettings();
  }
}

/** What a fresh process starts with, whatever a flag or an earlier test file in this worker set. */
function resetSettings(): void {
  setAllowOutsideDefault(false);
  setCacheEnabled(true);
}
