/**
 * What the analyzer looks for, derived once from the canonical model and the config: event type
 * strings, the class names SDKs and specs use for them, literal patterns for unknown event types,
 * and the request parameters that tell a request model from any other class. Adapters receive
 * this and stay free of the model's shape.
 */
import { createHash } from 'node:crypto';
import type { Model } from '../model/schema.js';
import type { AnalyzerWarning } from './facts.js';
import { SDK_HELPERS, SDK_PACKAGES } from '../sources/class-names.js';
import { getOwn } from '../model/own.js';
import { builderNouns, type ParamsType, sdkParamsTypes } from './client-path.js';
import { streamEnvelope } from '../model/event-families.js';

export interface Candidates {
  /** Every event `type` the model knows (`response.created`, `raw_response_event`). */
  eventTypes: ReadonlySet<string>;
  /** Class/schema name → the event types it defines (`ResponseTextDeltaEvent` → `response.output_text.delta`). */
  typeByClass: ReadonlyMap<string, readonly string[]>;
  /** Request-model class names the model gives for endpoints (`ResponseCreateParams`). */
  requestClasses: ReadonlySet<string>;
  /** Body, query and path parameter names per endpoint, to recognise a request model by its fields. */
  paramSets: readonly ReadonlySet<string>[];
  /** Config `unknownLiterals`: strings shaped like event types. */
  literalPatterns: readonly RegExp[];
  /**
   * Event types a catalog defines (an SDK's own events: `message_output_created`), which code tells
   * apart by a `name` as well as by a `type` (`RunItemStreamEvent(name="tool_called")`).
   */
  nameKeyed: ReadonlySet<string>;
  /** Packages the model's class names come from (`openai`): only names resolved to them tie by class name. */
  sdkPackages: ReadonlySet<string>;
  /**
   * The first fixed segment of each endpoint's path after its version (`/v1/responses/{id}` →
   * `responses`): a client's call to an endpoint writes it in a string somewhere in the file.
   */
  pathWords: ReadonlySet<string>;
  /** SDK calls the spec's examples make (`responses.create`) → the endpoint they call and its parameter names. */
  sdkCalls: ReadonlyMap<string, SdkEndpoint>;
  /** The SDKs' names of those calls' request types (`ResponseCreateParams`) → the endpoint (client-path.ts `sdkParamsTypes`). */
  sdkParamsTypes: ReadonlyMap<string, ParamsType>;
  /** The nouns a function that builds a request is named for (`responses` of `responses.create`) → the endpoint (client-path.ts `builderNouns`). */
  builderNouns: ReadonlyMap<string, ParamsType>;
  /**
   * The value of an object's `object` field → the object's name (`response` → `response`): how a
   * declaration says which API object it is. Only values one object has (two lists both say `list`).
   */
  objectByValue: ReadonlyMap<string, string>;
  /**
   * Plain types among dotted ones (`error` among `response.*`), which count only in a file about the
   * stream or beside an `envelope` field (mapping/join.ts): alone, they make no file worth parsing.
   */
  needsContext: ReadonlySet<string>;
  /** The dotted family's envelope fields (`sequence_number`). */
  envelope: ReadonlySet<string>;
  /** Hash of everything above: part of every cache key. */
  hash: string;
}

/** The endpoint an SDK call stands for. */
export interface SdkEndpoint {
  method: string;
  path: string;
  /** Its parameters' names, to tell its call from another API's call of the same name. */
  params: readonly string[];
  /**
   * A helper of the call the examples make (`responses.parse` of `responses.create`): it takes
   * arguments of its own (Python's `text_format`), so only what the endpoint declares counts as sent.
   */
  helper?: true;
}

export interface CandidateInput {
  model: Pick<Model, 'events' | 'endpoints' | 'params'> & Partial<Pick<Model, 'sources' | 'objects'>>;
  unknownLiteralPatterns: readonly string[];
  /** Default: the bundled profile's SDK packages. */
  sdkPackages?: readonly string[];
}

