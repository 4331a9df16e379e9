import type { Command } from 'commander';
import { action } from './run-action.js';

export function registerImport(program: Command): void {
  program
    .command('import')
    .argument('<legacy>', 'a hand-made SPEC_TO_CODE_MAPPING.json')
    .description('adopt a legacy spec-to-code mapping: every field lands in a manual block of mapping.json')
    .option('--dry-run', 'report what would be placed, write nothing')
    .option('-f, --format <format>', 'pretty | json | github | markdown | sarif (default: pretty, or json with --json)')
    .action(
      action<{ dryRun?: boolean; format?: string }>(async (opts, args) => {
        const { pickFormat } = await import('../format/pick-format.js');
        const format = pickFormat(opts);
        const { importLegacy } = await import('../../commands/import.js');
        const [{ formatProblems }, { prettyDiagnostics }, { importView }] = await Promise.all([
          import('../format/index.js'),
          import('../format/pretty.js'),
          import('../output/import.js'),
        ]);
        const r = await importLegacy(args[0]!, {
          config: opts.config,
          cwd: opts.cwd,
          dryRun: opts.dryRun,
          allowOutside: opts.allowOutside,
        });
        // People read the mapping's own warnings on stderr; the machine formats carry them among the problems.
        if (format === 'pretty') process.stderr.write(prettyDiagnostics(r.diagnostics));
        process.stdout.write(formatProblems(importView(r), format, { root: opts.cwd ?? process.cwd() }));
        return 0;
      }),
    );
}
