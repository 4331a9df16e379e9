/** Terminal output: entries grouped, each with the items it affects and its anchors, then a one-line summary. */
import { anchorText, type Report } from './report.js';

/** A long list of items stays one line: the first few, then how many more. */
const SHOWN_ITEMS = 4;

export function formatPretty(report: Report): string {
  const lines = [report.title, ''];
  for (const [group, count] of report.summary) {
    const entries = report.entries.filter((e) => e.group === group);
    if (!entries.length) continue;
    lines.push(`${group} (${count})`);
    for (const e of entries) {
      lines.push(`  ${e.path}  ${e.message}`);
      if (e.affects) {
        const more = e.affects.length - SHOWN_ITEMS;
        lines.push(`      affects ${e.affects.slice(0, SHOWN_ITEMS).join(', ')}${more > 0 ? ` and ${more} more` : ''}`);
      }
      if (e.anchors.length) lines.push(`      ${e.anchors.map((a) => anchorText(a)).join('  ')}`);
    }
    lines.push('');
  }
  for (const n of report.notes ?? []) lines.push(n);
  if (report.notes?.length) lines.push('');
  const total = report.entries.length;
  lines.push(total ? report.summary.map(([g, n]) => `${n} ${g}`).join(', ') : 'no differences');
  return lines.join('\n') + '\n';
}
