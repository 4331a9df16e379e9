/** Markdown for PR comments and reports: a summary table, then one table per group. */
import { anchorText, type Report } from './report.js';

/** Table cells: a `|` would end the cell, a newline the row. */
export const cell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (s: string): string => (s.includes('`') ? cell(s) : `\`${cell(s)}\``);

export function formatMarkdown(report: Report): string {
  const lines = [`## ${report.title}`, '', '| | count |', '|---|---:|'];
  for (const [group, n] of report.summary) lines.push(`| ${group} | ${n} |`);
  for (const [group] of report.summary) {
    const entries = report.entries.filter((e) => e.group === group);
    if (!entries.length) continue;
    lines.push('', `### ${group}`, '', '| path | change | anchors |', '|---|---|---|');
    for (const e of entries) {
      lines.push(`| ${code(e.path)} | ${cell(e.message)} | ${e.anchors.map((a) => anchorText({ ...a, label: cell(a.label) }, code)).join('<br>')} |`);
    }
  }
  return lines.join('\n') + '\n';
}
