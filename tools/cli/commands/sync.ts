import type { Command } from 'commander';
import { action } from './run-action.js';

export function registerSync(program: Command): void {
  program
    .command('sync')
    .description('the main job: extract, map, generate and report, writing only files whose bytes change')
    .option('--watch', 'rerun on changes to sources, templates, config or mapped code')
    .option('--strict', 'fail on warnings too')
    .action(
      action<{ watch?: boolean; strict?: boolean }>(async (opts) => {
        const { runSync } = await import('../../commands/sync.js');
        return runSync(opts);
      }),
    );
}
