import { UsageError } from '../../diagnostics/errors.js';
import { escapeControl } from '../../io/control-chars.js';
import { PROBLEM_FORMATS, type ProblemFormat } from './report.js';

/** `--json` is `--format json`; anything else must be one of the reporters (checked before any work). */
export function pickFormat(opts: { json?: boolean; format?: string }, allowed: readonly ProblemFormat[] = PROBLEM_FORMATS): ProblemFormat {
  if (opts.json) return 'json';
  const format = opts.format ?? 'pretty';
  if ((allowed as readonly string[]).includes(format)) return format as ProblemFormat;
  throw new UsageError(`Unexpected --format \`${escapeControl(format)}\`, expected one of ${allowed.join(', ')}`);
}
