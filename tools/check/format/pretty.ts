import type { CheckResult } from '../run-check.js';

/** A fix that names one finding's own location is printed under it; shared fixes once, at the end. */
const SHARED_FIX = /^specmap (?:--config \S+ )?\w+$/;

function cleanLine(result: CheckResult): string {
  if (result.memo) return 'specmap check: clean (nothing changed since the last clean check)\n';
  return `specmap check: clean (${result.ran.length ? result.ran.join(', ') : 'nothing to check'})\n`;
}

/** Human output: one line per finding, grouped by kind, diffs indented, the fix at the end. */
export function formatPretty(result: CheckResult): string {
  if (!result.findings.length) return cleanLine(result);
  const lines: string[] = [];
  for (const f of result.findings) {
    const where = [f.file && (f.line ? `${f.file}:${f.line}` : f.file), f.anchor].filter(Boolean).join(' ');
    const subject = [f.id, f.lane && `[${f.lane}]`].filter(Boolean).join(' ');
    lines.push(
      `${f.severity === 'error' ? 'error' : 'warn '} ${f.kind}  ${subject ? subject + ': ' : ''}${f.message}${where ? `  (${where})` : ''}`,
    );
    if (f.diff)
      lines.push(
        ...f.diff
          .trimEnd()
          .split('\n')
          .map((l) => `    ${l}`),
      );
    if (f.fix && !SHARED_FIX.test(f.fix)) lines.push(`    fix: ${f.fix}`);
  }
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.length - errors;
  const fixes = [...new Set(result.findings.map((f) => f.fix).filter((fix): fix is string => Boolean(fix) && SHARED_FIX.test(fix!)))];
  // Where code was lost, sync is not the fix but the acceptance of the loss: the summary says so.
  const lost = result.findings.some((f) => f.kind === 'mapping-location-lost');
  const fix = lost
    ? `restore the lost code named above, or run ${fixes.length ? fixes.join(' or ') : 'specmap sync'} to accept the changes`
    : fixes.join(' or ');
  lines.push('', `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${fix ? `; fix: ${fix}` : ''}`);
  return lines.join('\n') + '\n';
}
