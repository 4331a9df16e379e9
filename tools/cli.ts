#!/usr/bin/env node
/**
 * The `specmap` CLI: maps flags onto the config and calls the programmatic API, nothing else.
 * Each command's implementation is imported only when that command runs, so start-up stays lean
 * (`check` runs in pre-commit hooks).
 */
import { loadRunCli } from './cli/load-run-cli.js';

// A reader that stops early (`specmap report --stdout | head`) closes the pipe: that is the
// reader's choice, not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const args = process.argv.slice(2);
await (await loadRunCli(args))(args);
