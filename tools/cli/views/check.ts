/**
 * `check`'s result as a ProblemReport: one line per finding, a fix that names the finding's own
 * place under it and the fixes many share (`specmap sync`) once in the closing counts; a clean run
 * says what it checked.
 */
import type { CheckResult } from '../../check/run-check.js';
import type { Problem } from '../../problems/problem.js';
import { RULE_DESCRIPTIONS } from '../../problems/rules.js';
import type { ProblemReport } from '../format/report.js';

/** A fix that is just a command to run is shared; one that names a place belongs to its finding. */
const SHARED_FIX = /^specmap (?:--config \S+ )?\w+$/;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function cleanLine(result: CheckResult): string {
  if (result.memo) return 'specmap check: clean (nothing changed since the last clean check)';
  return `specmap check: clean (${result.ran.length ? result.ran.join(', ') : 'nothing to check'})`;
}

function countsLine(result: CheckResult, problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const fixes = [...new Set(problems.map((p) => p.fix).filter((fix): fix is string => fix !== undefined && SHARED_FIX.test(fix)))];
  // Where code was lost, sync is not the fix but the acceptance of the loss: the summary says so.
  const lost = result.findings.some((f) => f.kind === 'mapping-location-lost');
  const fix = lost
    ? `restore the lost code named above, or run ${fixes.length ? fixes.join(' or ') : 'specmap sync'} to accept the changes`
    : fixes.join(' or ');
  return `${plural(errors, 'error')}, ${plural(problems.length - errors, 'warning')}${fix ? `; fix: ${fix}` : ''}`;
}

/** `problems` are the result's findings as problems, in the same order. */
export function checkView(result: CheckResult, problems: Problem[], data: unknown): ProblemReport {
  const shown = problems.map((p) => (p.fix !== undefined && SHARED_FIX.test(p.fix) ? { ...p, fix: undefined } : p));
  return {
    command: 'check',
    problems,
    data,
    groups: [{ problems: shown }],
    pretty: problems.length ? { footer: ['', countsLine(result, problems)] } : { header: [cleanLine(result)] },
    markdown: { header: ['## specmap check', '', problems.length ? countsLine(result, problems) : cleanLine(result)] },
    rules: RULE_DESCRIPTIONS.check!,
  };
}
