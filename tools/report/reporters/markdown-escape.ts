/**
 * Escaping for text that lands in the markdown report. Labels, anchors and paths come from docs and
 * code (untrusted): in a table a `|` would split the cell, a newline would end the row, and raw
 * `<tag>` would become HTML in a PR comment.
 */
import { LINE_BREAKS, mdCode } from '../../generate/escape.js';

/** A run of line breaks of any kind (a lone CR too), which becomes one space. */
const BREAK_RUNS = new RegExp(`(?:${LINE_BREAKS.source})+`, 'g');

function escapeMd(text: string): string {
  return text
    .replace(BREAK_RUNS, ' ')
    .replace(/[\\`*_[\]|<>#~!&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

/** Plain text: markdown punctuation and HTML are shown literally, on one line. */
export function mdText(text: string): string {
  return escapeMd(text).trim();
}

/** Inline code (safe in table cells): the generators' own, one rule for every markdown file specmap writes. */
export { mdCode };

function mdRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function mdTable(head: readonly string[], rows: readonly string[][], align: ('l' | 'r')[] = []): string {
  const sep = head.map((_, i) => (align[i] === 'r' ? '---:' : '---'));
  return [mdRow(head), mdRow(sep), ...rows.map(mdRow)].join('\n');
}

/**
 * A collapsible section; the blank lines let GFM parse the markdown inside. The summary sits in raw
 * HTML, where markdown escapes do not apply: it takes plain text and escapes it for HTML.
 */
export function mdDetails(summary: string, body: string): string {
  const text = summary.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!).replace(BREAK_RUNS, ' ');
  return `<details>\n<summary>${text}</summary>\n\n${body.trim()}\n\n</details>`;
}

/** Text whose backtick spans are code (the mapping's gap sentences): code kept as code, the rest escaped. */
export function mdInline(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part) => (part.startsWith('`') && part.endsWith('`') && part.length > 1 ? mdCode(part.slice(1, -1)) : escapeMd(part)))
    .join('')
    .trim();
}
