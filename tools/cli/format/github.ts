/** GitHub Actions annotations: one per problem, on its file and lines, so it shows on the pull request. */
import { formatRelated } from '../../problems/location.js';
import type { Problem } from '../../problems/problem.js';
import { annotation } from './annotation.js';
import type { Notice, ProblemReport } from './report.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;

function problemAnnotation(p: Problem, command: string): string {
  const l = p.location;
  const related = (p.related ?? []).map((r) => formatRelated(r));
  const items = p.items ? [`affects ${p.items.length === 1 ? p.items[0] : `${p.items.length} items`}`] : [];
  const also = [...related, ...items].join('; ');
  const text = `${p.subject !== undefined ? `${p.subject}: ` : ''}${p.message}${also ? ` (${also})` : ''}${p.fix ? ` fix: ${p.fix}` : ''}`;
  return annotation(
    LEVEL[p.severity],
    {
      ...(l && { file: l.file }),
      ...(l?.line !== undefined && { line: l.line }),
      ...(l?.endLine !== undefined && { endLine: l.endLine }),
      ...(l?.column !== undefined && { col: l.column }),
      ...(l?.endColumn !== undefined && { endColumn: l.endColumn }),
      title: `specmap ${command} [${p.code}]`,
    },
    text,
  );
}

const notice = (n: Notice): string => annotation(n.level, { ...(n.file !== undefined && { file: n.file }), title: n.title }, n.message);

/** The command's opening notices, every problem in order, then its closing notices. */
export function formatGithub(report: ProblemReport): string {
  const lines = [
    ...(report.notices?.before ?? []).map(notice),
    ...report.problems.map((p) => problemAnnotation(p, report.command)),
    ...(report.notices?.after ?? []).map(notice),
  ];
  return lines.length ? lines.join('\n') + '\n' : '';
}
