import type { Command } from 'commander';
import { action } from './run-action.js';

export function registerCompare(program: Command): void {
  program
    .command('compare')
    .argument('<a>', 'the implementation to compare against (upstream)')
    .argument('<b>', 'the implementation compared (your fork)')
    .description('the coverage difference between two configured implementations; exit 1 when B falls behind A')
    .option('--fail-on <which>', 'behind (default): B lacks what A has; any: any difference; none: never fail', 'behind')
    .action(
      action<{ failOn?: string }>(async (opts, args) => {
        const { UsageError } = await import('../../diagnostics/errors.js');
        if (opts.failOn !== undefined && !['behind', 'any', 'none'].includes(opts.failOn))
          throw new UsageError(`unknown --fail-on \`${opts.failOn}\`, expected behind, any or none`);
        const { compareFromConfig } = await import('../../commands/matrix.js');
        const { createProgress, progressEnabled } = await import('../progress.js');
        const progress = createProgress(progressEnabled(Boolean(opts.json)));
        const { comparison, failed } = await compareFromConfig(args[0]!, args[1]!, {
          config: opts.config,
          cwd: opts.cwd,
          allowOutside: opts.allowOutside,
          failOn: opts.failOn as 'behind' | 'any' | 'none',
          onProgress: (s) => progress.step(s),
        });
        progress.done();
        if (opts.json) {
          const { toJsonText } = await import('../../io/json.js');
          process.stdout.write(toJsonText({ ...comparison, failed }));
        } else {
          const { a, b, counts } = comparison;
          const lines = [`${b} against ${a}: ${counts.behind} behind, ${counts.ahead} ahead, ${counts.differs} differing`];
          for (const c of comparison.changes) lines.push(`  ${c.class.padEnd(7)} ${c.id}: ${a} ${c.a}, ${b} ${c.b}`);
          process.stdout.write(lines.join('\n') + '\n');
        }
        return failed ? 1 : 0;
      }),
    );
}
