/**
 * Escaping for every place model text lands in generated output (STYLE.md "Templates hold no logic").
 * Templates compile with `noEscape: true`, so view-models pass every value through exactly one of
 * these, chosen by where it lands: a string literal, a comment, a docstring, a region marker, a
 * table cell. openapi-typescript-codegen shipped a code injection through an unescaped path: never again.
 *
 * What counts as a line break differs per language, and every helper covers its language's set:
 * JS/TS ends a line at LF, CR, U+2028 and U+2029 (ECMA-262 "LineTerminator"); Python's tokenizer at
 * LF and CR, and it refuses NUL anywhere in a source file. Control and format characters (bidi
 * overrides included) and lone surrogates are written as escapes so that what a reviewer sees is what
 * the compiler reads, and so that a lone surrogate survives the UTF-8 write instead of becoming U+FFFD.
 */

/**
 * Characters no generated file carries raw: controls (NUL, CR, LF…), format (bidi), line and
 * paragraph separators, lone surrogates. Unassigned code points are left alone: which ones are
 * unassigned changes with Node's Unicode version, and the same input must give the same bytes.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'gu');
/** Line breaks in any target language, plus the other Unicode separators an editor shows as one. */
export const LINE_BREAKS = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g;

const hex = (n: number, width: number): string => n.toString(16).toUpperCase().padStart(width, '0');

/** `\uXXXX` for each UTF-16 unit of `c` (an astral character becomes its surrogate pair). */
function jsEscape(c: string): string {
  let out = '';
  for (let i = 0; i < c.length; i++) out += `\\u${hex(c.charCodeAt(i), 4)}`;
  return out;
}

function pyEscape(c: string): string {
  const cp = c.codePointAt(0)!;
  return cp <= 0xff ? `\\x${hex(cp, 2).toLowerCase()}` : cp <= 0xffff ? `\\u${hex(cp, 4).toLowerCase()}` : `\\U${hex(cp, 8).toLowerCase()}`;
}

const TS_SIMPLE: Record<string, string> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A TS/JS single-quoted string literal, quotes included. */
export function tsString(text: string): string {
  return `'${text.replace(/[\\'\n\r\t]|[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu, (c) => TS_SIMPLE[c] ?? jsEscape(c))}'`;
}

/**
 * A property key in an object literal: bare when it is a plain identifier, else a string literal.
 * `__proto__` is the exception: written bare or quoted it sets the prototype instead of defining a
 * property (ECMA-262 B.3.1), so it becomes a computed key.
 */
export function tsKey(name: string): string {
  if (name === '__proto__') return `[${tsString(name)}]`;
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : tsString(name);
}

/** Comment text: unsafe characters shown as `\uXXXX`, so nothing in it can end the comment's line. */
function commentSafe(text: string): string {
  return text.replace(UNSAFE_ALL, jsEscape);
}

/** Text for inside a JSDoc block: `*\/` cannot close the comment early, one line per doc line. */
function jsdocLines(text: string): string[] {
  return text
    .replace(/\r\n|\r|\u2028|\u2029/g, '\n')
    .split('\n')
    .map((l) => commentSafe(l.replace(/\*\//g, '*\\/')).trimEnd());
}

/** A whole JSDoc comment at `indent`, or '' for empty text. */
export function jsdoc(text: string, indent = ''): string {
  const lines = jsdocLines(text.trim());
  if (lines.length === 1 && lines[0] === '') return '';
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} *${l ? ' ' + l : ''}`).join('\n')}\n${indent} */\n`;
}

/** A markdown table cell: `|` cannot split the cell, a line break cannot end the row. */
export function mdCell(text: string): string {
  return commentSafe(
    text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(LINE_BREAKS, ' ').replace(/\t/g, ' ').replace(/ {2,}/g, ' ').trim(),
  );
}

/**
 * Inline code in a markdown cell. A code span ends at the first run of exactly as many backticks as
 * opened it, so the fence is one longer than the longest run inside; and a span's content loses one
 * space at each end when it has one at both, so a space is added at each end where the content
 * starts or ends with a backtick (which would join the fence) or with spaces at both ends.
 */
export function mdCode(text: string): string {
  const body = commentSafe(text.replace(LINE_BREAKS, ' ').replace(/\|/g, '\\|'));
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const spacedBothEnds = body.startsWith(' ') && body.endsWith(' ') && /[^ ]/.test(body);
  const pad = body.startsWith('`') || body.endsWith('`') || spacedBothEnds ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

const PY_SIMPLE: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A Python double-quoted string literal, quotes included. */
export function pyString(text: string): string {
  return `"${text.replace(/[\\"\n\r\t]|[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu, (c) => PY_SIMPLE[c] ?? pyEscape(c))}"`;
}

/**
 * Text inside a Python `"""` docstring, on one line: no early close, no escape sequences taken
 * from the text, line breaks and NUL written as escapes.
 */
export function pyDocstring(text: string): string {
  return (
    text
      .trim()
      .replace(/\\/g, '\\\\')
      // A lone surrogate becomes U+FFFD: Python holds one in a str but cannot encode it, and Pydantic encodes docstrings.
      .replace(/[\n\r\t]|[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu, (c) => PY_SIMPLE[c] ?? (/\p{Cs}/u.test(c) ? '\ufffd' : pyEscape(c)))
      // The closing quote first: escaped after the triples, it would take the backslash of their last `\"`.
      .replace(/"$/, '\\"')
      .replace(/"""/g, '\\"\\"\\"')
  );
}

/** One-line text for a `#` or `//` comment: whitespace runs become one space, unsafe characters escapes. */
export function lineComment(text: string): string {
  return commentSafe(text.replace(LINE_BREAKS, ' ').replace(/\s+/g, ' ').trim());
}

/**
 * A key in a `specmap:begin <key>` / `specmap:end <key>` marker comment: one token on one line.
 * `%`, whitespace and unsafe characters are percent-encoded (UTF-8, as in URLs); ordinary event
 * types are unchanged, so markers written before this encoding still match.
 */
export function markerKey(key: string): string {
  return key.replace(/[%\s]|[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu, (c) => {
    if (c.length === 1 && c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff) return `%u${hex(c.charCodeAt(0), 4)}`;
    return [...Buffer.from(c, 'utf8')].map((b) => `%${hex(b, 2)}`).join('');
  });
}