export function buildCandidates(input: CandidateInput, warnings: AnalyzerWarning[] = []): Candidates {
  const eventTypes = new Set(input.model.events.map((e) => e.type));
  const typeByClass = new Map<string, string[]>();
  for (const event of input.model.events) {
    for (const name of event.classNames) {
      const list = typeByClass.get(name) ?? [];
      if (!list.includes(event.type)) list.push(event.type);
      typeByClass.set(name, list);
    }
  }
  const requestClasses = new Set(input.model.endpoints.flatMap((e) => e.classNames));
  const byEndpoint = new Map<string, Set<string>>();
  // Query parameters too: a list's `{ after, limit, order }` is a request model as much as a body
  // is. Path parameters too: an SDK's params type declares the ones its call fills the path with
  // (`conversation_id: Required[str]` beside `include`).
  for (const param of input.model.params) {
    if (param.in !== 'body' && param.in !== 'query' && param.in !== 'path') continue;
    const set = byEndpoint.get(param.endpoint) ?? new Set<string>();
    set.add(param.field.name);
    byEndpoint.set(param.endpoint, set);
  }
  const literalPatterns: RegExp[] = [];
  for (const source of input.unknownLiteralPatterns) {
    try {
      literalPatterns.push(new RegExp(source));
    } catch (error) {
      warnings.push({
        file: 'specmap.config.json',
        line: 1,
        column: 1,
        message: `Found unknownLiterals pattern ${JSON.stringify(source)} that does not compile (${(error as Error).message}), expected a JavaScript regular expression`,
      });
    }
  }
  const catalogs = new Set((input.model.sources ?? []).filter((s) => s.kind === 'catalog').map((s) => s.id));
  const nameKeyed = new Set(
    input.model.events.filter((e) => e.sources.length > 0 && e.sources.every((id) => catalogs.has(id))).map((e) => e.type),
  );
  const pathWords = new Set<string>();
  for (const e of input.model.endpoints) {
    const word = e.path.split('/').find((seg) => seg !== '' && !/^v\d+$/.test(seg) && !seg.startsWith('{'));
    if (word) pathWords.add(word);
  }
  const namesOf = new Map<string, Set<string>>();
  for (const p of input.model.params) (namesOf.get(p.endpoint) ?? namesOf.set(p.endpoint, new Set()).get(p.endpoint)!).add(p.field.name);
  const sdkCalls = new Map<string, SdkEndpoint>();
  for (const e of input.model.endpoints)
    for (const call of e.sdkCalls ?? [])
      if (!sdkCalls.has(call)) sdkCalls.set(call, { method: e.method, path: e.path, params: [...(namesOf.get(e.id) ?? [])].sort() });
  // The SDK's helpers for a call send its request; a call an example makes itself keeps its own endpoint.
  for (const [call, endpoint] of [...sdkCalls])
    for (const helper of getOwn(SDK_HELPERS, call) ?? []) if (!sdkCalls.has(helper)) sdkCalls.set(helper, { ...endpoint, helper: true });
  const objectByValue = objectValues(input.model.objects ?? []);
  const { needsContext, envelope } = streamEnvelope(input.model.events);
  const hash = createHash('sha256')
    .update(
      JSON.stringify([
        [...nameKeyed].sort(),
        [...eventTypes].sort(),
        [...typeByClass].sort(),
        [...requestClasses].sort(),
        [...byEndpoint].map(([k, v]) => [k, [...v].sort()]).sort(),
        input.unknownLiteralPatterns,
        [...pathWords].sort(),
        [...sdkCalls].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        [...objectByValue].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        [...needsContext].sort(),
        [...envelope].sort(),
      ]),
    )
    .digest('hex')
    .slice(0, 16);
  return {
    eventTypes,
    typeByClass,
    requestClasses,
    paramSets: [...byEndpoint.values()],
    literalPatterns,
    nameKeyed,
    pathWords,
    sdkCalls,
    sdkParamsTypes: sdkParamsTypes(sdkCalls),
    builderNouns: builderNouns(sdkCalls),
    sdkPackages: new Set(input.sdkPackages ?? SDK_PACKAGES),
    objectByValue,
    needsContext,
    envelope,
    hash,
  };
}

