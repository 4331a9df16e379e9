/**
 * Large test files, parsed without their quiet tests. Most of a large test file is tests that
 * mention nothing the prefilter looks for (vercel-ai: 5 of the 6.5 MB of test files it parses),
 * and parsing and walking them is most of a cold run's analysis. A quiet test holds no fact of
 * its own, by the prefilter's rule for whole files; what it could still take from the rest of the
 * file is kept by keeping the test:
 * - it mentions a name the file declares where the prefilter hits (`const CREATED = 'response.created'`,
 *   a helper that builds events, a route's URL), or imports from a line it hits;
 * - it compares with, lists or listens for something written as a constant (`=== Events.CREATED`,
 *   `case RESPONSE_DONE:`, `[Events.X]:`): another module's constant may be an event type;
 * - a class it constructs, checks or extends (`new Foo(`) is one the workspace ties to an event
 *   type: only known once every file is read, so the result carries those names
 *   (`quietClasses`) and the workspace pass parses the file whole when one of them is.
 * Quiet tests are cut down to their line breaks, so every line and column is the file's own; a
 * text without them that does not parse cleanly is parsed whole instead.
 */
import type * as TS from 'typescript';
import type { Ts } from './compiler-api.js';
import { CONSTANT_TYPE, LISTEN_CALL } from './ts-facts.js';

export interface Section {
  start: number;
  end: number;
}

/** Smaller files are parsed whole: the scan would cost more than the parse it saves. */
export const MIN_SECTIONED_LENGTH = 16 * 1024;

/**
 * JSX makes `'` and `/` in text mean nothing to a scan of code: only TypeScript files without JSX
 * are sectioned.
 */
export function mayBeSectioned(file: string, text: string): boolean {
  return text.length >= MIN_SECTIONED_LENGTH && /\.[cm]?ts$/.test(file);
}

/** What the scan read last: after an operand (a string, number, name, `)`) a `/` divides; after an operator it starts a regular expression. */
const OPERAND = 1;
const OPERATOR = 2;

/** Keywords after which `/` starts a regular expression, as after an operator. */
const EXPRESSION_KEYWORDS = new Set([
  'return',
  'typeof',
  'instanceof',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'case',
  'do',
  'else',
  'yield',
  'await',
]);

const isIdentStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c > 127;
const isIdentPart = (c: number): boolean => isIdentStart(c) || (c >= 48 && c <= 57);

/**
 * The `it(…)`/`test(…)` statements of a file (also `it.only(…)`, `test.skip(…)`; not `.each`,
 * whose table is a call of its own), outermost only, each from its name to its `)` or `;`. One
 * pass over the characters that knows strings, templates, comments and regular expressions; []
 * when the text does not scan (an unterminated string, brackets that do not match).
 */
