/**
 * Facts → item ids. Events are tied by their `type` literal (class names were already resolved to
 * literals through bindings by the analyzer), except declarations and built objects whose fields
 * clearly belong to another shape; routes by method and normalised path; request-model fields by the
 * endpoint whose route declares that model as its body; a route's own path and query parameters to
 * its endpoint. Everything here is pure: facts and model in, locations out.
 */
import { folderPrefix } from '../io/folder-prefix.js';
import type { CodeFact } from '../analyzer/facts.js';
import type { Config } from '../config/schema.js';
import { paramId } from '../model/ids.js';
import type { Model } from '../model/schema.js';
import type { Location } from './schema.js';
import { lanesOfFact, type LaneMatcher } from './lanes.js';
import { pathPrefixes, routeIndex } from './routes.js';
import { confidenceOf } from './evidence.js';
import { carriesForeignEnvelope, foreignEnvelopes, isOtherObjectShape, isOtherShape } from './shape-check.js';
import { streamEnvelope, universalFields } from '../model/event-families.js';

export interface Joined {
  /** item id → lane → locations (unsorted, may hold duplicates). */
  locations: Map<string, Map<string, Location[]>>;
  /** param id → the facts that declare it, for the type/optionality/default comparison. */
  paramFacts: Map<string, CodeFact[]>;
  /** endpoint id → request-model fields the spec does not have (`CreateResponseRequest.foo`). */
  extraFields: Map<string, string[]>;
  /** literal → locations, for literals that look like event types but match no item. */
  unknown: Map<string, Location[]>;
  /** `file#symbol` → field names, from param facts (used to find definitions that lack fields). */
  fieldsBySymbol: Map<string, Set<string>>;
  /** item id → declarations with the item's literal whose fields clearly belong to something else. */
  otherShape: Map<string, Location[]>;
}

const EVENT_FACTS = new Set(['definition', 'emitter', 'handler', 'test']);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Workspace-relative fact paths become paths relative to the config folder, where mapping.json lives. */
export function pathFromRoot(workspace: string, file: string): string {
  const ws = folderPrefix(workspace);
  return ws ? `${ws}/${file}` : file;
}

/** Declared path parameter name → the spec's name at the same place (`:id`, `<int:id>` → `response_id`). */
function pathParamNames(declared: string, spec: string): Map<string, string> {
  const names = (p: string): string[] =>
    [
      ...p.matchAll(
        /(?:^|\/)(?::([A-Za-z_]\w*)|\{([A-Za-z_]\w*)[^}]*\}|\[{1,2}(?:\.\.\.)?([A-Za-z_]\w*)\]{1,2}|<(?:\w+:)?([A-Za-z_]\w*)>)/g,
      ),
    ].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]!);
  const mine = names(declared);
  const theirs = names(spec);
  const out = new Map<string, string>();
  // Counted from the end: a server may mount the API under a prefix with parameters of its own.
  for (let i = 1; i <= Math.min(mine.length, theirs.length); i++) out.set(mine[mine.length - i]!, theirs[theirs.length - i]!);
  return out;
}

/**
 * Which endpoint each request-model class serves, by route evidence only: a route whose handler
 * declares its body as that class (resolved through bindings to `file#Class`), a class that bears
 * the spec's own name for the request schema, or one named as projects name it that also declares
 * several of its parameters. Field overlap alone never ties a class: a response model shares most
 * of a request's fields.
 */
