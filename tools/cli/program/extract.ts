import type { Command } from 'commander';
import { action } from './run-action.js';

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('read the configured sources and write the canonical model')
    .option('-o, --out <file>', 'write the model here instead of the configured path')
    .option('--stdout', 'print the model instead of writing it')
    .option('--strict', 'fail on warnings too')
    .action(
      action<{ out?: string; stdout?: boolean; strict?: boolean }>(async (opts) => {
        const { extractCommand } = await import('../../commands/extract.js');
        const { extractOutput } = await import('../output/extract.js');
        const { emit } = await import('../output/emit.js');
        emit(extractOutput(await extractCommand(opts), Boolean(opts.json)));
        return 0;
      }),
    );
}
