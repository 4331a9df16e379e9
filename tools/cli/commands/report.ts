import type { Command } from 'commander';
import { action } from './run-action.js';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write the coverage and gap report (markdown, JSON, HTML dashboard) from the model and mapping.json')
    .option('-f, --format <formats>', 'markdown, json, html (comma-separated); default: config report.formats')
    .option('-o, --out-dir <dir>', 'write here instead of config report.outDir')
    .option('--stdout', 'print one format instead of writing files')
    .option('--timestamp', 'stamp the report with the current time (off: same inputs, same bytes)')
    .action(
      action<{ format?: string; outDir?: string; stdout?: boolean; timestamp?: boolean }>(async (opts) => {
        const { runReport } = await import('../../commands/report.js');
        return runReport(opts);
      }),
    );
}
