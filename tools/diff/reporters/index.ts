import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatMarkdown, type MarkdownOptions } from './markdown.js';
import { formatPretty } from './pretty.js';
import type { Report, ReportFormat } from './report.js';

export * from './report.js';
export { SUMMARY_LIMIT } from './markdown.js';

export type FormatOptions = MarkdownOptions;

const REPORTERS: Record<ReportFormat, (r: Report, o: FormatOptions) => string> = {
  pretty: formatPretty,
  markdown: formatMarkdown,
  json: formatJson,
  github: formatGithub,
};

/** `summary` shortens markdown to fit a PR comment; the other formats ignore it. */
export function formatReport(report: Report, format: ReportFormat, options: FormatOptions = {}): string {
  return REPORTERS[format](report, options);
}
