/**
 * GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`), one per entry, so
 * that findings show up on the PR's files. Escaping follows the runner's rules: `%`, CR and LF in
 * the message; additionally `:` and `,` in properties.
 */
import type { Report } from './report.js';

const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(report: Report): string {
  const lines = report.entries.map((e) => {
    const at = e.anchors.find((a) => a.file) ?? e.anchors[0];
    const props = [
      ...(at?.file ? [`file=${escapeProperty(at.file)}`] : []),
      ...(at?.line ? [`line=${at.line}`] : []),
      `title=${escapeProperty(`${e.group}: ${e.path}`)}`,
    ];
    const where = e.anchors.map((a) => `${a.label} ${a.anchor}`).join('; ');
    const reach = e.affects ? `; affects ${e.affects.length === 1 ? e.affects[0] : `${e.affects.length} items`}` : '';
    return `::${e.level} ${props.join(',')}::${escapeData(`${e.path}: ${e.message}${where || reach ? ` (${[where, reach.slice(2)].filter(Boolean).join('; ')})` : ''}`)}`;
  });
  for (const n of report.notes ?? []) lines.push(`::notice title=${escapeProperty('not compared')}::${escapeData(n)}`);
  return lines.length ? lines.join('\n') + '\n' : '';
}
