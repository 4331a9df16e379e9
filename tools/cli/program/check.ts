import type { Command } from 'commander';
import { action, pathsFor } from './run-action.js';

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('find drift (sources changed, generated files stale, mapping drifted) without writing; exit 1 on findings')
    .argument('[files...]', 'files a hook passes: only the parts of the check they can affect run')
    .option('-f, --format <format>', 'pretty | json | github | markdown | sarif (default: pretty, or json with --json)')
    .option('--staged', 'check only what the files staged in git can affect')
    .option('--no-cache', 'ignore the memo of the last clean check')
    .option('--fix', 'run `specmap sync` first')
    .action(
      action<{ format?: string; staged?: boolean; cache?: boolean; fix?: boolean }>(async (opts, args) => {
        const { pickFormat } = await import('../format/pick-format.js');
        const format = pickFormat(opts);
        const { checkCommand } = await import('../../commands/check.js');
        const [{ checkExitCode, checkView }, { formatProblems }, { emit }] = await Promise.all([
          import('../output/check.js'),
          import('../format/index.js'),
          import('../output/emit.js'),
        ]);
        const result = await checkCommand({ ...opts, files: args });
        if (result.sync) {
          const out = (await import('../output/sync.js')).syncOutput(result.sync, false);
          // Stdout carries one document in the machine formats: what the sync wrote goes to stderr then.
          emit(format === 'pretty' ? out : { stdout: '', stderr: out.stderr + out.stdout });
        }
        // Every path a check reports is a project file's.
        process.stdout.write(formatProblems(checkView(result), format, pathsFor(opts, true)));
        return checkExitCode(result);
      }),
    );
}
