/**
 * Python route declarations: FastAPI `@app.post("/v1/responses")`, `@router.get(...)` (with the
 * router's literal `APIRouter(prefix=...)`), `@app.api_route(path, methods=[...])`, Flask
 * `@app.route(path, methods=[...])`, and decorator routes that name both by keyword
 * (`@webmethod(route="/v1/responses", method="POST")`). The declared path is kept; the mapping adds
 * the configured prefix.
 *
 * The handler's signature is the route's own evidence for its parameters: a parameter named in
 * the path is a path parameter; `Query()`/`Path()`/`Body()` say so explicitly; a parameter typed
 * with a class is the request body (`className`, joined to that class's fields by the mapping); any
 * other scalar is a query parameter (FastAPI's rule), or, on a keyword-declared route whose method
 * carries a body, a body field (such decorators build the body model from the signature).
 */
import type { Node } from 'web-tree-sitter';
import {
  namedBuilderFact,
  pathOfUrl,
  requestBuilderEndpoint,
  sdkEndpoint,
  sendsForeignKeys,
  sentIn,
  sentParams,
  sentUnderKeyword,
} from '../client-path.js';
import type { FactSink } from '../fact-sink.js';
import type { CodeFact, ReturnHandOff } from '../facts.js';
import { REQUEST_BODY_ARG } from '../module-facts.js';
import { pathOfPattern } from '../route-pattern.js';
import { flowKeys, returnedFlowKeys, sentStrings } from './sent-flow.js';
import {
  argumentFor,
  enclosingClass,
  type Callee,
  enclosingFunction,
  kids,
  lastName,
  paramName,
  pos,
  rootOf,
  stringsIn,
  stringValue,
  trailingNames,
  treeNodesOfType,
  writtenName,
} from './syntax.js';
import { callableName, calleeWritten, keysRead, modelBuiltFromBody, queryKeysRead, type HandOff } from './body-keys.js';

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);
/** Parameter types the framework injects itself: never the request body. */
const NOT_BODY = new Set(['Request', 'Response', 'BackgroundTasks', 'WebSocket', 'HTTPConnection', 'Session', 'AsyncSession']);
/** Annotations that make a plain value, not a model. */
const SCALAR =
  /^(str|int|float|bool|bytes|Any|None|list|dict|set|tuple|List|Dict|Set|Tuple|Optional|Union|Literal|Sequence|Mapping|Annotated|datetime|date|UUID|Decimal)$/;
const WITH_BODY = new Set(['post', 'put', 'patch']);

type RouteParam = NonNullable<CodeFact['params']>[number];

interface Declared {
  methods: string[];
  path: string;
  /** Declared by keywords (`route=`, `method=`): the signature is the body on POST/PUT/PATCH. */
  keywordRoute: boolean;
  evidence: string;
  /** The router or app it is declared on, as written (`router`): another module may mount it under a prefix. */
  owner?: string;
}

/** What the route passes read of a whole file, each worked out when first needed and then kept. */
export class RouteScope {
  #prefixes: Map<string, string> | undefined;
  #functions: Map<string, Node> | undefined;
  /** `functionNodes`: the file's function definitions, in document order. */
  constructor(
    private readonly root: Node,
    private readonly functionNodes: () => readonly Node[],
  ) {}

  /** The file's routers with a literal prefix (`router = APIRouter(prefix="/v1")`): name → prefix. */
  get prefixes(): Map<string, string> {
    this.#prefixes ??= routerPrefixes(this.root);
    return this.#prefixes;
  }

  /** Names bound to a member fetched by name (`parse = getattr(client.responses, "parse", None)`) → its chain. */
  readonly #fetched = new Map<string, string[]>();

