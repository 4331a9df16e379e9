/** The reporters by name: each formats the same ProblemReport, none decides anything. */
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatPretty } from './pretty.js';
import type { FormatOptions, ProblemFormat, ProblemReport } from './report.js';
import { formatSarif } from './sarif.js';

export * from './report.js';

const REPORTERS: Record<ProblemFormat, (r: ProblemReport, o: FormatOptions) => string> = {
  pretty: formatPretty,
  json: formatJson,
  github: formatGithub,
  markdown: formatMarkdown,
  sarif: formatSarif,
};

export function formatProblems(report: ProblemReport, format: ProblemFormat, options: FormatOptions = {}): string {
  return REPORTERS[format](report, options);
}
