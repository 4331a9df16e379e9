/**
 * Markdown for PR comments: the command's header (a title and counts), then one table per group
 * (one row per problem: subject, message, the items it affects when any does, its places). With
 * `summary`, one bullet per problem without places, cut to fit a PR comment (GitHub refuses a
 * comment over 65,536 characters; the cut leaves room below that for a bot's own text).
 */
import { codeSpan as code } from '../../io/code-span.js';
import { formatRelated } from '../../problems/location.js';
import type { Problem } from '../../problems/problem.js';
import { cell, prose } from './markdown-text.js';
import type { FormatOptions, MarkdownColumns, ProblemGroup, ProblemReport } from './report.js';

const SUMMARY_LIMIT = 60_000;

const COLUMNS: MarkdownColumns = { subject: 'subject', message: 'problem', items: 'affects', locations: 'locations' };

const groupsOf = (report: ProblemReport): ProblemGroup[] =>
  (report.groups ?? [{ title: 'problems', problems: report.problems }]).filter((g) => g.problems.length);

/** A blank line, then the group's heading when it has one, then a blank line. */
const heading = (g: ProblemGroup): string[] => (g.title !== undefined ? ['', `### ${prose(g.title)}`, ''] : ['']);

function places(p: Problem): string {
  const all = [...(p.location ? [{ location: p.location }] : []), ...(p.related ?? [])];
  return all.map((r) => cell(formatRelated(r, code))).join('<br>');
}

function markdownRow(p: Problem, withItems: boolean): string {
  const subject = p.subject !== undefined ? cell(code(p.subject)) : '';
  const items = withItems ? ` ${(p.items ?? []).map((id) => cell(code(id))).join('<br>')} |` : '';
  return `| ${subject} | ${cell(p.message)} |${items} ${places(p)} |`;
}

function markdownBullet(p: Problem): string {
  const count = p.items && p.items.length > 1 ? ` (${p.items.length} items)` : p.items ? ` (in ${code(p.items[0]!)})` : '';
  return `- ${p.subject !== undefined ? `${prose(code(p.subject))}: ` : ''}${prose(p.message)}${count}`;
}

function full(report: ProblemReport): string {
  const c = { ...COLUMNS, ...report.markdown?.columns };
  const lines = [...(report.markdown?.header ?? [])];
  const withItems = report.problems.some((p) => p.items);
  for (const g of groupsOf(report)) {
    const head = [c.subject, c.message, ...(withItems ? [c.items] : []), c.locations];
    lines.push(...heading(g), `| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
    for (const p of g.problems) lines.push(markdownRow(p, withItems));
  }
  lines.push(...(report.markdown?.footer ?? []));
  return lines.join('\n') + '\n';
}

const notShown = (left: number): string[] => [
  '',
  `_${left} more ${left === 1 ? 'entry' : 'entries'} not shown (least severe first) to fit a PR comment; \`--format markdown\` without \`--summary\` or \`--format json\` lists them all._`,
];

/** Bullets in group order while they fit `limit` with room kept for the "not shown" line: the text never exceeds `limit`. */
function summary(report: ProblemReport, limit: number): string {
  const lines = [...(report.markdown?.header ?? [])];
  const tail = report.markdown?.footer ?? [];
  const groups = groupsOf(report);
  const total = groups.reduce((n, g) => n + g.problems.length, 0);
  const length = (parts: readonly string[]): number => parts.reduce((n, l) => n + l.length + 1, 0);
  let size = length(lines) + length(tail) + length(notShown(total));
  let shown = 0;
  outer: for (const g of groups) {
    const title = heading(g);
    let opened = false;
    for (const p of g.problems) {
      const bullet = markdownBullet(p);
      const cost = bullet.length + 1 + (opened ? 0 : length(title));
      if (size + cost > limit) break outer;
      if (!opened) lines.push(...title);
      opened = true;
      lines.push(bullet);
      size += cost;
      shown++;
    }
  }
  if (total > shown) lines.push(...notShown(total - shown));
  lines.push(...tail);
  return lines.join('\n') + '\n';
}

export function formatMarkdown(report: ProblemReport, options: FormatOptions = {}): string {
  return options.summary ? summary(report, options.limit ?? SUMMARY_LIMIT) : full(report);
}
