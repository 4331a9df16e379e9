/**
 * Ties class names to event types through bindings, after every file is read. A declaration's
 * own `type` literal decides its item (the literal wins over any class name). A fact that names
 * only a class (a constructor call, a subclass, an `isinstance`, an `instanceof`) resolves that
 * name through the module graph: to a workspace declaration, which gives the declaration's items
 * (subclass chains to a fixed point), or to an external module, which gives the items the model's
 * class names tie to that name only when the module belongs to a package those names come from
 * (the SDK). Anything else (`extends Error`, a same-named class elsewhere) ties to nothing.
 *
 * An SDK class imported by a non-test file is a definition *by import* (most Python servers define
 * their events this way): the location is the import line. Re-exports, `__init__.py` re-imports and
 * aliases are never definitions: they resolve to the declaration they name.
 *
 * Declared fields follow the same chains: a definition through a base gets the base's fields when
 * the workspace defines the base with fields; through an external base the list is dropped, since
 * those fields are unknown.
 */
import { packageOf, type Binding, type ModuleGraph } from './bindings.js';
import { sentIn } from './client-path.js';
import type { CodeFact } from './facts.js';
import type { FactLanguage } from './file-role.js';
import { type ModuleFacts, REQUEST_BODY, REQUEST_BODY_ARG } from './module-facts.js';

const NEEDS_CLASS: ReadonlySet<CodeFact['kind']> = new Set(['definition', 'emitter', 'handler', 'test', 'route']);

export interface AssignInput {
  facts: readonly CodeFact[];
  modules: ReadonlyMap<string, { language: FactLanguage; facts: ModuleFacts; isTest: boolean }>;
  graph: ModuleGraph;
  /** Class name → event types, from the model's class names (SDK and spec schema names). */
  typeByClass: ReadonlyMap<string, readonly string[]>;
  /** Packages whose class names `typeByClass` describes (`openai`). */
  sdkPackages: ReadonlySet<string>;
  /** The parameter names of each endpoint an SDK call stands for, by `METHOD path`: what a client's request may send. */
  endpointParams: ReadonlyMap<string, readonly string[]>;
}

/**
 * A method named for its event (`def on_response_created`) handles it only where some module of the
 * workspace dispatches by such names with its prefix (`getattr(self, "on_" + event.type.replace(".", "_"))`):
 * without one, the name alone is no evidence.
 */
function dispatchedByName(input: AssignInput): readonly CodeFact[] {
  if (!input.facts.some((f) => f.namedBy !== undefined)) return input.facts;
  const prefixes = new Set<string>();
  for (const m of input.modules.values()) for (const p of m.facts.nameDispatch ?? []) prefixes.add(p);
  return input.facts.filter((f) => f.namedBy === undefined || prefixes.has(f.namedBy));
}

function bindingKey(b: Binding): string {
  switch (b.kind) {
    case 'decl':
      return `${b.file}#${b.name}`;
    case 'external':
      return `${b.module}.${b.name}`;
    case 'module':
      return b.file;
    case 'external-module':
      return b.module;
  }
}

