/**
 * The cheap text pass in front of the parsers: a file is parsed only when
 * its text mentions something the adapters could report. One combined regular expression per
 * run, so a file costs one scan, as with grep.
 */
import type { Candidates } from './candidates.js';

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Route declarations: `@router.post("/v1/…")`, `app.get('/…'`, `fastify.route({`, Next.js `export async function POST`. */
const ROUTE_MARKERS = [
  String.raw`\.(?:get|post|put|patch|delete|all|api_route|route)\s*\(\s*[rbuRBU]?["'\x60]/`,
  String.raw`\.route\s*\(\s*\{`,
  String.raw`export\s+(?:async\s+)?(?:function\s+|const\s+)(?:GET|POST|PUT|PATCH|DELETE)\b`,
  String.raw`APIRouter\s*\(`,
];

/** A literal pattern anchored to a whole string becomes one anchored to a quoted string in code. */
function quotedPattern(re: RegExp): string {
  let body = re.source;
  if (body.startsWith('^') && body.endsWith('$') && !body.endsWith('\\$')) {
    body = body.slice(1, -1);
    return `["'\\x60](?:${body})["'\\x60]`;
  }
  return body;
}

export type Prefilter = (text: string) => boolean;

/** `extraNames`: class names the workspace itself ties to event types, found on an earlier pass. */
export function buildPrefilter(candidates: Candidates, extraNames: Iterable<string> = []): Prefilter {
  const words = new Set<string>();
  for (const name of candidates.typeByClass.keys()) words.add(name);
  for (const name of candidates.requestClasses) words.add(name);
  for (const name of extraNames) words.add(name);
  // Distinctive body parameter names (snake_case, long) mark a request model; `model` or `input` would match everything.
  for (const set of candidates.paramSets) for (const p of set) if (p.includes('_') && p.length >= 8) words.add(p);
  // Event types stand quoted in code (`"error"` is an event type, `error` everywhere is not).
  const quoted = [...candidates.eventTypes].sort().map((t) => `["'\\x60]${escapeRegExp(t)}["'\\x60]`);
  const alternatives = [...quoted, ...[...words].sort().map(escape), ...candidates.literalPatterns.map(quotedPattern), ...ROUTE_MARKERS];
  if (alternatives.length === 0) return () => false;
  const re = new RegExp(alternatives.join('|'));
  return (text) => re.test(text);
}

/** Next.js app-router route files are routes by their path, whatever their text mentions. */
export function isRouteFile(file: string): boolean {
  return /(^|\/)app\/(.*\/)?route\.[cm]?[jt]sx?$/.test(file);
}
