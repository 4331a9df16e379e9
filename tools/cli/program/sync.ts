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
        const { syncCommand, watchSync } = await import('../../commands/sync.js');
        const { syncOutput } = await import('../output/sync.js');
        const { emit } = await import('../output/emit.js');
        const { createProgress, progressEnabled } = await import('../progress.js');
        const json = Boolean(opts.json);
        const progress = createProgress(progressEnabled(json));
        const result = await syncCommand({ ...opts, progress }).finally(() => progress.done());
        emit(syncOutput(result, json));
        if (!opts.watch) return 0;
        const { reportError } = await import('../report-error.js');
        await watchSync(
          { ...opts, progress },
          {
            onResult: (rerun) => emit(syncOutput(rerun, json)),
            // A failed rerun is reported as any error, and the watch goes on.
            onError: (error) => reportError(error, json),
          },
        );
        process.stderr.write('watching for changes (Ctrl-C to stop)\n');
        return new Promise<never>(() => {});
      }),
    );
}
