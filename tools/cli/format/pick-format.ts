import { UsageError } from '../../diagnostics/errors.js';
import { escapeControl } from '../../io/control-chars.js';
import { PROBLEM_FORMATS, type ProblemFormat } from './report.js';

/** `--format` wins; `--json` alone means json. The name is checked before any work. */
export function pickFormat(opts: { json?: boolean; format?: string }, allowed: readonly ProblemFormat[] = PROBLEM_FORMATS): ProblemFormat {
  const format = opts.format ?? (opts.json ? 'json' : 'pretty');
  if ((allowed as readonly string[]).includes(format)) return format as ProblemFormat;
  throw new UsageError(`Unexpected --format \`${escapeControl(format)}\`, expected one of ${allowed.join(', ')}`);
}
