import type { Command } from 'commander';
import { action } from './run-action.js';

export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('generate Zod schemas, TS types, JSON Schema, the tracker, stub handlers and Pydantic models from the model')
    .option('--model <file>', 'generate from this model.json instead of the configured sources')
    .option('-t, --targets <list>', 'comma-separated targets (zod, types, json-schema, tracker, stubs-ts, stubs-py, pydantic)')
    .option('-o, --out-dir <dir>', 'output folder instead of generate.outDir')
    .option('--dry-run', 'list what would change, write nothing')
    .action(
      action<{ model?: string; targets?: string; outDir?: string; dryRun?: boolean }>(async (opts) => {
        const { generateCommand } = await import('../../commands/generate.js');
        const { generateOutput } = await import('../output/generate.js');
        const { emit } = await import('../output/emit.js');
        const { createProgress, progressEnabled } = await import('../progress.js');
        const progress = createProgress(progressEnabled(Boolean(opts.json)));
        const result = await generateCommand({ ...opts, progress, targets: opts.targets ? [opts.targets] : undefined }).finally(() =>
          progress.done(),
        );
        emit(generateOutput(result, Boolean(opts.json)));
        return 0;
      }),
    );
}
