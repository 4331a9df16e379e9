/**
 * The cheap text pass in front of the parsers: a file is parsed only when
 * its text mentions something the adapters could report. One combined regular expression per
 * run, so a file costs one scan, as with grep.
 */
import { isWeakLiteral, type Candidates, typesByMethodName } from './candidates.js';

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Route declarations and client calls: `@router.post("/v1/…")`, `app.get('/…'`, `fastify.route({`,
 * Next.js `export async function POST`, `this._client.getAPIList(path\`/…\``, `self._get(f"{base}/…"`,
 * `http.post('https://…'`.
 */
const ROUTE_MARKERS = [
  String.raw`\._*(?:get|post|put|patch|delete|all|api_route|route)\w*\s*\(\s*(?:\w+\s*)?["'\x60](?:/|https?:|\$?\{[^}"'\x60]*\}/)`,
  String.raw`\.route\s*\(\s*\{`,
  String.raw`export\s+(?:async\s+)?(?:function\s+|const\s+)(?:GET|POST|PUT|PATCH|DELETE)\b`,
  String.raw`APIRouter\s*\(`,
  // A router mounted under a prefix: its routes' paths start there.
  String.raw`\.include_router\s*\(`,
  String.raw`\.use\s*\(\s*["'\x60]/`,
  // A NestJS controller: its paths may be split between `@Controller('v1')` and `@Post('responses')`.
  String.raw`@Controller\s*\(`,
  // Django's URL patterns: `path("v1/responses", views.create)`, `re_path(r"^v1/…$", …)`.
  String.raw`\b(?:re_)?path\s*\(\s*r?["']`,
];

/** `getattr(…, "on_" + event.type.replace(".", "_") …`: a call of the method named after the type. */
const NAME_DISPATCH = String.raw`\bgetattr\s*\([^\n]*\.replace\s*\(\s*["']\.["']`;

/** A literal pattern anchored to a whole string becomes one anchored to a quoted string in code. */
function quotedPattern(re: RegExp): string {
  let body = re.source;
  if (body.startsWith('^') && body.endsWith('$') && !body.endsWith('\\$')) {
    body = body.slice(1, -1);
    return `["'\\x60](?:${body})["'\\x60]`;
  }
  return body;
}

/**
 * Which kinds of facts a file's lanes take: the stream's (definitions, emitters, handlers, tests of
 * events and objects) and the API's (routes, client calls and their parameters). A file is parsed
 * for what its lanes can count: an SDK consumer's lanes of the stream alone never need its chat
 * models parsed for the request parameters they name.
 */
export interface Wanted {
  stream: boolean;
  api: boolean;
}

export const WANT_ALL: Wanted = { stream: true, api: true };

export type Prefilter = (text: string, wanted?: Wanted) => boolean;

/**
 * One alternative per string, factored into a trie (`response\.(?:created|done)` rather than
 * `response\.created|response\.done`): it matches the same strings, but the regular expression
 * engine tries each branch at most once per position instead of every string in turn, which
 * makes a scan of 20 MB of code ~2.5 times faster.
 */
export function alternation(strings: Iterable<string>): string {
  interface Node {
    end: boolean;
    next: Map<string, Node>;
  }
  const root: Node = { end: false, next: new Map() };
  for (const s of strings) {
    let n = root;
    for (const ch of s) {
      let child = n.next.get(ch);
      if (!child) {
        child = { end: false, next: new Map() };
        n.next.set(ch, child);
      }
      n = child;
    }
    n.end = true;
  }
  const emit = (n: Node): string => {
    const alts = [...n.next.keys()].sort().map((ch) => escapeRegExp(ch) + emit(n.next.get(ch)!));
    if (alts.length === 0) return '';
    const body = alts.length === 1 ? alts[0]! : `(?:${alts.join('|')})`;
    return n.end ? `(?:${body})?` : body;
  };
  return emit(root);
}

/**
 * Strings that each hold a `_` (`previous_response_id`), matched from their first `_`, with the
 * part before it looked back for (`_response_id(?<=previous_response_id)`): the same strings, but
 * the engine starts a match only at a `_`, not at every letter a name starts with, which made
 * the request parameters' names the slowest part of the scan (3 times faster alone on 20 MB).
 */