export function assignItems(given: AssignInput): CodeFact[] {
  const viewed = withViewMethods({
    ...given,
    facts: withClientWrappers({
      ...given,
      facts: withRequestTypes({
        ...given,
        facts: withConstantValues({ ...given, facts: withPathConstants({ ...given, facts: dispatchedByName(given) }) }),
      }),
    }),
  });
  const input: AssignInput = { ...given, facts: withReturnedKeys({ ...given, facts: withHandedBodies({ ...given, facts: viewed }) }) };
  const { graph, typeByClass, sdkPackages } = input;
  const itemsOf = new Map<string, Set<string>>();
  const learn = (key: string, literal: string): boolean => {
    const set = itemsOf.get(key) ?? new Set<string>();
    if (set.has(literal)) return false;
    set.add(literal);
    itemsOf.set(key, set);
    return true;
  };
  for (const f of input.facts) if (f.kind === 'definition' && f.literal !== undefined) learn(`${f.file}#${f.symbol}`, f.literal);

  const bindingOf = new Map<CodeFact, Binding | undefined>();
  const all = input.facts.filter((f) => NEEDS_CLASS.has(f.kind) && f.literal === undefined && f.className !== undefined);
  // Only names that can lead to an item are worth resolving (and the modules behind them worth
  // parsing): the SDK's class names, classes with a literal, and, to a fixed point, their subclasses.
  const worth = namesWorthResolving(input.facts, input.modules, typeByClass);
  const original = (f: CodeFact): string => originalName(f, input.modules);
  const pending = all.filter((f) => f.kind === 'route' || worth.has(original(f)));
  for (const f of pending)
    bindingOf.set(f, f.variants ? commonBase(f.file, f.variants, input) : requestModel(f, graph.resolveName(f.file, f.className!), input));
  const literalsOf = (b: Binding | undefined): string[] => {
    if (!b) return [];
    if (b.kind === 'decl') return [...(itemsOf.get(bindingKey(b)) ?? [])];
    if (b.kind === 'external' && sdkPackages.has(packageOf(b.module))) return [...(typeByClass.get(b.name) ?? [])];
    return [];
  };
  // A subclass teaches its own name the base's items; repeat until nothing new is learnt.
  for (let changed = true; changed; ) {
    changed = false;
    for (const f of pending) {
      if (f.kind !== 'definition') continue;
      for (const t of literalsOf(bindingOf.get(f))) changed = learn(`${f.file}#${f.symbol}`, t) || changed;
    }
  }
  const fields = inheritFields(input.facts, bindingOf);
  // The request models a route sends, and their bases: only their fields can become an endpoint's
  // params, so only their field types are worth resolving (each resolution may parse another module).
  const basesByTarget = new Map<string, string[]>();
  for (const f of pending) {
    const b = bindingOf.get(f);
    if (f.kind === 'route' && b && !basesByTarget.has(bindingKey(b))) basesByTarget.set(bindingKey(b), basesOf(b, input).map(bindingKey));
  }
  const sent = new Set([...basesByTarget].flatMap(([target, bases]) => [target, ...bases]));
  const mountedAt = mountPrefixes(input);
  /** A route with the body model its class name resolved to, and that model's bases. */
  const withTarget = (f: CodeFact, route: CodeFact = f): CodeFact => {
    const b = bindingOf.get(f);
    if (!b) return route;
    const bases = basesByTarget.get(bindingKey(b)) ?? [];
    return { ...route, target: bindingKey(b), ...(bases.length ? { bases } : {}) };
  };
  // A model no route of the spec's sends may still be taken by its name (`ResponsesAPIRequestParams`),
  // and its bases with it: the workspace declarations it extends, so the mapping counts their fields.
  const classBases = new Map<string, string[]>(basesByTarget);
  const basesOfClass = (f: CodeFact): string[] => {
    const key = `${f.file}#${f.symbol}`;
    let got = classBases.get(key);
    if (got === undefined) {
      const written = input.modules.get(f.file)?.facts.bases?.some(([n]) => n === f.symbol);
      got = written ? basesOf({ kind: 'decl', file: f.file, name: f.symbol }, input).map(bindingKey) : [];
      classBases.set(key, got);
    }
    return got;
  };
  const out: CodeFact[] = [];
  for (const f of input.facts) {
    if (f.kind === 'param') {
      const param = sent.has(`${f.file}#${f.symbol}`) ? withAliasValues(f, input) : f;
      const bases = f.field !== undefined ? basesOfClass(f) : [];
      out.push(bases.length ? { ...param, bases } : param);
      continue;
    }
    // A route on a router another module mounts under a prefix: one route per place it is mounted.
    const mounted = f.kind === 'route' && f.router !== undefined ? mountedAt(f.file, f.router) : [];
    if (mounted.length > 0) {
      for (const prefix of mounted) {
        const path = `${prefix.replace(/\/+$/, '')}${f.path ?? ''}`;
        out.push(withTarget(f, { ...f, path, evidence: `${f.evidence ?? 'route'}, mounted under ${prefix}` }));
      }
      continue;
    }
    if (!NEEDS_CLASS.has(f.kind) || f.literal !== undefined || f.className === undefined) {
      out.push(f);
      continue;
    }
    if (f.kind === 'route') {
      out.push(withTarget(f));
      continue;
    }
    const b = bindingOf.get(f);
    // A class read through a namespace (`models.ResponseCreatedEvent`) defines its item only as the
    // SDK's: the workspace's own class is defined where it is declared, not where it is used.
    if (f.kind === 'definition' && b?.kind === 'decl' && f.evidence?.startsWith('reference to ')) continue;
    const { fields: _seen, ...rest } = f;
    const complete = fields.get(f);
    const target = b ? bindingKey(b) : undefined;
    const via = b?.kind === 'external' ? ` (${b.module})` : '';
    for (const literal of literalsOf(b).sort()) {
      const said = f.evidence ?? 'class';
      const evidence = said.includes(f.className!) ? said : `${said} of ${f.className}`;
      out.push({
        ...rest,
        literal,
        ...(target ? { target } : {}),
        evidence: `${evidence}${via}`,
        ...(complete ? { fields: complete } : {}),
      });
    }
  }
  out.push(...definitionsByImport(input));
  return out;
}

/**
 * A route's request model named by an alias of a union of classes (`Params = Union[ParamsStreaming,
 * ParamsNonStreaming]`) is what those share, as for a call that chooses between them; any other
 * binding is the model itself.
 */
