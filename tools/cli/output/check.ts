import type { CheckResult } from '../../check/run-check.js';
import { EXIT, UsageError } from '../../diagnostics/errors.js';

const CHECK_FORMATS = ['pretty', 'json', 'github'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** `--format` wins; `--json` alone means json. */
export function checkFormatOrThrow(format: string | undefined, json: boolean): CheckFormat {
  const name = format ?? (json ? 'json' : 'pretty');
  if (!(CHECK_FORMATS as readonly string[]).includes(name))
    throw new UsageError(`unknown --format ${name}, expected pretty, json or github`);
  return name as CheckFormat;
}

/** The check's findings in the chosen format (the formatters are loaded only for the one in use). */
export async function checkOutput(result: CheckResult, format: CheckFormat): Promise<string> {
  switch (format) {
    case 'pretty':
      return (await import('../../check/format/pretty.js')).formatPretty(result);
    case 'json':
      return (await import('../../check/format/json.js')).formatJson(result);
    case 'github':
      return (await import('../../check/format/github.js')).formatGithub(result);
  }
}

/** 0 clean, 1 when a finding is an error (warnings alone do not fail a hook). */
export function checkExitCode(result: CheckResult): number {
  return result.findings.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.clean;
}