export function testStatements(text: string): Section[] {
  const out: Section[] = [];
  const n = text.length;
  // Open brackets: `(`, `[`, `{`, and 0 for a template's `${`.
  const stack: number[] = [];
  let state = OPERATOR;
  /** The last significant character, for where a statement may start. */
  let last = 0;
  let open: { start: number; depth: number } | undefined;
  /** A line break since the last significant character: after an operand, a new statement may start there. */
  let nl = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff) {
      if (c === 10) nl = true;
      i++;
      continue;
    }
    if (c === 47) {
      const d = text.charCodeAt(i + 1);
      if (d === 47) {
        const e = text.indexOf('\n', i);
        i = e < 0 ? n : e;
        continue;
      }
      if (d === 42) {
        const e = text.indexOf('*/', i + 2);
        if (e < 0) return [];
        if (text.lastIndexOf('\n', e) > i) nl = true;
        i = e + 2;
        continue;
      }
    }
    const newline = nl;
    nl = false;
    if (c === 47 && state !== OPERAND) {
      i = skipRegExp(text, i);
      if (i < 0) return [];
      state = OPERAND;
      last = 47;
      continue;
    }
    if (c === 39 || c === 34) {
      i = skipString(text, i, c);
      if (i < 0) return [];
      state = OPERAND;
      last = c;
      continue;
    }
    if (c === 96 || (c === 125 && stack[stack.length - 1] === 0)) {
      // A template from its start, or from the `}` that closes one of its substitutions.
      if (c === 125) stack.pop();
      const r = skipTemplate(text, i + 1);
      if (r < 0) return [];
      if (text.charCodeAt(r - 1) === 123 && text.charCodeAt(r - 2) === 36) {
        stack.push(0);
        state = OPERATOR;
      } else state = OPERAND;
      i = r;
      last = 96;
      continue;
    }
    if (isIdentStart(c)) {
      IDENT_REST.lastIndex = i + 1;
      IDENT_REST.test(text);
      const e = IDENT_REST.lastIndex;
      const word = text.slice(i, e);
      if (
        open === undefined &&
        (word === 'it' || word === 'test') &&
        (last === 0 || last === 123 || last === 125 || last === 59 || (newline && state === OPERAND)) &&
        text.charCodeAt(i - 1) !== 46
      ) {
        const paren = callParen(text, e);
        if (paren >= 0) {
          open = { start: i, depth: stack.length };
          stack.push(40);
          state = OPERATOR;
          last = 40;
          i = paren + 1;
          continue;
        }
      }
      state = EXPRESSION_KEYWORDS.has(word) ? OPERATOR : OPERAND;
      last = 97;
      i = e;
      continue;
    }
    if (c === 40 || c === 91 || c === 123) {
      stack.push(c);
      state = OPERATOR;
    } else if (c === 41 || c === 93 || c === 125) {
      const want = c === 41 ? 40 : c === 93 ? 91 : 123;
      if (stack.pop() !== want) return [];
      // After `)` or `]` a `/` divides; after `}` it more often starts a statement.
      state = c === 125 ? OPERATOR : OPERAND;
      if (open !== undefined && c === 41 && stack.length === open.depth) {
        const end = statementEnd(text, i + 1);
        if (end >= 0) out.push({ start: open.start, end });
        open = undefined;
      }
    } else if (c >= 48 && c <= 57) {
      // A number, whole: `1.5e3`, `0x1f`, `1_000n`.
      let e = i + 1;
      while (e < n && (isIdentPart(text.charCodeAt(e)) || text.charCodeAt(e) === 46)) e++;
      i = e;
      state = OPERAND;
      last = 48;
      continue;
    } else if (c === 46 && text.charCodeAt(i + 1) >= 48 && text.charCodeAt(i + 1) <= 57) {
      state = OPERAND;
    } else if ((c === 43 || c === 45) && text.charCodeAt(i + 1) === c) {
      // `x++ / 2` divides, `++/re/.x` is not written: `++`/`--` leave the state as it was.
      i += 2;
      last = c;
      continue;
    } else state = OPERATOR;
    last = c;
    i++;
  }
  return stack.length === 0 ? out : [];
}

/** After `it`/`test`: an optional `.only`/`.skip`/`.todo`/`.concurrent`/`.fails` chain, then `(`; its index or -1. */
function callParen(text: string, from: number): number {
  let i = skipSpace(text, from);
  while (text.charCodeAt(i) === 46) {
    const m = /^\.\s*(only|skip|todo|concurrent|fails|sequential)\b/.exec(text.slice(i, i + 24));
    if (!m) return -1;
    i = skipSpace(text, i + m[0].length);
  }
  return text.charCodeAt(i) === 40 ? i : -1;
}

/**
 * Where the statement a call ends ends: past its `;`, or at the call's `)` when a new statement
 * follows (a `}`, the end, or a name on a later line); -1 when the call goes on (`.timeout(5)`).
 */
function statementEnd(text: string, from: number): number {
  const i = skipSpace(text, from);
  const c = text.charCodeAt(i);
  if (c === 59) return i + 1;
  if (Number.isNaN(c) || c === 125) return from;
  if (isIdentStart(c) && text.slice(from, i).includes('\n')) return from;
  return -1;
}

function skipSpace(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      const e = text.indexOf('\n', i);
      i = e < 0 ? text.length : e;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const e = text.indexOf('*/', i + 2);
      if (e < 0) return text.length;
      i = e + 2;
    } else return i;
  }
}

