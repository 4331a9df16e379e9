import type { CheckResult } from '../run-check.js';

/** GitHub Actions workflow commands: `::error file=…,line=…,title=…::message`. */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProp = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(result: CheckResult): string {
  return result.findings
    .map((f) => {
      const props = [f.file && `file=${escapeProp(f.file)}`, f.line && `line=${f.line}`, `title=${escapeProp(`specmap ${f.kind}`)}`]
        .filter(Boolean)
        .join(',');
      const text = [f.id, f.message, f.anchor && `(${f.anchor})`, f.fix && `fix: ${f.fix}`].filter(Boolean).join(' ');
      return `::${f.severity === 'error' ? 'error' : 'warning'} ${props}::${escapeData(text)}\n`;
    })
    .join('');
}
