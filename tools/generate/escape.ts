/**
 * Escaping for every place doc text lands in generated output (STYLE.md "Templates hold no logic").
 * Templates compile with `noEscape: true`, so view-models pass text through exactly one of these.
 * openapi-typescript-codegen shipped a code injection through an unescaped path: never again.
 */

/** A TS/JS single-quoted string literal, quotes included. */
export function tsString(text: string): string {
  return `'${text.replace(/[\\'\n\r\u2028\u2029]/g, (c) => ({ '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\u2028': '\\u2028', '\u2029': '\\u2029' })[c]!)}'`;
}

/** A property key: bare when it is a plain identifier, else a string literal. */
export function tsKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : tsString(name);
}

/** Text for inside a JSDoc block: `*\/` cannot close the comment early, one line per doc line. */
export function jsdocLines(text: string): string[] {
  return text
    .replace(/\*\//g, '*\\/')
    .split(/\r?\n/)
    .map((l) => l.trimEnd());
}

/** A whole JSDoc comment at `indent`, or '' for empty text. */
export function jsdoc(text: string, indent = ''): string {
  const lines = jsdocLines(text.trim());
  if (lines.length === 1 && lines[0] === '') return '';
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} *${l ? ' ' + l : ''}`).join('\n')}\n${indent} */\n`;
}

/** A markdown table cell: `|` cannot split the cell, a newline cannot end the row. */
export function mdCell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n+/g, ' ')
    .trim();
}

/** Inline code in a markdown cell (backticks inside fall back to a double-backtick span). */
export function mdCode(text: string): string {
  const body = text.replace(/\|/g, '\\|');
  return text.includes('`') ? `\`\` ${body} \`\`` : `\`${body}\``;
}

/** A Python double-quoted string literal, quotes included. */
export function pyString(text: string): string {
  return `"${text.replace(/[\\"\n\r\t]/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!)}"`;
}

/** Text inside a Python `"""` docstring: no early close, no escape sequences. */
export function pyDocstring(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"').replace(/"$/, '\\"').trim();
}

/** One-line text for a `#` or `//` comment. */
export function lineComment(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
