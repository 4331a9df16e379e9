/**
 * Stdin spooled to a temporary file: the SDK's second opinion reads a trace twice, a pipe only once.
 * The folder is removed on every way out — a normal return, an error, Ctrl-C and SIGTERM — since a
 * temporary folder left behind by every interrupted run fills the disk of whoever pipes traces in.
 */
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs `body` with a fresh temporary folder that is removed however the process leaves, signals included. */
export async function withTempDir<T>(body: (dir: string) => Promise<T>): Promise<T> {
  let dir: string | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    // Re-raised with our handler gone, the signal ends the process as it would have without us. A
    // process started with the signal ignored (as some runners start children) would survive it: then
    // exit as a shell reports a signal, 128 + its number.
    process.kill(process.pid, signal);
    setImmediate(() => process.exit(128 + (signal === 'SIGINT' ? 2 : 15)));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    dir = await mkdtemp(join(tmpdir(), 'specmap-verify-'));
    return await body(dir);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}
