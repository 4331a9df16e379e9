import type { Command } from 'commander';
import type { DiffCommandOptions } from '../../commands/diff.js';
import { EXIT, UsageError } from '../../diagnostics/errors.js';
import { action } from './run-action.js';

/** The flags are the command's options (the global ones come from run-action). */
type DiffFlags = Omit<DiffCommandOptions, 'config' | 'cwd'> & { format?: string; summary?: boolean };

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description(
      'semantic change list between two versions of a source or model, one change per place in the spec (exit 1 when a change at or above --fail-on exists)',
    )
    .argument('<old>', 'old version: a model.json or a source file (docs markdown, OpenAPI YAML/JSON)')
    .argument('<new>', 'new version, same kinds')
    .option('-f, --format <format>', 'pretty | markdown | json | github | sarif (default: pretty, or json with --json)')
    .option('--summary', 'markdown: a short list without anchors that fits a PR comment (under 60,000 characters)')
    .option('--fail-on <class>', 'breaking | warning | deprecation | non-breaking | docs-only | none', 'breaking')
    .option(
      '--scope <scope>',
      "a review scope of the bundled profile (default: its first: every event, that scope's endpoints, their params and objects) | all",
    )
    .option('--path-prefix <prefix>', 'OpenAPI: server path prefix for endpoint ids (e.g. /v1)')
    .option('--include-skipped', 'OpenAPI: also compare the paths the reader skips and lists (path keys with a query part)')
    .option('--no-cache', "do not use the project's parse cache")
    .action(
      action<DiffFlags>(async (opts, args) => {
        const { pickFormat } = await import('../format/pick-format.js');
        const format = pickFormat(opts);
        if (opts.summary && format !== 'markdown')
          throw new UsageError(`Unexpected \`--summary\` with \`--format ${format}\`, expected it with \`--format markdown\``);
        const { runDiff } = await import('../../commands/diff.js');
        const [{ formatProblems }, { diffView }] = await Promise.all([import('../format/index.js'), import('../output/diff.js')]);
        const run = await runDiff(args[0]!, args[1]!, opts);
        process.stdout.write(
          formatProblems(diffView(run.result), format, { summary: opts.summary === true, root: opts.cwd ?? process.cwd() }),
        );
        return run.fails ? EXIT.findings : EXIT.clean;
      }),
    );
}
