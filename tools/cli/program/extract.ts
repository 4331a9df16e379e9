import type { Command } from 'commander';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { action } from './run-action.js';

/**
 * A failed extract says "nothing written", so it must leave no trace: loading the config memoises
 * it (`.specmap/cache/config.json`) before the sources are read. What this run created is removed
 * again when the run fails; what was there before stays.
 */
async function leavingNoTrace<T>(configFile: string, body: () => Promise<T>): Promise<T> {
  const folder = join(dirname(resolve(configFile)), '.specmap');
  const memo = join(folder, 'cache', 'config.json');
  const hadFolder = existsSync(folder);
  const hadMemo = existsSync(memo);
  try {
    return await body();
  } catch (error) {
    if (!hadFolder) rmSync(folder, { recursive: true, force: true });
    else if (!hadMemo) rmSync(memo, { force: true });
    throw error;
  }
}

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('read the configured sources and write the canonical model')
    .option('-o, --out <file>', 'write the model here instead of the configured path')
    .option('--stdout', 'print the model instead of writing it')
    .option('--strict', 'fail on warnings too')
    .action(
      action<{ out?: string; stdout?: boolean; strict?: boolean }>(async (opts) => {
        const { runExtract } = await import('../../commands/extract.js');
        return leavingNoTrace(opts.config, () => runExtract(opts));
      }),
    );
}
