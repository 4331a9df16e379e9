/**
 * Project paths in problems are relative to the config file's folder (the library's results say
 * so). A command run elsewhere (`specmap check -c services/api/specmap.config.json` from the
 * repository root, as CI does in a monorepo) shows them relative to where it ran instead, which is
 * what a terminal, GitHub's annotations and SARIF's `%SRCROOT%` resolve paths against.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Problem, ProblemLocation, RelatedLocation } from '../../problems/problem.js';
import type { Notice, ProblemReport } from './report.js';

/** `report` with its relative paths moved from `base` to `root`; the same report when they are one folder. */
export function rebaseReport(report: ProblemReport, base: string, root: string): ProblemReport {
  if (resolve(base) === resolve(root)) return report;
  const file = (f: string): string => (isAbsolute(f) ? f : relative(root, resolve(base, f)).split(sep).join('/') || '.');
  const at = (l: ProblemLocation): ProblemLocation => ({ ...l, file: file(l.file) });
  const related = (r: RelatedLocation): RelatedLocation => ({ ...r, location: at(r.location) });
  // Groups hold the problems themselves or copies of them: each is moved once, by identity.
  const moved = new Map<Problem, Problem>();
  const problem = (p: Problem): Problem => {
    let m = moved.get(p);
    if (!m) {
      m = { ...p, ...(p.location && { location: at(p.location) }), ...(p.related && { related: p.related.map(related) }) };
      moved.set(p, m);
    }
    return m;
  };
  const notice = (n: Notice): Notice => (n.file === undefined ? n : { ...n, file: file(n.file) });
  return {
    ...report,
    problems: report.problems.map(problem),
    ...(report.groups && { groups: report.groups.map((g) => ({ ...g, problems: g.problems.map(problem) })) }),
    ...(report.notices && {
      notices: {
        ...(report.notices.before && { before: report.notices.before.map(notice) }),
        ...(report.notices.after && { after: report.notices.after.map(notice) }),
      },
    }),
  };
}
