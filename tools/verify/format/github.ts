/**
 * GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`), one per violation, so
 * findings show on the trace's lines in a pull request. Escaping per the Actions toolkit
 * (`%`, `\r`, `\n` in data; also `:` and `,` in properties).
 */
import type { VerifyReport } from '../types.js';

const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(report: VerifyReport): string {
  const out: string[] = [];
  for (const t of report.traces) {
    for (const v of t.violations) {
      const level = v.severity === 'error' ? 'error' : 'warning';
      out.push(`::${level} file=${prop(v.file)},line=${v.line},title=${prop(`specmap verify [${v.check}]`)}::${data(`${v.event ? `${v.event}: ` : ''}${v.message}`)}`);
    }
    if (t.sdk?.available && !t.sdk.accepted) out.push(`::notice file=${prop(t.file)},title=${prop('openai SDK rejected the trace')}::${data(t.sdk.message ?? '')}`);
  }
  return out.length ? out.join('\n') + '\n' : '';
}