  /**
   * Notes `name = getattr(obj, "member", …)`: `name` is then `obj.member`, for a call of it to be read
   * as a call of that member (`parse(model=…)` as `client.responses.parse(model=…)`). `obj` may be a
   * name bound so before it (`getattr(streaming, "create")` after `streaming = getattr(client.responses,
   * "with_streaming_response")`).
   */
  bindGetattr(call: Node): void {
    const assignment = call.parent;
    const name = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : null;
    if (name?.type !== 'identifier' || assignment!.childForFieldName('right')?.id !== call.id) return;
    const fetched = getattrMember(call);
    if (!fetched) return;
    const { object, attr } = fetched;
    const head = object.type === 'identifier' ? (this.#fetched.get(object.text) ?? [object.text]) : trailingNames(object);
    this.#fetched.set(name.text, [...head, attr]);
  }

  /** The chain a name was bound to by `bindGetattr`, if it was. */
  fetched(name: string): readonly string[] | undefined {
    return this.#fetched.get(name);
  }

  /**
   * `chain` (`responses.create`, `self._responses.create`) with its object replaced by what it was
   * assigned (`responses = client.responses` in the function, `self._responses = client.responses`
   * in a method of the class, or a `getattr` of it), when the method is one an SDK has: a resource
   * held in a name before it is called.
   */
  aliasedChain(call: Node, chain: readonly string[], sdkCalls: ReadonlyMap<string, unknown>): string[] | undefined {
    const method = chain.at(-1);
    const held = chain.slice(0, -1);
    if (method === undefined || held.length === 0 || held.length > 2 || (held.length === 2 && held[0] !== 'self')) return undefined;
    this.#sdkOf(sdkCalls);
    if (!this.#sdk!.methods.has(method)) return undefined;
    const fetched = held.length === 1 ? this.#fetched.get(held[0]!) : undefined;
    if (fetched) return [...fetched, method];
    const found = this.#heldIn(call, held);
    return found && this.#sdk!.resources.has(found.at(-1)!) ? [...found, method] : undefined;
  }

  /**
   * The SDK method a name of the function holds (`create = client.responses.create`, or through
   * `cast(…, client.responses.create)`), called by that name: `create(**kwargs)`.
   */
  heldMethod(call: Node, name: string, sdkCalls: ReadonlyMap<string, unknown>): string[] | undefined {
    this.#sdkOf(sdkCalls);
    const found = this.#heldIn(call, [name]);
    return found && this.#sdk!.methods.has(found.at(-1)!) && this.#sdk!.resources.has(found.at(-2) ?? '') ? found : undefined;
  }

  #sdkOf(sdkCalls: ReadonlyMap<string, unknown>): void {
    if (this.#sdk) return;
    const calls = [...sdkCalls.keys()];
    const methods = new Set(calls.map((c) => c.slice(c.lastIndexOf('.') + 1)));
    const resources = new Set(calls.flatMap((c) => c.split('.').slice(0, -1)));
    // What a line that assigns one of them ends with (`= client.responses`, `= client.responses.create`).
    const names = [...new Set([...methods, ...resources])].filter((n) => /^\w+$/.test(n));
    const held = names.length > 0 ? String.raw`=[ \t]*[\w.()]*\.(?:${names.join('|')})[ \t]*(?:#[^\n]*)?$|` : '';
    this.#sdk = { methods, resources, mayHold: new RegExp(`${held}getattr\\(|cast\\(`, 'm') };
  }

  /** The chain `held` (a name, or `self.<name>`) was assigned where `call` can see it. */
  #heldIn(call: Node, held: readonly string[]): string[] | undefined {
    // Most files hold nothing of the SDK in a name: their text says so before the tree is searched
    // (an assignment whose value ends with one of its resources or methods, a `getattr`, a `cast`).
    this.#mayHold ??= this.#sdk!.mayHold.test(this.root.text);
    if (!this.#mayHold) return undefined;
    const entries = this.#heldResources().get(held.join('.'));
    if (!entries) return undefined;
    const fn = enclosingFunction(call);
    // `self._responses` is assigned in any method of the class; a plain name in the function itself.
    const scope = held.length === 2 ? enclosingClass(fn) : fn;
    return entries.find((e) => (held.length === 2 ? enclosingClass(e.at) : enclosingFunction(e.at))?.id === scope?.id)?.chain;
  }

  /**
   * The file's names assigned an SDK resource or method (`responses = client.responses`, `self._items =
   * client.conversations.items`, `getattr(client, "responses", None)`, `create = client.responses.create`),
   * each with the chain it holds;
   * read once per file, the first time a call of an SDK method through a name needs it.
   */
  #heldResources(): Map<string, { at: Node; chain: string[] }[]> {
    if (this.#held) return this.#held;
    const held = new Map<string, { at: Node; chain: string[] }[]>();
    const { resources, methods } = this.#sdk!;
    for (const a of treeNodesOfType(this.root, 'assignment')) {
      const left = a?.childForFieldName('left');
      let value = a?.childForFieldName('right');
      // `cast(Callable[…], client.responses.create)`: what is cast.
      if (value?.type === 'call' && /^(?:typing\.)?cast$/.test(value.childForFieldName('function')?.text ?? ''))
        value = kids(value.childForFieldName('arguments') ?? value)[1] ?? value;
      if (!a || !left || !value || (left.type !== 'identifier' && left.type !== 'attribute')) continue;
      let chain: string[] | undefined;
      const fetched = value.type === 'call' && value.childForFieldName('function')?.text === 'getattr' ? getattrMember(value) : undefined;
      if (value.type === 'attribute') chain = trailingNames(value);
      else if (fetched) chain = [...trailingNames(fetched.object), fetched.attr];
      // A resource (`client.responses`), or a method of one (`client.responses.create`).
      if (!chain || !(resources.has(chain.at(-1)!) || (methods.has(chain.at(-1)!) && resources.has(chain.at(-2) ?? '')))) continue;
      const name = left.text;
      held.set(name, [...(held.get(name) ?? []), { at: a, chain }]);
    }
    this.#held = held;
    return held;
  }

  #held: Map<string, { at: Node; chain: string[] }[]> | undefined;
  #mayHold: boolean | undefined;
  #sdk: { methods: Set<string>; resources: Set<string>; mayHold: RegExp } | undefined;

  /** The file's functions by name, the first definition of each. */
  get functions(): Map<string, Node> {
    if (!this.#functions) {
      this.#functions = new Map();
      for (const f of this.functionNodes()) {
        const name = f.childForFieldName('name')?.text;
        if (name && !this.#functions.has(name)) this.#functions.set(name, f);
      }
    }
    return this.#functions;
  }
}

/** `getattr(obj, "member", …)`: the object and the member it fetches by a name written out. */
function getattrMember(call: Node): { object: Node; attr: string } | undefined {
  const [object, member] = kids(call.childForFieldName('arguments') ?? call);
  const attr = member ? stringValue(member) : undefined;
  return object && attr !== undefined && /^[A-Za-z_]\w*$/.test(attr) ? { object, attr } : undefined;
}

const NOTHING_READ: { keys: RouteParam[]; handOffs: HandOff[] } = { keys: [], handOffs: [] };

/** A handler's declared parameters, and the query parameters it reads off its request that it does not declare. */
function withQueryReads(params: readonly RouteParam[], fn: Node): RouteParam[] {
  const declared = new Set(params.filter((p) => p.in === 'query').map((p) => p.name));
  return [...params, ...queryKeysRead(fn).filter((p) => !declared.has(p.name))];
}

/** `decorated`: the file's decorated definitions, in document order. */
export function routeFacts(decorated: readonly Node[], scope: RouteScope, sink: FactSink): void {
  for (const def of decorated) {
    const fn = def.childForFieldName('definition');
    if (fn?.type !== 'function_definition') continue;
    for (const dec of kids(def).filter((k) => k.type === 'decorator')) {
      const call = kids(dec)[0];
      if (call?.type !== 'call') continue;
      const declared = declaredRoute(call, scope.prefixes);
      if (!declared) continue;
      const { params, body: typed, rawBody } = signature(fn, declared);
      const body = typed ?? modelBuiltFromBody(fn, rawBody);
      const { keys: read, handOffs } =
        !body && declared.methods.some((m) => WITH_BODY.has(m)) ? keysRead(fn, rawBody, scope.functions) : NOTHING_READ;
      const query = withQueryReads(params, fn);
      for (const method of declared.methods) {
        const own = query.filter((p) => p.in !== 'body' || WITH_BODY.has(method));
        if (WITH_BODY.has(method)) own.push(...read);
        sink.add({
          kind: 'route',
          symbol: fn.childForFieldName('name')?.text ?? '<function>',
          method: method.toUpperCase(),
          path: declared.path,
          evidence: declared.evidence,
          ...(body ? { className: body } : {}),
          ...(own.length ? { params: own } : {}),
          ...(WITH_BODY.has(method) && handOffs.length ? { handsBody: handOffs } : {}),
          ...(declared.owner ? { router: declared.owner } : {}),
          ...pos(dec),
        });
      }
    }
  }
}

/**
 * A Django URL pattern, `path("v1/responses/<str:response_id>", views.detail)` or a `re_path` whose
 * pattern is a plain path with named groups: a route at that path for the view it names. It says no
 * method: the workspace pass gives it the methods the view declares (`view`), or drops it.
 */
function djangoPathFact(call: Node, name: string, sink: FactSink): boolean {
  if (!sink.module.imports.some((i) => i.name === name && i.module === 'django.urls')) return false;
  const [route, view] = kids(call.childForFieldName('arguments') ?? call);
  const written = stringValue(route);
  if (written === undefined || !view) return false;
  const path = name === 'path' ? djangoPath(written) : djangoRegexPath(written);
  // `views.Detail.as_view()`: the class.
  const target =
    view.type === 'call' && lastName(view.childForFieldName('function')) === 'as_view'
      ? writtenName(view.childForFieldName('function')?.childForFieldName('object'))
      : writtenName(view);
  if (path === undefined || target === undefined) return false;
  const line = pos(call).line;
  const params = pathTemplateParams(path, line);
  const classView = view.type === 'call';
  // Named by its view: the pattern stands in a list, in no function of its own. The view reads the
  // body (its request, the first argument past `self`): a function view, or a class view's method
  // of the route's method (`.*` until the workspace pass knows which).
  sink.add({
    kind: 'route',
    symbol: target,
    path,
    view: target,
    evidence: `Django ${name}()`,
    ...(params.length ? { params } : {}),
    handsBody: [{ callee: classView ? `${target}.*` : target, arg: 0, line }],
    ...pos(call),
  });
  return true;
}

/** `v1/responses/<str:response_id>/` → `/v1/responses/{response_id}`. */
function djangoPath(route: string): string {
  const path = `/${route}`.replace(/<(?:\w+:)?([A-Za-z_]\w*)>/g, '{$1}').replace(/\/+$/, '');
  return path === '' ? '/' : path;
}

/** `^v1/responses/(?P<response_id>[^/]+)/?$` → `/v1/responses/{response_id}`; a pattern that is more than a path gives none. */
function djangoRegexPath(pattern: string): string | undefined {
  const path = pattern
    .replace(/^\^/, '')
    .replace(/\$$/, '')
    .replace(/\/\?$/, '')
    .replace(/\(\?P<([A-Za-z_]\w*)>[^)]*\)/g, '{$1}');
  return /[\\()[\]*+?|^$]/.test(path) ? undefined : djangoPath(path);
}

/**
 * A client call of an endpoint: `self._post("/responses", body=maybe_transform(body, Params))`,
 * `self._get_api_list(f"/responses/{response_id}/input_items", …)`, `httpx.post(f"{base}/responses",
 * json=payload)`, `requests.delete(url)` with `url` assigned a path in the same function. The
 * method comes from the called name; the path from a string, an f-string (each `{…}` a path
 * parameter named after what it holds; a leading `{base}` before `/` dropped), a full URL,
 * `base + "/…"`, a template filled by `.format(…)` or by a helper that takes it first
 * (`path_template("/responses/{response_id}", response_id=…)`). The call is named by the function that makes it (`symbol`); the request model is
 * the class a `*maybe_transform(value, Class)` in its arguments names, or the declared class of the
 * parameter passed as `body=`/`json=`. Called by the facts pass for every call it meets.
 */
export function clientCallFact(call: Node, callee: Callee, symbol: string, scope: RouteScope, sink: FactSink): void {
  const fn = callee.node;
  const name = callee.last;
  // Most calls are none of these: their arguments are read only for a name that may be.
  const named = name ? /^_*(get|post|put|patch|delete)(?=$|_)/.exec(name)?.[1] : undefined;
  const registers = name !== undefined && (REGISTERS.has(name) || REGISTERING_VERB.test(name));
  if ((name === 'path' || name === 're_path') && !callee.attribute && djangoPathFact(call, name, sink)) return;
  // `client.request("POST", "/v1/responses", json=…)`, `self._request("GET", url)`, httpx's
  // `client.stream("POST", url, json=…)`: the method first.
  const requesting = !named && name !== undefined && (/request/i.test(name) || name === 'stream');
  const args = named || registers || requesting ? kids(call.childForFieldName('arguments') ?? call) : [];
  const given =
    requesting && args[0]?.type === 'string' ? /^(get|post|put|patch|delete)$/i.exec(stringValue(args[0]) ?? '')?.[1] : undefined;
  const verb = named ?? given?.toLowerCase() ?? (name === 'Request' ? urllibVerb(callee, args) : undefined);
  if (registers && registeredRouteFact(call, name, args, scope, sink)) return;
  // `client.responses.create(…)`, or `create(…)` after `create = getattr(client.responses, "create")`.
  const chain = callee.attribute
    ? (callee.written?.split('.') ?? trailingNames(callee.node))
    : name && (scope.fetched(name) ?? scope.heldMethod(call, name, sink.ctx.candidates.sdkCalls));
  if (chain && sdkCallFact(call, chain, symbol, sink)) return;
  // `responses = client.responses` (or `getattr(client, "responses", None)`), then `responses.create(…)`.
  const aliased = chain && callee.attribute ? scope.aliasedChain(call, chain, sink.ctx.candidates.sdkCalls) : undefined;
  if (aliased && sdkCallFact(call, aliased, symbol, sink)) return;
  // `asyncio.to_thread(client.responses.create, **kwargs)`, `functools.partial(client.responses.create,
  // model=…)`, `loop.run_in_executor(None, client.responses.create)`: the method handed on, called with
  // the arguments after it.
  if (name !== undefined && CALLS_GIVEN.has(name) && handedSdkCall(call, name, symbol, sink)) return;
  if (!verb) {
    if (!registers && name !== undefined) wrapperCallFact(call, callee, symbol, sink);
    return;
  }
  if (call.parent?.type === 'decorator') return;
  const pathArg = given ? args[1] : args[0];
  const first = pathArg?.type === 'keyword_argument' ? undefined : pathArg;
  if (!first) return;
  // Most verb calls are `.get("key")` on a dict: the enclosing function (a walk up the tree, each
  // step a call into WebAssembly) is looked up only for a path held in a variable, or once a path is found.
  let caller: Node | undefined | null = null;
  const callerOf = (): Node | undefined => {
    if (caller === null) caller = enclosingFunction(call);
    return caller;
  };
  // A function of the module that sends to the URL it is given: another module may call it.
  if (first.type === 'identifier') wrapperOf(callerOf(), first.text, verb, sink);
  let path = clientPath(first, callerOf, 0) ?? (callee.attribute ? relativePath(first, args) : undefined);
  // `requests.post(RESPONSES_URL, …)`, `post(config.RESPONSES_URL, …)` with the name imported: the
  // path is that module's constant, which the workspace pass looks up.
  const pathFrom = path === undefined ? (importedPathName(first, sink) ?? importedReturnName(first, callerOf(), sink)) : undefined;
  if (pathFrom !== undefined) path = '';
  if (path === undefined) return;
  const body = requestClass(args, callerOf());
  const variants = body?.split(' | ');
  const params: RouteParam[] = [...pathTemplateParams(path, pos(call).line), ...sentKeys(args, sink.ctx.candidates.paramSets)];
  sink.add({
    kind: 'route',
    symbol,
    method: verb.toUpperCase(),
    path,
    ...(pathFrom !== undefined ? { pathFrom } : {}),
    evidence: `${fn.text}() call`,
    ...(variants ? { className: variants[0]! } : {}),
    ...(variants && variants.length > 1 ? { variants } : {}),
    ...(params.length ? { params } : {}),
    ...pos(call),
  });
}

/** `RESPONSES_URL`, `config.RESPONSES_URL`: a name (or an attribute of one) the module imports, as written. */
function importedPathName(node: Node, sink: FactSink): string | undefined {
  if (node.type !== 'identifier' && node.type !== 'attribute') return undefined;
  const written = node.text;
  if (!/^[A-Za-z_][\w.]*$/.test(written)) return undefined;
  const head = written.split('.')[0];
  return sink.module.imports.some((i) => i.local === head) ? written : undefined;
}

/**
 * A URL an imported function returns, as written for the workspace pass: `build_url()` called in
 * place or assigned first (`url = build_url()`), `build()[0]` for `url, headers = await build()`.
 */
function importedReturnName(node: Node, caller: Node | undefined, sink: FactSink): string | undefined {
  const called = (call: Node | undefined): string | undefined => {
    const c = call?.type === 'await' ? kids(call)[0] : call;
    const fn = c?.type === 'call' ? c.childForFieldName('function') : undefined;
    return fn?.type === 'identifier' && sink.module.imports.some((i) => i.local === fn.text) ? `${fn.text}()` : undefined;
  };
  if (node.type === 'call' || node.type === 'await') return called(node);
  // Only a name that says it holds a URL: `.get(key)` on a dict is far more common than a request.
  if (node.type !== 'identifier' || !caller || !URL_NAME.test(node.text)) return undefined;
  const unpacked = unpackedIn(caller, node.text);
  if (unpacked) {
    const name = called(unpacked.call);
    return name && `${name}[${unpacked.index}]`;
  }
  return called(assignedIn(caller, node.text));
}

/** A `return` of a string with a `/` in it. */
const RETURNS_PATH = /return[^\n]*["'][^"'\n]*\//;

/**
 * The paths the module's functions return, for calls in other modules that send to what one
 * returns: `build_url()` when each of its returns is one path, `build()[0]` when each returns a
 * tuple whose first item is one path.
 */
export function returnedPaths(root: Node, text: string): [string, string][] {
  const out: [string, string][] = [];
  // Cheap first, on the file's text: most modules return no string with a path in it.
  if (!RETURNS_PATH.test(text)) return out;
  for (const st of kids(root)) {
    const fn = st.type === 'decorated_definition' ? st.childForFieldName('definition') : st;
    const name = fn?.type === 'function_definition' ? fn.childForFieldName('name')?.text : undefined;
    // The module's text, not the node's: reading a node's text copies it out of the parser.
    if (!fn || !name || !RETURNS_PATH.test(text.slice(fn.startIndex, fn.endIndex))) continue;
    const returns = fn.descendantsOfType('return_statement').filter((r): r is Node => r !== null && enclosingFunction(r)?.id === fn.id);
    const values = returns.map((r) => kids(r)[0]);
    if (values.length === 0 || values.some((v) => v === undefined)) continue;
    const agreed = (pick: (v: Node) => Node | undefined): string | undefined => {
      let path: string | undefined;
      for (const v of values) {
        const at = pick(v!);
        const found = at ? clientPath(at, () => fn, 1) : undefined;
        if (found === undefined || (path !== undefined && found !== path)) return undefined;
        path = found;
      }
      return path;
    };
    const whole = agreed((v) => v);
    if (whole) out.push([`${name}()`, whole]);
    const first = values[0]!;
    if (first.type !== 'expression_list' && first.type !== 'tuple') continue;
    kids(first).forEach((_, i) => {
      const path = agreed((v) => (v.type === 'expression_list' || v.type === 'tuple' ? kids(v)[i] : undefined));
      if (path) out.push([`${name}()[${i}]`, path]);
    });
  }
  return out;
}

/**
 * Notes `fn` in the module facts' `clientWrappers` when `name`, the URL its request is sent to, is
 * one of its parameters, and `fn` is a function another module can call.
 */
function wrapperOf(fn: Node | undefined, name: string, verb: string, sink: FactSink): void {
  const callable = fn && callableName(fn);
  if (!callable) return;
  const params = kids(fn.childForFieldName('parameters') ?? fn).map(paramName);
  const index = params.indexOf(name);
  if (index < 0) return;
  // A method is called on its object: its first parameter is not among the call's arguments.
  const position = callable.includes('.') && /^(?:self|cls)$/.test(params[0] ?? '') ? index - 1 : index;
  sink.module.clientWrappers ??= [];
  const wrappers = sink.module.clientWrappers;
  if (!wrappers.some(([n]) => n === callable)) wrappers.push([callable, verb.toUpperCase(), position, name]);
}

/**
 * A call of a function of this module or another given a URL of a path first (`post_json(f"{base}/responses",
 * payload)`, `url` assigned such a URL): a call of the endpoint if that function sends to the URL it
 * is given, which the workspace pass looks up (facts' `wrapper`), with the keys the call's other
 * arguments hold. One of this file is also read where it sends, the path its calls give (passedPath).
 */
function wrapperCallFact(call: Node, callee: Callee, symbol: string, sink: FactSink): void {
  const fn = callee.node;
  const object = callee.attribute ? fn.childForFieldName('object') : undefined;
  if (object && /^(?:self|cls)$/.test(object.text)) return;
  const args = kids(call.childForFieldName('arguments') ?? call);
  // The URL first, or given by a keyword that names one (`stream_upstream(url=f"{BASE}/responses", …)`).
  const byKeyword =
    args[0]?.type === 'keyword_argument'
      ? args.find((a) => a.type === 'keyword_argument' && URL_NAME.test(a.childForFieldName('name')?.text ?? ''))
      : undefined;
  const urlKeyword = byKeyword?.childForFieldName('name')?.text;
  const first = byKeyword ? byKeyword.childForFieldName('value') : args[0];
  // Cheap first: most calls are given no URL.
  if (!first || !(first.type === 'string' ? first.text.includes('/') : first.type === 'identifier' && URL_NAME.test(first.text))) return;
  const path = clientPath(first, () => enclosingFunction(call), 0);
  if (path === undefined) return;
  const written = calleeWritten(fn, call);
  if (written === undefined) return;
  const known = sink.ctx.candidates.paramSets;
  const params: RouteParam[] = [];
  for (const a of args) {
    if (a.id === (byKeyword ?? args[0])?.id) continue;
    const value = a.type === 'keyword_argument' ? a.childForFieldName('value') : a.type === 'dictionary_splat' ? null : a;
    if (!value) continue;
    const keys = value.type === 'dictionary' ? dictKeys(value, enclosingFunction(call), 0) : flowKeys(value);
    for (const key of keys) if (known.some((set) => set.has(key.name))) params.push({ ...key, in: 'body' });
  }
  sink.add({
    kind: 'route',
    symbol,
    path,
    evidence: `${fn.text}() call`,
    wrapper: urlKeyword !== undefined ? { callee: written, urlKeyword } : { callee: written, urlArg: 0 },
    ...(params.length ? { params } : {}),
    ...pos(call),
  });
}

/**
 * The standard library's request, `urllib.request.Request(url, data=body, method="POST")`: its
 * method as given, or what urllib sends by default (POST with data, GET without). A bare
 * `Request(…)` counts only with a method or data given, as other frameworks' requests take neither.
 */
function urllibVerb(callee: Callee, args: Node[]): string | undefined {
  const written = callee.written ?? callee.node.text;
  if (!/^(?:urllib\.)?(?:request\.)?Request$/.test(written)) return undefined;
  const method = keyword(args, 'method')?.toLowerCase();
  if (method !== undefined) return METHODS.has(method) ? method : undefined;
  const data = keywordValue(args, 'data') ?? args.filter((a) => a.type !== 'keyword_argument')[1];
  if (data) return 'post';
  return written === 'Request' ? undefined : 'get';
}

/** What a plain server compares with a path: `self.path` (http.server), `scope["path"]` (ASGI), `request.url.path`. */
const REQUEST_PATH = /(?:\.path|\.path_info|\[\s*["']path["']\s*\])$/;
/** What it compares with a method: `self.command`, `request.method`, `scope["method"]`. */
const REQUEST_METHOD = /(?:\.method|\.command|\[\s*["']method["']\s*\])$/;

/** Containers a path is tested against: `self.path in {"/responses", "/v1/responses"}`. */
const PATH_SETS = new Set(['set', 'tuple', 'list']);

/** What is done to a path before it is compared: its part before the query, stripped, lower-cased. */
const PATH_TRIMS = /(?:\.(?:split|rsplit|partition)\([^()]*\)\[0\]|\.(?:rstrip|strip|lower)\([^()]*\))+$/;

/** The calls that test a path by a pattern: `re.match(r"^/v1/responses/([^/]+)$", path)`. */
const PATTERN_TESTS = new Set(['re.match', 're.fullmatch', 're.search']);

/**
 * A string a plain server may dispatch on: compared with something, alone or as a member of the set
 * it is tested against; a prefix or suffix a path is tested with (`path.startswith("/v1/responses")`,
 * `path.endswith("/responses")`); a
 * pattern a path is matched against (`re.match(r"^/v1/responses/([^/]+)$", path)`).
 */
export function comparedPath(str: Node): boolean {
  const parent = str.parent;
  if (parent?.type === 'comparison_operator') return true;
  if (parent?.type === 'argument_list') return dispatchTest(str) !== undefined;
  return parent !== null && PATH_SETS.has(parent.type) && parent.parent?.type === 'comparison_operator';
}

/** The test a string stands in, with the path it tests for and where the route is located; undefined when it is no dispatch. */
function dispatchTest(str: Node): { test: Node; path: string; at: Node } | undefined {
  const value = stringValue(str);
  if (value === undefined) return undefined;
  const parent = str.parent!;
  if (parent.type === 'argument_list') {
    const call = parent.parent;
    const callee = call?.type === 'call' ? call.childForFieldName('function') : undefined;
    const args = kids(parent);
    if (!call || !callee) return undefined;
    const affix = callee.type === 'attribute' ? callee.childForFieldName('attribute')?.text : undefined;
    if ((affix === 'startswith' || affix === 'endswith') && args.length === 1) {
      const subject = callee.childForFieldName('object');
      // A prefix that ends in `/` stands for several routes. A suffix (`path.endswith("/responses")`,
      // a server that answers under any mount point) is the route whose path ends so; the join
      // takes it as written, with the API's prefix, or as the end of exactly one endpoint's path.
      return value.startsWith('/') && !value.endsWith('/') && subject && isRequestPart(subject, REQUEST_PATH)
        ? { test: call, path: value, at: call }
        : undefined;
    }
    if (PATTERN_TESTS.has(callee.text) && args[0]?.id === str.id && args[1] && isRequestPart(args[1], REQUEST_PATH)) {
      const path = pathOfPattern(value);
      return path ? { test: call, path, at: call } : undefined;
    }
    return undefined;
  }
  if (!value.startsWith('/')) return undefined;
  const member = PATH_SETS.has(parent.type) ? parent : undefined;
  const compared = member ?? str;
  const comparison = compared.parent;
  if (comparison?.type !== 'comparison_operator' || kids(comparison).length !== 2) return undefined;
  const [left, right] = kids(comparison);
  const other = left?.id === compared.id ? right : left;
  const operator = comparison.child(1)?.type;
  // A set is tested on the right of `in`; a single path on either side of `==` or `!=`.
  const tested = member ? (operator === 'in' || operator === 'not in') && right?.id === member.id : operator === '==' || operator === '!=';
  if (!tested || !other || !isRequestPart(other, REQUEST_PATH)) return undefined;
  // Each path of a set at its own string, as each type of a handler's `in (…)` is.
  return { test: comparison, path: value, at: member ? str : comparison };
}

/**
 * `node` reads the request's path (or method, by `part`), or is a name the function gave it
 * before: `path = self.path.split("?")[0]`, `path = urlparse(self.path).path`, `method = scope["method"]`.
 */
function isRequestPart(node: Node, part: RegExp, depth = 0): boolean {
  if (part.test(node.text.replace(PATH_TRIMS, ''))) return true;
  if (node.type !== 'identifier' || depth >= 3) return false;
  const fn = enclosingFunction(node);
  let value: Node | undefined;
  for (const a of fn?.descendantsOfType('assignment') ?? []) {
    if (!a || a.startIndex >= node.startIndex) continue;
    const left = a.childForFieldName('left');
    const right = a.childForFieldName('right');
    if (left?.text === node.text) value = right ?? undefined;
    // `method, path = scope["method"], scope["path"]`: the value at the name's place.
    else if ((left?.type === 'pattern_list' || left?.type === 'tuple_pattern') && right?.type === 'expression_list') {
      const at = kids(left).findIndex((k) => k.text === node.text);
      if (at >= 0) value = kids(right)[at];
    }
  }
  return value !== undefined && isRequestPart(value, part, depth + 1);
}

/**
 * A plain server's dispatch: `if self.path == "/v1/responses":` in http.server's `do_POST`, or
 * `scope["method"] == "POST" and scope["path"] == "/v1/responses"` in a bare ASGI app. A guard
 * that turns every other path away serves the same route (`if self.path != "/v1/responses":` or
 * `if self.path not in {"/responses", "/v1/responses"}:` answering 404), as does a test of
 * membership (`in {…}`: each path in it), of a prefix or suffix (`path.startswith("/v1/responses")`, `path.endswith("/responses")`) or of a
 * pattern (`re.match(r"^/v1/responses/([^/]+)$", path)`). The path and the method may be names the
 * handler gave them first (`path = self.path.split("?")[0]`). The method is the handler's
 * (`do_POST`) or the one compared in the same `and`; with neither, no route: a path compared alone
 * may be a client's test of where a call goes.
 */
export function dispatchedRouteFact(str: Node, symbol: string, functions: ReadonlyMap<string, Node>, sink: FactSink): void {
  const found = dispatchTest(str);
  if (!found) return;
  const { test, path, at } = found;
  const handler = enclosingFunction(test);
  let method = /^do_([A-Z]+)$/.exec(handler?.childForFieldName('name')?.text ?? '')?.[1];
  // The method compared beside it: the `and` chain the test stands in.
  let chain: Node = test;
  while (chain.parent?.type === 'boolean_operator' && chain.parent.child(1)?.type === 'and') chain = chain.parent;
  for (const c of chain.type === 'boolean_operator' ? chain.descendantsOfType('comparison_operator') : []) {
    const [a, b] = kids(c!);
    const given =
      a && b && isRequestPart(a, REQUEST_METHOD) ? stringValue(b) : a && b && isRequestPart(b, REQUEST_METHOD) ? stringValue(a) : undefined;
    if (given && METHODS.has(given.toLowerCase())) method = given.toUpperCase();
  }
  if (!method || !METHODS.has(method.toLowerCase())) return;
  // What the handler reads off the body it reads itself (`self._read_json()`), as a decorated route's,
  // but not in the parts of it that serve other paths.
  const { keys, handOffs } =
    handler && WITH_BODY.has(method.toLowerCase()) ? keysRead(handler, [], functions, otherPathsParts(handler, path)) : NOTHING_READ;
  const params = [...pathTemplateParams(path, pos(at).line), ...keys];
  sink.add({
    kind: 'route',
    symbol,
    method,
    path,
    evidence: 'request dispatch on its method and path',
    ...(params.length ? { params } : {}),
    ...(handOffs.length ? { handsBody: handOffs } : {}),
    ...pos(at),
  });
}

/**
 * The parts of a plain server's handler that serve paths other than `path`: a handler that reads
 * the body once and branches on the path hands it to one helper per path (`if chat_path:
 * self.handle_chat(body) else: self.handle_responses(body)`), and only the branch of this path reads
 * this route's keys. A branch tests a path in place or through a name it was given first
 * (`chat_path = path in {…}`). Other parts are the branches of a test for another path; the other
 * branches of a test for this one; and, when this path's `if` always returns, what follows it. A
 * negated test (`if not chat_path and not responses_path:` answering 404, or a guard that turns
 * the other paths away) serves no path of its own.
 */
function otherPathsParts(handler: Node, path: string): Node[] {
  const parts: Node[] = [];
  for (const statement of handler.descendantsOfType('if_statement')) {
    if (!statement) continue;
    const clauses = [statement, ...kids(statement).filter((k) => k.type === 'elif_clause' || k.type === 'else_clause')];
    const bodyOf = (clause: Node): Node | null =>
      clause.type === 'else_clause' ? clause.childForFieldName('body') : clause.childForFieldName('consequence');
    const tested = clauses.map((clause) => {
      const condition = clause.type === 'else_clause' ? null : clause.childForFieldName('condition');
      return condition ? testedPaths(condition) : [];
    });
    const mine = tested.findIndex((paths) => paths.includes(path));
    clauses.forEach((clause, i) => {
      const body = bodyOf(clause);
      if (body && i !== mine && (mine >= 0 || tested[i]!.length > 0)) parts.push(body);
    });
    const last = mine === 0 ? kids(bodyOf(statement) ?? statement).at(-1) : undefined;
    if (last?.type === 'return_statement' || last?.type === 'raise_statement')
      for (let next = statement.nextNamedSibling; next; next = next.nextNamedSibling) parts.push(next);
  }
  return parts;
}

/**
 * The paths a condition tests the request for, positively: `self.path == "/v1/chat/completions"`,
 * `path.startswith(…)`, or a name given such a test first (`if chat_path:`). A negated test is none.
 */
function testedPaths(condition: Node, depth = 0): string[] {
  if (condition.type === 'not_operator') return [];
  if (condition.type === 'identifier' && depth === 0) {
    const fn = enclosingFunction(condition);
    const given = fn
      ?.descendantsOfType('assignment')
      .find((a) => a && a.startIndex < condition.startIndex && a.childForFieldName('left')?.text === condition.text);
    const value = given?.childForFieldName('right');
    return value ? testedPaths(value, depth + 1) : [];
  }
  const paths: string[] = [];
  for (const str of condition.descendantsOfType('string')) {
    if (!str || hasNot(str, condition)) continue;
    const found = dispatchTest(str);
    if (found && positive(found.test)) paths.push(found.path);
  }
  return paths;
}

/** A dispatch test that holds for its path (`==`, `in`, a prefix, a pattern), not one that holds for every other. */
function positive(test: Node): boolean {
  if (test.parent?.type === 'not_operator') return false;
  return test.type !== 'comparison_operator' || ['==', 'in'].includes(test.child(1)?.type ?? '');
}

/** `node` stands under a `not` within `top`. */
function hasNot(node: Node, top: Node): boolean {
  for (let at = node.parent; at && at.id !== top.id; at = at.parent) if (at.type === 'not_operator') return true;
  return false;
}

/**
 * A router mounted under a prefix: FastAPI `app.include_router(responses.router, prefix="/v1")`.
 * Kept in the module facts, as written; the workspace pass resolves both routers and prefixes the
 * routes declared on the mounted one. (Flask's `register_blueprint(bp, url_prefix=…)` replaces the
 * blueprint's own prefix rather than adding to it, so only a blueprint's own `url_prefix` is read.)
 */
export function mountFact(call: Node, callee: Callee, sink: FactSink): void {
  if (!callee.attribute || callee.last !== 'include_router') return;
  const args = kids(call.childForFieldName('arguments') ?? call);
  const mounted = writtenName(args[0]?.type === 'keyword_argument' ? undefined : args[0]);
  const into = writtenName(callee.node.childForFieldName('object'));
  const prefix = keyword(args, 'prefix');
  if (mounted && into && prefix?.startsWith('/')) {
    sink.module.mounts ??= [];
    sink.module.mounts.push([mounted, into, prefix]);
  }
}

/** Calls that register a route, besides those named after a method (`web.post`, `router.add_get`). */
const REGISTERS = new Set(['add_api_route', 'add_url_rule', 'add_route', 'Route', 'APIRoute']);
/** `web.post(…)`, `router.add_get(…)`: a registration named after its method. */
const REGISTERING_VERB = /^(?:add_)?(get|post|put|patch|delete|head|options)$/;
/** Frameworks that read a handler's signature as its parameters (FastAPI): only their handlers' signatures count. */
const SIGNATURE_ROUTES = new Set(['add_api_route', 'APIRoute']);

/**
 * A route registered by a call rather than a decorator: FastAPI `router.add_api_route("/v1/responses",
 * create, methods=["POST"])`, Flask `app.add_url_rule("/v1/responses", view_func=create,
 * methods=["POST"])`, Starlette `Route("/v1/responses", create, methods=["POST"])` and `add_route`,
 * aiohttp `router.add_post("/v1/responses", create)`, `web.post(…)` and `add_route("POST", path,
 * handler)`. It is one when it names a path and a handler this file defines or imports (a client's
 * `requests.post(url, payload)` names no function); the route is named by the handler. Only a
 * framework that reads the handler's signature as the parameters (FastAPI) gets them from it;
 * elsewhere the path's own parameters are the route's. A decorator applied by hand
 * (`self.app.post("/v1/responses")(self.create)`) reads the signature as the decorator would.
 */
function registeredRouteFact(call: Node, name: string, args: Node[], scope: RouteScope, sink: FactSink): boolean {
  const verb = REGISTERING_VERB.exec(name)?.[1];
  let positional = args.filter((a) => a.type !== 'keyword_argument' && a.type !== 'list_splat' && a.type !== 'dictionary_splat');
  // aiohttp's `add_route("POST", "/v1/responses", handler)`: the method comes first.
  const leading = stringValue(positional[0])?.toLowerCase();
  const named = leading !== undefined && METHODS.has(leading) && stringValue(positional[1]) !== undefined ? leading : undefined;
  if (named) positional = positional.slice(1);
  const path = stringValue(positional[0]) ?? keyword(args, 'path') ?? keyword(args, 'rule');
  if (path === undefined || !path.startsWith('/')) return false;
  // `self.app.post("/v1/responses")(self.create)`: the decorator applied by hand, to what the outer call is given.
  const outer = call.parent;
  const applied = outer?.type === 'call' && outer.childForFieldName('function')?.id === call.id ? outer : undefined;
  const given =
    keywordValue(args, 'endpoint') ??
    keywordValue(args, 'view_func') ??
    keywordValue(args, 'handler') ??
    positional.slice(1).find((a) => a.type === 'identifier' || a.type === 'attribute') ??
    (applied ? kids(applied.childForFieldName('arguments') ?? applied)[0] : undefined);
  const handler = handlerOf(given, scope.functions, sink);
  if (!handler) return false;
  const method = keyword(args, 'method')?.toLowerCase();
  const methods = verb ? [verb] : named ? [named] : method ? [method] : methodList(args);
  const fn = call.childForFieldName('function');
  // The router or app it is registered on, as written (`router.add_api_route`); none for `Route(…)`.
  const owner = fn?.type === 'attribute' ? writtenName(fn.childForFieldName('object')) : undefined;
  const declared: Declared = {
    methods,
    path: (owner ? (scope.prefixes.get(owner) ?? '') : '') + mountedIn(call) + path,
    keywordRoute: false,
    evidence: `${fn?.text ?? name}() registration`,
  };
  // Elsewhere the path's own parameters are the route's (Flask passes them to the view by name).
  const {
    params,
    body: typed,
    rawBody,
  } = handler.fn && (SIGNATURE_ROUTES.has(name) || applied)
    ? signature(handler.fn, declared)
    : { params: pathTemplateParams(declared.path, pos(call).line), body: undefined, rawBody: [] as string[] };
  const body = typed ?? (handler.fn ? modelBuiltFromBody(handler.fn, rawBody) : undefined);
  // A handler of this file that reads the raw body: the keys it reads, there and where it hands it.
  const { keys: read, handOffs } =
    handler.fn && !body && methods.some((m) => WITH_BODY.has(m)) ? keysRead(handler.fn, rawBody, scope.functions) : NOTHING_READ;
  // One of another module: what it reads off its request's body, found there by the workspace pass.
  const handed: HandOff[] =
    !handler.fn && handler.callee !== undefined ? [{ callee: handler.callee, arg: REQUEST_BODY_ARG, line: pos(call).line }] : handOffs;
  const query = handler.fn ? withQueryReads(params, handler.fn) : params;
  for (const m of methods) {
    const own = [...query.filter((p) => p.in !== 'body' || WITH_BODY.has(m)), ...(WITH_BODY.has(m) ? read : [])];
    sink.add({
      kind: 'route',
      symbol: handler.name,
      method: m.toUpperCase(),
      path: declared.path,
      evidence: declared.evidence,
      ...(body && WITH_BODY.has(m) ? { className: body } : {}),
      ...(own.length ? { params: own } : {}),
      ...(WITH_BODY.has(m) && handed.length ? { handsBody: handed } : {}),
      ...(owner ? { router: owner } : {}),
      ...pos(call),
    });
  }
  return true;
}

/**
 * Starlette's `Mount("/v1", routes=[Route("/responses", …)])`: the paths of the mounts a route is
 * written inside, outermost first.
 */
function mountedIn(call: Node): string {
  let prefix = '';
  for (let n = call.parent; n; n = n.parent) {
    if (n.type !== 'call' || lastName(n.childForFieldName('function')) !== 'Mount') continue;
    const path = stringValue(kids(n.childForFieldName('arguments') ?? n)[0]);
    if (path?.startsWith('/')) prefix = path.replace(/\/+$/, '') + prefix;
  }
  return prefix;
}

/** `{id}`, `{id:int}` (FastAPI, Starlette, aiohttp) and Flask's `<int:id>` in a path: its path parameters, at `line`. */
function pathTemplateParams(path: string, line: number): RouteParam[] {
  return [...path.matchAll(/\{([A-Za-z_]\w*)(?::[^}]*)?\}|<(?:\w+:)?([A-Za-z_]\w*)>/g)].map((m) => ({
    name: m[1] ?? m[2]!,
    in: 'path' as const,
    optional: false,
    line,
  }));
}

/**
 * A handler given by name: a function or method this file defines, or a name (or a module's
 * attribute) it imports, or a method of an object whose class the file names (`api.create` with
 * `api: "API"` a parameter, or `api = API()` at the module's top). One defined elsewhere carries
 * the name the module graph finds it by (`views.create`, `API.create`).
 */
function handlerOf(
  node: Node | undefined,
  functions: ReadonlyMap<string, Node>,
  sink: FactSink,
): { name: string; fn?: Node; callee?: string } | undefined {
  const imported = (local: string) => sink.module.imports.some((i) => i.local === local);
  if (node?.type === 'identifier') {
    const fn = functions.get(node.text);
    if (fn) return { name: node.text, fn };
    return imported(node.text) ? { name: node.text, callee: node.text } : undefined;
  }
  if (node?.type === 'attribute') {
    const written = writtenName(node)?.split('.');
    const last = node.childForFieldName('attribute')?.text;
    if (!written || !last) return undefined;
    // `self.create`: a method of the class that registers it.
    const fn = written.length === 2 && (written[0] === 'self' || written[0] === 'cls') ? functions.get(last) : undefined;
    if (fn) return { name: last, fn };
    if (imported(written[0]!)) return { name: last, callee: written.join('.') };
    const cls = written.length === 2 ? classOfName(node, written[0]!) : undefined;
    return cls !== undefined && (imported(cls) || functions.has(`${cls}.${last}`) || definesClass(node, cls))
      ? { name: last, callee: `${cls}.${last}` }
      : undefined;
  }
  return undefined;
}

/**
 * The class a name holds where `at` reads it: a parameter of the function around annotated with it
 * (`api: "API"`, `api: API`), or `api = API(…)` in that function's body or at the module's top.
 * Only a capitalised class name.
 */
function classOfName(at: Node, name: string): string | undefined {
  const capitalised = (t: string | undefined): string | undefined => (t !== undefined && /^[A-Z]\w*$/.test(t) ? t : undefined);
  const made = (block: Node | null): string | undefined => {
    for (const st of kids(block ?? at)) {
      const a = st.type === 'expression_statement' ? kids(st)[0] : undefined;
      if (a?.type !== 'assignment' || a.childForFieldName('left')?.text !== name) continue;
      const right = a.childForFieldName('right');
      if (right?.type === 'call') return capitalised(right.childForFieldName('function')?.text);
    }
    return undefined;
  };
  for (let n = at.parent; n; n = n.parent) {
    if (n.type !== 'function_definition') continue;
    for (const p of kids(n.childForFieldName('parameters') ?? n)) {
      if (p.type !== 'typed_parameter' && p.type !== 'typed_default_parameter') continue;
      const named = p.type === 'typed_parameter' ? kids(p).find((k) => k.type === 'identifier') : p.childForFieldName('name');
      if (named?.text !== name) continue;
      const type = p.childForFieldName('type');
      const inner = type?.type === 'type' ? kids(type)[0] : type;
      return capitalised(inner?.type === 'string' ? stringValue(inner) : inner?.text);
    }
    const local = made(n.childForFieldName('body'));
    if (local !== undefined) return local;
    break;
  }
  return made(rootOf(at));
}

/** Whether the module defines a class of that name at its top. */
function definesClass(at: Node, name: string): boolean {
  return moduleClass(rootOf(at), name) !== undefined;
}

function keywordValue(args: Node[], name: string): Node | undefined {
  return (
    args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === name)?.childForFieldName('value') ?? undefined
  );
}

/**
 * The keys a client call writes out in what it sends: `json={"model": …}`, `body=maybe_transform({"model":
 * model, …}, Params)`, `options=make_request_options(query=maybe_transform({"after": after}, …))`. Each
 * is a parameter of the endpoint at its own line. A payload built elsewhere in the file (`json=payload`)
 * gives the keys some endpoint of the spec has (sent-flow.ts).
 */
function sentKeys(args: Node[], known: readonly ReadonlySet<string>[]): RouteParam[] {
  const out: RouteParam[] = [];
  // An argument's descendants of a type include the argument itself when it is of that type.
  const keywords = args.flatMap((a) => a.descendantsOfType('keyword_argument').filter((k): k is Node => k !== null));
  for (const kw of keywords) {
    if (kw.type !== 'keyword_argument') continue;
    const where = sentUnderKeyword(kw.childForFieldName('name')?.text ?? '');
    let value = kw.childForFieldName('value');
    if (!where || !value) continue;
    // `maybe_transform({…}, Params)`: the dict is what is sent.
    if (value.type === 'call' && /(^|_)transform$/.test(lastName(value.childForFieldName('function')) ?? ''))
      value = kids(value.childForFieldName('arguments') ?? value)[0] ?? null;
    if (!value) continue;
    if (value.type === 'dictionary') for (const key of dictKeys(value, enclosingFunction(kw), 0)) out.push({ ...key, in: where });
    // Built elsewhere in the file (`json=payload`): the keys some endpoint of the spec has.
    else for (const key of flowKeys(value)) if (known.some((set) => set.has(key.name))) out.push({ ...key, in: where });
  }
  return out;
}

/**
 * A dict literal's string keys, each at its line; a `**base` in it adds the keys of the dict (or
 * `dict(…)`) assigned to `base` in the caller's own body. Anything else spread cannot be read here.
 */
function dictKeys(dict: Node, caller: Node | undefined, depth: number): { name: string; line: number; sent?: string[] }[] {
  return kids(dict).flatMap((item) => {
    if (item.type === 'pair') {
      const name = stringValue(item.childForFieldName('key'));
      const sent = sentStrings(item.childForFieldName('value'));
      return name !== undefined ? [{ name, line: pos(item).line, ...(sent ? { sent } : {}) }] : [];
    }
    return item.type === 'dictionary_splat' && depth < 2 ? spreadKeys(item, caller, depth + 1) : [];
  });
}

/** `**name`: the keys of the dict or `dict(…)` last assigned to `name` in the caller's own body; `**{…}`: its own. */
function spreadKeys(splat: Node, caller: Node | undefined, depth: number): { name: string; line: number }[] {
  const spread = kids(splat)[0];
  const value = spread?.type === 'identifier' && caller ? assignedIn(caller, spread.text) : spread;
  if (value?.type === 'dictionary') return dictKeys(value, caller, depth);
  if (value?.type === 'call' && value.childForFieldName('function')?.text === 'dict')
    return kids(value.childForFieldName('arguments') ?? value).flatMap((a) => {
      const name = a.type === 'keyword_argument' ? a.childForFieldName('name')?.text : undefined;
      return name !== undefined ? [{ name, line: pos(a).line }] : [];
    });
  return [];
}

/** Calls that call what they are given, with the arguments after it: the standard library's ways to run a call elsewhere or later. */
const CALLS_GIVEN = new Set(['to_thread', 'partial', 'run_in_executor', 'run_sync']);

/** `asyncio.to_thread(client.responses.create, **kwargs)` and the like: the SDK call it runs. */
function handedSdkCall(call: Node, name: string, symbol: string, sink: FactSink): boolean {
  const args = kids(call.childForFieldName('arguments') ?? call);
  // `loop.run_in_executor(executor, fn, *args)`: the executor first.
  const at = name === 'run_in_executor' ? 1 : 0;
  const given = args[at];
  if (given?.type !== 'attribute') return false;
  return sdkCallFact(call, trailingNames(given), symbol, sink, args.slice(at + 1));
}

/**
 * An SDK call the spec's examples make (`client.responses.create(model=…, input=…)`,
 * `await self.client.conversations.items.list(conversation_id, limit=10)`): a call of that endpoint,
 * its keyword arguments the parameters it sends.
 */
function sdkCallFact(
  call: Node,
  chain: readonly string[],
  symbol: string,
  sink: FactSink,
  /** The arguments the call is made with, when they are not the call's own (a method handed to `to_thread`). */
  given?: Node[],
): boolean {
  const sdkCalls = sink.ctx.candidates.sdkCalls;
  if (sdkCalls.size === 0) return false;
  // `self.get_client().responses.create(…)`, `OpenAI().responses.create(…)`: a client made by a call,
  // read from the end of its chain.
  const sdk = sdkEndpoint(chain, sdkCalls);
  if (!sdk) return false;
  const where = sentIn(sdk.method);
  const line = pos(call).line;
  const sdkOwn = (name: string | undefined): name is string => name !== undefined && !name.startsWith('extra_') && name !== 'timeout';
  const args = given ?? kids(call.childForFieldName('arguments') ?? call);
  const sent = args.flatMap((a): RouteParam[] => {
    if (a.type === 'dictionary_splat')
      return spreadKeys(a, enclosingFunction(call), 0).flatMap((k) => (sdkOwn(k.name) ? [{ ...k, in: where }] : []));
    const name = a.type === 'keyword_argument' ? a.childForFieldName('name')?.text : undefined;
    const values = a.type === 'keyword_argument' ? sentStrings(a.childForFieldName('value')) : undefined;
    return sdkOwn(name) ? [{ name, in: where, line: pos(a).line, ...(values ? { sent: values } : {}) }] : [];
  });
  // `**payload` built elsewhere in the file: its keys count when the endpoint has them (a payload on
  // its way out carries other endpoints' keys too, `max_tokens` before it is renamed).
  const written = new Set(sent.map((k) => k.name));
  const returnedBy: ReturnHandOff[] = [];
  const flowed = args
    .flatMap((a) => (a.type === 'dictionary_splat' && kids(a)[0] ? flowKeys(kids(a)[0]!, returnedBy) : []))
    .filter((k) => sdkOwn(k.name) && !written.has(k.name));
  if (sendsForeignKeys([...sent, ...flowed], sdk)) return false;
  sent.push(...flowed.filter((k) => sdk.params.includes(k.name)).map((k): RouteParam => ({ ...k, in: where })));
  // Each where it is written: a keyword on a line of its own (`conversation_id=cid,`) is there, a
  // positional argument at the call.
  const path = pathTemplateParams(sdk.path, line).map((p) => {
    const keyword = sent.find((k) => k.name === p.name);
    return keyword ? { ...p, line: keyword.line } : p;
  });
  // `input_items.list(response_id=…, limit=…)`: a keyword that fills the path is no query parameter.
  const inPath = new Set(path.map((p) => p.name));
  const params: RouteParam[] = [...path, ...sentParams(sent, sdk).filter((k) => !inPath.has(k.name))];
  sink.add({
    kind: 'route',
    symbol,
    method: sdk.method,
    path: sdk.path,
    evidence: `SDK call ${sdk.call}()`,
    ...(params.length ? { params } : {}),
    ...(returnedBy.length ? { returnedBy } : {}),
    ...pos(call),
  });
  return true;
}

/**
 * A function named for an endpoint's request (`def _build_responses_payload(…)`, client-path.ts
 * `requestBuilderEndpoint`), or a method named for a request of a class named for the API, that returns several of its parameters: the keys it returns are that
 * request's, each where it is written, without locating the endpoint (no call is seen here). The
 * request may be sent from another module, or from a base class that calls the builder by name.
 */
export function requestBuilderFact(fn: Node, name: Node, sink: FactSink): void {
  // A method's class may name the API for it (`translate_request` of `ResponsesApiAdapter`).
  const body = fn.parent?.type === 'decorated_definition' ? fn.parent.parent : fn.parent;
  const owner =
    body?.type === 'block' && body.parent?.type === 'class_definition' ? body.parent.childForFieldName('name')?.text : undefined;
  const endpoint = requestBuilderEndpoint(name.text, sink.ctx.candidates.builderNouns, owner);
  if (!endpoint) return;
  const fact = namedBuilderFact(name.text, endpoint, returnedFlowKeys(fn), pos(name));
  if (fact) sink.add(fact);
}

/**
 * A string's text as a path would be written: each `{…}` of an f-string a path parameter named after
 * what it holds, a leading `{base}` before `/` dropped. Undefined for bytes.
 */
function stringPathText(node: Node): string | undefined {
  let text = '';
  let i = 0;
  for (const part of kids(node)) {
    if (part.type === 'string_start' && /[bB]/.test(part.text)) return undefined;
    if (part.type === 'string_content') text += part.text;
    else if (part.type === 'interpolation') {
      const expr = kids(part)[0];
      // `{CREATE_RESPONSE}` of `CREATE_RESPONSE = "/v1/responses"` at the module's top: its path.
      const held = heldPath(expr);
      if (held !== undefined) {
        text += held;
        i++;
        continue;
      }
      // `{base}/responses`, `{BASE_URL}{CREATE_RESPONSE}`: a base URL the path is appended to.
      const next = part.nextNamedSibling;
      if (
        text === '' &&
        i === 0 &&
        ((next?.type === 'string_content' && next.text.startsWith('/')) ||
          (next?.type === 'interpolation' && heldPath(kids(next)[0]) !== undefined))
      ) {
        i++;
        continue;
      }
      text += `{${substitutionName(expr, i++)}}`;
    }
  }
  return text;
}

/**
 * The path an f-string's hole holds, when it is one: a module's constant (`CREATE_RESPONSE =
 * "/v1/responses"`), a member of a class of the module (`Endpoint.CREATE_RESPONSE`), or a local name
 * the function gives one of those.
 */
function heldPath(expr: Node | undefined, depth = 0): string | undefined {
  if (!expr || depth > 1) return undefined;
  let value: Node | undefined;
  if (expr.type === 'identifier' && MODULE_CONSTANT.test(expr.text)) value = assignedIn(expr.tree.rootNode, expr.text);
  else if (expr.type === 'identifier') {
    // `endpoint = Endpoint.CREATE_RESPONSE` in the function, then `{endpoint}`.
    const fn = enclosingFunction(expr);
    const local = fn ? assignedIn(fn, expr.text) : undefined;
    if (local && local.type !== 'string') return heldPath(local, depth + 1);
  } else if (expr.type === 'attribute') {
    // `Endpoint.CREATE_RESPONSE`, a member of a class of the module (an `Enum`'s, a holder's).
    const owner = expr.childForFieldName('object');
    const member = expr.childForFieldName('attribute');
    const cls = owner?.type === 'identifier' && member ? moduleClass(expr.tree.rootNode, owner.text) : undefined;
    value = cls && member ? assignedIn(cls, member.text) : undefined;
  }
  const text = value?.type === 'string' && !kids(value).some((k) => k.type === 'interpolation') ? stringValue(value) : undefined;
  return text?.startsWith('/') && /^\/[\w/{}.-]*$/.test(text) ? text : undefined;
}

/** The class of this name declared at the module's top, decorated or not. */
function moduleClass(root: Node, name: string): Node | undefined {
  for (const st of kids(root)) {
    const cls = st.type === 'decorated_definition' ? st.childForFieldName('definition') : st;
    if (cls?.type === 'class_definition' && cls.childForFieldName('name')?.text === name) return cls;
  }
  return undefined;
}

/** What a client sends a request with besides its URL: httpx's and requests' keywords. */
const SENDS = /^(?:json|data|content|params|files)$/;

/**
 * `client.post("responses", json=…)`, `client.get(f"responses/{response_id}")`: a path relative to
 * the base URL the client was made with (httpx's `base_url`). Only a method's call that sends
 * something or names more than one segment: `.get("responses")` alone is a dict's.
 */
function relativePath(first: Node, args: Node[]): string | undefined {
  const text = first.type === 'string' ? stringPathText(first) : undefined;
  if (text === undefined || !/^[a-z][\w-]*(?:\/(?:[a-z][\w-]*|\{[^{}/]+\}))*$/.test(text)) return undefined;
  const sends = args.some((a) => a.type === 'keyword_argument' && SENDS.test(a.childForFieldName('name')?.text ?? ''));
  return text.includes('/') || sends ? `/${text}` : undefined;
}

/** The path an argument holds or leads to (see clientCallFact); undefined when it does not read as one. */
function clientPath(node: Node, callerOf: () => Node | undefined, depth: number): string | undefined {
  if (node.type === 'string') {
    const text = stringPathText(node);
    return text === undefined ? undefined : pathOfUrl(text);
  }
  if (depth >= 3) return undefined;
  if (node.type === 'call') {
    // `build_url()`, `self._url()`: what a function of this module, or a method of the class, returns.
    const returned = returnedPath(node, undefined, callerOf, depth);
    if (returned !== undefined) return returned;
    const fn = node.childForFieldName('function');
    // `"/responses/{response_id}".format(response_id=…)`: the template is the path.
    if (fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'format') {
      const template = fn.childForFieldName('object');
      return template ? clientPath(template, callerOf, depth + 1) : undefined;
    }
    // A helper that fills a path template, `path_template("/responses/{response_id}", response_id=…)`:
    // its first argument, when that reads as a path.
    const first = kids(node.childForFieldName('arguments') ?? node)[0];
    return first && first.type !== 'keyword_argument' ? clientPath(first, callerOf, depth + 1) : undefined;
  }
  if (node.type === 'binary_operator' && node.childForFieldName('operator')?.text === '+') {
    const right = node.childForFieldName('right');
    return right ? clientPath(right, callerOf, depth + 1) : undefined;
  }
  if (node.type === 'parenthesized_expression') {
    const inner = kids(node)[0];
    return inner ? clientPath(inner, callerOf, depth + 1) : undefined;
  }
  // `config.endpoint or DEFAULT_URL`: the default, when it reads as a path.
  if (node.type === 'boolean_operator' && node.child(1)?.type === 'or') {
    const right = node.childForFieldName('right');
    return right ? clientPath(right, callerOf, depth + 1) : undefined;
  }
  // `URL if local else REMOTE`: a path when both ways lead to the same one.
  if (node.type === 'conditional_expression') {
    const [a, , b] = kids(node);
    const path = a && clientPath(a, callerOf, depth + 1);
    return path !== undefined && b && clientPath(b, callerOf, depth + 1) === path ? path : undefined;
  }
  if (node.type !== 'identifier') return undefined;
  // A name the function assigns, or else one the module does (`API_URL = "http://…/v1/responses"`).
  const caller = callerOf();
  const value =
    (caller && assignedIn(caller, node.text)) ?? (MODULE_CONSTANT.test(node.text) ? assignedIn(node.tree.rootNode, node.text) : undefined);
  if (value) return clientPath(value, callerOf, depth + 1);
  // `url, headers = build()`: the place of the name in what that function returns.
  const unpacked = caller && URL_NAME.test(node.text) ? unpackedIn(caller, node.text) : undefined;
  if (unpacked) return returnedPath(unpacked.call, unpacked.index, callerOf, depth);
  // Only a name that says it holds a URL is looked for in the calls: `.get(key)` on a dict is far
  // more common than a request, and each look walks the module's calls.
  return caller && URL_NAME.test(node.text) ? passedPath(caller, node.text, depth) : undefined;
}

/** A parameter named for a URL or a path (`url`, `endpoint`, `base_url`, `path`). */
const URL_NAME = /url|uri|endpoint|path/i;

/**
 * A URL handed in as a parameter (`def _post(self, url, body)`, called as
 * `self._post(f"{self.base}/v1/responses", body)`): the path the module's calls of the function
 * give it, when they all give the same one.
 */
function passedPath(fn: Node, name: string, depth: number): string | undefined {
  const params = kids(fn.childForFieldName('parameters') ?? fn).map(paramName);
  const index = params.indexOf(name);
  const called = fn.childForFieldName('name')?.text;
  if (index < 0 || called === undefined) return undefined;
  const selfFirst = params[0] === 'self' || params[0] === 'cls';
  let found: string | undefined;
  for (const call of treeNodesOfType(fn, 'call')) {
    if (lastName(call.childForFieldName('function')) !== called) continue;
    const args = kids(call.childForFieldName('arguments') ?? call);
    const onAttribute = call.childForFieldName('function')?.type === 'attribute';
    const given = argumentFor(args, name, index - (selfFirst && onAttribute ? 1 : 0));
    const path = given ? clientPath(given, () => enclosingFunction(call), depth + 1) : undefined;
    if (path === undefined || (found !== undefined && found !== path)) return undefined;
    found = path;
  }
  return found;
}

/** A module's constant by the naming convention: the only names a path is looked for at the module's top. */
const MODULE_CONSTANT = /^[A-Z][A-Z0-9_]*$/;

/** `{response_id}` → `response_id`, `{self.id}` → `id`, `{quote(item_id)}` → `item_id`. */
function substitutionName(expr: Node | undefined, index: number): string {
  if (expr?.type === 'identifier') return expr.text;
  if (expr?.type === 'attribute') return expr.childForFieldName('attribute')?.text ?? `param${index}`;
  if (expr?.type === 'call') {
    const args = kids(expr.childForFieldName('arguments') ?? expr);
    if (args.length === 1) return substitutionName(args[0], index);
  }
  return `param${index}`;
}

/** The value last assigned to `name` by a plain statement of the function's own body (or the module's). */
/** `url, headers, _ = build()` (or `await build()`) in `fn`'s body: the call, and where `name` stands in what it unpacks. */
function unpackedIn(fn: Node, name: string): { call: Node; index: number } | undefined {
  let found: { call: Node; index: number } | undefined;
  // Anywhere in the function, not in one nested in it: often inside a `with` or a `try`. Tuples
  // assigned to are few: they are found first, and only theirs are looked at.
  for (const left of fn.descendantsOfType(['pattern_list', 'tuple_pattern'])) {
    const a = left?.parent;
    if (!left || a?.type !== 'assignment' || a.childForFieldName('left')?.id !== left.id || enclosingFunction(a)?.id !== fn.id) continue;
    const given = a.childForFieldName('right');
    // `url, headers = await build()`: the call awaited.
    const right = given?.type === 'await' ? kids(given)[0] : given;
    if (right?.type !== 'call') continue;
    const index = kids(left).findIndex((k) => k.text === name);
    if (index >= 0) found = { call: right, index };
  }
  return found;
}

/**
 * The path a function of this module (`build_url()`) or a method of the class around the call
 * (`self._url()`) returns, or the one at `index` of the tuple it returns; every return must give
 * the same path.
 */
function returnedPath(call: Node, index: number | undefined, callerOf: () => Node | undefined, depth: number): string | undefined {
  const callee = call.childForFieldName('function');
  const caller = callerOf();
  let target: Node | undefined;
  if (callee?.type === 'identifier') target = definedIn(call.tree.rootNode, callee.text);
  else if (callee?.type === 'attribute' && callee.childForFieldName('object')?.text === 'self' && caller) {
    const body = caller.parent?.type === 'decorated_definition' ? caller.parent.parent : caller.parent;
    if (body?.type === 'block' && body.parent?.type === 'class_definition')
      target = definedIn(body, callee.childForFieldName('attribute')?.text ?? '');
  }
  if (!target || target.id === caller?.id) return undefined;
  const returns = target
    .descendantsOfType('return_statement')
    .filter((r): r is Node => r !== null && enclosingFunction(r)?.id === target.id);
  let path: string | undefined;
  for (const r of returns) {
    let value = kids(r)[0];
    if (index !== undefined) value = value && (value.type === 'expression_list' || value.type === 'tuple') ? kids(value)[index] : undefined;
    const found = value ? clientPath(value, () => target, depth + 1) : undefined;
    if (found === undefined || (path !== undefined && found !== path)) return undefined;
    path = found;
  }
  return path;
}

/** The function of this name a module or class body defines, decorated or not. */
function definedIn(body: Node, name: string): Node | undefined {
  for (const st of kids(body)) {
    const fn = st.type === 'decorated_definition' ? st.childForFieldName('definition') : st;
    if (fn?.type === 'function_definition' && fn.childForFieldName('name')?.text === name) return fn;
  }
  return undefined;
}

function assignedIn(fn: Node, name: string): Node | undefined {
  let found: Node | undefined;
  for (const st of kids(fn.type === 'module' ? fn : (fn.childForFieldName('body') ?? fn))) {
    const a = st.type === 'expression_statement' ? kids(st)[0] : undefined;
    if (a?.type === 'assignment' && a.childForFieldName('left')?.text === name) found = a.childForFieldName('right') ?? undefined;
  }
  return found;
}

/**
 * The class a client call's request is built from: `maybe_transform(x, Params)`, or a
 * `body=`/`json=` parameter's declared class. A choice (`maybe_transform(x, Streaming if stream
 * else NonStreaming)`) gives both, joined by ` | `.
 */
function requestClass(args: Node[], caller: Node | undefined): string | undefined {
  // An argument's descendants of a type include the argument itself when it is of that type.
  const calls = args.flatMap((a) => a.descendantsOfType('call').filter((c): c is Node => c !== null));
  for (const c of calls) {
    if (!/(^|_)maybe_transform$|^transform$/.test(lastName(c.childForFieldName('function')) ?? '')) continue;
    const given = kids(c.childForFieldName('arguments') ?? c)[1];
    // `A if cond else B`: the named children are A, cond and B.
    const choices = given?.type === 'conditional_expression' ? [kids(given)[0], kids(given)[2]] : [given];
    const classes = choices.map(writtenName);
    if (classes.every((cls) => cls && /^[A-Z]/.test(cls.split('.').pop()!))) return classes.join(' | ');
  }
  for (const a of args) {
    if (a.type !== 'keyword_argument' || !/^(body|json)$/.test(a.childForFieldName('name')?.text ?? '')) continue;
    const value = a.childForFieldName('value');
    if (value?.type !== 'identifier' || !caller) continue;
    for (const p of kids(caller.childForFieldName('parameters') ?? caller))
      if (paramName(p) === value.text) return modelClass(p.childForFieldName('type'));
  }
  return undefined;
}

function declaredRoute(call: Node, prefixes: Map<string, string>): Declared | undefined {
  const callee = call.childForFieldName('function');
  const args = kids(call.childForFieldName('arguments') ?? call);
  const byKeyword = keyword(args, 'route');
  if (byKeyword?.startsWith('/')) {
    const m = keyword(args, 'method');
    const methods = m !== undefined ? [m.toLowerCase()] : methodList(args);
    return { methods, path: byKeyword, keywordRoute: true, evidence: `@${writtenName(callee) ?? 'decorator'}(route=…) decorator` };
  }
  // Litestar's and BlackSheep's bare `@post("/v1/responses")`; in a Litestar controller the path may
  // be left out (`@post()`) and the class's own `path` leads.
  if (callee?.type === 'identifier' && METHODS.has(callee.text)) {
    const own = stringValue(args[0]) ?? keyword(args, 'path') ?? '';
    const prefix = controllerPath(call);
    if (!own.startsWith('/') && !(own === '' && prefix !== undefined)) return undefined;
    const path = `${(prefix ?? '').replace(/\/+$/, '')}${own}` || '/';
    return { methods: [callee.text], path, keywordRoute: false, evidence: `@${callee.text}() decorator` };
  }
  if (callee?.type !== 'attribute') return undefined;
  const verb = callee.childForFieldName('attribute')?.text ?? '';
  const owner = callee.childForFieldName('object')?.text ?? '';
  const path = stringValue(args[0]) ?? keyword(args, 'path');
  if (path === undefined || (!path.startsWith('/') && path !== '')) return undefined;
  const methods = METHODS.has(verb) ? [verb] : verb === 'api_route' || verb === 'route' ? methodList(args) : [];
  if (methods.length === 0) return undefined;
  return { methods, path: (prefixes.get(owner) ?? '') + path, keywordRoute: false, evidence: `@${owner}.${verb}() decorator`, owner };
}

/** The `path = "/v1/responses"` of the class a decorated method is in (a Litestar controller). */
function controllerPath(decoratorCall: Node): string | undefined {
  let n: Node | null = decoratorCall.parent;
  while (n && n.type !== 'class_definition') n = n.parent;
  const body = n?.childForFieldName('body');
  for (const stmt of body ? kids(body) : []) {
    const a = stmt.type === 'expression_statement' ? kids(stmt)[0] : undefined;
    if (a?.type === 'assignment' && a.childForFieldName('left')?.text === 'path') {
      const value = stringValue(a.childForFieldName('right'));
      if (value?.startsWith('/')) return value;
    }
  }
  return undefined;
}

/** The string a keyword argument gives (`prefix="/v1"`). */
function keyword(args: Node[], name: string): string | undefined {
  return stringValue(keywordValue(args, name));
}

function methodList(args: Node[]): string[] {
  const kw = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'methods');
  const list = kw?.childForFieldName('value');
  if (!list) return ['get'];
  return kids(list)
    .map(stringValue)
    .filter((v): v is string => v !== undefined)
    .map((v) => v.toLowerCase());
}

/** `router = APIRouter(prefix="/v1")`, Flask's `bp = Blueprint(…, url_prefix="/v1")`, at module level. */
function routerPrefixes(root: Node): Map<string, string> {
  const out = new Map<string, string>();
  for (const stmt of kids(root)) {
    const a = stmt.type === 'expression_statement' ? kids(stmt)[0] : undefined;
    if (a?.type !== 'assignment') continue;
    const right = a.childForFieldName('right');
    const made = right?.type === 'call' ? lastName(right.childForFieldName('function')) : undefined;
    if (made !== 'APIRouter' && made !== 'Blueprint') continue;
    const prefix = keyword(kids(right!.childForFieldName('arguments') ?? right!), made === 'APIRouter' ? 'prefix' : 'url_prefix');
    const left = a.childForFieldName('left');
    if (prefix !== undefined && left) out.set(left.text, prefix);
  }
  return out;
}

/** A FastAPI parameter typed as a plain dict is the body, read whole: `body: dict`, `payload: Dict[str, Any]`. */
const DICT_TYPE = /^(?:typing\.)?(?:dict|Dict)(?:\[.*\])?$/s;

/** The handler's parameters as the route's own, the class its body is declared as, or the dict parameter that is the raw body. */

function signature(fn: Node, route: Declared): { params: RouteParam[]; body?: string; rawBody: string[] } {
  const inPath = new Set(pathTemplateParams(route.path, 0).map((p) => p.name));
  const params: RouteParam[] = [];
  const dictParams: RouteParam[] = [];
  let body: string | undefined;
  for (const p of kids(fn.childForFieldName('parameters') ?? fn)) {
    const name = paramName(p);
    if (name === undefined || name === 'self' || name === 'cls') continue;
    const typeNode = p.childForFieldName('type');
    const value = p.childForFieldName('value');
    const marker = markerOf(value) ?? markerOf(annotatedMarker(typeNode));
    if (marker === 'Depends' || marker === 'Header' || marker === 'Cookie') continue;
    const typeText = typeNode?.text;
    if (!marker && !route.keywordRoute && !inPath.has(name) && typeText && DICT_TYPE.test(typeText)) {
      dictParams.push({ name, in: 'body', declaredType: typeText, optional: value !== null && value !== undefined, line: pos(p).line });
      continue;
    }
    const model = modelClass(typeNode);
    if (model && NOT_BODY.has(model.split('.').pop()!)) continue;
    const where: RouteParam['in'] =
      inPath.has(name) || marker === 'Path'
        ? 'path'
        : marker === 'Query'
          ? 'query'
          : marker === 'Body'
            ? 'body'
            : model
              ? 'body'
              : route.keywordRoute && route.methods.some((m) => WITH_BODY.has(m))
                ? 'body'
                : 'query';
    if (where === 'body' && model && marker !== 'Body' && !route.keywordRoute) {
      // The whole body is one model: its fields are the parameters, joined by the mapping.
      body ??= model;
      continue;
    }
    const def = defaultText(value);
    const values =
      typeNode && /\bLiteral\[/.test(typeNode.text)
        ? stringsIn(typeNode)
            .map(stringValue)
            .filter((v): v is string => v !== undefined)
        : [];
    params.push({
      name,
      in: where,
      ...(typeText ? { declaredType: typeText } : {}),
      optional: value !== null && value !== undefined,
      ...(def !== undefined ? { default: def } : {}),
      ...(values.length ? { values } : {}),
      line: pos(p).line,
    });
  }
  // The whole body only when it is the one thing read from the body; beside a model or another
  // dict, FastAPI embeds each under its name.
  if (dictParams.length === 1 && !body && !params.some((p) => p.in === 'body')) return { params, rawBody: [dictParams[0]!.name] };
  return { params: [...params, ...dictParams].sort((a, b) => a.line - b.line), ...(body ? { body } : {}), rawBody: [] };
}

/** `Query(...)`, `fastapi.Path(...)` → `Query`, `Path`. */
function markerOf(node: Node | null | undefined): string | undefined {
  if (node?.type !== 'call') return undefined;
  const name = lastName(node.childForFieldName('function'));
  return name && /^(Depends|Header|Cookie|Query|Path|Body|Form|File)$/.test(name) ? name : undefined;
}

/** `Annotated[str, Query()]` → the `Query()` call. */
function annotatedMarker(type: Node | null | undefined): Node | undefined {
  const t = type ? kids(type)[0] : undefined;
  if (t?.type !== 'generic_type' || kids(t)[0]?.text !== 'Annotated') return undefined;
  return kids(t)
    .flatMap((k) => (k.type === 'type_parameter' ? kids(k) : []))
    .flatMap((k) => (k.type === 'type' ? kids(k) : [k]))
    .find((k) => k.type === 'call');
}

/** The class a parameter is declared as, when it is one (`body: CreateResponseRequest`, `Annotated[Model, Body()]`). */
function modelClass(type: Node | null | undefined): string | undefined {
  let t = type ? kids(type)[0] : undefined;
  if (t?.type === 'generic_type' && kids(t)[0]?.text === 'Annotated') {
    const first = kids(t).find((k) => k.type === 'type_parameter');
    t = first ? kids(first)[0] : undefined;
    if (t?.type === 'type') t = kids(t)[0];
  }
  const name = writtenName(t);
  if (!name) return undefined;
  const last = name.split('.').pop()!;
  return /^[A-Z]/.test(last) && !SCALAR.test(last) ? name : undefined;
}

function defaultText(value: Node | null | undefined): string | undefined {
  if (!value) return undefined;
  if (value.type === 'call' && markerOf(value)) {
    const args = kids(value.childForFieldName('arguments') ?? value);
    const first = args[0];
    if (first && first.type !== 'keyword_argument') return first.type === 'ellipsis' ? undefined : first.text;
    const kw = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'default');
    return kw?.childForFieldName('value')?.text;
  }
  return value.text;
}