function requestModel(f: CodeFact, b: Binding | undefined, input: AssignInput): Binding | undefined {
  if (f.kind !== 'route' || b?.kind !== 'decl') return b;
  const members = input.modules.get(b.file)?.facts.variants?.find(([name]) => name === b.name)?.[1];
  return members ? commonBase(b.file, members, input) : b;
}

/**
 * Facts that name a constant where an event type stands (`Events.RESPONSE_CREATED`) take the
 * string that constant is assigned, found through the module graph in whichever module declares
 * it (`Events` a class there, or the constant itself imported); one whose value is not known (an
 * external module's, a parameter's) is dropped.
 */
function withConstantValues(input: AssignInput): CodeFact[] {
  if (!input.facts.some((f) => f.constant !== undefined)) return [...input.facts];
  // A module that assigns an event type has the type's string in it, so the prefilter's first pass
  // read it: what it names (`Events`, `IN_PROGRESS`) is known before anything is resolved. A
  // constant named nothing like it (`ModelType.LLAMA3`) is not looked up, which would parse the
  // module that declares it for nothing.
  const holders = constantHolders(input.modules);
  const renamesOf = new Map<string, Map<string, string>>();
  const mayHold = (f: CodeFact): boolean => {
    const parts = f.constant!.split('.');
    let renamed = renamesOf.get(f.file);
    if (!renamed) {
      renamed = new Map(input.modules.get(f.file)?.facts.imports.map((i) => [i.local, i.name]) ?? []);
      renamesOf.set(f.file, renamed);
    }
    return [parts.at(-1)!, parts.at(-2)].some((p) => p !== undefined && holders.has(renamed.get(p) ?? p));
  };
  // A constant holds one type, or several when it is a collection (`TERMINAL = {"response.completed",
  // "response.failed"}` for `event.type in TERMINAL`): each is a fact of its own.
  const constantValues = (file: string, written: string, depth = 0): string[] => {
    const lookup = (b: Binding | undefined, name: (b: Binding & { kind: 'decl' }) => string): string[] => {
      if (b?.kind !== 'decl') return [];
      const facts = input.modules.get(b.file)?.facts;
      const values = facts?.constants?.filter(([n]) => n === name(b)).map(([, v]) => v) ?? [];
      // A collection of constants holds what each of them holds, read where the collection is declared.
      if (values.length > 0 || depth > 0) return values;
      return (facts?.constantSets?.find(([n]) => n === name(b))?.[1] ?? []).flatMap((ref) => constantValues(b.file, ref, depth + 1));
    };
    const whole = lookup(input.graph.resolveName(file, written), (b) => b.name);
    if (whole.length > 0) return whole;
    const dot = written.lastIndexOf('.');
    if (dot < 0) return [];
    const member = lookup(input.graph.resolveName(file, written.slice(0, dot)), (b) => `${b.name}${written.slice(dot)}`);
    if (member.length > 0) return member;
    // `types.Events.CREATED` through a module no import names here (one a function returns, one
    // imported inside a function): a holder of event constants that one module of the workspace
    // declares, and no other, is that module's.
    const parts = written.split('.');
    const holder = parts.length >= 3 ? parts.at(-2)! : undefined;
    const declaring = holder === undefined ? undefined : holderModules().get(holder);
    if (declaring?.size !== 1) return [];
    const [only] = declaring;
    return lookup({ kind: 'decl', file: only!, name: holder! }, (b) => `${b.name}${written.slice(dot)}`);
  };
  /** Each holder of event constants (`Events` of `Events.CREATED`) → the modules that declare it. */
  let byHolder: Map<string, Set<string>> | undefined;
  const holderModules = (): Map<string, Set<string>> => {
    if (byHolder) return byHolder;
    byHolder = new Map();
    for (const [file, mod] of input.modules)
      for (const [name] of [...(mod.facts.constants ?? []), ...(mod.facts.constantSets ?? [])]) {
        const dot = name.lastIndexOf('.');
        if (dot < 0) continue;
        const holder = name.slice(0, dot);
        (byHolder.get(holder) ?? byHolder.set(holder, new Set()).get(holder)!).add(file);
      }
    return byHolder;
  };
  return input.facts.flatMap((f) => {
    if (f.constant === undefined) return [f];
    const { constant, dottedOnly, ...rest } = f;
    return (mayHold(f) ? constantValues(f.file, constant) : [])
      .filter((literal) => !dottedOnly || literal.includes('.'))
      .map((literal) => ({ ...rest, literal, evidence: `${f.evidence ?? 'constant'} (${constant})` }));
  });
}

/**
 * A request typed with a type another module declares as an alias of an SDK's request type (the
 * facts pass names it, as written, for a request it cannot place): that endpoint's, or no fact.
 */
