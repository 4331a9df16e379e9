/**
 * The route a plain server's regular expression matches: `^\/v1\/responses\/([^/]+)$` is
 * `/v1/responses/{param1}`. Only a pattern anchored at the start, made of literal segments and
 * segments matched whole by one piece (`[^/]+`, `[\w-]+`, `\w+`, `.+`, a group of one of them,
 * named or not) reads as a route; anything else (alternatives, optional parts, a piece inside a
 * segment) is left alone rather than guessed. Shared by the TypeScript and Python adapters.
 */

const PARAM = '\u0000';

export function pathOfPattern(source: string): string | undefined {
  if (!source.startsWith('^')) return undefined;
  let body = source.slice(1);
  if (body.endsWith('$') && !body.endsWith('\\$')) body = body.slice(0, -1);
  // A trailing slash the pattern allows (`\/?$`) is the same route.
  body = body.replace(/\\?\/\?$/, '');
  const pieces = piecesOf(body);
  if (pieces?.[0] !== '') return undefined;
  let n = 0;
  const segments: string[] = [];
  for (const segment of pieces) {
    if (!segment.includes(PARAM)) {
      segments.push(segment);
      continue;
    }
    // A parameter is a segment of its own: `resp_([^/]+)` may be anything.
    const name = /^\u0000([A-Za-z_]\w*)?$/.exec(segment);
    if (!name) return undefined;
    n++;
    segments.push(`{${name[1] ?? `param${n}`}}`);
  }
  const path = segments.join('/');
  return path.length > 1 ? path : undefined;
}

/** The pattern's segments, a parameter written as PARAM followed by its group's name; undefined when it is no route. */
function piecesOf(pattern: string): string[] | undefined {
  const segments: string[] = [];
  let current = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    const next = pattern[i + 1];
    if (c === '/' || (c === '\\' && next === '/')) {
      segments.push(current);
      current = '';
      i += c === '/' ? 1 : 2;
      continue;
    }
    const piece = pieceAt(pattern, i);
    if (piece) {
      current += PARAM + (piece.name ?? '');
      i = piece.end;
      continue;
    }
    if (c === '\\' && next !== undefined && /[.\-_~]/.test(next)) {
      current += next;
      i += 2;
      continue;
    }
    if (!/[A-Za-z0-9_\-~]/.test(c)) return undefined;
    current += c;
    i++;
  }
  segments.push(current);
  return segments;
}

/** A piece that matches one whole segment, at `i`: a class, `\w`, `\d` or `.` repeated, or a group holding one. */
function pieceAt(pattern: string, i: number): { end: number; name?: string } | undefined {
  const c = pattern[i];
  let end: number;
  if (c === '(') {
    const close = groupEnd(pattern, i);
    if (close === undefined) return undefined;
    const inner = pattern.slice(i + 1, close);
    // `(?<id>…)`, Python's `(?P<id>…)`; a bare group; `(?:…)`.
    const named = /^\?P?<([A-Za-z_]\w*)>/.exec(inner);
    const content = named ? inner.slice(named[0].length) : inner.startsWith('?:') ? inner.slice(2) : inner;
    if (content.startsWith('?')) return undefined;
    const one = pieceAt(content, 0);
    if (!one || one.end !== content.length) return undefined;
    return { end: close + 1, ...(named ? { name: named[1]! } : {}) };
  }
  if (c === '[') {
    const close = classEnd(pattern, i);
    if (close === undefined) return undefined;
    end = close + 1;
  } else if (c === '\\' && (pattern[i + 1] === 'w' || pattern[i + 1] === 'd')) end = i + 2;
  else if (c === '.') end = i + 1;
  else return undefined;
  return pattern[end] === '+' || pattern[end] === '*' ? { end: end + 1 } : undefined;
}

function classEnd(pattern: string, open: number): number | undefined {
  for (let i = open + 1; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === ']') return i;
  }
  return undefined;
}

function groupEnd(pattern: string, open: number): number | undefined {
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '[') {
      const close = classEnd(pattern, i);
      if (close === undefined) return undefined;
      i = close;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return undefined;
}
