import { pickOption } from '../../io/pick-option.js';
import { PROBLEM_FORMATS, type ProblemFormat } from './report.js';

/** `--format` wins; `--json` alone means json. The name is checked before any work. */
export function pickFormat(opts: { json?: boolean; format?: string }): ProblemFormat {
  return pickOption('--format', opts.format ?? (opts.json ? 'json' : undefined), PROBLEM_FORMATS, 'pretty');
}