function withRequestTypes(input: AssignInput): CodeFact[] {
  if (!input.facts.some((f) => f.kind === 'route' && f.paramsOnly && f.method === undefined)) return [...input.facts];
  return input.facts.flatMap((f) => {
    if (f.kind !== 'route' || !f.paramsOnly || f.method !== undefined || f.className === undefined) return [f];
    const b = input.graph.resolveDeclaration(f.file, f.className);
    const declared = b?.kind === 'decl' ? input.modules.get(b.file)?.facts.requestTypes?.find(([name]) => name === b.name) : undefined;
    // The project's own request model (`ResponsesRequest`, declared in the workspace, or in a package
    // or module the workspace does not hold): the mapping ties it to an endpoint if anything does (a
    // route's body, its name), and its keys with it.
    if (!declared) return [f];
    const { className, ...rest } = f;
    const [, method, path] = declared;
    const where = sentIn(method);
    return [{ ...rest, method, path, evidence: `request typed ${className}`, params: rest.params?.map((p) => ({ ...p, in: where })) }];
  });
}

/**
 * A call of a function of a module that sends what it is given (route facts' `wrapper`): given an
 * endpoint's URL, that function sends a request to it (module facts' `clientWrappers`: the call
 * takes its method); given a request, that function sends it through an SDK call (`sdkWrappers`: the
 * call takes its endpoint, and the keys the endpoint has). Otherwise no route.
 */
function withClientWrappers(input: AssignInput): CodeFact[] {
  if (!input.facts.some((f) => f.wrapper !== undefined)) return [...input.facts];
  return input.facts.flatMap((f) => {
    if (f.wrapper === undefined) return [f];
    const { wrapper, ...rest } = f;
    const found = callableOf(f.file, wrapper.callee, false, input, (facts, name): [string, string, string?] | undefined => {
      if (wrapper.bodyArg === undefined) {
        const url = facts.clientWrappers?.find(
          ([n, , urlParam, urlName]) =>
            n === name && (wrapper.urlKeyword === undefined ? urlParam === wrapper.urlArg : urlName === wrapper.urlKeyword),
        );
        return url && [url[0], url[1]];
      }
      const sdk = facts.sdkWrappers?.find(([n, param]) => n === name && param === wrapper.bodyArg);
      return sdk && [sdk[0], sdk[2], sdk[3]];
    });
    if (!found) return [];
    const [name, method, path = f.path] = found.value;
    const allowed = wrapper.bodyArg === undefined ? undefined : (input.endpointParams.get(`${method} ${path}`) ?? []);
    const params = rest.params?.filter((p) => !allowed || allowed.includes(p.name)).map((p) => ({ ...p, in: sentIn(method) }));
    return [{ ...rest, method, path, evidence: `${f.evidence}, sent by ${name}`, ...(params?.length ? { params } : {}) }];
  });
}

/**
 * A route that names its view instead of a method (Django's `path("v1/x", views.create)`) serves the
 * methods that view declares, found through the module graph (`@require_POST`, a class-based
 * view's `def get`): one route per method. A view that declares none, or one not found, serves
 * methods nobody wrote down: no route.
 */
function withViewMethods(input: AssignInput): CodeFact[] {
  if (!input.facts.some((f) => f.view !== undefined)) return [...input.facts];
  return input.facts.flatMap((f) => {
    if (f.view === undefined) return [f];
    const b = input.graph.resolveName(f.file, f.view);
    const methods = b?.kind === 'decl' ? input.modules.get(b.file)?.facts.views?.find(([name]) => name === b.name)?.[1] : undefined;
    const { view, ...rest } = f;
    return (methods ?? []).map((method) => ({
      ...rest,
      method,
      evidence: `${f.evidence} of ${view}`,
      // A class view reads the body in its method of the route's method.
      ...(f.handsBody
        ? { handsBody: f.handsBody.map((h) => ({ ...h, callee: h.callee.replace(/\.\*$/, `.${method.toLowerCase()}`) })) }
        : {}),
    }));
  });
}

/**
 * A route that hands its raw body to a function or method of another module
 * (`await handler.handle_request(body)`) accepts the keys that function reads off it, found through
 * the module graph (that module's `bodyReaders`): each is a body parameter where that module reads
 * it. A callee not found, or one that reads nothing, adds nothing.
 */
