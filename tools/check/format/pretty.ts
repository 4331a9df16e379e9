import type { CheckResult } from '../run-check.js';

/** Human output: one line per finding, grouped by kind, diffs indented, the fix at the end. */
export function formatPretty(result: CheckResult): string {
  if (!result.findings.length) return `specmap check: clean (${result.ran.join(', ')})\n`;
  const lines: string[] = [];
  for (const f of result.findings) {
    const where = [f.file && (f.line ? `${f.file}:${f.line}` : f.file), f.anchor].filter(Boolean).join(' ');
    const subject = [f.id, f.lane && `[${f.lane}]`].filter(Boolean).join(' ');
    lines.push(`${f.severity === 'error' ? 'error' : 'warn '} ${f.kind}  ${subject ? subject + ': ' : ''}${f.message}${where ? `  (${where})` : ''}`);
    if (f.diff) lines.push(...f.diff.trimEnd().split('\n').map((l) => `    ${l}`));
  }
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.length - errors;
  const fixes = [...new Set(result.findings.map((f) => f.fix).filter(Boolean))];
  lines.push('', `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${fixes.length ? `; fix: ${fixes.join(' or ')}` : ''}`);
  return lines.join('\n') + '\n';
}
