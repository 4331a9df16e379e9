/**
 * The layout `diff` and `crosscheck` share: a title, problems grouped under a heading with their
 * count (empty groups counted but not listed), notes, and a line of counts. Markdown gets the same
 * as a counts table, one table per group and a "not compared" list.
 */
import { prose } from '../format/markdown-text.js';
import type { MarkdownColumns, ProblemReport } from '../format/report.js';
import type { Problem } from '../../problems/problem.js';

export interface GroupedInput {
  command: string;
  title: string;
  /** Group names in display order, with their counts. */
  counts: [string, number][];
  /** Each problem with the group it belongs to. */
  problems: { group: string; problem: Problem }[];
  /** Said after the problems (may hold code spans); GitHub notices titled `notesTitle`. */
  notes?: string[];
  notesTitle?: string;
  data: unknown;
  columns?: Partial<MarkdownColumns>;
  rules?: Readonly<Record<string, string>>;
}

export function groupedReport(input: GroupedInput): ProblemReport {
  const notes = input.notes ?? [];
  const groups = input.counts
    .map(([name, n]) => ({
      title: `${name} (${n})`,
      problems: input.problems.filter((p) => p.group === name).map((p) => p.problem),
      after: [''],
    }))
    .filter((g) => g.problems.length);
  const counts = input.problems.length ? input.counts.map(([g, n]) => `${n} ${g}`).join(', ') : 'no differences';
  const notesTitle = input.notesTitle ?? 'notes';
  return {
    command: input.command,
    problems: groups.flatMap((g) => g.problems),
    data: input.data,
    groups,
    pretty: { header: [input.title, ''], footer: [...notes, ...(notes.length ? [''] : []), counts] },
    markdown: {
      header: [`## ${prose(input.title)}`, '', '| | count |', '|---|---:|', ...input.counts.map(([g, n]) => `| ${g} | ${n} |`)],
      footer: notes.length ? ['', `### ${notesTitle}`, '', ...notes.map((n) => `- ${prose(n)}`)] : [],
      ...(input.columns && { columns: input.columns }),
    },
    notices: { after: notes.map((message) => ({ level: 'notice' as const, title: notesTitle, message })) },
    ...(input.rules && { rules: input.rules }),
  };
}