function withHandedBodies(input: AssignInput): CodeFact[] {
  if (!input.facts.some((f) => f.handsBody !== undefined)) return [...input.facts];
  return input.facts.map((f) => {
    if (f.handsBody === undefined) return f;
    const { handsBody, ...rest } = f;
    // Only a method that carries a body has one to hand on (a view may serve GET and POST).
    if (!/^(?:POST|PUT|PATCH)$/i.test(f.method ?? '')) return rest;
    const params = [...(f.params ?? [])];
    const have = new Set(params.filter((p) => p.in === 'body').map((p) => p.name));
    for (const handOff of handsBody)
      for (const read of keysHandedTo(f.file, handOff, input)) {
        if (have.has(read.key)) continue;
        have.add(read.key);
        // Where the key is read, in the module that reads it.
        params.push({ name: read.key, in: 'body', line: read.line, file: read.file, symbol: read.reader });
      }
    return params.length ? { ...rest, params } : rest;
  });
}

/** How many hand-offs across modules are followed from a route: each may lead to a module not yet parsed. */
const HAND_OFF_DEPTH = 3;

type BodyReader = NonNullable<ModuleFacts['bodyReaders']>[number];
type HandOff = NonNullable<CodeFact['handsBody']>[number];

/**
 * The keys the callee of a hand-off reads off the argument it is given, and what it hands that
 * argument on to, a few steps deep: a function (`handle`, `handlers.handle`) or a method
 * (`Handler.handle`, found on the class or, when the class does not define it or the call was
 * `super().handle(…)`, on its bases).
 */
function keysHandedTo(
  file: string,
  handOff: HandOff,
  input: AssignInput,
  depth = 0,
  seen = new Set<string>(),
): { key: string; file: string; line: number; reader: string }[] {
  const { callee, arg } = handOff;
  const key = `${file}\0${callee}\0${String(arg)}`;
  if (depth > HAND_OFF_DEPTH || seen.has(key)) return [];
  seen.add(key);
  const found = readerOf(file, callee, handOff.inherited === true, input);
  if (!found) return [];
  const { reader, file: readerFile } = found;
  const index = typeof arg === 'number' ? arg : arg === REQUEST_BODY_ARG ? REQUEST_BODY : reader.params.indexOf(arg);
  const keys = reader.read.filter(([i]) => i === index).map(([, key, line]) => ({ key, file: readerFile, line, reader: reader.name }));
  for (const [i, next] of reader.handedOn ?? []) if (i === index) keys.push(...keysHandedTo(readerFile, next, input, depth + 1, seen));
  return keys;
}

/** The function or method a hand-off calls, with the module that defines it. */
function readerOf(file: string, callee: string, inherited: boolean, input: AssignInput): { reader: BodyReader; file: string } | undefined {
  const found = callableOf(file, callee, inherited, input, (facts, name) => facts.bodyReaders?.find((r) => r.name === name));
  return found && { reader: found.value, file: found.file };
}

/**
 * What `find` gives for the function or method `callee` names from `file` (a function, by name or
 * through a module: `handlers.handle`; a method as `Class.method`, on the class or, when it does not
 * define it or `inherited` says the call was `super().handle(…)`, on its bases), with the module
 * that defines it.
 */
function callableOf<T>(
  file: string,
  callee: string,
  inherited: boolean,
  input: AssignInput,
  find: (facts: ModuleFacts, name: string) => T | undefined,
): { value: T; file: string } | undefined {
  const at = (file: string, name: string): { value: T; file: string } | undefined => {
    const facts = input.modules.get(file)?.facts;
    const value = facts ? find(facts, name) : undefined;
    return value === undefined ? undefined : { value, file };
  };
  const dot = callee.lastIndexOf('.');
  const cls = dot > 0 ? input.graph.resolveName(file, callee.slice(0, dot)) : undefined;
  if (cls?.kind === 'decl') {
    const method = callee.slice(dot + 1);
    const own = inherited ? undefined : at(cls.file, `${cls.name}.${method}`);
    if (own) return own;
    for (const base of basesOf(cls, input)) {
      const inBase = base.kind === 'decl' ? at(base.file, `${base.name}.${method}`) : undefined;
      if (inBase) return inBase;
    }
    return undefined;
  }
  // A function, by name or through a module (`handlers.handle`).
  const fn = input.graph.resolveName(file, callee);
  return fn?.kind === 'decl' ? at(fn.file, fn.name) : undefined;
}

/**
 * A client call whose request is built by a function of another module (`create(**build_params(…))`
 * with `build_params` imported, `self.handler.build(…)`) sends the endpoint's parameters that
 * function returns (that module's `returned`), each where that module writes it. A function not
 * found, or one that returns none, adds nothing.
 */