function classEndpoints(
  model: Model,
  facts: readonly CodeFact[],
  byRoute: (f: CodeFact) => string | undefined,
  conventional: ReadonlyMap<string, string>,
): Map<string, { endpoint: string; evidence: string; byName?: true }[]> {
  const out = new Map<string, { endpoint: string; evidence: string; byName?: true }[]>();
  // One class may serve several endpoints (a list's page parameters, one body for create and update).
  const serve = (key: string, endpoint: string, evidence: string, byName = false): void => {
    const list = out.get(key) ?? out.set(key, []).get(key)!;
    if (!list.some((s) => s.endpoint === endpoint)) list.push({ endpoint, evidence, ...(byName ? { byName: true as const } : {}) });
  };
  for (const f of facts) {
    if (f.kind !== 'route' || !f.target) continue;
    const id = byRoute(f);
    if (!id) continue;
    // What a GET or DELETE sends is its query; what the others send, their body.
    const sent = `${/^(GET|DELETE|HEAD)$/.test(f.method ?? '') ? 'query' : 'body'} model of ${f.method} ${f.path} (${f.symbol})`;
    serve(f.target, id, sent);
    // The fields a request model inherits (a page's `after` and `limit`) are the endpoint's too.
    for (const base of f.bases ?? []) serve(base, id, `base of the ${sent}`);
  }
  const named = new Map<string, string>();
  for (const e of model.endpoints) for (const name of e.classNames) if (!named.has(name)) named.set(name, e.id);
  const fieldsOf = new Map<string, Set<string>>();
  for (const f of facts)
    if (f.kind === 'param' && f.field)
      (fieldsOf.get(`${f.file}#${f.symbol}`) ?? fieldsOf.set(`${f.file}#${f.symbol}`, new Set()).get(`${f.file}#${f.symbol}`)!).add(
        f.field,
      );
  const paramsOf = new Map<string, Set<string>>();
  for (const p of model.params) (paramsOf.get(p.endpoint) ?? paramsOf.set(p.endpoint, new Set()).get(p.endpoint)!).add(p.field.name);
  for (const f of facts) {
    if (f.kind !== 'param') continue;
    const key = `${f.file}#${f.symbol}`;
    if (out.has(key)) continue;
    // What a model declares or inherits from the workspace classes it extends (`class
    // ResponsesAPIRequestParams(ResponsesAPIOptionalRequestParams)`): the bases serve with it.
    const bases = f.bases ?? [];
    const endpoint = named.get(f.symbol);
    if (endpoint) {
      const evidence = `named like the spec's request schema ${f.symbol}`;
      serve(key, endpoint, evidence, true);
      for (const base of bases) if (!out.has(base)) serve(base, endpoint, `base of the model ${evidence}`, true);
      continue;
    }
    // A project's own request model named as such models are (`ResponsesRequest`,
    // `CreateConversationBody`), when it also declares several of that endpoint's parameters.
    const guessed = conventionalName(stem(f.symbol), conventional);
    const params = guessed ? paramsOf.get(guessed) : undefined;
    const declared = new Set([key, ...bases].flatMap((k) => [...(fieldsOf.get(k) ?? [])]));
    const shared = params ? [...declared].filter((n) => params.has(n)).length : 0;
    if (guessed && shared >= MIN_SHARED_FIELDS) {
      const evidence = `named like a request of ${guessed.replace(/^endpoint:/, '')} (${f.symbol})`;
      serve(key, guessed, evidence, true);
      for (const base of bases) if (!out.has(base)) serve(base, guessed, `base of the model ${evidence}`, true);
    }
  }
  return out;
}

/** How many of an endpoint's parameters a model named like its request must declare to be taken as it. */
const MIN_SHARED_FIELDS = 3;

/**
 * The endpoint a model's name says it is the request of: the name itself, or its end past a
 * vendor's or project's words (`OpenAIResponseRequest`, `HeliconeResponsesRequestBody`), read from
 * the longest end that is such a name.
 */
function conventionalName(name: string, conventional: ReadonlyMap<string, string>): string | undefined {
  const whole = conventional.get(name);
  if (whole !== undefined) return whole;
  for (let i = 1; i < name.length; i++) {
    const c = name[i]!;
    if (c < 'A' || c > 'Z') continue;
    const before = name[i - 1]!;
    const after = name[i + 1] ?? '';
    // A word starts at a capital after a small letter or a digit, or at the last capital of an acronym (`AIResponse`).
    if (!/[a-z0-9]/.test(before) && !(/[A-Z]/.test(before) && /[a-z]/.test(after))) continue;
    // `RealtimeResponseCreateParams`: an SDK's own name under another API's, not a project's word before it.
    if (SDK_PARAMS_NAME.test(name.slice(i))) return undefined;
    const found = conventional.get(name.slice(i));
    if (found !== undefined) return found;
  }
  return undefined;
}

/** How the SDKs name a call's request type (`ResponseCreateParams`): the collection, the method, `Params`. */
const SDK_PARAMS_NAME = /^[A-Z][a-z]+(?:Create|Update)Params$/;

