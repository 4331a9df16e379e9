import type { Command } from 'commander';
import { action } from './run-action.js';

export function registerMap(program: Command): void {
  program
    .command('map')
    .description('find where every spec item lives in the code and write mapping.json (manual blocks are kept)')
    .option('--stdout', 'print the mapping instead of writing it')
    .action(
      action<{ stdout?: boolean }>(async (opts) => {
        const { mapOutput } = await import('../output/map.js');
        const { emit } = await import('../output/emit.js');
        const json = Boolean(opts.json);
        // A map whose inputs are as the last one left them answers without loading the analyzer.
        const answered = opts.stdout || json ? undefined : await (await import('../../pipeline/map-memo.js')).mapFromMemo(opts);
        if (answered) {
          const { withProblems } = await import('../../problems/from-diagnostic.js');
          emit(mapOutput({ ...answered, ...withProblems(answered.diagnostics), written: false, memo: true }, json));
          return 0;
        }
        const { mapCommand } = await import('../../commands/map.js');
        const { createProgress, progressEnabled } = await import('../progress.js');
        const progress = createProgress(progressEnabled(Boolean(opts.json || opts.stdout)));
        // The JSON answer carries the mapping's summary, which the memo does not keep.
        const result = await mapCommand({ ...opts, progress, memo: !json, memoAsked: !opts.stdout && !json }).finally(() =>
          progress.done(),
        );
        emit(mapOutput(result, json));
        return 0;
      }),
    );
}
