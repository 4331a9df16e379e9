/** The verify reporters by name: each formats the same report, none decides anything. */
import type { VerifyReport } from '../types.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatPretty } from './pretty.js';

const FORMATTERS = { pretty: formatPretty, json: formatJson, github: formatGithub } as const;

export function formatVerifyReport(report: VerifyReport, format: keyof typeof FORMATTERS): string {
  return FORMATTERS[format](report);
}
