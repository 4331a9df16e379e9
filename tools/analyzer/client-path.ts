/** What the TypeScript and Python adapters share to read a client call's path. */
import type { SdkEndpoint } from './candidates.js';
import type { FactInput } from './fact-sink.js';

/**
 * The path of a URL or path as a call writes it, once its substitutions are `{name}`: a full URL
 * gives its path, a query string or fragment is not part of it; undefined when it is not a path.
 */
export function pathOfUrl(text: string): string | undefined {
  const url = /^https?:\/\/[^/?#]+(\/[^?#]*)?/.exec(text);
  const path = (url ? (url[1] ?? '/') : text).replace(/[?#].*$/, '');
  return path.startsWith('/') ? path : undefined;
}

/** Where a request of `method` sends what it is given: the body for POST, PUT and PATCH, else the query. */
export function sentIn(method: string): 'body' | 'query' {
  return /^(?:POST|PUT|PATCH)$/i.test(method) ? 'body' : 'query';
}

/** The option or keyword a client call sends parameters under, and where they go. */
export const SENT_UNDER: ReadonlyMap<string, 'body' | 'query'> = new Map([
  ['body', 'body'],
  ['json', 'body'],
  ['data', 'body'],
  ['query', 'query'],
  ['params', 'query'],
]);

/**
 * Where a Python client's keyword sends what it is given: SENT_UNDER's, or one named for the body or
 * the query a wrapper of the project takes (`json_body=`, `request_body=`, `query_params=`).
 */
export function sentUnderKeyword(name: string): 'body' | 'query' | undefined {
  const known = SENT_UNDER.get(name);
  if (known) return known;
  if (/^(?:json|body)_[a-z]+$|^[a-z]+_(?:json|body)$/.test(name)) return 'body';
  if (/^(?:query|params)_[a-z]+$|^[a-z]+_(?:query|params)$/.test(name)) return 'query';
  return undefined;
}

/** The SDKs' views of a collection whose calls answer with the raw or streamed HTTP response. */
const RESPONSE_WRAPPERS = new Set(['with_raw_response', 'with_streaming_response', 'withRawResponse', 'withStreamingResponse']);

/**
 * The endpoint an SDK call stands for: the call's member chain as written (`this.openai.responses.create`)
 * ends with a call the spec's examples make (`responses.create`).
 */
export function sdkEndpoint(
  written: readonly string[],
  sdkCalls: ReadonlyMap<string, SdkEndpoint>,
): ({ call: string } & SdkEndpoint) | undefined {
  // `responses.with_raw_response.create`: the same call, answered with the raw HTTP response.
  const chain = written.some((s) => RESPONSE_WRAPPERS.has(s)) ? written.filter((s) => !RESPONSE_WRAPPERS.has(s)) : written;
  for (let k = Math.min(chain.length, 5); k >= 2; k--) {
    const call = chain.slice(chain.length - k).join('.');
    const endpoint = sdkCalls.get(call);
    if (endpoint) return { call, ...endpoint };
  }
  return undefined;
}

/**
 * Another API's call of the same name sends other things: Slack's `conversations.create({ name })`
 * is no call of `POST /v1/conversations`. A call that names what it sends must name one of the
 * endpoint's parameters; a call that names nothing (`responses.retrieve(id)`) is taken as it reads.
 */
export function sendsForeignKeys(sent: readonly { name: string }[], endpoint: SdkEndpoint): boolean {
  return sent.length > 0 && !sent.some((k) => endpoint.params.includes(k.name));
}

/** What a call sends as the endpoint's parameters: all it names, but a helper's own arguments. */
export function sentParams<T extends { name: string }>(sent: T[], endpoint: SdkEndpoint): T[] {
  return endpoint.helper ? sent.filter((k) => endpoint.params.includes(k.name)) : sent;
}

/** A request's type as an SDK names it, with the endpoint and the call it is made for. */
export type ParamsType = { call: string } & SdkEndpoint;

/**
 * The types the official SDKs give each call's request (`responses.create` → `ResponseCreateParams`,
 * `conversations.items.list` → `ItemListParams`, `responses.input_tokens.count` →
 * `InputTokenCountParams`): the last collection in the singular, then the method. The OpenAI SDKs,
 * and others made by the same generator, name them so in TypeScript and Python alike, so an object
 * typed with one is that endpoint's request wherever it is built. A name two endpoints would share
 * stands for neither.
 */
export function sdkParamsTypes(sdkCalls: ReadonlyMap<string, SdkEndpoint>): ReadonlyMap<string, ParamsType> {
  const out = new Map<string, ParamsType | null>();
  for (const [call, endpoint] of sdkCalls) {
    const parts = call.split('.');
    if (parts.length < 2) continue;
    const name = `${pascal(singular(parts.at(-2)!))}${pascal(parts.at(-1)!)}Params`;
    const had = out.get(name);
    if (had === undefined) out.set(name, { call, ...endpoint });
    else if (had !== null && (had.method !== endpoint.method || had.path !== endpoint.path)) out.set(name, null);
  }
  return new Map([...out].filter((e): e is [string, ParamsType] => e[1] !== null));
}

/** The request type a written type name is, past the variants the SDKs declare (`ResponseCreateParamsStreaming`). */
export function paramsTypeOf(name: string, types: ReadonlyMap<string, ParamsType>): ParamsType | undefined {
  return types.get(name) ?? types.get(name.replace(/Params(?:Streaming|NonStreaming|Base)$/, 'Params'));
}

const singular = (word: string): string =>
  word.endsWith('ies')
    ? `${word.slice(0, -3)}y`
    : /(?:ch|sh|ss|x)es$/.test(word)
      ? word.slice(0, -2)
      : word.endsWith('s') && !word.endsWith('ss')
        ? word.slice(0, -1)
        : word;

/** `input_tokens`, `inputTokens` → `InputTokens`. */
const pascal = (word: string): string =>
  word
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

/**
 * The collections whose SDK call creates something (`responses.create` → `responses`,
 * `conversations.items.create` → `items`), each with the endpoint that call stands for: the nouns
 * a request builder is named for (`requestBuilderEndpoint`). A noun two endpoints share names neither.
 */
export function builderNouns(sdkCalls: ReadonlyMap<string, SdkEndpoint>): ReadonlyMap<string, ParamsType> {
  const out = new Map<string, ParamsType | null>();
  for (const [call, endpoint] of sdkCalls) {
    const parts = call.split('.');
    if (parts.length < 2 || parts.at(-1) !== 'create' || endpoint.helper) continue;
    const noun = parts.at(-2)!.toLowerCase();
    const had = out.get(noun);
    if (had === undefined) out.set(noun, { call, ...endpoint });
    else if (had !== null && (had.method !== endpoint.method || had.path !== endpoint.path)) out.set(noun, null);
  }
  return new Map([...out].filter((e): e is [string, ParamsType] => e[1] !== null));
}

/** Words a builder's name starts with: what it does to make the request. */
const BUILDER_VERBS = new Set([
  'build',
  'create',
  'make',
  'prepare',
  'construct',
  'compose',
  'assemble',
  'get',
  'to',
  'format',
  'convert',
  'gen',
  'generate',
]);
/** Words that say the thing built is a request: one must stand after the noun. */
const REQUEST_WORDS = new Set(['request', 'body', 'payload', 'params', 'parameters', 'kwargs', 'args', 'arguments']);
/** Of those, the ones that never name what an API answers. */
const ASKING_WORDS = new Set(['request', 'params', 'parameters', 'kwargs', 'args', 'arguments']);
const REQUEST_WORD = /request|body|payload|param|kwargs|args|arguments/i;
/** Words that may stand beside them and change nothing (`responses_api_request_data`, `responses_create_params`). */
const FILLER_WORDS = new Set(['api', 'data', 'create', 'parse', 'stream', 'streaming', 'call', 'json', 'http', 'raw', 'sdk', 'openai']);

/**
 * The endpoint a function's name says it builds the request of (`build_responses_request`,
 * `createResponsesRequestBody`, `_responses_create_kwargs`, `build_response_params`): an optional
 * verb, the noun of a collection whose SDK call creates (`responses`; the singular beside `create`
 * or before a word that only ever names a request), then words that say "request" and no others.
 * `build_responses_input` builds a part of a request, `responses_request_id` an identifier,
 * `get_response_body` as often an answer: none is one. Code that builds a request in one module and
 * sends it from another (a base class's template method, a fetch helper typed with a body type
 * several APIs share) leaves no flow to follow; the name is what says whose request it is, and
 * `namedBuilderFact` asks too that what it returns holds several of the endpoint's parameters.
 */
export function requestBuilderEndpoint(
  name: string,
  nouns: ReadonlyMap<string, ParamsType>,
  /** The class a method is of: `translateRequest` of `ResponsesApiAdapter` is named for the request through it. */
  owner?: string,
): ParamsType | undefined {
  if (nouns.size === 0 || !REQUEST_WORD.test(name)) return undefined;
  const words = wordsOf(name);
  if (owner !== undefined) {
    const own = ownerRequestEndpoint(words, wordsOf(owner), nouns);
    if (own) return own;
  }
  // `create` first is the verb and the SDK call's at once (`create_response_request`).
  let createBefore = words[0] === 'create';
  let i = BUILDER_VERBS.has(words[0] ?? '') && words.length > 2 ? 1 : 0;
  if (words[i] === 'create') {
    createBefore = true;
    i++;
  }
  const word = words[i];
  if (word === undefined) return undefined;
  const rest = words.slice(i + 1);
  if (!rest.every((w) => REQUEST_WORDS.has(w) || FILLER_WORDS.has(w))) return undefined;
  const plural = nouns.get(word);
  if (plural) return rest.some((w) => REQUEST_WORDS.has(w)) ? plural : undefined;
  // The singular: beside `create`, or before a word no answer is called (`response_params`; a
  // `response_body` or `response_payload` is as often what came back).
  const singular = nouns.get(`${word}s`);
  const asked = createBefore || rest[0] === 'create' ? REQUEST_WORDS : ASKING_WORDS;
  return singular && rest.some((w) => asked.has(w)) ? singular : undefined;
}

/** `buildResponsesRequest`, `build_responses_request` → `build`, `responses`, `request`. */
function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .split(/_+/)
    .filter(Boolean);
}

/** Verbs a method that turns one request into another is named with, beside the builders'. */
const TRANSLATING_VERBS = new Set(['translate', 'transform', 'adapt', 'map', 'serialize', 'encode']);

/**
 * A method named for a request and nothing else (`translateRequest`, `buildPayload`,
 * `toRequestBody`) of a class named for one collection (`ResponsesApiAdapter`,
 * `OpenAIResponsesClient`): the plural only, since `Response` names as many answers as requests.
 */
function ownerRequestEndpoint(words: string[], ownerWords: string[], nouns: ReadonlyMap<string, ParamsType>): ParamsType | undefined {
  const verb = words[0] !== undefined && (BUILDER_VERBS.has(words[0]) || TRANSLATING_VERBS.has(words[0])) ? 1 : 0;
  const rest = words.slice(verb);
  if (rest.length === 0 || !rest.every((w) => REQUEST_WORDS.has(w) || FILLER_WORDS.has(w)) || !rest.some((w) => REQUEST_WORDS.has(w)))
    return undefined;
  const named = [...new Set(ownerWords.filter((w) => nouns.has(w)))];
  return named.length === 1 ? nouns.get(named[0]!) : undefined;
}

/** How many of the endpoint's parameters a builder named for its request must return to be taken as it. */
const MIN_BUILDER_PARAMS = 3;

/**
 * The parameter names of the endpoints whose SDK call sends a body (`responses.create`'s `model`,
 * `input`, …): the keys a function that builds a request writes. A list's `limit` and `order` are
 * every paginated helper's.
 */
export function sentBodyKeys(sdkCalls: ReadonlyMap<string, SdkEndpoint>): Set<string> {
  const out = new Set<string>();
  for (const e of sdkCalls.values()) if (sentIn(e.method) === 'body') for (const p of e.params) out.add(p);
  return out;
}

/**
 * Whether the keys a function returns (or its text writes) say it builds a request: two of them, or
 * one that only a request has (`reasoning`, `max_output_tokens`: a long name or one with `_`; a
 * lone `model` or `input` is any object's). Only what a call's flow reaches is ever read of it: the
 * test keeps the module's list short, not the mapping right.
 */
export function buildsRequest(keys: Iterable<string>): boolean {
  let first: string | undefined;
  for (const k of keys) {
    if (k.includes('_') || k.length >= 8) return true;
    if (first === undefined) first = k;
    else if (k !== first) return true;
  }
  return false;
}

/** The first group of each match of `pattern` (global) in `text`, lazily. */
export function* matchedNames(text: string, pattern: RegExp): Generator<string> {
  for (const m of text.matchAll(pattern)) yield m[1]!;
}

/** What a key a request is built with carries besides its name and line: the function it is written in, the strings it is given. */
export function keyDetails(k: { symbol?: string; sent?: string[] }): { symbol?: string; sent?: string[] } {
  return { ...(k.symbol !== undefined ? { symbol: k.symbol } : {}), ...(k.sent ? { sent: k.sent } : {}) };
}

/** A key a function returns or writes, as module facts keep it (`returned`): its name, line and the strings it is given. */
export const keyEntry = (k: { name: string; line: number; sent?: string[] }): [string, number, string[]?] =>
  k.sent ? [k.name, k.line, k.sent] : [k.name, k.line];

/** Each key `accept` takes, once, at the first line it is written. */
export function firstWrites<K extends { name: string; line: number }>(keys: Iterable<K>, accept: (name: string) => boolean): K[] {
  const first = new Map<string, K>();
  for (const k of keys) {
    const had = first.get(k.name);
    if (accept(k.name) && (!had || k.line < had.line)) first.set(k.name, k);
  }
  return [...first.values()].sort((a, b) => a.line - b.line);
}

/**
 * The fact of a builder named for `endpoint`'s request (`requestBuilderEndpoint`), from the keys what
 * it returns holds: the endpoint's parameters among them, each at its first line, when there are
 * enough of them; the endpoint itself is not located there.
 */
export function namedBuilderFact(
  name: string,
  endpoint: ParamsType,
  keys: Iterable<{ name: string; line: number; symbol?: string; sent?: string[] }>,
  at: { line: number; column: number },
): FactInput | undefined {
  const where = sentIn(endpoint.method);
  const params = firstWrites(keys, (key) => endpoint.params.includes(key)).map((k) => ({
    name: k.name,
    in: where,
    line: k.line,
    ...keyDetails(k),
  }));
  if (params.length < MIN_BUILDER_PARAMS) return undefined;
  const { method, path, call } = endpoint;
  return {
    kind: 'route',
    symbol: name,
    method,
    path,
    evidence: `builder named for ${call}()`,
    paramsOnly: true,
    namedBuilder: true,
    params,
    ...at,
  };
}