/** Each object whose `object` field is one literal string, by that string; a string two objects share names neither. */
function objectValues(objects: NonNullable<CandidateInput['model']['objects']>): Map<string, string> {
  const out = new Map<string, string>();
  const shared = new Set<string>();
  for (const o of objects) {
    const type = o.fields.find((f) => f.name === 'object')?.type;
    if (type?.kind !== 'literal' || typeof type.value !== 'string') continue;
    if (out.has(type.value)) shared.add(type.value);
    out.set(type.value, o.name);
  }
  for (const v of shared) out.delete(v);
  return out;
}

/** A string the analyzer reports: a known event type, or one shaped like an event type. */
export function isEventLiteral(value: string, candidates: Candidates): boolean {
  if (candidates.eventTypes.has(value)) return true;
  return candidates.literalPatterns.some((re) => re.test(value));
}

/**
 * Whether a class's fields are worth recording as a possible request model: the model names it, or
 * two of its fields are one endpoint's body parameters. Only a cheap filter on what the adapters
 * keep: the mapping ties a class to an endpoint by route evidence alone (the handler's body type),
 * never by this overlap.
 */
export function mayBeRequestModel(name: string, fields: readonly string[], candidates: Candidates): boolean {
  if (candidates.requestClasses.has(name)) return true;
  return candidates.paramSets.some((set) => {
    let hits = 0;
    for (const f of fields) if (set.has(f)) hits++;
    return hits >= 2;
  });
}

/**
 * An event type without a dot (`error`, `done`) is also an everyday word: it counts only where the
 * code says it is a type (a `type` key or field, a comparison or switch over something named
 * type or event). Dotted types (`response.created`) count wherever they stand.
 */
export function isWeakLiteral(value: string): boolean {
  return !value.includes('.');
}

/** The subject of a comparison or switch names an event's type. */
export const TYPE_SUBJECT = /(^|[^a-z])(?:e|ev|evt)?(type|event)s?([^a-z]|$)|Type|Event/;

/** What a prefix check is made on names a type: as a comparison's subject does, or ends in `type` (`etype`, `msgtype`). */
export const isTypeSubject = (text: string): boolean => TYPE_SUBJECT.test(text) || /type$/i.test(text);

/** How a location reads when it comes from a method named for its event (`def on_response_created`). */
export const NAMED_FOR_EVENT = 'method named for its event (getattr dispatch)';

/**
 * Each dotted event type by the name a dispatch by name gives it (`response.output_text.delta` →
 * `response_output_text_delta`); a name two types share names neither. Undotted types (`error`)
 * are every library's words (`on_error`).
 */
export function typesByMethodName(candidates: Candidates): ReadonlyMap<string, string> {
  let out = methodNames.get(candidates);
  if (!out) {
    const names = new Map<string, string>();
    const shared = new Set<string>();
    for (const type of candidates.eventTypes) {
      if (isWeakLiteral(type)) continue;
      const name = type.replaceAll('.', '_');
      if (!/^\w+$/.test(name)) continue;
      if (names.has(name)) shared.add(name);
      names.set(name, type);
    }
    for (const name of shared) names.delete(name);
    out = names;
    methodNames.set(candidates, out);
  }
  return out;
}

const methodNames = new WeakMap<Candidates, ReadonlyMap<string, string>>();

/** How a location reads when it comes from a prefix check (`type.startsWith('response.reasoning')`). */
export const PREFIX_CHECK = 'prefix check of type';

/**
 * A string a prefix check compares a type with (`type.startsWith('response.reasoning')`) handles
 * the event types it starts, when it says more than the API's name: something after its first dot
 * (`response.` alone is the whole stream, a filter rather than a handler) and at least one of the
 * model's event types starting with it.
 */
export function isTypePrefix(value: string, candidates: Candidates): boolean {
  const dot = value.indexOf('.');
  if (dot <= 0 || dot === value.length - 1) return false;
  for (const type of candidates.eventTypes) if (type.startsWith(value)) return true;
  return false;
}
