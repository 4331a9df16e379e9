import type { Command } from 'commander';
import { action } from './run-action.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('check recorded Responses event streams (SSE or JSON Lines; `-` for stdin) for conformance')
    .argument('<traces...>', 'trace files (.sse, .txt, .jsonl, .ndjson) or - for stdin')
    .option('-f, --format <format>', 'pretty | json | github', 'pretty')
    .option('--input <format>', 'force the trace format: sse | jsonl (default: by extension, else sniffed)')
    .option('--severity <check=level>', 'override a check severity (error | warn | off); repeatable', collect)
    .option('--no-sdk', 'skip the openai SDK second opinion')
    .action(
      action<{ format?: 'pretty' | 'json' | 'github'; input?: 'sse' | 'jsonl'; severity?: string[]; sdk?: boolean }>(async (opts, args) => {
        const { runVerify } = await import('../../commands/verify.js');
        return runVerify(args, opts);
      }),
    );
}
