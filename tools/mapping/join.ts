/**
 * Facts → item ids. Events are tied by their `type` string first and by a class name the model
 * knows second (issue 4: "tie by the `type` string, never by class name" alone); routes by method
 * and normalised path; request-model fields by the endpoint their class serves. Everything here is
 * pure: facts and model in, locations out.
 */
import type { CodeFact } from '../analyzer/facts.js';
import type { Config } from '../config/schema.js';
import { paramId } from '../model/ids.js';
import type { Model } from '../model/schema.js';
import type { Location } from './schema.js';
import { lanesOfFact, type LaneMatcher } from './lanes.js';
import { pathPrefixes, routeIndex } from './routes.js';

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
}

const EVENT_FACTS = new Set(['definition', 'emitter', 'handler', 'test']);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Workspace-relative fact paths become paths relative to the config folder, where mapping.json lives. */
export function pathFromRoot(workspace: string, file: string): string {
  const ws = workspace.replace(/\\/g, '/').replace(/^\.\/?/, '').replace(/\/+$/, '');
  return ws ? `${ws}/${file}` : file;
}

/** Which endpoint each request-model class serves: route facts naming a body class, the model's class names, then field overlap. */
export function classEndpoints(model: Model, facts: readonly CodeFact[], byRoute: (f: CodeFact) => string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of facts) {
    if (f.kind !== 'route' || !f.className) continue;
    const id = byRoute(f);
    if (id && !out.has(f.className)) out.set(f.className, id);
  }
  for (const e of model.endpoints) for (const name of e.classNames) if (!out.has(name)) out.set(name, e.id);
  const fieldsOf = new Map<string, Set<string>>();
  for (const f of facts) if (f.kind === 'param' && f.field) (fieldsOf.get(f.symbol) ?? fieldsOf.set(f.symbol, new Set()).get(f.symbol)!).add(f.field);
  const bodyParams = new Map<string, Set<string>>();
  for (const p of model.params) if (p.in === 'body') (bodyParams.get(p.endpoint) ?? bodyParams.set(p.endpoint, new Set()).get(p.endpoint)!).add(p.field.name);
  for (const [symbol, fields] of fieldsOf) {
    if (out.has(symbol)) continue;
    // A class is a request model when most of its fields are one endpoint's body parameters.
    let best: { id: string; score: number } | undefined;
    let tie = false;
    for (const [id, names] of bodyParams) {
      const score = [...fields].filter((f) => names.has(f)).length;
      if (!best || score > best.score) [best, tie] = [{ id, score }, false];
      else if (score === best.score) tie = true;
    }
    if (best && !tie && best.score >= 3 && best.score * 2 >= fields.size) out.set(symbol, best.id);
  }
  return out;
}

export function joinFacts(model: Model, facts: readonly CodeFact[], config: Config, matchers: readonly LaneMatcher[]): Joined {
  const joined: Joined = { locations: new Map(), paramFacts: new Map(), extraFields: new Map(), unknown: new Map(), fieldsBySymbol: new Map() };
  const eventByType = new Map(model.events.map((e) => [e.type, e.id]));
  const byClass = new Map<string, string>();
  for (const e of model.events) for (const name of e.classNames) if (!byClass.has(name)) byClass.set(name, e.id);
  const objectByClass = new Map<string, string>();
  for (const o of model.objects) for (const name of o.classNames) if (!objectByClass.has(name)) objectByClass.set(name, o.id);
  const prefixes = pathPrefixes(model.endpoints, config.sources.map((s) => s.pathPrefix ?? ''));
  const findRoute = routeIndex(model.endpoints, prefixes);
  const byRoute = (f: CodeFact) => (f.method && f.path !== undefined ? findRoute(f.method, f.path) : undefined);
  const endpointOfClass = classEndpoints(model, facts, byRoute);
  const params = new Set(model.params.map((p) => p.id));
  const enumsByParam = new Map<string, { id: string; value: string }[]>();
  for (const e of model.enums) push(enumsByParam, e.param, { id: e.id, value: String(e.value) });
  const patterns = config.unknownLiterals.map((p) => new RegExp(p));
  const known = new Set(model.events.map((e) => e.type));

  const add = (id: string, fact: CodeFact & { kind: Location['kind'] }, symbol = fact.symbol) => {
    const lanes = lanesOfFact(matchers, fact.file, fact.kind);
    if (!lanes.length) return;
    const byLane = joined.locations.get(id) ?? joined.locations.set(id, new Map()).get(id)!;
    const location: Location = { file: pathFromRoot(config.workspace, fact.file), symbol, line: fact.line, kind: fact.kind };
    for (const lane of lanes) push(byLane, lane, location);
  };

  for (const fact of facts) {
    // A definition may carry the field names its class/schema declares (inherited ones included);
    // not yet part of the CodeFact contract, so read defensively.
    const declared = (fact as { fields?: unknown }).fields;
    if (fact.kind === 'definition' && Array.isArray(declared)) {
      const set = joined.fieldsBySymbol.get(`${fact.file}#${fact.symbol}`) ?? joined.fieldsBySymbol.set(`${fact.file}#${fact.symbol}`, new Set()).get(`${fact.file}#${fact.symbol}`)!;
      for (const name of declared) if (typeof name === 'string') set.add(name);
    }
    if (fact.kind === 'param' && fact.field) {
      (joined.fieldsBySymbol.get(`${fact.file}#${fact.symbol}`) ?? joined.fieldsBySymbol.set(`${fact.file}#${fact.symbol}`, new Set()).get(`${fact.file}#${fact.symbol}`)!).add(fact.field);
      const endpoint = endpointOfClass.get(fact.symbol);
      if (!endpoint) continue;
      const id = paramId(endpoint, fact.field);
      if (!params.has(id)) {
        push(joined.extraFields, endpoint, `${fact.symbol}.${fact.field}`);
        continue;
      }
      const symbol = `${fact.symbol}.${fact.field}`;
      add(id, fact, symbol);
      push(joined.paramFacts, id, fact);
      for (const e of enumsByParam.get(id) ?? []) if (fact.values?.includes(e.value)) add(e.id, fact, symbol);
      continue;
    }
    if (fact.kind === 'route') {
      const id = byRoute(fact);
      // A route the spec lacks is not an item; the analyzer's warnings are the place for it.
      if (id) add(id, fact);
      continue;
    }
    if (!EVENT_FACTS.has(fact.kind) && fact.kind !== 'literal') continue;
    const id = (fact.literal !== undefined ? eventByType.get(fact.literal) : undefined) ?? (fact.literal === undefined && fact.className ? byClass.get(fact.className) : undefined);
    if (id) {
      // A bare literal of a known type counts in no lane (the analyzer saw no role for it).
      if (fact.kind !== 'literal') add(id, fact);
      continue;
    }
    if (fact.kind === 'definition' && fact.className && objectByClass.has(fact.className)) {
      add(objectByClass.get(fact.className)!, fact);
      continue;
    }
    if (fact.literal !== undefined && !known.has(fact.literal) && patterns.some((p) => p.test(fact.literal!))) {
      push(joined.unknown, fact.literal, { file: pathFromRoot(config.workspace, fact.file), symbol: fact.symbol, line: fact.line, kind: fact.kind });
    }
  }
  return joined;
}
