#!/usr/bin/env node
/**
 * The `specmap` CLI: maps flags onto the config and calls the programmatic API, nothing else.
 * Each command's implementation is imported only when that command runs, so start-up stays lean
 * (`check` runs in pre-commit hooks).
 */
import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { registerCommands } from './cli/program/index.js';
import { reportError } from './cli/report-error.js';

// A reader that stops early (`specmap report --stdout | head`) closes the pipe: that is the
// reader's choice, not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command('specmap')
  .description('Keeps code honest against an API specification.')
  .version(pkg.version)
  .option('-c, --config <file>', 'config file', 'specmap.config.json')
  .option('--json', 'machine-readable output on stdout; no progress')
  .option('--allow-outside', 'allow a config `workspace` outside the project folder (reads at most the analyzer file limit)')
  .option('--no-cache', 'neither read nor write the cache folder (config `cacheDir`): compute everything from the inputs')
  .option('--timings', 'print where the run spent its time, to stderr')
  .showHelpAfterError()
  .exitOverride();

registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const code = (error as { code?: string }).code;
  if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') process.exitCode = 0;
  else if (typeof code === 'string' && code.startsWith('commander.')) process.exitCode = 2;
  else process.exitCode = reportError(error, Boolean(program.opts().json));
}
