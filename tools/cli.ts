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
const code = await (await loadRunCli(args))(args);

// A command that returns has nothing left running (`sync --watch` never returns), so the process
// exits here: when the event loop drains instead, Node first frees V8's heap page by page, which
// took 20-30 ms after a cold run on a large tree (measured). Pipes are asynchronous on some systems
// (macOS), so the exit waits until stdout and stderr have taken what was written.
let streams = 2;
const flushed = () => {
  if (--streams === 0) process.exit(code);
};
process.stdout.write('', flushed);
process.stderr.write('', flushed);
