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
        const { importLegacy, formatImport } = await import('../../commands/import.js');
        const r = await importLegacy(args[0]!, { config: opts.config, dryRun: opts.dryRun, allowOutside: opts.allowOutside });
        if (opts.json) {
          const { toJsonText } = await import('../../io/json.js');
          const { summary: _summary, dryRun: _dryRun, ...data } = r;
          process.stdout.write(toJsonText(data));
          return 0;
        }
        const { formatDiagnostic } = await import('../../diagnostics/diagnostic.js');
        for (const d of r.diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
        process.stdout.write(formatImport(r));
        return 0;
      }),
    );
}
