/**
 * Escaping for text that lands in the markdown report. Labels, anchors and paths come from docs and
 * code (untrusted): in a table a `|` would split the cell, a newline would end the row, and raw
 * `<tag>` would become HTML in a PR comment.
 */

function escapeMd(text: string): string {
  return text
    .replace(/\r?\n+/g, ' ')
    .replace(/[\\`*_[\]|<>#~!&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

/** Plain text: markdown punctuation and HTML are shown literally, on one line. */
export function mdText(text: string): string {
  return escapeMd(text).trim();
}

/** Inline code (safe in table cells): a backtick inside widens the fence, `|` is escaped for GFM tables. */
export function mdCode(text: string): string {
  const body = text.replace(/\r?\n+/g, ' ').replace(/\|/g, '\\|');
  const runs = body.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

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
  const text = summary.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!).replace(/\r?\n+/g, ' ');
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