// Sticky expressions: the engine's compiled loop steps over a string's characters faster than
// a loop of `charCodeAt` in a function that has not been optimised yet.
const SINGLE = /'(?:[^'\\\n]|\\[\s\S])*'/y;
const DOUBLE = /"(?:[^"\\\n]|\\[\s\S])*"/y;
const IDENT_REST = /[\w$\u0080-\uffff]*/y;
const TEMPLATE_PART = /(?:[^`\\$]|\\[\s\S]|\$(?!\{))*(?:`|\$\{)/y;

function skipString(text: string, i: number, quote: number): number {
  const re = quote === 39 ? SINGLE : DOUBLE;
  re.lastIndex = i;
  return re.test(text) ? re.lastIndex : -1;
}

/** From inside a template: past its closing backtick, or past the `${` of its next substitution. */
function skipTemplate(text: string, i: number): number {
  TEMPLATE_PART.lastIndex = i;
  return TEMPLATE_PART.test(text) ? TEMPLATE_PART.lastIndex : -1;
}

/** A regular expression literal from its `/`: past its flags; -1 when the line ends first. */
function skipRegExp(text: string, i: number): number {
  let inClass = false;
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 92) j++;
    else if (c === 10) return -1;
    else if (c === 91) inClass = true;
    else if (c === 93) inClass = false;
    else if (c === 47 && !inClass) {
      let e = j + 1;
      while (e < text.length && isIdentPart(text.charCodeAt(e))) e++;
      return e;
    }
  }
  return -1;
}

/**
 * The text with each section cut down to its line breaks, then the spaces that keep what follows
 * on its last line at its column: every line and column stays the file's (offsets do not, and no
 * fact carries one). Spaces for every character made the compiler's scanner step over megabytes
 * of them, a parse no faster than of the whole file.
 */