/** A declaration's name without what says how it is written: `createResponseRequestSchema` → `CreateResponseRequest`. */
function stem(name: string): string {
  const bare = name.replace(/(?:Schema|Model|Dto|DTO)$/, '');
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}

/**
 * The names projects give an endpoint's request model, from the SDK call the model names for it
 * (`responses.create` → `ResponsesRequest`, `CreateResponseRequest`, `ResponseCreateBody`,
 * `ResponsesRequestBody`, `ResponsesApiRequest`, `ResponsesAPIRequestParams`, `ResponseCreateKwargs`, …;
 * `conversations.items.create` → `ItemCreateRequest`, …) and from the spec's schema name with a
 * suffix (`CreateResponseRequest`). Only endpoints that take a body; a name two endpoints would
 * share stands for neither.
 */
function conventionalRequestNames(model: Model): Map<string, string> {
  const out = new Map<string, string | null>();
  const put = (name: string, id: string): void => {
    const had = out.get(name);
    out.set(name, had === undefined || had === id ? id : null);
  };
  const plain = ['Request', 'Params', 'Body', 'Payload', 'Input', 'Kwargs', 'RequestBody', 'RequestParams', 'RequestPayload'];
  // `ResponsesApiRequest`: the API's own word before the suffix.
  const suffixes = [
    ...plain,
    ...['Api', 'API'].flatMap((api) =>
      ['Request', 'Params', 'Body', 'Payload', 'RequestBody', 'RequestParams', 'RequestPayload'].map((s) => `${api}${s}`),
    ),
  ];
  const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
  for (const e of model.endpoints) {
    if (!/^(?:POST|PUT|PATCH)$/.test(e.method)) continue;
    for (const base of e.classNames) for (const s of suffixes) if (!base.endsWith(s)) put(`${base}${s}`, e.id);
    for (const call of e.sdkCalls ?? []) {
      const parts = call.split('.');
      const verb = parts.at(-1)!;
      const collection = parts.at(-2);
      if (!collection || !/^(?:create|update)$/.test(verb)) continue;
      const plural = cap(collection.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()));
      const singular = plural.replace(/s$/, '');
      for (const noun of new Set([plural, singular]))
        for (const s of suffixes) {
          put(`${cap(verb)}${noun}${s}`, e.id);
          put(`${noun}${cap(verb)}${s}`, e.id);
          // `ResponsesRequest`; not `ResponseBody`, which is as often what an API answers.
          if (verb === 'create' && /^(?:(?:Api|API)?(?:Request\w*|Params|Payload)|Kwargs)$/.test(s)) put(`${noun}${s}`, e.id);
        }
    }
  }
  return new Map([...out].filter((entry): entry is [string, string] => entry[1] !== null));
}

/**
 * Per folder, the envelope of another API whose events it declares (shape-check.ts): a folder, as
 * SDKs declare one class per file (`types/realtime/response_created_event.py`).
 */
function foreignEnvelopesOf(
  facts: readonly CodeFact[],
  eventByType: ReadonlyMap<string, Model['events'][number]>,
  universal: ReadonlySet<string>,
  model: Model,
): Map<string, Set<string>> {
  const clear = new Map<string, string[][]>();
  // A declaration counts once, whatever number of the spec's types its `type` admits.
  const seen = new Set<string>();
  for (const f of facts) {
    const event = f.kind === 'definition' && f.literal !== undefined && f.fields ? eventByType.get(f.literal) : undefined;
    if (!event || !isOtherShape(event.fields, f.fields!, universal)) continue;
    const declaration = `${f.file}#${f.symbol}`;
    if (!seen.has(declaration)) push(clear, folderOf(f.file), f.fields!);
    seen.add(declaration);
  }
  if (clear.size === 0) return new Map();
  return foreignEnvelopes(clear, new Set(model.events.flatMap((e) => e.fields.map((x) => x.name))));
}

const folderOf = (file: string): string => file.slice(0, file.lastIndexOf('/') + 1);

