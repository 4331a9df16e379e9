/**
 * `check`'s result as a ProblemReport: one line per finding, a fix that names the finding's own
 * place under it and the fixes many share (`specmap sync`) once in the closing counts; a clean run
 * says what it checked.
 */
import type { CheckResult } from '../../check/run-check.js';
import type { CheckCommandResult } from '../../commands/check.js';
import { EXIT } from '../../diagnostics/errors.js';
import type { Problem } from '../../problems/problem.js';
import { RULE_DESCRIPTIONS } from '../../problems/rules.js';
import { prose } from '../format/markdown-text.js';
import type { ProblemReport } from '../format/report.js';
import { plural } from './emit.js';

/** The version of `check --format json`'s object. */
const CHECK_JSON_VERSION = 1;

/** A fix that is just a command to run is shared; one that names a place belongs to its finding. */
const SHARED_FIX = /^specmap (?:--config \S+ )?\w+$/;

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

export function checkView(result: CheckCommandResult): ProblemReport {
  const { sync: _sync, ...data } = result;
  const problems = result.problems;
  const shown = problems.map((p) => (p.fix !== undefined && SHARED_FIX.test(p.fix) ? { ...p, fix: undefined } : p));
  return {
    command: 'check',
    problems,
    data: { version: CHECK_JSON_VERSION, clean: result.findings.every((f) => f.severity !== 'error'), ...data },
    groups: [{ problems: shown }],
    pretty: problems.length ? { footer: ['', countsLine(result, problems)] } : { header: [cleanLine(result)] },
    markdown: { header: ['## specmap check', '', prose(problems.length ? countsLine(result, problems) : cleanLine(result))] },
    rules: RULE_DESCRIPTIONS.check!,
  };
}

/** 0 clean, 1 when a finding is an error (warnings alone do not fail a hook). */
export function checkExitCode(result: CheckResult): number {
  return result.findings.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.clean;
}
