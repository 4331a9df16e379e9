import type { Command } from 'commander';
import { action, pathsFor } from './run-action.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerCrosscheck(program: Command): void {
  program
    .command('crosscheck')
    .description('list where the configured sources (docs, OpenAPI) disagree (exit 1 when there are findings)')
    .option('-f, --format <format>', 'pretty | markdown | json | github | sarif (default: pretty, or json with --json)')
    .option(
      '--scope <scope>',
      "a review scope of the bundled profile (default: its first: every event, that scope's endpoints, their params and objects) | all",
    )
    .option('-s, --source <file>', "compare these source files instead of the config's (repeatable)", collect)
    .option('--path-prefix <prefix>', 'with --source: server path prefix for OpenAPI endpoint ids', '/v1')
    .option('--no-cache', 'do not use the parse cache')
    .action(
      action<{ format?: string; scope?: string; source?: string[]; pathPrefix?: string; cache?: boolean }>(async (opts) => {
        const { pickFormat } = await import('../format/pick-format.js');
        const format = pickFormat(opts);
        const { crosscheckSources } = await import('../../commands/crosscheck.js');
        const [{ formatProblems }, { crosscheckView }] = await Promise.all([
          import('../format/index.js'),
          import('../output/crosscheck.js'),
        ]);
        const { result } = await crosscheckSources({ ...opts, config: opts.config });
        // The config's sources are project files; `--source` paths are as given.
        process.stdout.write(formatProblems(crosscheckView(result), format, pathsFor(opts, !opts.source?.length)));
        return result.findings.length ? 1 : 0;
      }),
    );
}
