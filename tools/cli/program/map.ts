import type { Command } from 'commander';
import { action } from './run-action.js';

export function registerMap(program: Command): void {
  program
    .command('map')
    .description('find where every spec item lives in the code and write mapping.json (manual blocks are kept)')
    .option('--stdout', 'print the mapping instead of writing it')
    .action(
      action<{ stdout?: boolean }>(async (opts) => {
        // A map whose inputs are as the last one left them answers without loading the analyzer.
        const answered = opts.stdout || opts.json ? undefined : await (await import('../../pipeline/map-memo.js')).mapFromMemo(opts);
        if (answered !== undefined) return answered;
        const { runMap } = await import('../../commands/map.js');
        const { createProgress, progressEnabled } = await import('../progress.js');
        const progress = createProgress(progressEnabled(Boolean(opts.json || opts.stdout)));
        try {
          return await runMap({ ...opts, progress, memoAsked: !opts.stdout && !opts.json });
        } finally {
          progress.done();
        }
      }),
    );
}
