import type { Command } from 'commander';
import { action } from './run-action.js';

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('find drift (sources changed, generated files stale, mapping drifted) without writing; exit 1 on findings')
    .argument('[files...]', 'files a hook passes: only the parts of the check they can affect run')
    .option('--format <format>', 'pretty | json | github', undefined)
    .option('--staged', 'check only what the files staged in git can affect')
    .option('--no-cache', 'ignore the memo of the last clean check')
    .option('--fix', 'run `specmap sync` first')
    .action(
      action<{ format?: string; staged?: boolean; cache?: boolean; fix?: boolean }>(async (opts, args) => {
        const { checkCommand } = await import('../../commands/check.js');
        const { checkExitCode, checkFormatOrThrow, checkOutput } = await import('../output/check.js');
        const { emit } = await import('../output/emit.js');
        const json = Boolean(opts.json);
        const format = checkFormatOrThrow(opts.format, json);
        const { sync, ...result } = await checkCommand({ ...opts, files: args });
        if (sync) emit((await import('../output/sync.js')).syncOutput(sync, json));
        process.stdout.write(await checkOutput(result, format));
        return checkExitCode(result);
      }),
    );
}
