/** `crosscheck`'s result as a ProblemReport: grouped by kind of disagreement. */
import type { CrosscheckResult } from '../../commands/crosscheck.js';
import { FINDING_KINDS } from '../../crosscheck/finding.js';
import { RULE_DESCRIPTIONS } from '../../problems/rules.js';
import type { ProblemReport } from '../format/report.js';
import { groupedReport } from './grouped.js';

export function crosscheckView(result: CrosscheckResult): ProblemReport {
  return groupedReport({
    command: 'crosscheck',
    title: `specmap crosscheck ${result.sources.join(' + ')} (scope: ${result.scope})`,
    counts: FINDING_KINDS.map((k) => [k, result.summary[k] ?? 0]),
    problems: result.findings.map((f, i) => ({ group: f.kind, problem: result.problems[i]! })),
    data: result,
    columns: { subject: 'path', message: 'change', locations: 'anchors' },
    rules: RULE_DESCRIPTIONS.crosscheck!,
  });
}
