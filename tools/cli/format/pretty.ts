/**
 * Terminal output: one line per problem in the diagnostics' form (`file:line:col: severity
 * subject: message [code]`, remark-lint style), what it relates to and how to fix it indented
 * under it; problems of a titled group indented under its title. Every line is escaped for the
 * terminal (io/control-chars.ts): text from a trace must not move the cursor or forge a line.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { escapeControl } from '../../io/control-chars.js';

/** Control characters become visible escapes, except tabs: they cannot forge a line, and a diff's header has them. */
const shown = (line: string): string => line.split('\t').map(escapeControl).join('\t');
import { fromDiagnostic } from '../../problems/from-diagnostic.js';
import { formatLocation, formatRelated } from '../../problems/location.js';
import type { Problem } from '../../problems/problem.js';
import type { ProblemReport } from './report.js';

/** A long list of items stays one line: the first few, then how many more. */
const SHOWN_ITEMS = 4;

/** The problem's own line, then the items it affects, its related places, detail and fix, each indented four more. */
function prettyProblem(p: Problem, indent = ''): string[] {
  const where = p.location ? `${formatLocation(p.location)}: ` : '';
  const lines = [`${indent}${where}${p.severity} ${p.subject !== undefined ? `${p.subject}: ` : ''}${p.message} [${p.code}]`];
  const under = `${indent}    `;
  if (p.items) {
    const more = p.items.length - SHOWN_ITEMS;
    lines.push(`${under}affects ${p.items.slice(0, SHOWN_ITEMS).join(', ')}${more > 0 ? ` and ${more} more` : ''}`);
  }
  for (const r of p.related ?? []) lines.push(`${under}${formatRelated(r)}`);
  if (p.detail) lines.push(...p.detail.split('\n').map((l) => `${under}${l}`));
  if (p.fix) lines.push(`${under}fix: ${p.fix}`);
  return lines;
}

export function formatPretty(report: ProblemReport): string {
  const lines = [...(report.pretty?.header ?? [])];
  if (report.groups)
    for (const g of report.groups) {
      if (g.title !== undefined) lines.push(g.title);
      for (const p of g.problems) lines.push(...prettyProblem(p, g.title !== undefined ? '  ' : ''));
      lines.push(...(g.after ?? []));
    }
  else for (const p of report.problems) lines.push(...prettyProblem(p));
  lines.push(...(report.pretty?.footer ?? []));
  return lines.length ? lines.map(shown).join('\n') + '\n' : '';
}

/** Diagnostics as the commands print them on stderr: the same lines as any other problem. */
export function prettyDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return prettyProblems(diagnostics.map(fromDiagnostic));
}

/** A command's warnings on stderr, one problem after another, with no header. */
export function prettyProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `${prettyProblem(p).map(shown).join('\n')}\n`).join('');
}
