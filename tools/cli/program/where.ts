import type { Command } from 'commander';
import { action } from './run-action.js';

export function registerWhere(program: Command): void {
  program
    .command('where')
    .argument('<query>', 'an item id (event:<type>, endpoint:<METHOD path>, param:<METHOD path>#<name>), an event type or part of an id')
    .description('print every code location of an item per lane, from mapping.json')
    .action(
      action<Record<string, never>>(async (opts, args) => {
        const { whereCommand } = await import('../../commands/where.js');
        const { formatWhere } = await import('../../mapping/where.js');
        const answer = await whereCommand(args[0]!, { config: opts.config, cwd: opts.cwd });
        const { result, lanes, found, changedSinceMapping: changed, mappingFile } = answer;
        if (opts.json) {
          const { toJsonText } = await import('../../io/json.js');
          process.stdout.write(
            toJsonText({
              query: result.query,
              matches: result.matches.map(({ id, entry }) => ({ id, ...entry })),
              unknown: result.unknown ?? null,
              orphan: result.orphan ?? null,
              changedSinceMapping: changed,
            }),
          );
        } else if (found) {
          process.stdout.write(formatWhere(result, lanes));
          if (changed.length)
            process.stderr.write(
              `warning: ${changed.join(', ')} changed after ${mappingFile} was written: the lines above may be out of date; run \`specmap sync\` to refresh them\n`,
            );
        } else {
          process.stderr.write(
            `nothing in ${mappingFile} matches \`${result.query}\` (try an id like event:response.created, a literal, or part of an id)\n`,
          );
        }
        // Not found is an answer, not an error: exit 1 like other findings.
        return found ? 0 : 1;
      }),
    );
}
