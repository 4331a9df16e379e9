/**
 * GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`), one per finding, so
 * findings show on the trace's lines in a pull request. Escaping per the Actions toolkit
 * (`%`, `\r`, `\n` in data; also `:` and `,` in properties), after every other control character is
 * made visible (format/escape.ts).
 */
import type { VerifyReport } from '../types.js';
import { escapeControl } from './escape.js';

const data = (s: string) => escapeControl(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
const LEVEL = { error: 'error', warn: 'warning', info: 'notice' } as const;

export function formatGithub(report: VerifyReport): string {
  const out: string[] = [];
  const b = report.baseline;
  if (b)
    out.push(
      `::notice title=${prop('specmap verify baseline')}::${data(`${b.from}: ${b.deviations} deviation${b.deviations === 1 ? '' : 's'} of the reference server from ${b.recordings} recording${b.recordings === 1 ? '' : 's'}${b.otherSources ? ` (learned against other sources: ${b.otherSources.join(', ')})` : ''}`)}`,
    );
  for (const t of report.traces) {
    for (const v of t.violations) {
      const title = `specmap verify [${v.check}]${v.verdict ? ` ${v.verdict}` : ''}`;
      const response = v.response ? `response ${v.response.index}${v.response.id ? ` ${v.response.id}` : ''}: ` : '';
      out.push(
        `::${LEVEL[v.severity]} file=${prop(v.file)},line=${v.line},title=${prop(title)}::${data(`${response}${v.event !== undefined ? `${v.event}: ` : ''}${v.message}${v.note ? ` (${v.note})` : ''}`)}`,
      );
    }
    for (const o of t.omitted)
      out.push(
        `::${LEVEL[o.severity]} file=${prop(t.file)},title=${prop(`specmap verify [${o.check}]`)}::${data(`${o.count} more finding${o.count === 1 ? '' : 's'} not shown (--max-findings)`)}`,
      );
    if (t.sdk?.available && !t.sdk.accepted)
      out.push(`::notice file=${prop(t.file)},title=${prop('openai SDK rejected the trace')}::${data(t.sdk.message ?? '')}`);
  }
  return out.length ? out.join('\n') + '\n' : '';
}
