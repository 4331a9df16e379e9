import type { Command } from 'commander';
import { action } from './run-action.js';

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('semantic change list between two versions of a source or model (exit 1 when a change at or above --fail-on exists)')
    .argument('<old>', 'old version: a model.json or a source file (docs markdown, OpenAPI YAML/JSON)')
    .argument('<new>', 'new version, same kinds')
    .option('-f, --format <format>', 'pretty | markdown | json | github', 'pretty')
    .option('--fail-on <class>', 'breaking | deprecation | non-breaking | docs-only | none', 'breaking')
    .option('--scope <scope>', 'responses (events + /responses endpoints, params, objects) | all', 'responses')
    .option('--path-prefix <prefix>', 'OpenAPI: server path prefix for endpoint ids (e.g. /v1)')
    .option('--no-cache', "do not use the project's parse cache")
    .action(
      action<{ format?: string; failOn?: string; scope?: string; pathPrefix?: string; cache?: boolean }>(async (opts, args) => {
        const { runDiff } = await import('../../commands/diff.js');
        return runDiff(args[0]!, args[1]!, opts);
      }),
    );
}
