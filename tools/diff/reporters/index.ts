import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatPretty } from './pretty.js';
import type { Report, ReportFormat } from './report.js';

export * from './report.js';

const REPORTERS: Record<ReportFormat, (r: Report) => string> = {
  pretty: formatPretty,
  markdown: formatMarkdown,
  json: formatJson,
  github: formatGithub,
};

export function formatReport(report: Report, format: ReportFormat): string {
  return REPORTERS[format](report);
}
