import type { Command } from 'commander';
import { action } from './run-action.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('check recorded Responses event streams (SSE or JSON Lines; `-` for stdin) for conformance')
    .argument('<traces...>', 'trace files (.sse, .txt, .jsonl, .ndjson), folders of them, or - for stdin')
    .option('-f, --format <format>', 'pretty | json | github | markdown | sarif (default: pretty, or json with --json)')
    .option('--input <format>', 'force the trace format: sse | jsonl (default: by extension, else sniffed)')
    .option('--severity <check=level>', 'override a check severity (error | warn | off); repeatable', collect)
    .option('--no-sdk', 'skip the openai SDK second opinion')
    .option(
      '--baseline <path>',
      'reference baseline: a folder of recordings of the reference server, or a profile .json (config verify.baseline)',
    )
    .option('--no-baseline', 'ignore the configured baseline')
    .option('--learn-baseline <out.json>', 'learn a baseline profile from the given recordings and write it, instead of verifying')
    .option('--strict-source <kind>', 'docs | openapi: judge by one kind of source only (default: accept either where they disagree)')
    .option('--max-findings <n>', 'findings printed per check, severity and trace (default 50; the rest are counted)')
    .option('--max-line-length <n>', 'longest trace line read, in characters (default 33554432); longer is a framing error, exit 2')
    .action(
      action<{
        format?: string;
        input?: string;
        severity?: string[];
        sdk?: boolean;
        baseline?: string | false;
        learnBaseline?: string;
        strictSource?: string;
        maxFindings?: string;
        maxLineLength?: string;
      }>(async (opts, args) => {
        const { pickFormat } = await import('../format/pick-format.js');
        const format = pickFormat(opts);
        const { verifyCommand } = await import('../../commands/verify.js');
        const { createProgress, progressEnabled } = await import('../progress.js');
        const { escapeControl } = await import('../../io/control-chars.js');
        const progress = createProgress(progressEnabled(format !== 'pretty'));
        const outcome = await verifyCommand(args, {
          ...opts,
          onTrace: (path, i, total) => progress.step(escapeControl(`verify ${i + 1}/${total} ${path}`)),
        }).finally(() => progress.done());
        if (outcome.kind === 'learned') {
          const p = outcome.profile;
          process.stdout.write(
            escapeControl(
              `baseline: learned ${p.deviations.length} deviation${p.deviations.length === 1 ? '' : 's'} of the reference server from ${p.recordings.length} recording${p.recordings.length === 1 ? '' : 's'} → ${outcome.path}`,
            ) + '\n',
          );
          return 0;
        }
        const [{ formatProblems }, { verifyView, verifyExitCode }] = await Promise.all([
          import('../format/index.js'),
          import('../output/verify.js'),
        ]);
        process.stdout.write(formatProblems(verifyView(outcome.report, outcome.problems), format, { root: opts.cwd ?? process.cwd() }));
        return verifyExitCode(outcome.report);
      }),
    );
}