export function underscoreAlternation(strings: Iterable<string>): string {
  const byTail = new Map<string, string[]>();
  for (const s of strings) {
    const at = s.indexOf('_');
    if (at < 0) throw new Error(`underscoreAlternation: ${JSON.stringify(s)} holds no "_"`);
    const tail = s.slice(at + 1);
    byTail.set(tail, [...(byTail.get(tail) ?? []), s.slice(0, at)]);
  }
  const parts = [...byTail.keys()]
    .sort()
    .map((tail) => `${escapeRegExp(tail)}(?<=(?:${alternation(byTail.get(tail)!)})_${escapeRegExp(tail)})`);
  return `_(?:${parts.join('|')})`;
}

/** `extraNames`: class names the workspace itself ties to event types, found on an earlier pass. */
export function buildPrefilter(candidates: Candidates, extraNames: Iterable<string> = []): Prefilter {
  const parts = prefilterParts(candidates, extraNames);
  const stream = parts.stream.length > 0 ? new RegExp(parts.stream.join('|')) : undefined;
  const api = parts.api.length > 0 ? new RegExp(parts.api.join('|')) : undefined;
  const calls = parts.calls.length > 0 ? new RegExp(parts.calls.join('|')) : undefined;
  // A plain type of a dotted family (`'error'`) counts only in a file about the stream, which the
  // alternatives pick by its other mentions, or beside an envelope field: every library has an
  // `'error'` of its own, and a large TypeScript tree has hundreds of files that write one. A route
  // or call of the API's makes a file about the stream too (mapping/join.ts), so where the lanes
  // take no API facts (which would pick the file by that mention) the plain type and such a mention
  // pick it together. A request parameter's name is no such mention: it yields no route, and every
  // other chat API has a `tool_choice` or a `top_logprobs` (on vercel-ai, 35 of the 58 files
  // parsed were picked by nothing else, and none of them held a fact the mapping kept).
  const plain = candidates.needsContext.size > 0 ? new RegExp(`["'\\x60]${alternation(candidates.needsContext)}["'\\x60]`) : undefined;
  const envelope = candidates.envelope.size > 0 ? new RegExp(`\\b${alternation(candidates.envelope)}\\b`) : undefined;
  const inContext = (text: string, wanted: Wanted): boolean =>
    plain?.test(text) === true && (envelope?.test(text) === true || (!wanted.api && calls?.test(text) === true));
  return (text, wanted = WANT_ALL) =>
    (wanted.stream && stream?.test(text) === true) ||
    (wanted.api && api?.test(text) === true) ||
    (wanted.stream && inContext(text, wanted));
}

/**
 * What the prefilter looks for, one regular expression source per kind of mention, all kinds
 * together. `withContextual`: the plain types of a dotted family too, for a file already known to
 * be about the stream.
 */
export function prefilterAlternatives(candidates: Candidates, extraNames: Iterable<string> = [], withContextual = false): string[] {
  const { stream, api } = prefilterParts(candidates, extraNames, withContextual);
  return [...stream, ...api];
}

/**
 * The mentions that can yield facts of the stream's kinds, and those that can yield the API's;
 * `calls`: the API's without its parameters' names, those that can yield a route or a call.
 */
