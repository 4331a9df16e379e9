/**
 * Markdown for PR comments and reports: a summary table, then one table per group. With
 * `summary`, one bullet per entry without anchors, cut to fit a PR comment (GitHub refuses a
 * comment over 65,536 characters; the cut leaves room below that for a bot's own text).
 */
import { codeSpan as code, splitCodeSpans } from './code-span.js';
import { anchorText, type Report, type ReportEntry } from './report.js';

export interface MarkdownOptions {
  summary?: boolean;
  /** Most characters a summary may have (default 60,000). */
  limit?: number;
}

export const SUMMARY_LIMIT = 60_000;

/**
 * Text outside code spans: a `<` would open an HTML tag GitHub strips (`array<string>` vanishes),
 * a `\` would escape what follows. Code spans stay as they are.
 */
const prose = (s: string): string =>
  splitCodeSpans(s.replace(/\r?\n/g, ' '))
    .map((p) => (p.code ? p.text : p.text.replace(/\\/g, '\\\\').replace(/</g, '&lt;')))
    .join('');

/** Table cells: also a `|` would end the cell (escaped inside code spans too, as GFM asks). */
export const cell = (s: string): string => prose(s).replace(/\|/g, '\\|');

export function formatMarkdown(report: Report, options: MarkdownOptions = {}): string {
  return options.summary ? summary(report, options.limit ?? SUMMARY_LIMIT) : full(report);
}

function head(report: Report): string[] {
  const lines = [`## ${prose(report.title)}`, '', '| | count |', '|---|---:|'];
  for (const [group, n] of report.summary) lines.push(`| ${group} | ${n} |`);
  return lines;
}

function notes(report: Report): string[] {
  return report.notes?.length ? ['', '### not compared', '', ...report.notes.map((n) => `- ${prose(n)}`)] : [];
}

const affectsCell = (e: ReportEntry): string => (e.affects ?? []).map((id) => cell(code(id))).join('<br>');

function full(report: Report): string {
  const lines = head(report);
  const withAffects = report.entries.some((e) => e.affects);
  for (const [group] of report.summary) {
    const entries = report.entries.filter((e) => e.group === group);
    if (!entries.length) continue;
    lines.push(
      '',
      `### ${group}`,
      '',
      withAffects ? '| location | change | affects | anchors |' : '| path | change | anchors |',
      withAffects ? '|---|---|---|---|' : '|---|---|---|',
    );
    for (const e of entries) {
      const anchors = e.anchors.map((a) => anchorText({ ...a, label: cell(a.label) }, (s) => cell(code(s)))).join('<br>');
      lines.push(`| ${cell(code(e.path))} | ${cell(e.message)} |${withAffects ? ` ${affectsCell(e)} |` : ''} ${anchors} |`);
    }
  }
  lines.push(...notes(report));
  return lines.join('\n') + '\n';
}

const count = (e: ReportEntry): string =>
  e.affects && e.affects.length > 1 ? ` (${e.affects.length} items)` : e.affects ? ` (in ${code(e.affects[0]!)})` : '';

const notShown = (left: number): string[] => [
  '',
  `_${left} more ${left === 1 ? 'entry' : 'entries'} not shown (least severe first) to fit a PR comment; \`--format markdown\` without \`--summary\` or \`--format json\` lists them all._`,
];

/** Bullets in severity order while they fit `limit` with room kept for the "not shown" line: the text never exceeds `limit`. */
function summary(report: Report, limit: number): string {
  const lines = head(report);
  const tail = notes(report);
  const length = (parts: string[]): number => parts.reduce((n, l) => n + l.length + 1, 0);
  let size = length(lines) + length(tail) + length(notShown(report.entries.length));
  let shown = 0;
  outer: for (const [group, n] of report.summary) {
    const entries = report.entries.filter((e) => e.group === group);
    if (!entries.length) continue;
    const title = ['', `### ${group} (${n})`, ''];
    let opened = false;
    for (const e of entries) {
      const bullet = `- ${prose(code(e.path))}: ${prose(e.message)}${count(e)}`;
      const cost = bullet.length + 1 + (opened ? 0 : length(title));
      if (size + cost > limit) break outer;
      if (!opened) lines.push(...title);
      opened = true;
      lines.push(bullet);
      size += cost;
      shown++;
    }
  }
  const left = report.entries.length - shown;
  if (left > 0) lines.push(...notShown(left));
  lines.push(...tail);
  return lines.join('\n') + '\n';
}