function withReturnedKeys(input: AssignInput): CodeFact[] {
  if (!input.facts.some((f) => f.returnedBy !== undefined)) return [...input.facts];
  return input.facts.map((f) => {
    if (f.returnedBy === undefined) return f;
    const { returnedBy, ...rest } = f;
    const allowed = input.endpointParams.get(`${f.method} ${f.path}`);
    if (!allowed || f.method === undefined) return rest;
    const params = [...(f.params ?? [])];
    const have = new Set(params.map((p) => p.name));
    for (const handOff of returnedBy) {
      const found = callableOf(f.file, handOff.callee, false, input, (facts, name) =>
        facts.returned?.find((r) => r.name === name && r.arg === handOff.arg && r.under === handOff.under),
      );
      for (const [key, line, sent] of found?.value.keys ?? []) {
        if (!allowed.includes(key) || have.has(key)) continue;
        have.add(key);
        params.push({
          name: key,
          in: sentIn(f.method),
          line,
          file: found!.file,
          symbol: found!.value.name,
          returned: true,
          ...(sent ? { sent } : {}),
        });
      }
    }
    return params.length ? { ...rest, params } : rest;
  });
}

/** The names the modules' event-type constants are written under: `Events` of `Events.CREATED`, or `CREATED` itself. */
function constantHolders(modules: Modules): Set<string> {
  const out = new Set<string>();
  for (const mod of modules.values()) {
    for (const [name] of mod.facts.constants ?? []) out.add(name.split('.')[0]!);
    for (const [name] of mod.facts.constantSets ?? []) out.add(name.split('.')[0]!);
  }
  return out;
}

/**
 * A call that chooses between request models (`A if stream else B`) sends what they share: the
 * nearest declaration every variant is or extends. None shared: no body model (which variant's
 * fields hold for the endpoint cannot be told). `file`: where the variants are written.
 */
function commonBase(file: string, variants: readonly string[], input: AssignInput): Binding | undefined {
  const chains: Binding[][] = [];
  for (const v of variants) {
    const b = input.graph.resolveName(file, v);
    if (b?.kind !== 'decl') return undefined;
    chains.push([b, ...basesOf(b, input)]);
  }
  const [first, ...rest] = chains;
  return first?.find((c) => rest.every((chain) => chain.some((o) => bindingKey(o) === bindingKey(c))));
}

/**
 * Where each router is mounted (`app.include_router(responses.router, prefix="/v1/responses")`,
 * through any number of routers mounted in turn): the prefixes a route declared on it gets, outermost
 * first, or none when nothing mounts it. Routers are told apart by what their names resolve to.
 */
function mountPrefixes(input: AssignInput): (file: string, router: string) => string[] {
  const mounts = new Map<string, { prefix: string; into: string }[]>();
  for (const [file, mod] of input.modules)
    for (const [mounted, into, prefix] of mod.facts.mounts ?? []) {
      const m = input.graph.resolveName(file, mounted);
      const i = input.graph.resolveName(file, into);
      if (!m || !i) continue;
      const list = mounts.get(bindingKey(m)) ?? mounts.set(bindingKey(m), []).get(bindingKey(m))!;
      list.push({ prefix, into: bindingKey(i) });
    }
  if (mounts.size === 0) return () => [];
  const prefixesOf = (key: string, depth: number): string[] => {
    const at = mounts.get(key);
    if (!at || depth > 4) return [''];
    return at.flatMap((m) => prefixesOf(m.into, depth + 1).map((outer) => `${outer.replace(/\/+$/, '')}${m.prefix}`));
  };
  return (file, router) => {
    const b = input.graph.resolveName(file, router);
    return b && mounts.has(bindingKey(b)) ? [...new Set(prefixesOf(bindingKey(b), 0))] : [];
  };
}

/** The workspace declarations a declaration extends, through every module, nearest first. */
function basesOf(b: Binding, input: AssignInput): Binding[] {
  const out: Binding[] = [];
  const seen = new Set([bindingKey(b)]);
  const queue = [b];
  for (let next = queue.shift(); next; next = queue.shift()) {
    if (next.kind !== 'decl') continue;
    const written = input.modules.get(next.file)?.facts.bases?.find(([n]) => n === next.name)?.[1] ?? [];
    for (const name of written) {
      const base = input.graph.resolveName(next.file, name);
      if (base?.kind !== 'decl' || seen.has(bindingKey(base))) continue;
      seen.add(bindingKey(base));
      out.push(base);
      queue.push(base);
    }
  }
  return out;
}

/**
 * A field typed with a string union another module declares (`include?: Array<ns.Includable>`)
 * accepts that union's values; its own file could not see them.
 */
function withAliasValues(f: CodeFact, input: AssignInput): CodeFact {
  if (f.values !== undefined || f.declaredType === undefined) return f;
  const written = f.language === 'python' ? pythonElementType(f.declaredType) : tsElementType(f.declaredType);
  if (!written || !/^[A-Z]/.test(written.split('.').pop()!)) return f;
  const b = input.graph.resolveName(f.file, written);
  if (b?.kind !== 'decl') return f;
  const values = input.modules.get(b.file)?.facts.unions?.find(([n]) => n === b.name)?.[1];
  return values ? { ...f, values: [...values] } : f;
}

