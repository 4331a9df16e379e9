import type { Command } from 'commander';
import { action } from './run-action.js';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('write a starter specmap.config.json (never overwrites one)')
    .option('-s, --source <path...>', 'reference pages or globs to read (default: DOC_*.md found here)')
    .action(
      action<{ source?: string[] }>(async (opts) => {
        const { runInit } = await import('../../commands/init.js');
        return runInit(opts);
      }),
    );
}
