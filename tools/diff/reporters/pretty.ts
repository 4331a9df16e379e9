/** Terminal output: entries grouped, each with its anchors, then a one-line summary. */
import { anchorText, type Report } from './report.js';

export function formatPretty(report: Report): string {
  const lines = [report.title, ''];
  for (const [group, count] of report.summary) {
    const entries = report.entries.filter((e) => e.group === group);
    if (!entries.length) continue;
    lines.push(`${group} (${count})`);
    for (const e of entries) {
      lines.push(`  ${e.path}  ${e.message}`);
      if (e.anchors.length) lines.push(`      ${e.anchors.map((a) => anchorText(a)).join('  ')}`);
    }
    lines.push('');
  }
  const total = report.entries.length;
  lines.push(total ? report.summary.map(([g, n]) => `${n} ${g}`).join(', ') : 'no differences');
  return lines.join('\n') + '\n';
}