/** `Includable`, `Includable[]`, `Array<ns.Includable> | null`: the one named type. */
function tsElementType(declared: string): string | undefined {
  const name = /^(?:(?:Readonly)?Array<\s*([\w$.]+)\s*>|([\w$.]+)(?:\[\])?)(?:\s*\|\s*(?:null|undefined))*$/.exec(declared.trim());
  return name?.[1] ?? name?.[2];
}

/** `Includable`, `Optional[List[types.Includable]]`, `Required[Order]`, `List[Includable] | None`: the one named type. */
function pythonElementType(declared: string): string | undefined {
  let t = declared.replace(/\s+/g, '');
  for (let inner = t; ; t = inner) {
    inner = t
      .replace(/^(?:typing(?:_extensions)?\.)?(?:Optional|List|list|Iterable|Sequence|Set|set|Required|NotRequired)\[(.*)\]$/, '$1')
      .replace(/^(?:typing\.)?Union\[(.*),None\]$/, '$1')
      .replace(/\|None$/, '');
    if (inner === t) break;
  }
  return /^[A-Za-z_][\w.]*$/.test(t) ? t : undefined;
}

/** SDK classes imported by name into non-test files: each import line defines the item for that module. */
function definitionsByImport(input: AssignInput): CodeFact[] {
  const out: CodeFact[] = [];
  for (const [file, mod] of input.modules) {
    if (mod.isTest || mod.language === 'trace') continue;
    // Only imports straight from the SDK: a workspace module that re-imports one (`from .events
    // import X`) names the same declaration, whose location is the first module's import line.
    const direct = [
      ...mod.facts.imports
        .filter((i) => !i.partOnly)
        .map((i) => ({ local: i.local, module: i.module, name: i.name, line: i.line, column: i.column, verb: 'import' })),
      ...mod.facts.exports.flatMap((e) =>
        e.module !== undefined && e.exportLine
          ? [
              {
                local: e.name,
                module: e.module,
                name: e.imported ?? e.name,
                line: e.exportLine[0],
                column: e.exportLine[1],
                verb: 're-export',
              },
            ]
          : [],
      ),
    ];
    const seen = new Set<string>();
    for (const imp of direct) {
      if (imp.name === '*' || imp.name === 'default') continue;
      // One definition per declaration and module: an import repeated as a fallback adds nothing.
      if (seen.has(imp.name)) continue;
      // Only a name the SDK ties to an event can define one: most imports are not looked up.
      if (!input.typeByClass.has(imp.name)) continue;
      const target = input.graph.resolveModule(file, imp.module);
      if (!target || !('external' in target) || !input.sdkPackages.has(packageOf(target.external))) continue;
      seen.add(imp.name);
      for (const literal of [...(input.typeByClass.get(imp.name) ?? [])].sort()) {
        out.push({
          file,
          line: imp.line,
          column: imp.column,
          kind: 'definition',
          language: mod.language,
          symbol: imp.local,
          literal,
          evidence: `${imp.verb} from ${target.external}`,
          external: `${target.external}.${imp.name}`,
        });
      }
    }
  }
  return out;
}

/**
 * Routes whose path is a constant another module declares (`pathFrom`): the path it holds (module
 * facts `pathConstants`), read through the module graph as the name is written; a name that leads
 * to no such constant (a settings object, a module of no path) leaves no route.
 */
function withPathConstants(input: AssignInput): CodeFact[] {
  if (!input.facts.some((f) => f.pathFrom !== undefined)) return [...input.facts];
  const held = (b: Binding | undefined, name: (b: Binding & { kind: 'decl' }) => string): string | undefined =>
    b?.kind === 'decl' ? input.modules.get(b.file)?.facts.pathConstants?.find(([n]) => n === name(b))?.[1] : undefined;
  const pathOf = (file: string, written: string): string | undefined => {
    // `build()[0]`: what a function of that module returns (at a place of the tuple).
    const returned = /^([\w.]+)(\(\)(?:\[\d+\])?)$/.exec(written);
    if (returned) return held(input.graph.resolveName(file, returned[1]!), (b) => `${b.name}${returned[2]}`);
    const whole = held(input.graph.resolveName(file, written), (b) => b.name);
    if (whole !== undefined) return whole;
    // `API.responses` of `import { API }`: a member of an object the other module declares.
    const dot = written.lastIndexOf('.');
    return dot < 0 ? undefined : held(input.graph.resolveName(file, written.slice(0, dot)), (b) => `${b.name}${written.slice(dot)}`);
  };
  // A module that holds a path has it in its text, so the prefilter's pass parsed it: a name none
  // of them declares (`os.environ.get(KEY)`, `d.get(DEFAULT)`) is not looked up, which might parse
  // the module it comes from for nothing.
  const declared = new Set<string>();
  for (const m of input.modules.values()) for (const [n] of m.facts.pathConstants ?? []) declared.add(lastPart(n));
  /** The last part of a written name, by the name its module declares (`_build()` of `import build as _build`). */
  const declaredAs = (file: string, written: string): string => {
    const last = lastPart(written);
    const head = /^[\w]+/.exec(last)?.[0] ?? last;
    const imported = input.modules.get(file)?.facts.imports.find((i) => i.local === head && i.name !== '*');
    return imported ? imported.name + last.slice(head.length) : last;
  };
  return input.facts.flatMap((f) => {
    if (f.pathFrom === undefined) return [f];
    const { pathFrom, ...rest } = f;
    const path = declared.has(declaredAs(f.file, pathFrom)) ? pathOf(f.file, pathFrom) : undefined;
    return path === undefined ? [] : [{ ...rest, path }];
  });
}

