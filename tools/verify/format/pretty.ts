/** Human output: per trace, each violation as `file:line: severity [check] event: message`, then the SDK's view. */
import type { VerifyReport } from '../types.js';

export function formatPretty(report: VerifyReport): string {
  const out: string[] = [];
  for (const t of report.traces) {
    const errors = t.violations.filter((v) => v.severity === 'error').length;
    const head = t.violations.length ? `${t.violations.length} violation${t.violations.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'})` : 'ok';
    out.push(`${t.file} (${t.format}, ${t.events} events): ${head}`);
    for (const v of t.violations) out.push(`  ${v.file}:${v.line}: ${v.severity} [${v.check}]${v.event ? ` ${v.event}:` : ''} ${v.message}`);
    if (t.sdk) {
      const verdict = !t.sdk.available ? `not run: ${t.sdk.message}` : t.sdk.accepted ? `accepted (${t.sdk.events} events${t.sdk.surfaced ? `; raised the stream's ${t.sdk.surfaced}` : ''})` : `rejected after ${t.sdk.events} events: ${t.sdk.message}`;
      out.push(`  openai SDK: ${verdict}`);
    }
  }
  const s = report.summary;
  out.push(`${s.traces} trace${s.traces === 1 ? '' : 's'}, ${s.events} events: ${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}; SDK rejected ${s.sdkRejected}; schemas: ${report.schemaSource}`);
  return out.join('\n') + '\n';
}
