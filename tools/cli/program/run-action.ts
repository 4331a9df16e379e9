import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { reportError } from '../report-error.js';

export interface GlobalOptions {
  config: string;
  json?: boolean;
  allowOutside?: boolean;
  cache?: boolean;
  timings?: boolean;
  /** Not a flag: the folder an in-process run (runCli) works in; commands default to the process's. */
  cwd?: string;
}

/**
 * Where printed paths are relative to: `root`, where the command ran. `projectPaths`: the problems'
 * paths are the project's, relative to the config file's folder (`base`), and are shown from `root`.
 */
export function pathsFor(opts: GlobalOptions, projectPaths: boolean): { root: string; base?: string } {
  const root = opts.cwd ?? process.cwd();
  return projectPaths ? { root, base: dirname(resolve(root, opts.config)) } : { root };
}

let timingsShown = false;

/** The library collects timings; they are printed when the process ends, after every phase has ended. */
async function showTimingsAtExit(): Promise<void> {
  const [{ enableTimings, timingsSoFar }, { timingsOutput }] = await Promise.all([
    import('../../cache/timings.js'),
    import('../output/timings.js'),
  ]);
  enableTimings();
  if (timingsShown) return;
  timingsShown = true;
  process.once('exit', () => process.stderr.write(timingsOutput(timingsSoFar())));
}

/** Runs a command body with the global options merged in, and turns its result into the exit code. */
export function action<O>(body: (opts: O & GlobalOptions, args: string[]) => Promise<number>) {
  return async function (this: Command, ...raw: unknown[]): Promise<void> {
    const opts = { ...this.optsWithGlobals() } as O & GlobalOptions;
    const args = this.args;
    try {
      if (opts.allowOutside) (await import('../../config/load.js')).setAllowOutsideDefault(true);
      if (opts.cache === false) (await import('../../cache/settings.js')).setCacheEnabled(false);
      if (opts.timings) await showTimingsAtExit();
      process.exitCode = await body(opts, args);
    } catch (error) {
      process.exitCode = reportError(error, Boolean(opts.json), opts.config);
    }
    void raw;
  };
}
