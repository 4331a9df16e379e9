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
        const { createProgress, progressEnabled } = await import('../progress.js');
        const progress = createProgress(progressEnabled(Boolean(opts.json)));
        try {
          const { reportError } = await import('../report-error.js');
          return await runSync({ ...opts, progress, onWatchError: (error) => reportError(error, Boolean(opts.json)) });
        } finally {
          progress.done();
        }
      }),
    );
}