/** `API.responses` → `responses`, `cfg.build()[0]` → `build()[0]`: the part after the last dot outside brackets. */
function lastPart(written: string): string {
  const call = written.indexOf('(');
  const name = call < 0 ? written : written.slice(0, call);
  return written.slice(name.lastIndexOf('.') + 1);
}

/** Definitions through a base → their complete fields, where the workspace knows the base's. */
function inheritFields(facts: readonly CodeFact[], bindingOf: ReadonlyMap<CodeFact, Binding | undefined>): Map<CodeFact, string[]> {
  const byKey = new Map<string, string[]>();
  const learn = (key: string, fields: readonly string[]): void => {
    const list = byKey.get(key) ?? [];
    for (const n of fields) if (!list.includes(n)) list.push(n);
    byKey.set(key, list);
  };
  for (const f of facts) if (f.kind === 'definition' && f.literal !== undefined && f.fields) learn(`${f.file}#${f.symbol}`, f.fields);
  const pending = facts.filter((f) => f.kind === 'definition' && f.literal === undefined && f.className !== undefined && f.fields);
  const out = new Map<CodeFact, string[]>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const f of pending) {
      const b = bindingOf.get(f);
      const base = b?.kind === 'decl' ? byKey.get(bindingKey(b)) : undefined;
      if (out.has(f) || !base) continue;
      const all = [...base.filter((n) => !f.fields!.includes(n)), ...f.fields!];
      out.set(f, all);
      learn(`${f.file}#${f.symbol}`, all);
      changed = true;
    }
  }
  return out;
}

type Modules = AssignInput['modules'];

/** The name a class fact uses, as its module exports it: `B` for `from m import A as B` is `A`. */
function originalName(f: CodeFact, modules: Modules): string {
  const name = f.className!;
  const last = name.slice(name.lastIndexOf('.') + 1);
  const imported = modules.get(f.file)?.facts.imports.find((i) => i.local === name);
  return imported && imported.name !== '*' ? imported.name : last;
}

/**
 * Class names that may lead to an item, by name alone (bindings decide afterwards): the SDK's
 * class names, classes with their own literal, and their subclasses and aliases to a fixed point.
 * Also what later prefilter passes look for in files no earlier pass picked.
 */
export function namesWorthResolving(
  facts: readonly CodeFact[],
  modules: Modules,
  typeByClass: ReadonlyMap<string, readonly string[]>,
): Set<string> {
  const worth = new Set<string>(typeByClass.keys());
  for (const f of facts) if (f.kind === 'definition' && f.literal !== undefined) worth.add(f.symbol);
  // What holds an event type's constant (`Events` of `Events.RESPONSE_CREATED`): code that writes it may use one.
  for (const name of constantHolders(modules)) worth.add(name);
  const subclasses = facts.filter((f) => f.kind === 'definition' && f.literal === undefined && f.className !== undefined);
  for (let grew = true; grew; ) {
    grew = false;
    for (const f of subclasses) {
      if (worth.has(f.symbol) || !worth.has(originalName(f, modules))) continue;
      worth.add(f.symbol);
      grew = true;
    }
    for (const mod of modules.values()) {
      const renames: [string, string][] = [
        ...mod.facts.aliases,
        ...mod.facts.imports.filter((i) => i.local !== i.name).map((i): [string, string] => [i.local, i.name]),
        ...mod.facts.exports.flatMap((e): [string, string][] => {
          const from = e.imported ?? e.local;
          return from !== undefined && from !== e.name ? [[e.name, from]] : [];
        }),
      ];
      for (const [local, target] of renames) {
        if (worth.has(local) || !worth.has(target.slice(target.lastIndexOf('.') + 1))) continue;
        worth.add(local);
        grew = true;
      }
    }
  }
  return worth;
}
