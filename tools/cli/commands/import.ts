import type { Command } from 'commander';
import { action } from './run-action.js';

export function registerImport(program: Command): void {
  program
    .command('import')
    .argument('<legacy>', 'a hand-made SPEC_TO_CODE_MAPPING.json')
    .description('adopt a legacy spec-to-code mapping: every field lands in a manual block of mapping.json')
    .option('--dry-run', 'report what would be placed, write nothing')
    .action(
      action<{ dryRun?: boolean }>(async (opts, args) => {
        const { runImport } = await import('../../commands/import.js');
        return runImport(args[0]!, opts);
      }),
    );
}