function prefilterParts(
  candidates: Candidates,
  extraNames: Iterable<string>,
  withContextual = false,
): { stream: string[]; api: string[]; calls: string[] } {
  const words = new Set<string>();
  for (const name of candidates.typeByClass.keys()) words.add(name);
  for (const name of extraNames) words.add(name);
  const apiWords = new Set<string>(candidates.requestClasses);
  // A request typed as the SDK types it may be built far from its call.
  for (const name of candidates.sdkParamsTypes.keys()) apiWords.add(name);
  // Distinctive body parameter names (snake_case, long) mark a request model; `model` or `input` would match everything.
  const paramWords = new Set<string>();
  for (const set of candidates.paramSets) for (const p of set) if (p.includes('_') && p.length >= 8 && !apiWords.has(p)) paramWords.add(p);
  // Event types stand quoted in code (`"error"` is an event type, `error` everywhere is not), or
  // closing an escaped string (`\"response.created\"` in the JSON of a test's recorded stream).
  const types = withContextual ? [...candidates.eventTypes] : [...candidates.eventTypes].filter((t) => !candidates.needsContext.has(t));
  const quoted = types.length > 0 ? [`["'\\x60]${alternation(types)}\\\\?["'\\x60]`] : [];
  const named = words.size > 0 ? [alternation(words)] : [];
  const apiNamed = apiWords.size > 0 ? [alternation(apiWords)] : [];
  const paramNamed = paramWords.size > 0 ? [underscoreAlternation(paramWords)] : [];
  // A string that holds an endpoint's path (`'/responses'`, `\`${base}/v1/responses/${id}\``,
  // `f"/conversations/{cid}"`): a client call may stand anywhere near it. The match starts at the
  // rare `/word` and runs to a quote on the same line; starting at every quote instead scanned the
  // text between strings too, ~3 times slower. Module specifiers (`'./responses/x'`) do not count.
  // A client's method named for the verb given a path relative to its base URL (`.postJson('responses/…'`).
  const paths =
    candidates.pathWords.size > 0
      ? [
          `(?<!\\.)/${alternation(candidates.pathWords)}(?![\\w-])[^"'\\x60\\n]*["'\\x60]`,
          `\\._*(?:get|post|put|patch|delete)\\w*\\s*\\(\\s*["'\\x60]${alternation(candidates.pathWords)}(?![\\w-])`,
        ]
      : [];
  // An SDK call the spec's examples make (`.responses.create(`).
  // The same through the SDK's raw-response view (`.responses.with_raw_response.create(`).
  // A resource or method held in a name first (`responses = client.responses`, `getattr(client,
  // "responses")`, `create = client.responses.create`) and called through it, and a method handed on
  // to be called (`asyncio.to_thread(client.responses.create, …)`).
  const resources = [...candidates.sdkCalls.keys()].map((c) => c.slice(0, c.lastIndexOf('.')));
  const sdk =
    candidates.sdkCalls.size > 0
      ? [
          `\\.${alternation(candidates.sdkCalls.keys())}\\s*[(,)]`,
          '\\.with_(?:raw|streaming)_response\\.',
          // The name first, the assignment looked back for after: a lookbehind at the start would be
          // tried at every position of every file (measured: the scan of vercel-ai ~12 times slower).
          `\\.${alternation([...resources, ...candidates.sdkCalls.keys()])}(?<==[ \\t]*[\\w.()]*)(?=[ \\t]*(?:[\\r\\n#]|$))`,
          `getattr\\(\\s*[\\w.()]+\\s*,\\s*["']${alternation(resources.map((r) => r.split('.')[0]!))}["']`,
        ]
      : [];
  // A stream framed by hand: an SSE `event:` line inside a string (`f"event: response.created\n…"`).
  // Undotted types (`event: error`) are every streaming API's; the adapters skip them there too.
  const framed = [...candidates.eventTypes].filter((t) => !isWeakLiteral(t));
  const sse = framed.length > 0 ? [`event:[ \\t]*${alternation(framed)}(?![\\w.-])`] : [];
  // An API object's declaration: its `object` field and, on the same line, the object's string
  // (`object: Literal["response"]`, `object: 'conversation'`, `object: z.literal('response')`).
  const objects =
    candidates.objectByValue.size > 0
      ? [`\\bobject["'\\x60]?\\??\\s*[:=][^\\n]{0,40}?["'\\x60]${alternation(candidates.objectByValue.keys())}["'\\x60]`]
      : [];
  // A dispatch by name (`getattr(self, "on_" + event.type.replace(".", "_"))`) and the methods it
  // calls (`def on_response_created(`): neither need write a type as a string.
  const methods = typesByMethodName(candidates);
  const byName = methods.size > 0 ? [`\\bdef\\s+\\w*${alternation(methods.keys())}\\s*\\(`, NAME_DISPATCH] : [];
  return {
    stream: [...quoted, ...named, ...candidates.literalPatterns.map(quotedPattern), ...sse, ...objects, ...byName],
    api: [...apiNamed, ...paramNamed, ...paths, ...sdk, ...ROUTE_MARKERS],
    calls: [...apiNamed, ...paths, ...sdk, ...ROUTE_MARKERS],
  };
}
