import type { Command } from 'commander';
import { action } from './run-action.js';

export function registerWhere(program: Command): void {
  program
    .command('where')
    .argument('<query>', 'an item id (event:response.created, param:POST /v1/responses#include), an event type or part of an id')
    .description('print every code location of an item per lane, from mapping.json')
    .action(
      action<Record<string, never>>(async (opts, args) => {
        const { runWhere } = await import('../../commands/where.js');
        return runWhere(args[0]!, opts);
      }),
    );
}
