import type { Command } from 'commander';
import { EXIT } from '../../diagnostics/errors.js';
import { action } from './run-action.js';

/** Asks on the terminal; anything but an explicit no is yes (the prompt shows `[Y/n]`). */
async function confirm(question: string): Promise<boolean> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = (await rl.question(question)).trim().toLowerCase();
    return answer === '' || answer === 'y' || answer === 'yes';
  } finally {
    rl.close();
  }
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('look at this repository and propose a config (lanes, targets, .gitignore); never overwrites a config')
    .option('-s, --source <path...>', 'reference pages or globs to read (default: DOC_*.md and openapi*.yaml found here)')
    .option('-y, --yes', 'write the proposal without asking')
    .action(
      action<{ source?: string[]; yes?: boolean }>(async (opts) => {
        const { planInit, applyInit } = await import('../../commands/init.js');
        const { formatInitPlan, formatInitJson } = await import('../output/init.js');
        const plan = await planInit({ config: opts.config, source: opts.source, cwd: opts.cwd });
        if (opts.json) {
          // Machine output never prompts: without --yes it is the proposal only.
          process.stdout.write(formatInitJson(plan, opts.yes ? applyInit(plan) : []));
          return EXIT.clean;
        }
        process.stdout.write(formatInitPlan(plan));
        const names = plan.files.map((f) => f.path).join(' and ');
        const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
        const write = opts.yes || (interactive && (await confirm(`write ${names}? [Y/n] `)));
        if (!write) {
          process.stdout.write(
            interactive
              ? 'nothing written\n'
              : `nothing written (not a terminal, so not asked): run \`specmap init --yes\` to write ${names}\n`,
          );
          return EXIT.clean;
        }
        const written = applyInit(plan);
        process.stdout.write(`wrote ${written.join(', ')}\nnext: ${plan.next}\n`);
        return EXIT.clean;
      }),
    );
}
