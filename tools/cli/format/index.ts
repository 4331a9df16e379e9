/** The reporters by name: each formats the same ProblemReport, none decides anything. */
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatPretty } from './pretty.js';
import type { FormatOptions, ProblemFormat, ProblemReport } from './report.js';
import { rebaseReport } from './rebase.js';
import { formatSarif } from './sarif.js';

export * from './report.js';

const REPORTERS: Record<ProblemFormat, (r: ProblemReport, o: FormatOptions) => string> = {
  pretty: formatPretty,
  json: formatJson,
  github: formatGithub,
  markdown: formatMarkdown,
  sarif: formatSarif,
};

/**
 * `json` prints the command's result as the library returns it (paths relative to the config's
 * folder); the other formats show paths relative to where the command ran (`options.base`).
 */
export function formatProblems(report: ProblemReport, format: ProblemFormat, options: FormatOptions = {}): string {
  const shown =
    format === 'json' || options.base === undefined ? report : rebaseReport(report, options.base, options.root ?? process.cwd());
  return REPORTERS[format](shown, options);
}
