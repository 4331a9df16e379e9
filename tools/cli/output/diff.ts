/** `diff`'s result as a ProblemReport: grouped by class, most severe first, with the paths not compared as notes. */
import type { DiffResult } from '../../commands/diff.js';
import { CHANGE_CLASSES } from '../../diff/change.js';
import { codeSpan } from '../../io/code-span.js';
import { RULE_DESCRIPTIONS } from '../../problems/rules.js';
import type { ProblemReport } from '../format/report.js';
import { groupedReport } from './grouped.js';

function skippedNotes(result: DiffResult): string[] {
  const both = [...result.skipped.old.map((s) => ['old', s] as const), ...result.skipped.new.map((s) => ['new', s] as const)];
  return both.map(
    ([side, s]) => `not compared: ${codeSpan(s.path)} (${side}: ${codeSpan(s.anchor)}), ${s.reason}; \`--include-skipped\` compares it`,
  );
}

export function diffView(result: DiffResult): ProblemReport {
  const order = [...CHANGE_CLASSES].reverse();
  return groupedReport({
    command: 'diff',
    title: `specmap diff ${result.old} → ${result.new} (scope: ${result.scope})`,
    counts: order.map((c) => [c, result.summary[c]]),
    problems: result.changes.map((c, i) => ({ group: c.class, problem: result.problems[i]! })),
    notes: skippedNotes(result),
    notesTitle: 'not compared',
    data: result,
    columns: { subject: 'location', message: 'change', locations: 'anchors' },
    rules: RULE_DESCRIPTIONS.diff!,
  });
}