export function joinFacts(model: Model, facts: readonly CodeFact[], config: Config, matchers: readonly LaneMatcher[]): Joined {
  const joined: Joined = {
    locations: new Map(),
    paramFacts: new Map(),
    extraFields: new Map(),
    unknown: new Map(),
    fieldsBySymbol: new Map(),
    otherShape: new Map(),
  };
  const eventByType = new Map(model.events.map((e) => [e.type, e]));
  const objectByName = new Map(model.objects.map((o) => [o.name, o]));
  const universal = universalFields(model.events);
  const prefixes = pathPrefixes(
    model.endpoints,
    config.sources.map((s) => s.pathPrefix ?? ''),
  );
  const findRoute = routeIndex(model.endpoints, prefixes);
  const byRoute = (f: CodeFact) => (f.method && f.path !== undefined ? findRoute(f.method, f.path) : undefined);
  const conventional = conventionalRequestNames(model);
  const endpointOfClass = classEndpoints(model, facts, byRoute, conventional);
  /**
   * A model the workspace does not declare (a package's, or a module outside the workspace), which
   * a function reads keys off: the endpoint its name says it is the request of, when what is read
   * off it holds several of that endpoint's parameters (as a declared model must declare them).
   */
  const unseenModel = (fact: CodeFact): { endpoint: string }[] => {
    const name = fact.className?.split('.').pop();
    const endpoint = name ? conventionalName(stem(name), conventional) : undefined;
    const read = new Set((fact.params ?? []).map((p) => p.name));
    const shared = model.params.filter((p) => p.endpoint === endpoint && read.has(p.field.name)).length;
    return endpoint && shared >= MIN_SHARED_FIELDS ? [{ endpoint }] : [];
  };
  const params = new Set(model.params.map((p) => p.id));
  const enumsByParam = new Map<string, { id: string; value: string }[]>();
  for (const e of model.enums) push(enumsByParam, e.param, { id: e.id, value: String(e.value) });
  const patterns = config.unknownLiterals.map((p) => new RegExp(p));
  const known = new Set(model.events.map((e) => e.type));
  const { needsContext, envelope } = streamEnvelope(model.events);
  const streamFiles = filesAboutTheStream(facts, eventByType, byRoute);
  const foreign = foreignEnvelopesOf(facts, eventByType, universal, model);

  const locationOf = (fact: CodeFact, symbol: string, evidence: string | undefined, line = fact.line): Location => ({
    file: pathFromRoot(config.workspace, fact.file),
    symbol,
    line,
    kind: fact.kind,
    ...(evidence !== undefined ? { evidence, confidence: confidenceOf(evidence) } : {}),
    ...(fact.external !== undefined ? { external: fact.external } : {}),
  });
  const add = (
    id: string,
    fact: CodeFact & { kind: Location['kind'] },
    symbol = fact.symbol,
    evidence = fact.evidence,
    line = fact.line,
  ) => {
    const lanes = lanesOfFact(matchers, fact.file, fact.kind);
    if (!lanes.length) return;
    const byLane = joined.locations.get(id) ?? joined.locations.set(id, new Map()).get(id)!;
    const location = locationOf(fact, symbol, evidence, line);
    for (const lane of lanes) push(byLane, lane, location);
  };
  /** Whether some lane already holds a location of `id` in `file` for `symbol` (a builder's key, `build.model`). */
  const locatedAs = (id: string, file: string, symbol: string): boolean => {
    const where = pathFromRoot(config.workspace, file);
    for (const list of joined.locations.get(id)?.values() ?? []) if (list.some((l) => l.symbol === symbol && l.file === where)) return true;
    return false;
  };
  /** A definition whose fields belong to something else, listed for the reader (in a lane that counts it) and not counted. */
  const listOtherShape = (id: string, fact: CodeFact, fields: readonly string[], discriminator: string): void => {
    if (!lanesOfFact(matchers, fact.file, fact.kind).length) return;
    const declares = fields.filter((f) => f !== discriminator).join(', ');
    push(joined.otherShape, id, locationOf(fact, fact.symbol, `${fact.evidence ?? `${discriminator} literal`}; declares ${declares}`));
  };
  // A model written in camelCase for a wire in snake_case (`maxOutputTokens` for
  // `max_output_tokens`, as generated SDKs declare their requests and map them on the way out): the
  // parameter it spells, when the spec has that one and not the name as written.
  const wireName = (endpoint: string, written: string): string => {
    if (params.has(paramId(endpoint, written)) || !/^[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+$/.test(written)) return written;
    const snake = written.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    return params.has(paramId(endpoint, snake)) ? snake : written;
  };
  const addParam = (
    endpoint: string,
    fact: CodeFact,
    written: string,
    symbol: string,
    evidence: string,
    line: number,
    declared: Pick<CodeFact, 'declaredType' | 'optional' | 'default' | 'values'>,
    /** The values a client sends for it: the enum items it sets. */
    sent?: readonly string[],
  ) => {
    const name = wireName(endpoint, written);
    const id = paramId(endpoint, name);
    if (!params.has(id)) {
      push(joined.extraFields, endpoint, symbol);
      return;
    }
    const asFact: CodeFact = { ...fact, kind: 'param', line, field: name, symbol: symbol.replace(/\.[^.]*$/, ''), ...declared };
    add(id, asFact, symbol, evidence, line);
    push(joined.paramFacts, id, asFact);
    for (const e of enumsByParam.get(id) ?? [])
      if (declared.values?.includes(e.value) || sent?.includes(e.value)) add(e.id, asFact, symbol, evidence, line);
  };

  // A builder found by its name comes last: a key a call's flow placed is already there.
  const ordered = facts.some((f) => f.namedBuilder)
    ? [...facts.filter((f) => !f.namedBuilder), ...facts.filter((f) => f.namedBuilder)]
    : facts;
  for (const fact of ordered) {
    // A definition may carry the field names its class/schema declares (inherited ones included);
    // not yet part of the CodeFact contract, so read defensively.
    const declared = (fact as { fields?: unknown }).fields;
    if (fact.kind === 'definition' && Array.isArray(declared)) {
      const set =
        joined.fieldsBySymbol.get(`${fact.file}#${fact.symbol}`) ??
        joined.fieldsBySymbol.set(`${fact.file}#${fact.symbol}`, new Set()).get(`${fact.file}#${fact.symbol}`)!;
      for (const name of declared) if (typeof name === 'string') set.add(name);
    }
    if (fact.kind === 'param' && fact.field) {
      (
        joined.fieldsBySymbol.get(`${fact.file}#${fact.symbol}`) ??
        joined.fieldsBySymbol.set(`${fact.file}#${fact.symbol}`, new Set()).get(`${fact.file}#${fact.symbol}`)!
      ).add(fact.field);
      const { declaredType, optional, default: def, values } = fact;
      for (const served of endpointOfClass.get(`${fact.file}#${fact.symbol}`) ?? [])
        addParam(served.endpoint, fact, fact.field, `${fact.symbol}.${fact.field}`, served.evidence, fact.line, {
          declaredType,
          optional,
          default: def,
          values,
        });
      continue;
    }
    if (fact.kind === 'route' && fact.paramsOnly && fact.method === undefined && (fact.target ?? fact.className) !== undefined) {
      // Keys of a request typed with the project's own model: the endpoints that model serves by its
      // name alone. A model some route declares as its body is where those parameters are located
      // (as a server's team maps them), not each place the server reads one; unless the workspace
      // does not declare it (a package's model, or a module outside the workspace): then the reads
      // are all there is to locate.
      const served = (fact.target !== undefined && endpointOfClass.get(fact.target)) || [];
      const declaredHere = fact.target?.includes('#') === true;
      if (declaredHere && served.some((s) => !s.byName)) continue;
      for (const { endpoint } of served.length || declaredHere ? served : unseenModel(fact))
        for (const p of fact.params ?? []) {
          const owner = p.symbol ?? fact.symbol;
          addParam(endpoint, fact, p.name, `${owner}.${p.name}`, `${p.in} parameter of ${owner} (${fact.evidence})`, p.line, {}, p.sent);
        }
      continue;
    }
    if (fact.kind === 'route') {
      const id = byRoute(fact);
      // A route the spec lacks is not an item; the analyzer's warnings are the place for it.
      if (!id) continue;
      if (!fact.paramsOnly) add(id, fact);
      // The handler's own path and query parameters (and a decorator route's body fields).
      const renamed = pathParamNames(fact.path ?? '', model.endpoints.find((e) => e.id === id)?.path ?? '');
      for (const p of fact.params ?? []) {
        const { declaredType, optional, default: def, values, sent } = p;
        // A path parameter is known by its place: `/responses/:id` declares the spec's `{response_id}`.
        const name = p.in === 'path' ? (renamed.get(p.name) ?? p.name) : p.name;
        // A key written in a builder is that builder's, whichever of its callers sends it: one
        // location however many calls send the request it builds.
        const owner = p.symbol ?? fact.symbol;
        if (fact.namedBuilder && locatedAs(paramId(id, name), p.file ?? fact.file, `${owner}.${p.name}`)) continue;
        const evidence = fact.namedBuilder
          ? `named like a request builder: ${p.in} parameter of ${owner}`
          : owner === fact.symbol
            ? `${p.in} parameter of ${owner}`
            : p.returned
              ? `${p.in} parameter returned by ${owner}, sent by ${fact.symbol}`
              : p.file !== undefined
                ? `${p.in} parameter read by ${owner}, for ${fact.symbol}`
                : `${p.in} parameter of ${owner}, sent by ${fact.symbol}`;
        addParam(
          id,
          p.file !== undefined ? { ...fact, file: p.file } : fact,
          name,
          `${owner}.${p.name}`,
          evidence,
          p.line,
          { declaredType, optional, default: def, values },
          sent,
        );
      }
      continue;
    }
    if (fact.kind === 'definition' && fact.object !== undefined) {
      const object = objectByName.get(fact.object);
      if (!object) continue;
      if (fact.fields && isOtherObjectShape(object.fields, fact.fields)) {
        listOtherShape(object.id, fact, fact.fields, 'object');
        continue;
      }
      add(object.id, fact);
      continue;
    }
    if (!EVENT_FACTS.has(fact.kind) && fact.kind !== 'literal') continue;
    if (fact.prefix && fact.literal !== undefined) {
      // A prefix check handles each type it lets through; it is no literal of its own.
      for (const type of typesWithPrefix(eventByType.keys(), fact.literal, fact.suffix)) add(eventByType.get(type)!.id, fact);
      continue;
    }
    const event = fact.literal !== undefined ? eventByType.get(fact.literal) : undefined;
    if (event) {
      // A bare literal of a known type counts in no lane (the analyzer saw no role for it).
      if (fact.kind === 'literal') continue;
      // `error` in a file where nothing else is of the stream is some other API's or library's
      // error, unless what it declares or builds carries the stream's envelope (`sequence_number`).
      if (needsContext.has(event.type) && !streamFiles.has(fact.file) && !fact.fields?.some((f) => envelope.has(f))) continue;
      const theirs = foreign.size > 0 ? foreign.get(folderOf(fact.file)) : undefined;
      if (
        fact.fields &&
        (isOtherShape(event.fields, fact.fields, universal) ||
          (theirs !== undefined && carriesForeignEnvelope(event.fields, fact.fields, universal, theirs)))
      ) {
        // Another API's event of the same name: a definition is listed for the reader; an object
        // built with other keys (`{ type: 'error', error }` for a different consumer) is no emitter.
        if (fact.kind === 'definition') listOtherShape(event.id, fact, fact.fields, 'type');
        continue;
      }
      add(event.id, fact);
      continue;
    }
    if (fact.literal !== undefined && !known.has(fact.literal) && patterns.some((p) => p.test(fact.literal!))) {
      push(joined.unknown, fact.literal, {
        file: pathFromRoot(config.workspace, fact.file),
        symbol: fact.symbol,
        line: fact.line,
        kind: fact.kind,
      });
    }
  }
  return joined;
}

/** The event types a prefix check handles: those starting with `prefix` and, when an `endsWith` narrows it, ending with `suffix`. */
function typesWithPrefix(types: Iterable<string>, prefix: string, suffix: string | undefined): string[] {
  const out: string[] = [];
  for (const type of types) if (type.startsWith(prefix) && (suffix === undefined || type.endsWith(suffix))) out.push(type);
  return out;
}

/**
 * Files that deal with the stream: a fact of a dotted event type (in any role, a bare literal too),
 * or a route the spec has. An undotted type counts only in such a file.
 */
function filesAboutTheStream(
  facts: readonly CodeFact[],
  eventByType: ReadonlyMap<string, unknown>,
  byRoute: (f: CodeFact) => string | undefined,
): Set<string> {
  const out = new Set<string>();
  for (const f of facts) {
    if (out.has(f.file)) continue;
    if ((f.literal?.includes('.') && eventByType.has(f.literal)) || (f.kind === 'route' && byRoute(f))) out.add(f.file);
  }
  return out;
}