export function blankSections(text: string, sections: readonly Section[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const s of sections) {
    parts.push(text.slice(at, s.start), filler(text, s));
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

const BREAKS = /\r\n?|[\n\u2028\u2029]/g;

/** What stands for a section: its line breaks, then as many spaces as its last line has characters. */
function filler(text: string, s: Section): string {
  let out = '';
  let lineStart = -1;
  BREAKS.lastIndex = s.start;
  for (let m = BREAKS.exec(text); m !== null && m.index < s.end; m = BREAKS.exec(text)) {
    out += m[0];
    lineStart = m.index + m[0].length;
  }
  return out + ' '.repeat(lineStart < 0 ? s.end - s.start : s.end - lineStart);
}

/**
 * A comparison, `case`, computed key, membership check or listener with something written as a
 * constant (`=== Events.CREATED`, `case RESPONSE_DONE:`): the adapters resolve such names across
 * modules, so a test holding one is kept. Also a `type` given by a constant (`type: EventType.X`).
 */
const CONSTANT_USE = new RegExp(
  [
    String.raw`(?:[=!]==?|\bcase)\s*\(?\s*(?:[\w$]+\.)*(?:[A-Z][\w$]*\.[\w$]|[A-Z][A-Z0-9]*_[A-Z0-9_])`,
    String.raw`(?:\b[A-Z][\w$]*\.[\w$]+|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+)\s*[=!]==?`,
    String.raw`\[\s*[\w$.]+\s*\]\s*:`,
    String.raw`\b[A-Z][A-Z0-9]*_[A-Z0-9_]*\.(?:has|includes)\s*\(`,
    // The listeners and the constant-typed declarations the adapter reads (ts-facts.ts).
    String.raw`\.${LISTEN_CALL.source.slice(1, -1)}\s*\(\s*(?:[\w$]+\.)*[A-Z]`,
    CONSTANT_TYPE.source,
  ].join('|'),
);

const CLASS_USE = /\b(?:new|instanceof|extends)\s+([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)/g;

export interface SectionedParse {
  source: TS.SourceFile;
  /** The classes the blanked tests construct, check or extend, as written and by their last name. */
  quietClasses: string[];
}

/**
 * The file parsed without its quiet tests, or undefined when it should be parsed whole (no quiet
 * test, or a blanked text that does not parse cleanly). `mentions` is the prefilter's expression
 * with the global flag, also matching an event type in an escaped string (`\"response.created\"`).
 */
export function parseSectioned(ts: Ts, text: string, mentions: RegExp, parse: (text: string) => TS.SourceFile): SectionedParse | undefined {
  const tests = testStatements(text);
  const quiet = tests.filter((s) => {
    const body = text.slice(s.start, s.end);
    mentions.lastIndex = 0;
    return !mentions.test(body) && !CONSTANT_USE.test(body);
  });
  if (quiet.length === 0) return undefined;
  let source = parse(blankSections(text, quiet));
  if (hasParseErrors(source)) return undefined;
  // A quiet test that names what the rest of the file declares where the prefilter hits is kept
  // after all: parsed again with it (the names are read from this parse, as few files need that).
  const hot = hotNames(ts, source, hitOffsets(source.text, mentions), keptStarts(text, tests, quiet));
  const word = hot.size > 0 ? new RegExp(`(?<![\\w$])(?:${[...hot].map(escapeDollars).join('|')})(?![\\w$])`) : undefined;
  const blank = word ? quiet.filter((s) => !word.test(text.slice(s.start, s.end))) : quiet;
  if (blank.length === 0) return undefined;
  if (blank.length < quiet.length) {
    source = parse(blankSections(text, blank));
    if (hasParseErrors(source)) return undefined;
  }
  const classes = new Set<string>();
  for (const s of blank)
    for (const m of text.slice(s.start, s.end).matchAll(CLASS_USE)) {
      const written = m[1]!.replace(/\s+/g, '');
      classes.add(written);
      classes.add(written.slice(written.lastIndexOf('.') + 1));
    }
  return { source, quietClasses: [...classes].sort() };
}

/** Where each test not cut out starts in the text with the quiet ones cut (`quiet` is a subsequence of `tests`). */
function keptStarts(text: string, tests: readonly Section[], quiet: readonly Section[]): Set<number> {
  const out = new Set<number>();
  let cut = 0;
  let q = 0;
  for (const t of tests) {
    if (quiet[q] === t) {
      cut += t.end - t.start - filler(text, t).length;
      q++;
    } else out.add(t.start - cut);
  }
  return out;
}

const escapeDollars = (s: string): string => s.replace(/[$]/g, '\\$');

function hasParseErrors(sf: TS.SourceFile): boolean {
  return ((sf as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics?.length ?? 0) > 0;
}

function hitOffsets(text: string, mentions: RegExp): number[] {
  const out: number[] = [];
  mentions.lastIndex = 0;
  for (let m = mentions.exec(text); m !== null; m = mentions.exec(text)) {
    out.push(m.index);
    if (m[0].length === 0) mentions.lastIndex++;
  }
  return out;
}

/**
 * The names declared where the prefilter hits: variables, functions, classes, enums, and the
 * names an import brings in from a line it hits; not inside a test (`tests`: where each starts in
 * the file), whose names no other test sees. Only nodes holding a hit are entered.
 */
function hotNames(ts: Ts, sf: TS.SourceFile, hits: readonly number[], tests: ReadonlySet<number>): Set<string> {
  const out = new Set<string>();
  if (hits.length === 0) return out;
  const holds = (node: TS.Node): boolean => {
    // The first hit at or after the node's start, then whether it is before its end.
    let lo = 0;
    let hi = hits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (hits[mid]! < node.pos) lo = mid + 1;
      else hi = mid;
    }
    return lo < hits.length && hits[lo]! < node.end;
  };
  const names = (n: TS.Node): void => {
    if (ts.isIdentifier(n)) out.add(n.text);
    else ts.forEachChild(n, names);
  };
  const visit = (node: TS.Node): void => {
    if (!holds(node)) return;
    const K = ts.SyntaxKind;
    switch (node.kind) {
      case K.ExpressionStatement:
        if (tests.has(node.getStart(sf))) return;
        break;
      case K.VariableDeclaration:
        names((node as TS.VariableDeclaration).name);
        break;
      case K.FunctionDeclaration:
      case K.ClassDeclaration:
      case K.EnumDeclaration:
      case K.InterfaceDeclaration:
      case K.TypeAliasDeclaration: {
        const name = (node as TS.DeclarationStatement).name;
        if (name && ts.isIdentifier(name)) out.add(name.text);
        break;
      }
      case K.ImportDeclaration: {
        const clause = (node as TS.ImportDeclaration).importClause;
        if (clause) names(clause);
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sf, visit);
  return out;
}
