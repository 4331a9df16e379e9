import type { Command } from 'commander';
import { action } from './run-action.js';

export function registerMap(program: Command): void {
  program
    .command('map')
    .description('find where every spec item lives in the code and write mapping.json (manual blocks are kept)')
    .option('--stdout', 'print the mapping instead of writing it')
    .action(
      action<{ stdout?: boolean }>(async (opts) => {
        const { runMap } = await import('../../commands/map.js');
        return runMap(opts);
      }),
    );
}
