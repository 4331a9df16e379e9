/**
 * The `specmap` program and one run of it. The binary (tools/cli.ts) runs it on `process.argv`;
 * a caller in the same process (the tests) passes `cwd`, which every command receives as an option,
 * so a run neither reads nor changes the process's working directory.
 */
import { Command } from 'commander';
import { runningFromBundle } from '../cache/tool-hash.js';
import { registerCommands } from './program/index.js';
import { reportError } from './report-error.js';
import { specmapVersion } from './version.js';

function createProgram(): Command {
  const program = new Command('specmap')
    .description('Keeps code honest against an API specification.')
    .version(specmapVersion())
    .option('-c, --config <file>', 'config file', 'specmap.config.json')
    .option('--json', 'machine-readable output on stdout; no progress')
    .option('--allow-outside', 'allow a config `workspace` outside the project folder (reads at most the analyzer file limit)')
    .option('--no-cache', 'neither read nor write the cache folder (config `cacheDir`): compute everything from the inputs')
    .option('--timings', 'print where the run spent its time, to stderr')
    .showHelpAfterError()
    .exitOverride();
  registerCommands(program);
  return program;
}

export interface RunCliOptions {
  /** The folder relative paths (and the default config) are read from; the process's own when omitted. */
  cwd?: string;
  /**
   * The sha256 of the bundle this program runs from (the binary passes it): the tool's code hash,
   * which keys every cache entry, is then the bundle's and its grammars', not that of the modules it was built from.
   */
  bundleSha256?: string;
}

/** Runs `specmap <args>` and returns its exit code (also left in `process.exitCode`); never exits the process. */
export async function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<number> {
  if (options.bundleSha256 !== undefined) runningFromBundle(options.bundleSha256);
  const program = createProgram();
  // Not a flag: a value every command's options carry (`optsWithGlobals`), as `config` is.
  if (options.cwd !== undefined) program.setOptionValue('cwd', options.cwd);
  try {
    await program.parseAsync([...args], { from: 'user' });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') process.exitCode = 0;
    else if (typeof code === 'string' && code.startsWith('commander.')) process.exitCode = 2;
    else process.exitCode = reportError(error, Boolean(program.opts().json));
  }
  return Number(process.exitCode ?? 0);
}
