/**
 * TypeScript route declarations: Express/Hono/Koa-router `app.post('/v1/…', …)`, `router.get(…)`,
 * Fastify `app.post(…)` and `app.route({ method, url })`, and Next.js app-router files
 * (`app/**\/route.ts` exporting `GET`/`POST`; the path comes from the file path). Paths are kept as
 * declared; the mapping adds the configured prefix.
 *
 * The request body's type comes only from the route's own code (`className`, resolved and joined
 * to that model's fields by the mapping): Fastify's `app.post<{ Body: T }>`, Express's
 * `Request<P, R, T>` handler parameter, Hono's `zValidator('json', Schema)`, and inside the handler
 * `Schema.parse(await req.json())`, `req.body as T` or `const body: T = …`.
 */
import type * as TS from 'typescript';
import type { Ts } from './compiler-api.js';
import type { FileContext } from '../fact-sink.js';
import type { FactAdder } from './ts-params.js';
import { unwrapExpression } from './ts-fields.js';
import type { CodeFact, ReturnHandOff } from '../facts.js';
import { type ModuleFacts, REQUEST_BODY, REQUEST_BODY_ARG } from '../module-facts.js';
import {
  buildsRequest,
  firstWrites,
  keyEntry,
  keyDetails,
  matchedNames,
  pathOfUrl,
  sdkEndpoint,
  sendsForeignKeys,
  sentIn,
  sentParams,
  SENT_UNDER,
} from '../client-path.js';
import { fileRoute, type FileRoute } from '../route-files.js';
import { pathOfPattern } from '../route-pattern.js';
import {
  bindingPath,
  callsOf,
  flowKeys,
  functionsOf,
  isEquality,
  isFunctionLike,
  keysWrittenInto,
  returnStatements,
  sentStrings,
} from './sent-flow.js';

type At = (node: TS.Node) => { line: number; column: number };

/** A parameter a client call writes out in what it sends, at its line. */
type SentKey = { name: string; in: 'body' | 'query'; line: number; symbol?: string; sent?: string[] };
type HandOff = NonNullable<CodeFact['handsBody']>[number];

const NOTHING_READ: { keys: SentKey[]; handOffs: HandOff[] } = { keys: [], handOffs: [] };

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all']);
const NEXT_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/** The check each node gets (the caller walks the tree, parents first: one walk serves several checks). */
export function routeVisitor(
  ts: Ts,
  sf: TS.SourceFile,
  ctx: FileContext,
  sink: FactAdder,
  at: At,
  /** Where the routers mounted under a prefix (`mounts`) and the functions that send what they are given (`sdkWrappers`) go. */
  module: ModuleFacts,
): (node: TS.Node) => void {
  const onMount = (mount: [string, string, string]): void => {
    module.mounts ??= [];
    module.mounts.push(mount);
  };
  /** The names the file imports, read from its top when a call first asks. */
  let imported: Set<string> | undefined;
  const fileRouted = fileRoute(ctx.file);
  /** A route file's route: its handler's body model, or else the body keys the handler reads. */
  const fileRouteFact = (route: FileRoute, symbol: string, method: string, handler: TS.Node | undefined, place: TS.Node): void => {
    const body = handler ? bodyIn(ts, handler, sf) : undefined;
    const { keys: read, handOffs } = handler && !body && WITH_BODY.has(method) ? keysRead(ts, handler, at, functions) : NOTHING_READ;
    const query = handler ? queryKeysRead(ts, handler, at, sf, functions) : [];
    sink.add({
      kind: 'route',
      symbol,
      method,
      path: route.path,
      evidence: `${route.framework} route file`,
      ...(body ? { className: body } : {}),
      ...withBodyKeys(pathParams(route.path, at(place).line), [...query, ...read]),
      ...(handOffs.length ? { handsBody: handOffs } : {}),
      ...at(place),
    });
  };
  // Handlers passed by name: their bodies hold the evidence.
  const functions = fileFunctions(ts, sf);
  const knownParams = new Set(ctx.candidates.paramSets.flatMap((set) => [...set]));
  /** Names the file binds to a collection, worked out when a call first reads like an SDK call. */
  let collections: Set<string> | undefined;
  // The last names of the SDK calls the spec's examples make (`create`, `list`): a cheap first test.
  const sdkLast = new Set([...ctx.candidates.sdkCalls.keys()].map((k) => k.slice(k.lastIndexOf('.') + 1)));
  /** A plain server's route at `node`, its body keys those `served` reads (after `guard`'s own parse). */
  const dispatchFact = (
    node: TS.Expression,
    route: { method: string; path: string },
    served?: { guard: TS.IfStatement; code: TS.Node | readonly TS.Node[] },
  ): void => {
    const { keys: read, handOffs } = served
      ? keysRead(ts, served.code, at, functions, plainBodyNames(ts, served.guard), undefined, true)
      : NOTHING_READ;
    sink.add({
      kind: 'route',
      symbol: callerName(ts, node) ?? route.path,
      method: route.method,
      path: route.path,
      evidence: 'request dispatch on its method and path',
      ...withBodyKeys(pathParams(route.path, at(node).line), read),
      ...(handOffs.length ? { handsBody: handOffs } : {}),
      ...at(node),
    });
  };
  const dispatched = (node: TS.Expression): boolean => {
    const route = dispatchedRoute(ts, sf, node);
    if (route) {
      const guard = WITH_BODY.has(route.method) ? dispatchGuard(ts, node) : undefined;
      dispatchFact(node, route, guard && { guard, code: guard.thenStatement });
      return true;
    }
    // `if (path !== '/v1/responses' || req.method !== 'POST') return notFound();`: a plain server that
    // turns every other request away first serves this one with the rest of the block, which reads its body.
    const away = turnedAwayRoute(ts, sf, node);
    if (!away) return false;
    dispatchFact(node, away, WITH_BODY.has(away.method) ? { guard: away.guard, code: away.rest } : undefined);
    return true;
  };
  /**
   * A route table without a framework (a Worker's, Bun's, Deno's): a row `['POST', '/v1/responses',
   * handler]` of an array of rows, or a key `'POST /v1/responses': handler` of an object, the
   * handler a function. Its keys are what the handler reads off the request's body: in this file,
   * or, for a function imported or one that hands the request on, where the workspace pass finds it.
   */
  const tableRoute = (at0: TS.Node, method: string, path: string, handler: TS.Expression): void => {
    const fn = ts.isIdentifier(handler) ? functions.get(handler.text) : handler;
    const withBody = WITH_BODY.has(method.toLowerCase());
    const { keys: read, handOffs } = fn && withBody && isFunctionLike(ts, fn) ? keysRead(ts, fn, at, functions) : NOTHING_READ;
    const where = at(at0);
    if (!fn && withBody && ts.isIdentifier(handler)) handOffs.push({ callee: handler.text, arg: REQUEST_BODY_ARG, line: where.line });
    sink.add({
      kind: 'route',
      symbol: ts.isIdentifier(handler) ? handler.text : (callerName(ts, at0) ?? tableName(ts, at0) ?? path),
      method: method.toUpperCase(),
      path,
      evidence: 'route table entry',
      ...withBodyKeys(pathParams(path, where.line), read),
      ...(handOffs.length ? { handsBody: handOffs } : {}),
      ...where,
    });
  };
  const callable = (e: TS.Expression | undefined): e is TS.Expression =>
    e !== undefined && (ts.isIdentifier(e) || ts.isArrowFunction(e) || ts.isFunctionExpression(e));
  /**
   * `new Request(url, { method: 'POST', body })`: the Fetch API's request, which `fetch(request)` or a
   * worker's `env.API.fetch(request)` sends later, wherever it is passed. It describes the call as
   * `fetch(url, init)` would, so it is read the same way where it is made.
   */
  const fetchRequest = (node: TS.NewExpression): void => {
    const [first, second] = node.arguments ?? [];
    if (!first) return;
    const init = second ? requestInit(ts, sf, second, node) : undefined;
    const verb = fetchMethod(ts, second, init);
    if (!verb) return;
    let path = pathIn(ts, sf, first, node, 0);
    const pathFrom = path === undefined ? importedPathName(ts, sf, first) : undefined;
    if (pathFrom !== undefined) path = '';
    if (path === undefined) return;
    const where = at(node);
    const sent = [...sentKeys(ts, node, at, sf, knownParams, init), ...urlQueryKeys(ts, sf, first, node, at)];
    const params = [...(pathParams(path, where.line).params ?? []), ...sent];
    sink.add({
      kind: 'route',
      symbol: callerName(ts, node) ?? 'Request',
      method: verb.toUpperCase(),
      path,
      ...(pathFrom !== undefined ? { pathFrom } : {}),
      evidence: 'new Request()',
      ...(params.length ? { params } : {}),
      ...where,
    });
  };
  /**
   * `return { url, method: 'DELETE' }`, `(base) => ({ url: \`${base}/v1/responses\`, method: 'POST', body
   * })`: a request described by the object a function returns, for the library's core to send. One
   * with a `handler` is a server's route, read where it is registered.
   */
  const describedRequest = (node: TS.ObjectLiteralExpression): void => {
    const method = propertyValue(ts, node, 'method');
    if (!method || !ts.isStringLiteral(method) || !HTTP_METHOD.test(method.text) || propertyValue(ts, node, 'handler')) return;
    const url = propertyValue(ts, node, 'url') ?? propertyValue(ts, node, 'path');
    const path = url && pathIn(ts, sf, url, node, 0);
    if (!path?.startsWith('/')) return;
    const verb = method.text.toLowerCase();
    const where = at(node);
    const sent: SentKey[] = [];
    const body = WITH_BODY.has(verb) ? (propertyValue(ts, node, 'body') ?? propertyValue(ts, node, 'data')) : undefined;
    if (body) {
      const value = unwrapExpression(ts, body);
      const held =
        ts.isCallExpression(value) && value.arguments[0] && /(^|\.)stringify$/.test(exprName(ts, value.expression) ?? '')
          ? value.arguments[0]
          : value;
      if (ts.isObjectLiteralExpression(held)) sent.push(...objectKeys(ts, held, 'body', at, { sf, node }));
      else sent.push(...knownFlowKeys(ts, sf, node, held, at, knownParams, 'body'));
    }
    // The URL held in a name (`const url = \`${joinPath(base, path)}${qs}\``): its query string too.
    const written = url && ts.isIdentifier(url) ? (constantValue(ts, sf, url.text, node, true) ?? url) : url;
    if (written) sent.push(...urlQueryKeys(ts, sf, written, node, at));
    const params = [...(pathParams(path, where.line).params ?? []), ...sent];
    sink.add({
      kind: 'route',
      symbol: callerName(ts, node) ?? 'request',
      method: verb.toUpperCase(),
      path,
      evidence: 'request described by the object returned',
      ...(params.length ? { params } : {}),
      ...where,
    });
  };
  return (node: TS.Node): void => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Request') {
      fetchRequest(node);
      return;
    }
    if (node.kind === ts.SyntaxKind.ObjectLiteralExpression && isReturned(ts, node)) {
      describedRequest(node as TS.ObjectLiteralExpression);
      return;
    }
    if (node.kind === ts.SyntaxKind.BinaryExpression) {
      dispatched(node as TS.BinaryExpression);
      return;
    }
    if (ts.isArrayLiteralExpression(node) && node.elements.length >= 3 && ts.isArrayLiteralExpression(node.parent)) {
      const [method, path, handler] = node.elements as unknown as TS.Expression[];
      if (
        method &&
        ts.isStringLiteral(method) &&
        HTTP_METHOD.test(method.text) &&
        path &&
        ts.isStringLiteral(path) &&
        path.text.startsWith('/') &&
        callable(handler)
      )
        tableRoute(node, method.text, path.text, handler);
      return;
    }
    if (ts.isPropertyAssignment(node) && ts.isStringLiteral(node.name) && callable(node.initializer)) {
      const keyed = TABLE_KEY.exec(node.name.text);
      if (keyed) tableRoute(node, keyed[1]!, keyed[2]!, node.initializer);
      return;
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && DISPATCH_TESTS.has(node.expression.name.text)) {
      if (dispatched(node)) return;
    }
    if (
      ts.isCallExpression(node) &&
      (ts.isPropertyAccessExpression(node.expression) || ts.isIdentifier(node.expression) || isInjectedFetch(ts, node.expression))
    ) {
      const access = ts.isPropertyAccessExpression(node.expression) ? node.expression : undefined;
      const name = access ? access.name.text : ts.isIdentifier(node.expression) ? node.expression.text : 'fetch';
      if (access && sdkLast.has(name)) {
        // `conversations.update((all) => …)`: a store's update, handed a function; an SDK method is
        // handed ids and a request, never a function.
        const handedFunction = node.arguments.length > 0 && isFunctionLike(ts, node.arguments[0]!);
        const sdk = handedFunction ? undefined : sdkEndpoint(memberChain(ts, access), ctx.candidates.sdkCalls);
        if (sdk) collections ??= fileCollections(ts, sf);
        if (sdk && collections && !isFileCollection(ts, sf, node, access.expression, collections)) {
          // `openai.responses.create({ model, input })`: the object's keys are what it sends.
          const where = sentIn(sdk.method);
          // What it sends comes after its path's parameters (`create(body, options)`, `retrieve(id, query,
          // options)`; the request options after it are the SDK's own).
          const given = node.arguments[sdk.path.split('{').length - 1];
          if (given && ts.isIdentifier(given)) noteSdkWrapper(ts, node, given.text, sdk, module);
          // `create({ ...opts, input, stream: true })`: what it is handed, sent with more keys.
          else if (given && ts.isObjectLiteralExpression(given))
            for (const p of given.properties)
              if (ts.isSpreadAssignment(p) && ts.isIdentifier(p.expression)) noteSdkWrapper(ts, node, p.expression.text, sdk, module);
          const returnedBy: ReturnHandOff[] = [];
          const flowed = given ? flowKeys(ts, sf, node, given, at, returnedBy, (key) => sdk.params.includes(key)) : [];
          if (sendsForeignKeys(flowed, sdk)) return;
          // Keys followed past the call's own objects are kept when the endpoint has them: a request
          // built elsewhere often carries another endpoint's keys on their way out (`max_tokens`).
          const sent = flowed
            .filter((k) => k.direct || sdk.params.includes(k.name))
            .map((k): SentKey => ({ name: k.name, in: where, line: k.line, ...keyDetails(k) }));
          const params = [...(pathParams(sdk.path, at(node).line).params ?? []), ...sentParams(sent, sdk)];
          sink.add({
            kind: 'route',
            symbol: callerName(ts, node) ?? access.expression.getText(sf),
            method: sdk.method,
            path: sdk.path,
            evidence: `SDK call ${sdk.call}()`,
            ...(params.length ? { params } : {}),
            ...(returnedBy.length ? { returnedBy } : {}),
            ...at(node),
          });
          return;
        }
      }
      // `createResponse(client, request)` of an imported function: a call of the endpoint it sends
      // what it is given to, if it does (the workspace pass looks it up).
      if (!access) {
        imported ??= importedNames(ts, sf);
        if (imported.size > 0) wrappedRequestFact(ts, sf, node, name, imported, knownParams, at, sink);
      }
      // `this.request(path, { method: 'POST', body })`: a fetch-like wrapper, its method written in its options.
      // The options a `fetch`-like call is given, read once and only for a call that may be one:
      // most calls are not, and a `const` is looked up through every block around the call.
      const second = node.arguments[1];
      let resolved: Properties | undefined | null = null;
      const init = (): Properties | undefined => {
        if (resolved === null) resolved = second ? requestInit(ts, sf, second, node) : undefined;
        return resolved;
      };
      const named =
        name === 'fetch'
          ? fetchMethod(ts, second, init())
          : (verbOf(name) ??
            (name.endsWith('equest') && /request$/i.test(name) ? methodIn(ts, init()) : undefined) ??
            (second && mayBeFetchLike(ts, node.arguments[0], second) ? fetchLikeMethod(ts, init()) : undefined));
      // `fetch(url, init)`, or a wrapper of it called as it is (`fetchWithRetries(url, { method: 'POST',
      // body })`): a client's call, its last argument no handler.
      const fetchLike = named !== undefined && verbOf(name) === undefined;
      // `fetch(request)` of a `new Request(url, init)`: the request is read where it is made (fetchRequest).
      if (fetchLike && node.arguments[0] && isFetchRequest(ts, sf, node.arguments[0], node)) return;
      // `request('POST', '/v1/responses', { body })`, `apiRequest.call(this, 'POST', '/responses', …)`:
      // a wrapper given the method, then the path.
      const given = named || name === 'fetch' ? undefined : methodArgument(ts, node, name);
      const first = given ? given.path : node.arguments[0];
      const verb = given?.verb ?? named;
      // `createRoute({ method: 'POST', path: '/v1/responses', handler })`, axios's `axios({ method, url,
      // data })`: a route or a call described by one object.
      // The object may come after a context (`client._createRequest(context, { method, path, body })`,
      // as generated SDKs call their core).
      const described = verb
        ? undefined
        : (node.arguments.find(
            (a, i): a is TS.ObjectLiteralExpression =>
              ts.isObjectLiteralExpression(a) &&
              writtenMethod(ts, a) !== undefined &&
              (i === 0 || propertyValue(ts, a, 'url') !== undefined || propertyValue(ts, a, 'path') !== undefined),
          ) ?? undefined);
      // Most calls are neither: the receiver's text (a string made per call) only for those that are.
      if (!verb && !described && !(access && (name === 'route' || name === 'on' || name === 'use'))) return;
      // Express's `app.use('/v1/responses', auth, router)` and Hono's `app.route('/v1', api)`: a
      // router mounted under a prefix; the workspace pass moves the routes declared on it there.
      const mountPrefix = access && (name === 'use' || name === 'route') ? stringArg(ts, first) : undefined;
      if (mountPrefix?.startsWith('/') && node.arguments.length >= 2 && ts.isIdentifier(access!.expression)) {
        const mounted = node.arguments[node.arguments.length - 1]!;
        if (ts.isIdentifier(mounted)) onMount([mounted.text, access!.expression.text, mountPrefix]);
        return;
      }
      // Express's `router.route('/v1/responses/:id').get(fetch).delete(remove)`: the path is the chain's.
      const chained = verb && access && VERBS.has(name) ? routeChainPath(ts, access.expression) : undefined;
      if (chained !== undefined) {
        const handler = node.arguments[node.arguments.length - 1];
        const body = bodyOfCall(ts, node, sf, functions);
        // At the method's name: every call of one chain starts where the chain does.
        const where = at(access!.name);
        sink.add({
          kind: 'route',
          symbol: handlerName(ts, handler) ?? access!.expression.getText(sf),
          method: verb!.toUpperCase(),
          path: chained,
          evidence: `.route().${name}() call`,
          ...(body ? { className: body } : {}),
          ...pathParams(chained, where.line),
          ...where,
        });
        return;
      }
      const owner = access ? access.expression.getText(sf) : name;
      let declared = verb && first ? pathIn(ts, sf, first, node, 0) : undefined;
      // `client._createRequest(context, { method: 'POST', path, body })`: the options hold the path too.
      if (declared === undefined && fetchLike && second && !ts.isStringLiteral(second)) declared = pathIn(ts, sf, second, node, 0);
      // `upstream.postJson('responses/input_tokens', body)`: a client's method named for the verb,
      // given a path relative to its base URL (as axios's `baseURL` takes it). Only a client's call:
      // a route's handler is a function, and a server's router writes the leading `/`.
      if (declared === undefined && access && verbOf(name) !== undefined && first && isRelativePath(ts, first)) {
        const last = node.arguments[node.arguments.length - 1]!;
        const client = !isFunctionLike(ts, last) && (!ts.isIdentifier(last) || isParameterOfCaller(ts, last.text, node));
        if (node.arguments.length >= 2 && client) declared = `/${first.text}`;
      }
      // `fetch(RESPONSES_URL, …)`, `post(config.urls.responses, …)` with the name imported: the path
      // is that module's constant, which the workspace pass looks up.
      const pathFrom = verb && first && declared === undefined ? importedPathName(ts, sf, first) : undefined;
      if (pathFrom !== undefined) declared = '';
      if (verb && declared !== undefined) {
        const handler = node.arguments[node.arguments.length - 1];
        // A handler passed by name names the route; a client call (its last argument the caller's
        // own parameter or an options object) is named by the function that makes it.
        const symbol =
          !fetchLike && !given && handler && ts.isIdentifier(handler) && !isParameterOfCaller(ts, handler.text, node)
            ? handler.text
            : handler && (ts.isArrowFunction(handler) || ts.isFunctionExpression(handler))
              ? owner
              : (callerName(ts, node) ?? owner);
        const body = bodyOfCall(ts, node, sf, functions);
        // At the method's name: the calls of one chain (`new Hono().get(…).post(…)`) all start
        // where the chain does, and would be taken for one.
        const where = at(access ? access.name : node);
        // A wrapper given the method is a client's call: it has no handler to read.
        const fn = given || fetchLike ? undefined : handler && ts.isIdentifier(handler) ? functions.get(handler.text) : handler;
        const { keys: read, handOffs } =
          !body && fn && WITH_BODY.has(verb) ? keysRead(ts, fn, at, functions) : { keys: [], handOffs: [] as HandOff[] };
        // A handler imported from another module (`router.post('/', createResponse)`): what it reads
        // off the request's body there, found by the workspace pass.
        if (
          !fn &&
          !given &&
          !fetchLike &&
          !body &&
          WITH_BODY.has(verb) &&
          handler &&
          ts.isIdentifier(handler) &&
          !isParameterOfCaller(ts, handler.text, node)
        )
          handOffs.push({ callee: handler.text, arg: REQUEST_BODY_ARG, line: where.line });
        const returnedBy: ReturnHandOff[] = [];
        const sent = sentKeys(ts, node, at, sf, knownParams, init(), returnedBy);
        // What is sent comes after the path: `post(url, { model })`, `request('POST', '/responses', body)`.
        const dataAt = given ? node.arguments.indexOf(given.path as TS.Expression) + 1 : 1;
        const data = sent.length === 0 && WITH_BODY.has(verb) ? dataArgument(ts, node, knownParams, dataAt) : undefined;
        if (data) sent.push(...objectKeys(ts, data, 'body', at, { sf, node }));
        else if (given && sent.length === 0 && WITH_BODY.has(verb)) {
          // A wrapper given the method takes the body itself after the path, built elsewhere
          // (`const body = { model, input }`, `this.body(req)`): the keys some endpoint of the spec has.
          const arg = node.arguments[dataAt];
          if (arg && !ts.isObjectLiteralExpression(arg)) sent.push(...knownFlowKeys(ts, sf, node, arg, at, knownParams, 'body'));
        }
        const query = fn ? queryKeysRead(ts, fn, at, sf, functions, node) : [];
        // A client's query string written into its URL (`?${new URLSearchParams({ after })}`).
        if (first && (given || fetchLike || !fn)) sent.push(...urlQueryKeys(ts, sf, first, node, at));
        const params = [...(pathParams(declared, where.line).params ?? []), ...sent, ...query, ...read];
        sink.add({
          kind: 'route',
          symbol,
          method: verb.toUpperCase(),
          path: declared,
          ...(pathFrom !== undefined ? { pathFrom } : {}),
          evidence: given && name === 'call' ? `${owner}() call` : access ? `${owner}.${name}() call` : `${name}() call`,
          ...(body ? { className: body } : {}),
          ...(params.length ? { params } : {}),
          ...(WITH_BODY.has(verb) && handOffs.length ? { handsBody: handOffs } : {}),
          ...(returnedBy.length ? { returnedBy } : {}),
          // The router it is declared on, when another module may mount it under a prefix.
          ...(access && !given && !fetchLike && ts.isIdentifier(access.expression) ? { router: access.expression.text } : {}),
          ...where,
        });
      } else if (described || (access && name === 'route' && first && ts.isObjectLiteralExpression(first))) {
        const object = (described ?? first) as TS.ObjectLiteralExpression;
        // `{ url, method: 'POST', body }`: a name written once is a `const` around the call.
        const prop = (name: string): TS.Expression | undefined => propertyValue(ts, object, name);
        const written = prop('url') ?? prop('path');
        // A call described so may hold its path in a name (`path: path`, `const path = pathToFunc('/responses')()`).
        const url =
          written && (described ? pathIn(ts, sf, written, node, 0) : ts.isStringLiteral(written) ? pathOf(ts, written) : undefined);
        const method = prop('method');
        const methods = method && ts.isArrayLiteralExpression(method) ? [...method.elements] : method ? [method] : [];
        if (url?.startsWith('/')) {
          const handler = prop('handler');
          const body = handler ? bodyIn(ts, handler, sf) : undefined;
          // What a call described so sends (axios's `data`, a `body`): its keys.
          const returnedBy: ReturnHandOff[] = [];
          const sent = described && !handler ? sentKeys(ts, node, at, sf, knownParams, undefined, returnedBy) : [];
          for (const m of methods)
            if (ts.isStringLiteral(m) && HTTP_METHOD.test(m.text)) {
              const params = [...(pathParams(url, at(node).line).params ?? []), ...(WITH_BODY.has(m.text) ? sent : [])];
              sink.add({
                kind: 'route',
                symbol: handlerName(ts, handler) ?? (described && !handler ? (callerName(ts, node) ?? owner) : owner),
                method: m.text.toUpperCase(),
                path: url,
                evidence: access ? `${owner}.${name}() call` : `${name}() call`,
                ...(body ? { className: body } : {}),
                ...(params.length ? { params } : {}),
                ...(returnedBy.length && WITH_BODY.has(m.text) ? { returnedBy } : {}),
                ...at(node),
              });
            }
        }
      } else if (access && name === 'on' && first && node.arguments[1]) {
        // Hono's `app.on('POST', '/v1/responses', handler)`, or several methods at once: an event
        // emitter's `on('data', …)` names no HTTP method and no path.
        const methods = ts.isArrayLiteralExpression(first) ? [...first.elements] : [first];
        const path = stringArg(ts, node.arguments[1]);
        const verbs = methods.map((m) => stringArg(ts, m)?.toUpperCase());
        if (path?.startsWith('/') && verbs.length > 0 && verbs.every((v) => v !== undefined && NEXT_METHODS.has(v))) {
          const handler = node.arguments[node.arguments.length - 1];
          const body = handler ? bodyIn(ts, handler, sf) : undefined;
          for (const v of verbs)
            sink.add({
              kind: 'route',
              symbol: handlerName(ts, handler) ?? owner,
              method: v!,
              path,
              evidence: `${owner}.on() call`,
              ...(body ? { className: body } : {}),
              ...pathParams(path, at(node).line),
              ...at(node),
            });
        }
      }
    }
    if (ts.isMethodDeclaration(node) && node.modifiers && ts.isClassDeclaration(node.parent))
      nestRoutes(ts, sf, node, node.parent, sink, at);
    if (fileRouted !== undefined && node.parent === sf) {
      const exported = (ts.getCombinedModifierFlags(node as TS.Declaration) & ts.ModifierFlags.Export) !== 0;
      if (exported && ts.isFunctionDeclaration(node) && node.name && NEXT_METHODS.has(node.name.text))
        fileRouteFact(fileRouted, node.name.text, node.name.text, node, node);
      if (ts.isVariableStatement(node) && node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
        for (const d of node.declarationList.declarations)
          if (ts.isIdentifier(d.name) && NEXT_METHODS.has(d.name.text))
            fileRouteFact(fileRouted, d.name.text, d.name.text, d.initializer, d);
      // Nuxt: the file's name says its method (`responses.post.ts`); its default export handles it.
      if (fileRouted.method !== undefined && ts.isExportAssignment(node) && !node.isExportEquals)
        fileRouteFact(fileRouted, 'default', fileRouted.method, node.expression, node);
      // Next.js's pages router, Vercel: the default export is a `(req, res)` handler of every
      // method, and the methods it compares `req.method` with are those it serves.
      const handler = fileRouted.byHandler ? defaultHandler(ts, node, functions) : undefined;
      if (handler) for (const method of handledMethods(ts, handler.fn)) fileRouteFact(fileRouted, handler.name, method, handler.fn, node);
    }
  };
}

type Callable = TS.FunctionDeclaration | TS.FunctionExpression | TS.ArrowFunction;

/**
 * A module's default export when it is a `(req, res)` handler: `export default function handler(req,
 * res)`, `export default handler`, `module.exports = async (req, res) => …`, or one such function
 * wrapped in a call (`export default withAuth(handler)`); with its name, or `default`.
 */
function defaultHandler(ts: Ts, node: TS.Node, functions: ReadonlyMap<string, TS.Node>): { name: string; fn: Callable } | undefined {
  const asHandler = (e: TS.Node | undefined, depth = 0): { name: string; fn: Callable } | undefined => {
    if (!e) return undefined;
    if (ts.isIdentifier(e)) {
      const named = asHandler(functions.get(e.text), depth);
      return named && { name: e.text, fn: named.fn };
    }
    if (ts.isFunctionDeclaration(e) || ts.isFunctionExpression(e) || ts.isArrowFunction(e))
      return e.parameters.length >= 2 ? { name: e.name?.text ?? 'default', fn: e } : undefined;
    if (ts.isCallExpression(e) && depth < 2)
      for (const arg of e.arguments) {
        const found = asHandler(arg, depth + 1);
        if (found) return found;
      }
    return undefined;
  };
  if (ts.isFunctionDeclaration(node)) {
    const flags = ts.getCombinedModifierFlags(node);
    return flags & ts.ModifierFlags.Export && flags & ts.ModifierFlags.Default ? asHandler(node) : undefined;
  }
  if (ts.isExportAssignment(node) && !node.isExportEquals) return asHandler(node.expression);
  if (ts.isExpressionStatement(node) && ts.isBinaryExpression(node.expression)) {
    const { left, operatorToken, right } = node.expression;
    const moduleExports =
      ts.isPropertyAccessExpression(left) &&
      left.name.text === 'exports' &&
      ts.isIdentifier(left.expression) &&
      left.expression.text === 'module';
    if (operatorToken.kind === ts.SyntaxKind.EqualsToken && moduleExports) return asHandler(right);
  }
  return undefined;
}

/** The methods a handler compares its request's `method` with (`req.method !== 'POST'`, `case 'GET':`), in order. */
function handledMethods(ts: Ts, fn: Callable): string[] {
  const req = fn.parameters[0]?.name;
  if (!req || !ts.isIdentifier(req)) return [];
  const isMethod = (e: TS.Node): boolean =>
    ts.isPropertyAccessExpression(e) && e.name.text === 'method' && ts.isIdentifier(e.expression) && e.expression.text === req.text;
  const verb = (e: TS.Node): string | undefined => {
    const v = ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) ? e.text.toUpperCase() : undefined;
    return v !== undefined && NEXT_METHODS.has(v) ? v : undefined;
  };
  const out = new Set<string>();
  const visit = (n: TS.Node): void => {
    if (ts.isBinaryExpression(n) && isEquality(ts, n.operatorToken.kind)) {
      const v = isMethod(n.left) ? verb(n.right) : isMethod(n.right) ? verb(n.left) : undefined;
      if (v) out.add(v);
    }
    if (ts.isSwitchStatement(n) && isMethod(n.expression))
      for (const clause of n.caseBlock.clauses) {
        const v = ts.isCaseClause(clause) ? verb(clause.expression) : undefined;
        if (v) out.add(v);
      }
    // A function of its own (a callback) compares some other request.
    if (n !== fn && isFunctionLike(ts, n)) return;
    ts.forEachChild(n, visit);
  };
  visit(fn);
  return [...out];
}

/** `router.route('/x')`, or further verbs chained on it (`.get(a).post(b)`): the path it declares. */
function routeChainPath(ts: Ts, e: TS.Expression): string | undefined {
  while (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) {
    const name = e.expression.name.text;
    if (name === 'route') {
      const path = stringArg(ts, e.arguments[0]);
      return path?.startsWith('/') ? path : undefined;
    }
    if (!VERBS.has(name)) return undefined;
    e = e.expression.expression;
  }
  return undefined;
}

/** A handler that names itself: `create`, `function create(…) {…}`. */
function handlerName(ts: Ts, handler: TS.Expression | undefined): string | undefined {
  if (handler && ts.isIdentifier(handler)) return handler.text;
  return handler && ts.isFunctionExpression(handler) && handler.name ? handler.name.text : undefined;
}

const NEST_VERBS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'Head', 'Options']);

/** The decorators on a node, as `[name, arguments, decorator]` (`@Post('x')` → `['Post', ['x'], …]`). */
function decoratorsOf(ts: Ts, node: TS.Node): [string, readonly TS.Expression[], TS.Node][] {
  const out: [string, readonly TS.Expression[], TS.Node][] = [];
  for (const m of (node as { modifiers?: readonly TS.Node[] }).modifiers ?? []) {
    if (m.kind !== ts.SyntaxKind.Decorator) continue;
    const e = (m as TS.Decorator).expression;
    if (ts.isCallExpression(e) && ts.isIdentifier(e.expression)) out.push([e.expression.text, e.arguments, m]);
  }
  return out;
}

const stringArg = (ts: Ts, e: TS.Expression | undefined): string | undefined =>
  e && (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) ? e.text : undefined;

/**
 * NestJS: a method decorated `@Post('…')` (or `@Get`, `@Put`, `@Patch`, `@Delete`) in a class
 * decorated `@Controller('prefix')` is a route at the two paths joined. Its parameters say where
 * each comes from: `@Param('id')` the path, `@Query('include')` the query, `@Body('model')` one body
 * field, and `@Body() body: CreateDto` (or a `@Query()` DTO) the request model whose fields are the rest.
 */
function nestRoutes(ts: Ts, sf: TS.SourceFile, method: TS.MethodDeclaration, cls: TS.ClassDeclaration, sink: FactAdder, at: At): void {
  const routes = decoratorsOf(ts, method).filter(([name]) => NEST_VERBS.has(name));
  if (routes.length === 0) return;
  const controller = decoratorsOf(ts, cls).find(([name]) => name === 'Controller');
  if (!controller) return;
  const given = controller[1][0];
  const prefix =
    stringArg(ts, given) ??
    (given && ts.isObjectLiteralExpression(given) ? stringArg(ts, propertyValue(ts, given, 'path')) : undefined) ??
    '';
  const params: NonNullable<CodeFact['params']> = [];
  let body: string | undefined;
  let query: string | undefined;
  const rawBody: string[] = [];
  for (const p of method.parameters) {
    const from = decoratorsOf(ts, p).find(([name]) => name === 'Param' || name === 'Query' || name === 'Body');
    if (!from) continue;
    const field = stringArg(ts, from[1][0]);
    const declaredType = p.type?.getText(sf);
    if (field === undefined) {
      const model = p.type ? typeName(ts, p.type, sf) : undefined;
      if (from[0] === 'Body') body ??= model;
      if (from[0] === 'Query') query ??= model;
      // `@Body() body: any` (or a bag of keys): the keys the method reads off it, and where it hands it.
      if (from[0] === 'Body' && !model && ts.isIdentifier(p.name) && (!p.type || isBagOfKeys(ts, p.type, sf))) rawBody.push(p.name.text);
      continue;
    }
    params.push({
      name: field,
      in: from[0] === 'Param' ? 'path' : from[0] === 'Query' ? 'query' : 'body',
      ...(declaredType ? { declaredType } : {}),
      optional: from[0] !== 'Param' && (p.questionToken !== undefined || p.initializer !== undefined),
      line: at(p).line,
    });
  }
  const model = body ?? query;
  const { keys: read, handOffs } = rawBody.length ? keysRead(ts, method, at, fileFunctions(ts, sf), rawBody, cls) : NOTHING_READ;
  // Each route at its decorator, as a Python decorator route is.
  for (const [verb, args, decorator] of routes) {
    const written = stringArg(ts, args[0]) ?? '';
    const withBody = WITH_BODY.has(verb.toLowerCase());
    const own = withBody ? [...params, ...read] : params;
    const path = `/${[prefix, written]
      .map((x) => x.replace(/^\/+|\/+$/g, ''))
      .filter(Boolean)
      .join('/')}`;
    sink.add({
      kind: 'route',
      symbol: method.name.getText(sf),
      method: verb.toUpperCase(),
      path,
      evidence: `NestJS @${verb}() route`,
      ...(model ? { className: model } : {}),
      ...(own.length ? { params: own } : {}),
      ...(withBody && handOffs.length ? { handsBody: handOffs } : {}),
      ...at(decorator),
    });
  }
}

/**
 * The HTTP verb a method name stands for: a router's or client's own `get`/`post`, and a client's
 * variants named after it (`getAPIList`, `_post`, `delete_item`). Only a call whose first argument
 * reads as a path counts, and only a path the spec has becomes a location.
 */
/** The request properties a plain server compares with a path (`url.pathname`, `req.url`). */
const PATH_PROPERTIES = new Set(['pathname', 'url', 'path']);

/**
 * A plain server's dispatch (`node:http`): `req.method === 'POST' && url.pathname === '/v1/responses'`,
 * the path a literal or a `const` around it; `path.startsWith('/v1/responses')` (a prefix that ends
 * in `/` stands for several routes, so none); a pattern (`/^\/v1\/responses\/([^/]+)$/.test(path)`,
 * `path.match(…)`). The path and the method may be copies (`const path = req.url.split('?')[0]`,
 * `const { method } = req`). Only with the method compared in the same `&&`: a path compared alone
 * may be a client's or a proxy's test of where a call goes.
 */
function dispatchedRoute(ts: Ts, sf: TS.SourceFile, node: TS.Expression): { method: string; path: string } | undefined {
  const path = dispatchedPath(ts, sf, node);
  if (!path?.startsWith('/')) return undefined;
  // The method, compared beside it in the same chain of `&&`.
  const chain = andChain(ts, node);
  let method: string | undefined;
  const visit = (e: TS.Node): void => {
    if (method || !ts.isBinaryExpression(e)) return;
    if (e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
      visit(e.left);
      visit(e.right);
      return;
    }
    const sides = [e.left, e.right];
    const named = sides.some((s) => isRequestPart(ts, sf, s, METHOD_PROPERTY, node));
    const literal = sides.find((s): s is TS.StringLiteral => ts.isStringLiteral(s) && HTTP_METHOD.test(s.text));
    if (named && literal) method = literal.text.toUpperCase();
  };
  visit(chain);
  return method ? { method, path } : undefined;
}

/**
 * `if (path !== '/v1/responses' || req.method !== 'POST') return …;` with statements after it in
 * its block: the route those statements serve, its method compared in the same chain of `||`.
 */
function turnedAwayRoute(
  ts: Ts,
  sf: TS.SourceFile,
  node: TS.Expression,
): { method: string; path: string; guard: TS.IfStatement; rest: readonly TS.Statement[] } | undefined {
  const path = dispatchedPath(ts, sf, node, true);
  if (!path?.startsWith('/')) return undefined;
  let chain: TS.Node = node;
  while (
    ts.isParenthesizedExpression(chain.parent) ||
    (ts.isBinaryExpression(chain.parent) && chain.parent.operatorToken.kind === ts.SyntaxKind.BarBarToken)
  )
    chain = chain.parent;
  const guard = chain.parent;
  if (!guard || !ts.isIfStatement(guard) || guard.expression !== chain || guard.elseStatement || !leaves(ts, guard.thenStatement))
    return undefined;
  const block = guard.parent;
  if (!ts.isBlock(block)) return undefined;
  const rest = block.statements.slice(block.statements.indexOf(guard) + 1);
  if (rest.length === 0) return undefined;
  let method: string | undefined;
  const visit = (e: TS.Node): void => {
    if (method) return;
    if (ts.isParenthesizedExpression(e)) return visit(e.expression);
    if (!ts.isBinaryExpression(e)) return;
    const op = e.operatorToken.kind;
    if (op === ts.SyntaxKind.BarBarToken) {
      visit(e.left);
      visit(e.right);
      return;
    }
    if (op !== ts.SyntaxKind.ExclamationEqualsEqualsToken && op !== ts.SyntaxKind.ExclamationEqualsToken) return;
    const sides = [e.left, e.right];
    const literal = sides.find((x): x is TS.StringLiteral => ts.isStringLiteral(x) && HTTP_METHOD.test(x.text));
    if (literal && sides.some((x) => isRequestPart(ts, sf, x, METHOD_PROPERTY, node))) method = literal.text.toUpperCase();
  };
  visit(chain);
  return method ? { method, path, guard, rest } : undefined;
}

/** A statement that always leaves the function: a `return` or `throw`, or a block that ends in one. */
function leaves(ts: Ts, st: TS.Statement): boolean {
  if (ts.isReturnStatement(st) || st.kind === ts.SyntaxKind.ThrowStatement) return true;
  const last = ts.isBlock(st) ? st.statements[st.statements.length - 1] : undefined;
  return last !== undefined && leaves(ts, last);
}

const METHOD_PROPERTY = new Set(['method']);
/** The calls that test a path: `path.startsWith(…)`, `path.endsWith(…)`, `pattern.test(path)`, `path.match(pattern)`. */
const DISPATCH_TESTS = new Set(['startsWith', 'endsWith', 'test', 'match']);

/** The `if` whose condition is the `&&` chain a dispatch stands in. */
function dispatchGuard(ts: Ts, node: TS.Node): TS.IfStatement | undefined {
  const chain = andChain(ts, node);
  const parent = chain.parent;
  return parent && ts.isIfStatement(parent) && parent.expression === chain ? parent : undefined;
}

/**
 * The names the function around a dispatch gives the body it parses before the dispatch
 * (`const body = JSON.parse(await readBody(req))`, `const payload = await readJson(req)`): a plain
 * server has no `req.body` to read.
 */
function plainBodyNames(ts: Ts, guard: TS.IfStatement): string[] {
  const names: string[] = [];
  // `const body = …`, or `let body; try { body = JSON.parse(…) } catch { … }`.
  const visit = (n: TS.Node): void => {
    if (isFunctionLike(ts, n)) return;
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && isPlainBody(ts, n.initializer)) names.push(n.name.text);
    else if (
      ts.isBinaryExpression(n) &&
      n.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isIdentifier(n.left) &&
      isPlainBody(ts, n.right)
    )
      names.push(n.left.text);
    else ts.forEachChild(n, visit);
  };
  for (let n = guard.parent; n; n = n.parent) {
    if (ts.isBlock(n) || ts.isSourceFile(n))
      for (const st of n.statements) {
        if (st.pos >= guard.pos) break;
        visit(st);
      }
    if (isFunctionLike(ts, n)) break;
  }
  return names;
}

/** `JSON.parse(…)`, or a function of a body's name given something (`await readJsonBody(req)`). */
function isPlainBody(ts: Ts, e: TS.Expression): boolean {
  let x = e;
  while (ts.isAwaitExpression(x) || ts.isParenthesizedExpression(x) || ts.isAsExpression(x) || ts.isNonNullExpression(x)) x = x.expression;
  if (!ts.isCallExpression(x) || x.arguments.length === 0) return false;
  const callee = x.expression;
  if (ts.isPropertyAccessExpression(callee)) return exprName(ts, callee) === 'JSON.parse';
  return ts.isIdentifier(callee) && /body|json|payload/i.test(callee.text);
}

/** The path `node` tests the request's path against: a comparison, a `startsWith` or `endsWith`, a pattern's `test` or `match`. */
function dispatchedPath(ts: Ts, sf: TS.SourceFile, node: TS.Expression, negated = false): string | undefined {
  // Every comparison and many calls come here: what is cheap to rule out goes first, and a name
  // is looked up (a walk through the blocks around it) only beside what may be a path.
  const isPath = (e: TS.Expression): boolean => isRequestPart(ts, sf, e, PATH_PROPERTIES, node);
  const isPathProperty = (e: TS.Expression): boolean => ts.isPropertyAccessExpression(e) && PATH_PROPERTIES.has(e.name.text);
  const mayBePath = (e: TS.Expression): boolean =>
    ((ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) && e.text.startsWith('/')) ||
    (ts.isIdentifier(e) && /^[A-Z][A-Z0-9_]*$/.test(e.text));
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    const K = ts.SyntaxKind;
    if (
      negated
        ? op !== K.ExclamationEqualsEqualsToken && op !== K.ExclamationEqualsToken
        : op !== K.EqualsEqualsEqualsToken && op !== K.EqualsEqualsToken
    )
      return undefined;
    const { left, right } = node;
    let other: TS.Expression | undefined;
    if (isPathProperty(left)) other = right;
    else if (isPathProperty(right)) other = left;
    else if (mayBePath(right) && isPath(left)) other = right;
    else if (mayBePath(left) && isPath(right)) other = left;
    const written = other && ts.isIdentifier(other) ? constantValue(ts, sf, other.text, node) : other;
    return written && pathOf(ts, written);
  }
  if (negated || !ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || node.arguments.length !== 1)
    return undefined;
  const name = node.expression.name.text;
  const [arg] = node.arguments as unknown as [TS.Expression];
  if (name === 'startsWith' || name === 'endsWith') {
    // A suffix (`pathname.endsWith('/responses')`, a server answering under any mount point) is the
    // route whose path ends so: the join takes it as written, with the API's prefix, or as the end
    // of exactly one endpoint's path.
    const affix = pathOf(ts, ts.isIdentifier(arg) ? (constantValue(ts, sf, arg.text, node) ?? arg) : arg);
    return affix === undefined || affix.endsWith('/') || !isPath(node.expression.expression) ? undefined : affix;
  }
  const [pattern, subject] =
    name === 'test' ? [node.expression.expression, arg] : name === 'match' ? [arg, node.expression.expression] : [undefined, undefined];
  if (!pattern || !subject) return undefined;
  const written = ts.isIdentifier(pattern) ? constantValue(ts, sf, pattern.text, node) : pattern;
  const path =
    written && ts.isRegularExpressionLiteral(written) ? pathOfPattern(written.text.slice(1, written.text.lastIndexOf('/'))) : undefined;
  return path !== undefined && isPath(subject) ? path : undefined;
}

/** The `&&` chain `node` stands in, or `node` itself. */
function andChain(ts: Ts, node: TS.Node): TS.Node {
  let chain = node;
  while (ts.isBinaryExpression(chain.parent) && chain.parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)
    chain = chain.parent;
  return chain;
}

/**
 * `e` reads one of the request's `properties` (`req.url`, `url.pathname`), or is a `const` that
 * holds one: a copy (`const path = req.url ?? '/'`), its part before the query (`.split('?')[0]`)
 * or a name taken apart from it (`const { method } = req`, `const { pathname } = new URL(…)`).
 */
function isRequestPart(
  ts: Ts,
  sf: TS.SourceFile,
  e: TS.Expression,
  properties: ReadonlySet<string>,
  /** Where `e` is read: a node whose parents the walk has set (its own children's are set later). */
  from: TS.Node,
  depth = 0,
): boolean {
  const unwrap = (y: TS.Expression): TS.Expression => {
    let z = unwrapExpression(ts, y);
    while (ts.isNonNullExpression(z)) z = unwrapExpression(ts, z.expression);
    return z;
  };
  let x = unwrap(e);
  for (let step = 0; step < 4; step++) {
    if (isFallback(ts, x)) x = unwrap(x.left);
    // `url.split('?')[0]`: the path without its query.
    else if (
      ts.isElementAccessExpression(x) &&
      ts.isCallExpression(x.expression) &&
      ts.isPropertyAccessExpression(x.expression.expression) &&
      x.expression.expression.name.text === 'split'
    )
      x = unwrap(x.expression.expression.expression);
    else break;
  }
  if (ts.isPropertyAccessExpression(x)) return properties.has(x.name.text);
  if (!ts.isIdentifier(x) || depth >= 3) return false;
  const declaration = localDeclaration(ts, sf, x.text, from);
  if (!declaration?.initializer) return false;
  if (ts.isBindingElement(declaration.element)) {
    const key = declaration.element.propertyName ?? declaration.element.name;
    return (ts.isIdentifier(key) || ts.isStringLiteral(key)) && properties.has(key.text);
  }
  return isRequestPart(ts, sf, declaration.initializer, properties, declaration.element, depth + 1);
}

/** The `const` or `let` that declares `name` in the blocks around `node` (innermost first), or in a destructuring there. */
function localDeclaration(
  ts: Ts,
  sf: TS.SourceFile,
  name: string,
  node: TS.Node,
): { element: TS.VariableDeclaration | TS.BindingElement; initializer: TS.Expression | undefined } | undefined {
  for (let n = node.parent; n && n !== sf; n = n.parent) {
    if (!ts.isBlock(n)) continue;
    for (const st of n.statements) {
      if (!ts.isVariableStatement(st)) continue;
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === name) return { element: d, initializer: d.initializer };
        if (ts.isObjectBindingPattern(d.name))
          for (const el of d.name.elements)
            if (!el.dotDotDotToken && ts.isIdentifier(el.name) && el.name.text === name) return { element: el, initializer: d.initializer };
      }
    }
    if (isFunctionLike(ts, n)) return undefined;
  }
  return undefined;
}

/** The HTTP method an options object writes out (`{ method: 'POST' }`); undefined when it writes none. */
function writtenMethod(ts: Ts, options: TS.Expression | undefined): string | undefined {
  return options && ts.isObjectLiteralExpression(options) ? methodIn(ts, options.properties) : undefined;
}

function methodIn(ts: Ts, properties: Properties | undefined): string | undefined {
  const method = properties && propertyIn(ts, properties, 'method');
  return method && ts.isStringLiteral(method) && HTTP_METHOD.test(method.text) ? method.text.toLowerCase() : undefined;
}

/**
 * The options a `fetch`-like call is given, as the properties they hold: written at the call, or a
 * `const` of the functions around it (`const request = { method: 'POST', body }`), with the
 * properties of the `const` objects it spreads (`{ ...request, signal }`) put in first, as the
 * spread puts them.
 */
type Properties = readonly TS.ObjectLiteralElementLike[];
function requestInit(ts: Ts, sf: TS.SourceFile, e: TS.Expression, call: TS.Node, depth = 0): Properties | undefined {
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
  if (depth > 2) return undefined;
  if (ts.isIdentifier(e)) {
    const value = constantValue(ts, sf, e.text, call);
    return value ? requestInit(ts, sf, value, call, depth + 1) : undefined;
  }
  if (!ts.isObjectLiteralExpression(e)) return undefined;
  if (!e.properties.some((p) => ts.isSpreadAssignment(p))) return e.properties;
  return e.properties.flatMap((p) => (ts.isSpreadAssignment(p) ? (requestInit(ts, sf, p.expression, call, depth + 1) ?? [p]) : [p]));
}

/**
 * Whether a call may be given a URL and `fetch`'s options, before they are looked up: options
 * written out that write a method (or spread another object), or held in a name, after a URL
 * written out or held in a name that says so (`url`, `endpoint`, `path`).
 */
function mayBeFetchLike(ts: Ts, first: TS.Expression | undefined, second: TS.Expression): boolean {
  if (ts.isObjectLiteralExpression(second))
    return second.properties.some(
      (p) => ts.isSpreadAssignment(p) || (p.name !== undefined && ts.isIdentifier(p.name) && p.name.text === 'method'),
    );
  if (!ts.isIdentifier(second) || !first) return false;
  if (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first) || ts.isTemplateExpression(first)) return true;
  const held = ts.isIdentifier(first)
    ? first.text
    : ts.isPropertyAccessExpression(first)
      ? first.name.text
      : ts.isCallExpression(first)
        ? 'url'
        : '';
  return /url|uri|endpoint|path/i.test(held);
}

/**
 * A call that is not named after a method but is given options as `fetch` is (`fetchWithCache(url,
 * { method: 'POST', body: JSON.stringify(body) })`): the method they write, when they also write what
 * an HTTP request carries.
 */
function fetchLikeMethod(ts: Ts, init: Properties | undefined): string | undefined {
  if (!init || !(propertyIn(ts, init, 'body') || propertyIn(ts, init, 'headers'))) return undefined;
  return methodIn(ts, init);
}

/** A call's method given as its first argument (past `this` of `f.call(this, …)`), and the path after it. */
function methodArgument(ts: Ts, call: TS.CallExpression, name: string): { verb: string; path: TS.Expression } | undefined {
  const args = name === 'call' ? call.arguments.slice(1) : call.arguments;
  const method = args[0];
  if (args.length < 2 || !method || !ts.isStringLiteral(method) || !HTTP_METHOD.test(method.text)) return undefined;
  return { verb: method.text.toLowerCase(), path: args[1]! };
}

const HTTP_METHOD = /^(?:get|post|put|patch|delete|GET|POST|PUT|PATCH|DELETE)$/;
/** The name of the table a row or key stands in (`const ROUTES = […]`). */
function tableName(ts: Ts, node: TS.Node): string | undefined {
  for (let n: TS.Node | undefined = node.parent; n && !ts.isSourceFile(n); n = n.parent)
    if (ts.isVariableDeclaration(n)) return ts.isIdentifier(n.name) ? n.name.text : undefined;
  return undefined;
}

/** A route table's key: `'POST /v1/responses'`. */
const TABLE_KEY = /^(GET|POST|PUT|PATCH|DELETE) +(\/\S*)$/;

function verbOf(name: string): string | undefined {
  if (VERBS.has(name)) return name;
  // A getter of a URL (`getUrl`, `getBatchUrl`) builds the path; it does not request it.
  if (/(?:Url|URL|Uri|URI|Path|Endpoint)$/.test(name)) return undefined;
  const m = /^_*(get|post|put|patch|delete)(?=$|[A-Z_])/.exec(name);
  return m ? m[1] : undefined;
}

/** `'responses/input_tokens'`: a path written without its leading `/` (segments of letters, digits, `_`, `-`). */
function isRelativePath(ts: Ts, e: TS.Expression): e is TS.StringLiteral | TS.NoSubstitutionTemplateLiteral {
  return (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) && /^[a-z][\w-]*(?:\/[a-z][\w-]*)*$/.test(e.text);
}

/**
 * A call's first argument as a declared path, or undefined when it does not read as one: a string
 * starting with `/`; a full URL (its path); a template, plain or tagged (`path\`/responses/${id}\``),
 * whose substitutions become path parameters named after what they hold, and whose leading
 * substitution, when the rest starts with `/`, is a base URL the path is appended to. A query
 * string is not part of the path.
 */
function pathOf(ts: Ts, arg: TS.Expression): string | undefined {
  const template = ts.isTaggedTemplateExpression(arg) ? arg.template : arg;
  let text: string;
  if (ts.isStringLiteral(template) || ts.isNoSubstitutionTemplateLiteral(template)) text = template.text;
  else if (ts.isBinaryExpression(template) && template.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    // `base + '/v1/responses'`, `'/v1/responses/' + id`: read as the template it spells.
    const parts = concatenated(ts, template);
    let i = 0;
    text = '';
    if (!isText(ts, parts[0]!) && parts[1] && isText(ts, parts[1]) && parts[1].text.startsWith('/')) i = 1;
    for (; i < parts.length; i++) {
      const part = parts[i]!;
      text += isText(ts, part) ? part.text : `{${substitutionName(ts, part, i)}}`;
    }
    if (!text.includes('/')) return undefined;
  } else if (ts.isTemplateExpression(template)) {
    const spans = template.templateSpans;
    let i = 0;
    text = template.head.text;
    if (text === '' && spans[0]!.literal.text.startsWith('/')) {
      text = spans[0]!.literal.text;
      i = 1;
    }
    for (; i < spans.length; i++) {
      const span = spans[i]!;
      // `${base}/v1/responses/${id}/input_items${qs}`: a query string glued to the last segment.
      if (i === spans.length - 1 && span.literal.text === '' && text !== '' && !text.endsWith('/') && isQueryText(ts, span.expression))
        break;
      text += `{${substitutionName(ts, span.expression, i)}}${span.literal.text}`;
    }
  } else return undefined;
  return pathOfUrl(text);
}

/** A name for a query string (`qs`, `query`, `searchParams`, `buildQuery(…)`): what a URL ends with after its path. */
const QUERY_TEXT = /(?:qs|search|params)$|query/i;

function isQueryText(ts: Ts, e: TS.Expression): boolean {
  const x = unwrapExpression(ts, e);
  if (ts.isNewExpression(x)) return ts.isIdentifier(x.expression) && x.expression.text === 'URLSearchParams';
  const name = ts.isIdentifier(x)
    ? x.text
    : ts.isPropertyAccessExpression(x)
      ? x.name.text
      : ts.isCallExpression(x)
        ? exprName(ts, x.expression)?.split('.').pop()
        : undefined;
  return name !== undefined && QUERY_TEXT.test(name);
}

/**
 * The query keys a URL's text is given after its path: `?${new URLSearchParams({ after, limit })}`,
 * or a name the caller gives one (`const qs = buildQuery({ limit, order })`, `qs.stringify({ … })`),
 * each key at its line.
 */
function urlQueryKeys(ts: Ts, sf: TS.SourceFile, url: TS.Expression, call: TS.Node, at: At): SentKey[] {
  if (!ts.isTemplateExpression(url)) return [];
  const out: SentKey[] = [];
  let before = url.head.text;
  for (const span of url.templateSpans) {
    const inQuery = before.includes('?') || (span.literal.text === '' && span === url.templateSpans.at(-1));
    before += span.literal.text;
    if (!inQuery || !isQueryText(ts, span.expression)) continue;
    let e = unwrapExpression(ts, span.expression);
    if (ts.isIdentifier(e)) e = constantValue(ts, sf, e.text, call, true) ?? e;
    e = unwrapExpression(ts, e);
    // `new URLSearchParams({ … })`, `buildQuery({ … })`, `qs.stringify({ … })`: the object it is made of.
    const made = ts.isNewExpression(e) || ts.isCallExpression(e) ? e.arguments?.[0] : undefined;
    if (made && ts.isObjectLiteralExpression(made)) out.push(...objectKeys(ts, made, 'query', at, { sf, node: call }));
  }
  return out;
}

function isText(ts: Ts, e: TS.Expression): e is TS.StringLiteral | TS.NoSubstitutionTemplateLiteral {
  return ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e);
}

/** The operands of a chain of `+`, left to right. */
function concatenated(ts: Ts, e: TS.Expression): TS.Expression[] {
  const x = unwrapExpression(ts, e);
  return ts.isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.PlusToken
    ? [...concatenated(ts, x.left), ...concatenated(ts, x.right)]
    : [x];
}

/**
 * How many steps pathIn takes: `url` → `\`${joinPath(base, path ?? RESPONSES_PATH)}${qs}\`` →
 * `joinPath(…)` → `path ?? RESPONSES_PATH` → `path` → `resolveApiPath(ctx, { default: \`${RESPONSES_PATH}/${id}\` })`
 * → the template is seven.
 */
const PATH_STEPS = 8;

/**
 * The path a call's first argument leads to: a path itself; a client's options object (`{ url }`,
 * `{ path }`); a URL builder's argument (`this.config.url({ path: '/responses' })`, `new URL(…)`);
 * a constant declared in a function around the call or at the top of the file. A few steps at most.
 */
function pathIn(ts: Ts, sf: TS.SourceFile, e: TS.Expression, call: TS.Node, depth: number): string | undefined {
  // `${url}/${id}/cancel` with `url` a parameter its callers give `${base}/responses`: that path, then the rest.
  const based = depth < PATH_STEPS && ts.isTemplateExpression(e) ? basedTemplate(ts, sf, e, call, depth) : undefined;
  if (based !== undefined) return based;
  const direct = pathOf(ts, e);
  if (direct !== undefined || depth >= PATH_STEPS) return direct;
  if (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e)) return pathIn(ts, sf, e.expression, call, depth + 1);
  // `deps.endpoint ?? DEFAULT_ENDPOINT`, `options.url || API_URL`: the default, when it reads as a
  // path; the first, when it does too (`resolved ?? RESPONSES_PATH` with `resolved` a path resolved
  // from a default of its own).
  if (isFallback(ts, e)) return pathIn(ts, sf, e.left, call, depth + 1) ?? pathIn(ts, sf, e.right, call, depth + 1);
  // `fetch(this.endpoint, …)`: the URL the class gives that property, declared or set in its constructor.
  if (ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const value = ownPropertyValue(ts, call, e.name.text);
    return value && pathIn(ts, sf, value, value, depth + 1);
  }
  if (ts.isIdentifier(e)) {
    const value = constantValue(ts, sf, e.text, call);
    if (value) return pathIn(ts, sf, value, call, depth + 1);
    // Only a name that says it holds a URL: `map.get(key)` is far more common than a request.
    return /url|uri|endpoint|path/i.test(e.text) ? passedPath(ts, sf, e.text, call, depth) : undefined;
  }
  // `options.url` of an options object: a `const` around the call, or a parameter its callers give.
  if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && /url|uri|endpoint|path/i.test(e.name.text)) {
    const value = propertyOfObject(ts, sf, e.expression, e.name.text, call);
    if (value) return pathIn(ts, sf, value, call, depth + 1);
    return passedPath(ts, sf, e.expression.text, call, depth, e.name.text);
  }
  if (ts.isObjectLiteralExpression(e)) {
    const value = propertyValue(ts, e, 'url') ?? propertyValue(ts, e, 'path');
    return value && pathIn(ts, sf, value, call, depth + 1);
  }
  // `pathToFunc('/responses/{response_id}')(params)`: a path template made into a function, then filled.
  if (ts.isCallExpression(e) && ts.isCallExpression(e.expression)) return pathIn(ts, sf, e.expression, call, depth + 1);
  // `fetch(this.buildUrl(), …)`: what the file's function or method of that name returns, when
  // every return of it is one path.
  if (ts.isCallExpression(e) && e.arguments.length === 0) return returnedPath(ts, sf, e, depth);
  if ((ts.isCallExpression(e) || ts.isNewExpression(e)) && e.arguments?.[0]) {
    const arg = e.arguments[0];
    const inner = pathIn(ts, sf, arg, call, depth + 1);
    if (inner !== undefined) return inner;
    // `joinPath(base, RESPONSES_PATH)`, `resolveApiPath(ctx, { default: \`${RESPONSES_PATH}/${id}\` })`:
    // a builder given a base or a context first, then the path or its default.
    const builderName = ts.isPropertyAccessExpression(e.expression)
      ? e.expression.name.text
      : ts.isIdentifier(e.expression)
        ? e.expression.text
        : '';
    if (/join|path|url|uri|endpoint/i.test(builderName))
      for (const later of e.arguments.slice(1)) {
        const given = ts.isObjectLiteralExpression(later) ? propertyValue(ts, later, 'default') : later;
        const found = given && pathIn(ts, sf, given, call, depth + 1);
        if (found !== undefined) return found;
      }
    // `new URL('responses', base)`, `this._getEndpoint('responses')`: a path relative to a base the
    // builder adds.
    const callee = ts.isPropertyAccessExpression(e.expression)
      ? e.expression.name.text
      : ts.isIdentifier(e.expression)
        ? e.expression.text
        : '';
    const builder = ts.isNewExpression(e) ? callee === 'URL' : /endpoint|url|uri|path/i.test(callee);
    if (builder && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) && /^[A-Za-z][\w./-]*$/.test(arg.text))
      return pathOfUrl(`/${arg.text}`);
  }
  return undefined;
}

/** `{}`, `undefined`, `null`: what a body that may be absent is when it is. */
function isNoValue(ts: Ts, e: TS.Expression): boolean {
  const x = unwrapExpression(ts, e);
  return (
    (ts.isObjectLiteralExpression(x) && x.properties.length === 0) ||
    x.kind === ts.SyntaxKind.NullKeyword ||
    (ts.isIdentifier(x) && x.text === 'undefined')
  );
}

/**
 * The value the class around `node` gives its property `name`: its declaration's initializer
 * (`private endpoint = '…'`), or the one `this.name = …` of its constructor.
 */
function ownPropertyValue(ts: Ts, node: TS.Node, name: string): TS.Expression | undefined {
  let cls: TS.Node | undefined = node.parent;
  while (cls && !ts.isClassDeclaration(cls) && !ts.isClassExpression(cls)) cls = cls.parent;
  if (!cls) return undefined;
  const values: TS.Expression[] = [];
  for (const member of (cls as TS.ClassLikeDeclaration).members) {
    if (ts.isPropertyDeclaration(member) && ts.isIdentifier(member.name) && member.name.text === name && member.initializer)
      values.push(member.initializer);
    if (!ts.isConstructorDeclaration(member) || !member.body) continue;
    const visit = (n: TS.Node): void => {
      if (!n.parent) (n as { parent: TS.Node }).parent = member;
      if (
        ts.isBinaryExpression(n) &&
        n.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        ts.isPropertyAccessExpression(n.left) &&
        n.left.expression.kind === ts.SyntaxKind.ThisKeyword &&
        n.left.name.text === name
      )
        values.push(n.right);
      ts.forEachChild(n, (child) => {
        (child as { parent: TS.Node }).parent = n;
        visit(child);
      });
    };
    (member.body as { parent: TS.Node }).parent = member;
    visit(member.body);
  }
  return values.length === 1 ? values[0] : undefined;
}

/** An object a function returns: `return { … }`, or an arrow's `=> ({ … })`. */
function isReturned(ts: Ts, node: TS.Node): boolean {
  let up = node.parent;
  while (up && (ts.isParenthesizedExpression(up) || ts.isAsExpression(up) || ts.isSatisfiesExpression(up))) up = up.parent;
  return up !== undefined && (ts.isReturnStatement(up) || (ts.isArrowFunction(up) && !ts.isBlock(up.body)));
}

/** `(options.fetch ?? globalThis.fetch)`, `(this.fetchImpl || fetch)`: a fetch the caller may replace, the global one else. */
function isInjectedFetch(ts: Ts, callee: TS.Expression): boolean {
  if (!ts.isParenthesizedExpression(callee)) return false;
  const choice = callee.expression;
  if (!isFallback(ts, choice)) return false;
  const named = (e: TS.Expression): boolean =>
    (ts.isIdentifier(e) && e.text === 'fetch') || (ts.isPropertyAccessExpression(e) && e.name.text === 'fetch');
  return named(choice.left) || named(choice.right);
}

/** `new Request(…)`, or a name the function around `call` or the file binds to one. */
function isFetchRequest(ts: Ts, sf: TS.SourceFile, e: TS.Expression, call: TS.Node): boolean {
  const value = unwrapExpression(ts, e);
  if (ts.isNewExpression(value)) return ts.isIdentifier(value.expression) && value.expression.text === 'Request';
  if (!ts.isIdentifier(value)) return false;
  const bound = constantValue(ts, sf, value.text, call);
  return bound !== undefined && ts.isNewExpression(unwrapExpression(ts, bound)) && isFetchRequest(ts, sf, bound, call);
}

/** The one path every return of the file's functions named as `call` calls gives (`buildUrl()`, `this.endpoint()`). */
function returnedPath(ts: Ts, sf: TS.SourceFile, call: TS.CallExpression, depth: number): string | undefined {
  const callee = call.expression;
  const name = ts.isIdentifier(callee)
    ? callee.text
    : ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword
      ? callee.name.text
      : undefined;
  const fns = name === undefined ? [] : functionsOf(ts, sf, name);
  if (fns.length === 0 || fns.length > 3) return undefined;
  let path: string | undefined;
  for (const fn of fns)
    for (const [value, at] of returnStatements(ts, fn)) {
      const given = pathIn(ts, sf, value, at, depth + 1);
      if (given === undefined || (path !== undefined && path !== given)) return undefined;
      path = given;
    }
  return path;
}

/** Per file: the local names its imports bind, namespaces among them. */
const boundByImports = new WeakMap<TS.SourceFile, Set<string>>();

/** `RESPONSES_URL`, `config.urls.responses`: a name (or a member of one) the file imports, as written. */
function importedPathName(ts: Ts, sf: TS.SourceFile, e: TS.Expression): string | undefined {
  const written = exprName(ts, unwrapExpression(ts, e));
  if (written === undefined) return undefined;
  let bound = boundByImports.get(sf);
  if (!bound) {
    bound = importedNames(ts, sf, true);
    boundByImports.set(sf, bound);
  }
  return bound.has(written.split('.')[0]!) ? written : undefined;
}

/** The local names a file's imports bind as values; `namespaces`: `import * as ns` too. */
function importedNames(ts: Ts, sf: TS.SourceFile, namespaces = false): Set<string> {
  const out = new Set<string>();
  for (const st of sf.statements) {
    const clause = ts.isImportDeclaration(st) ? st.importClause : undefined;
    if (!clause || clause.isTypeOnly) continue;
    if (clause.name) out.add(clause.name.text);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const el of bindings.elements) if (!el.isTypeOnly) out.add(el.name.text);
    } else if (bindings && namespaces) out.add(bindings.name.text);
  }
  return out;
}

/** The imported function a parameter named `name` of a function around `call` defaults to, directly or destructured. */
function defaultedTo(ts: Ts, call: TS.Node, name: string, imported: ReadonlySet<string>): string | undefined {
  const named = (b: TS.BindingName, init: TS.Expression | undefined): string | undefined =>
    ts.isIdentifier(b) && b.text === name && init && ts.isIdentifier(init) && imported.has(init.text) ? init.text : undefined;
  for (const fn of callers(call))
    for (const p of fn.parameters) {
      const direct = named(p.name, p.initializer);
      if (direct) return direct;
      if (ts.isObjectBindingPattern(p.name))
        for (const el of p.name.elements) {
          const found = named(el.name, el.initializer);
          if (found) return found;
        }
    }
  return undefined;
}

/**
 * Notes the module-level function around an SDK call that sends its parameter `name` as the request
 * (`export async function createResponse(client, request) { … client.responses.create(request) }`).
 */
function noteSdkWrapper(ts: Ts, call: TS.Node, name: string, sdk: { method: string; path: string }, module: ModuleFacts): void {
  const fn: TS.SignatureDeclarationBase | undefined = callers(call).next().value;
  if (!fn) return;
  const holder = fn.parent;
  const named =
    ts.isFunctionDeclaration(fn) && fn.name && ts.isSourceFile(holder)
      ? fn.name.text
      : holder && ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name) && ts.isSourceFile(holder.parent.parent.parent)
        ? holder.name.text
        : undefined;
  const index = fn.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === name);
  if (named === undefined || index < 0) return;
  module.sdkWrappers ??= [];
  if (!module.sdkWrappers.some(([n]) => n === named)) module.sdkWrappers.push([named, index, sdk.method, sdk.path]);
}

/**
 * A call of an imported function given an object that holds two or more of the spec's request keys
 * (`createResponse(client, { ...base, input, previous_response_id })`, or a `const` of one): a route
 * fact for the workspace pass, which keeps it when that function sends the object (`sdkWrappers`).
 */
function wrappedRequestFact(
  ts: Ts,
  sf: TS.SourceFile,
  call: TS.CallExpression,
  name: string,
  imported: ReadonlySet<string>,
  known: ReadonlySet<string>,
  at: At,
  sink: FactAdder,
): void {
  // Cheap first: an object written with two of a request's keys, in place or in a `const`.
  const given = call.arguments.flatMap((arg, index) => {
    if (!ts.isIdentifier(arg) && !ts.isObjectLiteralExpression(arg)) return [];
    // A `const` of the function around the call: a request handed on is built where it is handed.
    const value = ts.isIdentifier(arg) ? constantValue(ts, sf, arg.text, call, true) : arg;
    const inner = value && unwrapExpression(ts, value);
    if (!inner || !ts.isObjectLiteralExpression(inner)) return [];
    let own = 0;
    for (const p of inner.properties) {
      const key = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
      if (key !== undefined && known.has(key)) own++;
    }
    return own >= 2 ? [{ arg, index }] : [];
  });
  if (given.length === 0) return;
  // Imported, or a parameter that defaults to one (`{ create = createStreamed } = {}`, for tests to replace).
  const callee = imported.has(name) ? name : defaultedTo(ts, call, name, imported);
  if (callee === undefined) return;
  for (const { arg, index } of given) {
    // Its keys as a request's are followed: spread under a condition, set on it after.
    const keys = flowKeys(ts, sf, call, arg, at)
      .filter((k) => known.has(k.name))
      .map((k): SentKey => ({ name: k.name, in: 'body', line: k.line, ...keyDetails(k) }));
    if (keys.length < 2) continue;
    sink.add({
      kind: 'route',
      symbol: callerName(ts, call) ?? callee,
      evidence: `${callee}() call`,
      wrapper: { callee, bodyArg: index },
      params: keys,
      ...at(call),
    });
  }
}

/** A template that starts with a name holding a path (a parameter its callers fill): that path, then the rest. */
function basedTemplate(ts: Ts, sf: TS.SourceFile, e: TS.TemplateExpression, call: TS.Node, depth: number): string | undefined {
  if (e.head.text !== '') return undefined;
  const spans = e.templateSpans;
  for (const [k, span] of spans.entries()) {
    // `${joinPath(base, RESPONSES_PATH)}${qs}`: a builder's path, then a query string.
    if (k === 0 && ts.isCallExpression(span.expression)) {
      const built = pathIn(ts, sf, span.expression, call, depth + 1);
      if (!built?.startsWith('/')) return undefined;
      const rest = spans.slice(1);
      const query = rest.length === 1 && span.literal.text === '' && rest[0]!.literal.text === '' && isQueryText(ts, rest[0]!.expression);
      if (!query && rest.length > 0) return undefined;
      return pathOfUrl(built.replace(/\/$/, '') + span.literal.text);
    }
    if (!ts.isIdentifier(span.expression)) return undefined;
    const name = span.expression.text;
    let base =
      k === 0 && span.literal.text.startsWith('/') && /url|uri|endpoint|path|base/i.test(name)
        ? passedPath(ts, sf, name, call, depth)
        : undefined;
    // `${RESPONSES_PATH}/${id}/cancel`, `${base}${RESPONSES_PATH}`: a constant of the file that holds a path.
    if (base === undefined && (k > 0 || /^[A-Z][A-Z0-9_]*$/.test(name))) {
      const value = constantValue(ts, sf, name, call);
      base = value && (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) ? pathOf(ts, value) : undefined;
    }
    if (base?.startsWith('/')) {
      let text = span.literal.text;
      spans.slice(k + 1).forEach((rest, i) => {
        text += `{${substitutionName(ts, rest.expression, k + 1 + i)}}${rest.literal.text}`;
      });
      return pathOfUrl(base.replace(/\/$/, '') + text);
    }
    // Only a host may stand before the path (`${base}${RESPONSES_PATH}`), with nothing between.
    if (span.literal.text !== '') return undefined;
  }
  return undefined;
}

/**
 * A URL handed in as a parameter (`async function cancel(id, url)`, called as
 * `cancel(id, \`${this.getApiUrl()}/responses\`)`), or as a property of an options parameter
 * (`options.url` of `httpRequest(options)`, `url` of `httpRequest({ url, body })`, called as
 * `httpRequest({ url: \`${base}/responses\`, body })`): the path the file's calls of the function
 * give it, when they all give the same one.
 */
function passedPath(ts: Ts, sf: TS.SourceFile, name: string, call: TS.Node, depth: number, property?: string): string | undefined {
  if (depth >= 3) return undefined;
  for (const fn of callers(call)) {
    let keys: readonly string[] = property === undefined ? [] : [property];
    let index = fn.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === name);
    if (index < 0 && property === undefined)
      index = fn.parameters.findIndex((p) => {
        const path = p.dotDotDotToken ? undefined : bindingPath(ts, p.name, name);
        if (path) keys = path;
        return path !== undefined;
      });
    if (index < 0) continue;
    const holder = fn.parent;
    const called =
      fn.name && ts.isIdentifier(fn.name)
        ? fn.name.text
        : holder && ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name)
          ? holder.name.text
          : undefined;
    if (called === undefined) return undefined;
    let path: string | undefined;
    for (const site of callsOf(ts, sf, called)) {
      let arg: TS.Expression | undefined = site.arguments[index];
      for (const key of keys) arg = arg && propertyOfObject(ts, sf, arg, key, site);
      const given = arg ? pathIn(ts, sf, arg, site, depth + 1) : undefined;
      if (given === undefined || (path !== undefined && path !== given)) return undefined;
      path = given;
    }
    return path;
  }
  return undefined;
}

/** What `key` is given in an object written out, or held in a `const` around `node`. */
function propertyOfObject(ts: Ts, sf: TS.SourceFile, e: TS.Expression, key: string, node: TS.Node): TS.Expression | undefined {
  let object = unwrapExpression(ts, e);
  if (ts.isIdentifier(object)) {
    const value = constantValue(ts, sf, object.text, node);
    object = value ? unwrapExpression(ts, value) : object;
  }
  return ts.isObjectLiteralExpression(object) ? propertyValue(ts, object, key) : undefined;
}

/**
 * The keys a client call writes out in what it sends: `{ body: { model, stream: true } }`,
 * `{ body: JSON.stringify({ model, input }) }`, `{ query: { after } }`. Each is a parameter of the
 * endpoint at its own line; a spread (`...args`) adds nothing that can be read here. One built
 * elsewhere in the file (`body: JSON.stringify(payload)`) gives the keys some endpoint of the spec has.
 */
function sentKeys(
  ts: Ts,
  call: TS.CallExpression | TS.NewExpression,
  at: At,
  sf: TS.SourceFile,
  known: ReadonlySet<string>,
  /** The second argument's properties, where it is held in a `const` or spreads one (see requestInit). */
  init?: Properties,
  /** Where a body built by a function of another module is noted, for the workspace pass (sent-flow.ts `flowKeys`). */
  returnedBy?: ReturnHandOff[],
): SentKey[] {
  const out: SentKey[] = [];
  for (const [i, arg] of (call.arguments ?? []).entries()) {
    const properties = i === 1 && init ? init : ts.isObjectLiteralExpression(arg) ? arg.properties : undefined;
    for (const p of properties ?? []) {
      const where = p.name && ts.isIdentifier(p.name) ? SENT_UNDER.get(p.name.text) : undefined;
      // `{ body }`: a variable of that name built around the call; a parameter (an SDK's own method
      // handing on what it was given) says nothing of one call.
      const shorthand = ts.isShorthandPropertyAssignment(p) && !isParameterOfCaller(ts, p.name.text, call);
      if (!where || !(ts.isPropertyAssignment(p) || shorthand)) continue;
      let value: TS.Expression = ts.isPropertyAssignment(p) ? p.initializer : (p as TS.ShorthandPropertyAssignment).name;
      // `JSON.stringify({ … })`
      if (ts.isCallExpression(value) && value.arguments.length >= 1 && /(^|\.)stringify$/.test(exprName(ts, value.expression) ?? ''))
        value = value.arguments[0]!;
      if (ts.isObjectLiteralExpression(value)) out.push(...objectKeys(ts, value, where, at, { sf, node: call }));
      // Built elsewhere in the file (`body: JSON.stringify(payload)`): the keys some endpoint of the spec has.
      else out.push(...knownFlowKeys(ts, sf, call, value, at, known, where, returnedBy));
    }
  }
  return out;
}

/** The keys a value built elsewhere in the file holds (sent-flow.ts `flowKeys`) that some endpoint of the spec has, sent `where`. */
function knownFlowKeys(
  ts: Ts,
  sf: TS.SourceFile,
  call: TS.Node,
  value: TS.Expression,
  at: At,
  known: ReadonlySet<string>,
  where: SentKey['in'],
  returnedBy?: ReturnHandOff[],
): SentKey[] {
  return flowKeys(ts, sf, call, value, at, returnedBy)
    .filter((k) => known.has(k.name))
    .map((k) => ({ name: k.name, in: where, line: k.line, ...(k.sent ? { sent: k.sent } : {}) }));
}

/** A call being read, and its file: where the constants it names are looked up. */
interface Caller {
  sf: TS.SourceFile;
  node: TS.Node;
}

/**
 * An object literal's keys as parameters sent, each at its line. A spread of a `const` object the
 * caller built (`{ ...request, stream: true }`) sends that object's keys too; any other spread adds
 * nothing that can be read.
 */
function objectKeys(ts: Ts, obj: TS.ObjectLiteralExpression, where: SentKey['in'], at: At, call?: Caller, depth = 0): SentKey[] {
  const out: SentKey[] = [];
  for (const key of obj.properties) {
    if (ts.isSpreadAssignment(key)) {
      // Looked up from the call: the walk has set the parents of the call, not yet of its arguments.
      const spread =
        call && depth < 2 && ts.isIdentifier(key.expression) ? constantValue(ts, call.sf, key.expression.text, call.node) : undefined;
      const inner = spread && unwrapExpression(ts, spread);
      if (inner && ts.isObjectLiteralExpression(inner)) out.push(...objectKeys(ts, inner, where, at, call, depth + 1));
      continue;
    }
    if (!key.name) continue;
    const name = ts.isIdentifier(key.name) || ts.isStringLiteral(key.name) ? key.name.text : undefined;
    const sent = ts.isPropertyAssignment(key) ? sentStrings(ts, key.initializer) : undefined;
    if (name !== undefined) out.push({ name, in: where, line: at(key).line, ...(sent ? { sent } : {}) });
  }
  return out;
}

const COLLECTIONS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet', 'Array', 'Record', 'ReadonlyMap', 'ReadonlySet', 'ReadonlyArray']);

/**
 * Names this file declares as a collection (a variable or class property given `new Map()`, `[]`,
 * `{}`, or typed `Map<…>`, `Set<…>`, `Record<…>`, `T[]`): an in-memory store's
 * `this.conversations.delete(id)` is a Map's, not the SDK's `conversations.delete`.
 */
function fileCollections(ts: Ts, sf: TS.SourceFile): Set<string> {
  const out = new Set<string>();
  const visit = (n: TS.Node): void => {
    if (
      (ts.isPropertyDeclaration(n) || ts.isVariableDeclaration(n)) &&
      ts.isIdentifier(n.name) &&
      isCollectionDeclared(ts, sf, n.type, n.initializer)
    )
      out.add(n.name.text);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** A declaration's type or initializer says it holds a collection. */
function isCollectionDeclared(ts: Ts, sf: TS.SourceFile, type: TS.TypeNode | undefined, init: TS.Expression | undefined): boolean {
  if (type && (ts.isArrayTypeNode(type) || (ts.isTypeReferenceNode(type) && COLLECTIONS.has(type.typeName.getText(sf))))) return true;
  if (!init) return false;
  const e = unwrapExpression(ts, init);
  return (
    ts.isArrayLiteralExpression(e) ||
    ts.isObjectLiteralExpression(e) ||
    (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && COLLECTIONS.has(e.expression.text))
  );
}

/**
 * Whether a call's receiver (`conversations`, `this.conversations`) is a collection: a parameter of
 * an enclosing function typed as one, or else a name the file binds to one.
 */
function isFileCollection(
  ts: Ts,
  sf: TS.SourceFile,
  call: TS.CallExpression,
  receiver: TS.Expression,
  collections: ReadonlySet<string>,
): boolean {
  if (ts.isIdentifier(receiver)) {
    for (const fn of callers(call)) {
      const param = fn.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === receiver.text);
      if (param) return isCollectionDeclared(ts, sf, param.type, param.initializer);
    }
    return collections.has(receiver.text);
  }
  return (
    ts.isPropertyAccessExpression(receiver) && receiver.expression.kind === ts.SyntaxKind.ThisKeyword && collections.has(receiver.name.text)
  );
}

/** `this.openai.responses.create` → `['openai', 'responses', 'create']`. */
function memberChain(ts: Ts, access: TS.PropertyAccessExpression): string[] {
  const out: string[] = [];
  let e: TS.Expression = access;
  while (ts.isPropertyAccessExpression(e)) {
    out.push(e.name.text);
    e = e.expression;
  }
  if (ts.isIdentifier(e)) out.push(e.text);
  return out.reverse();
}

/** `fetch(url, { method: 'POST' })`: the method, GET when the options say none; unknown when they are not written out. */
function fetchMethod(ts: Ts, given: TS.Expression | undefined, init: Properties | undefined): string | undefined {
  if (!given) return 'get';
  if (!init) return undefined;
  const method = propertyIn(ts, init, 'method');
  if (!method) return init.some((p) => ts.isSpreadAssignment(p)) ? undefined : 'get';
  return ts.isStringLiteral(method) || ts.isNoSubstitutionTemplateLiteral(method) ? method.text.toLowerCase() : undefined;
}

function propertyValue(ts: Ts, obj: TS.ObjectLiteralExpression, key: string): TS.Expression | undefined {
  return propertyIn(ts, obj.properties, key);
}

/** The value `key` is given among `properties`. */
function propertyIn(ts: Ts, properties: Properties, key: string): TS.Expression | undefined {
  for (const p of properties) {
    if (!p.name || !ts.isIdentifier(p.name) || p.name.text !== key) continue;
    if (ts.isPropertyAssignment(p)) return p.initializer;
    if (ts.isShorthandPropertyAssignment(p)) return p.name;
  }
  return undefined;
}

/**
 * A `const` of this name in the blocks around `node`, innermost first, or at the file's top;
 * `local`: only in the blocks of the function around it.
 */
export function constantValue(ts: Ts, sf: TS.SourceFile, name: string, node: TS.Node, local = false): TS.Expression | undefined {
  const inStatements = (statements: readonly TS.Statement[]): TS.Expression | undefined => {
    for (const st of statements) {
      if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const)) continue;
      for (const d of st.declarationList.declarations)
        if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer) return d.initializer;
    }
    return undefined;
  };
  // Every block around it, innermost first: `const url = …` is often inside a `try` or an `if`.
  for (let n = node.parent; n && n !== sf; n = n.parent) {
    const found = ts.isBlock(n) ? inStatements(n.statements) : undefined;
    if (found) return found;
    if (local && isFunctionLike(ts, n)) return undefined;
  }
  return local ? undefined : inStatements(sf.statements);
}

/** `a ?? b`, `a || b`: a value with a fallback. */
function isFallback(ts: Ts, e: TS.Expression): e is TS.BinaryExpression {
  return (
    ts.isBinaryExpression(e) &&
    (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)
  );
}

/** `${responseId}` → `responseId`, `${this.id}` → `id`, `${encodeURIComponent(id)}` → `id`. */
function substitutionName(ts: Ts, e: TS.Expression, index: number): string {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  if (ts.isCallExpression(e) && e.arguments.length === 1) return substitutionName(ts, e.arguments[0]!, index);
  return `param${index}`;
}

/** The body type a route call declares: a generic `{ Body: T }`, a validator argument, or its handler's own evidence. */
function bodyOfCall(ts: Ts, call: TS.CallExpression, sf: TS.SourceFile, functions: ReadonlyMap<string, TS.Node>): string | undefined {
  for (const t of call.typeArguments ?? []) {
    if (!ts.isTypeLiteralNode(t)) continue;
    for (const m of t.members) if (ts.isPropertySignature(m) && m.name.getText(sf) === 'Body' && m.type) return typeName(ts, m.type, sf);
  }
  // A client given one options object (`postJson({ url, body })`) has its body there too.
  const options = call.arguments[0] && ts.isObjectLiteralExpression(call.arguments[0]) ? call.arguments : call.arguments.slice(1);
  for (const arg of options) {
    // Hono: `zValidator('json', Schema)`; any validator middleware given the JSON body's schema.
    if (ts.isCallExpression(arg) && arg.arguments.length >= 2) {
      const [kind, schema] = arg.arguments;
      if (kind && ts.isStringLiteral(kind) && kind.text === 'json' && schema) return exprName(ts, schema);
    }
    // A client's request options: `{ body, ...options }` or `{ query, ...options }`, typed by the
    // caller's parameter they come from; the body first.
    if (ts.isObjectLiteralExpression(arg))
      for (const key of ['body', 'query']) {
        const value = propertyValue(ts, arg, key);
        const declared = value && declaredTypeOf(ts, value, call, sf);
        if (declared) return declared;
      }
  }
  // Nothing sent: a params object whose fields the path takes (`const { conversation_id } = params`
  // before `path\`/conversations/${conversation_id}/items\``) still declares this endpoint's parameters.
  const first = call.arguments[0];
  const template = first && ts.isTaggedTemplateExpression(first) ? first.template : first;
  if (template && ts.isTemplateExpression(template))
    for (const span of template.templateSpans)
      if (ts.isIdentifier(span.expression)) {
        const declared = declaredTypeOf(ts, span.expression, call, sf, 'field');
        if (declared) return declared;
      }
  const handler = call.arguments[call.arguments.length - 1];
  if (!handler) return undefined;
  const fn = ts.isIdentifier(handler) ? functions.get(handler.text) : handler;
  return fn ? bodyIn(ts, fn, sf) : undefined;
}

/** Evidence inside a handler: a typed request parameter, a schema parse of the body, a cast or annotation of it. */
function bodyIn(ts: Ts, fn: TS.Node, sf: TS.SourceFile): string | undefined {
  let found: string | undefined;
  const isBodyRead = (e: TS.Node): boolean => /\b(body|json\(\)|formData\(\))/.test(e.getText(sf));
  const visit = (n: TS.Node): void => {
    if (found) return;
    // Express: `(req: Request<Params, ResBody, ReqBody>, res) => …`
    if (
      ts.isParameter(n) &&
      n.type &&
      ts.isTypeReferenceNode(n.type) &&
      /(^|\.)Request$/.test(n.type.typeName.getText(sf)) &&
      n.type.typeArguments &&
      n.type.typeArguments.length >= 3
    ) {
      found = typeName(ts, n.type.typeArguments[2]!, sf);
    } else if (
      ts.isCallExpression(n) &&
      ts.isPropertyAccessExpression(n.expression) &&
      /^(parse|safeParse|parseAsync|safeParseAsync)$/.test(n.expression.name.text) &&
      n.arguments[0] &&
      isBodyRead(n.arguments[0])
    ) {
      found = exprName(ts, n.expression.expression);
    } else if ((ts.isAsExpression(n) || ts.isTypeAssertionExpression(n)) && isBodyRead(n.expression)) {
      found = typeName(ts, n.type, sf);
    } else if (ts.isVariableDeclaration(n) && n.type && n.initializer && isBodyRead(n.initializer)) {
      found = typeName(ts, n.type, sf);
    }
    if (!found) ts.forEachChild(n, visit);
  };
  visit(fn);
  return found;
}

const WITH_BODY = new Set(['post', 'put', 'patch', 'all', 'POST', 'PUT', 'PATCH']);

/** Keys of a client's request options, never of the data it sends. */
const CLIENT_OPTIONS = new Set([
  'headers',
  'signal',
  'timeout',
  'responseType',
  'withCredentials',
  'auth',
  'baseURL',
  'method',
  'schema',
  'config',
]);

/**
 * The data a client sends as its second argument (axios's `post(url, { model, input })`), when that
 * argument is an object literal that names a parameter the spec knows and no request option: a
 * server framework's options object (Fastify's `{ schema }`) or a bare `{ headers }` is no data.
 */
function dataArgument(ts: Ts, call: TS.CallExpression, known: ReadonlySet<string>, at = 1): TS.ObjectLiteralExpression | undefined {
  const arg = call.arguments[at];
  if (!arg || !ts.isObjectLiteralExpression(arg)) return undefined;
  const keys = arg.properties.map((p) => (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined));
  // An options object holds what it sends under `body` or `query` (even as `{ body, ...options }`).
  const option = (k: string | undefined): boolean => k !== undefined && (CLIENT_OPTIONS.has(k) || SENT_UNDER.has(k));
  return keys.some((k) => k !== undefined && known.has(k)) && !keys.some(option) ? arg : undefined;
}

/** A route's path parameters (`pathParams`) and the body keys its handler reads, as one `params`. */
function withBodyKeys(path: ReturnType<typeof pathParams>, read: SentKey[]): { params?: (PathParam | SentKey)[] } {
  const params: (PathParam | SentKey)[] = [...(path.params ?? []), ...read];
  return params.length ? { params } : {};
}

/** The file's top-level functions and variables, by name: a function's declaration, a variable's initializer. */
export function fileFunctions(ts: Ts, sf: TS.SourceFile): Map<string, TS.Node> {
  const functions = new Map<string, TS.Node>();
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name) functions.set(st.name.text, st);
    if (ts.isVariableStatement(st))
      for (const d of st.declarationList.declarations)
        if (ts.isIdentifier(d.name) && d.initializer) functions.set(d.name.text, d.initializer);
  }
  return functions;
}

/**
 * What the module's functions and methods read off their parameters (module facts `bodyReaders`),
 * for a route of another module that hands them the raw body: top-level functions (declared, or an
 * arrow or function given to a variable) and the methods of top-level classes; a parameter counts
 * when the function reads a property off it or takes it apart itself.
 */
export function bodyReaders(ts: Ts, sf: TS.SourceFile, at: At): NonNullable<ModuleFacts['bodyReaders']> {
  const functions = fileFunctions(ts, sf);
  const out: NonNullable<ModuleFacts['bodyReaders']> = [];
  for (const [name, fn] of moduleCallables(ts, sf)) {
    let text: string | undefined;
    const params = fn.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : ''));
    const read: [number, string, number][] = [];
    const handedOn: [number, HandOff][] = [];
    fn.parameters.forEach((p, index) => {
      if (ts.isObjectBindingPattern(p.name)) {
        for (const el of p.name.elements) {
          const key = el.propertyName ?? el.name;
          if (!el.dotDotDotToken && (ts.isIdentifier(key) || ts.isStringLiteral(key))) read.push([index, key.text, at(el).line]);
        }
        return;
      }
      const param = params[index]!;
      // A raw body is untyped or a bag of keys (`body: any`, `payload: Record<string, unknown>`); a
      // parameter typed with a model is read through that model.
      if (p.type && !isBagOfKeys(ts, p.type, sf)) return;
      // Cheap first: the text must read a property off the parameter, take it apart, or give it to
      // a name (`const r = object(raw)`, a check that returns what it is given).
      if (!param) return;
      text ??= fn.getText(sf);
      if (
        !new RegExp(
          `\\b${param}\\s*(?:\\??\\.\\s*[A-Za-z_$]|\\[\\s*['"\x60])|=\\s*${param}\\s*(?:[;,\\n]|as\\b)|=\\s*[A-Za-z_$][\\w$]*\\((?:[^()\\n]*,\\s*)?${param}\\s*[,)]`,
        ).test(text)
      )
        return;
      const found = keysRead(ts, fn, at, functions, [param]);
      for (const k of found.keys) read.push([index, k.name, k.line]);
      for (const h of found.handOffs) handedOn.push([index, h]);
    });
    // A request handler: what it reads off the request's body (`req.body.model`, `await c.req.json()`).
    text ??= fn.getText(sf);
    if (fn.parameters.length > 0 && REQUEST_BODY_TEXT.test(text)) {
      const found = keysRead(ts, fn, at, functions);
      for (const k of found.keys) read.push([REQUEST_BODY, k.name, k.line]);
      for (const h of found.handOffs) handedOn.push([REQUEST_BODY, h]);
    }
    if (read.length || handedOn.length) out.push({ name, params, read, ...(handedOn.length ? { handedOn } : {}) });
  }
  return out;
}

/**
 * What another module can call by name: top-level functions (declared, or an arrow or function
 * given to a variable) as `name`, and the methods of top-level classes as `Class.method`; with
 * `exportedOnly`, only those an ES module exports (where it declares them, or in an `export { … }`
 * of its own names; a CommonJS module's exports are not told apart).
 */
function moduleCallables(ts: Ts, sf: TS.SourceFile, exportedOnly = false): [string, TS.SignatureDeclaration & { body?: TS.Node }][] {
  const callables: [string, TS.SignatureDeclaration & { body?: TS.Node }][] = [];
  // A module that imports or exports nothing is CommonJS (or a script): what it exports is not told apart.
  const esm = exportedOnly && sf.statements.some((st) => ts.isImportDeclaration(st) || ts.isExportDeclaration(st) || exportedHere(ts, st));
  // `export { build, send as post }` at the module's end.
  const listed = new Set<string>();
  if (esm)
    for (const st of sf.statements)
      if (ts.isExportDeclaration(st) && !st.moduleSpecifier && st.exportClause && ts.isNamedExports(st.exportClause))
        for (const el of st.exportClause.elements) listed.add((el.propertyName ?? el.name).text);
  const exported = (st: TS.Statement): boolean => {
    if (exportedHere(ts, st)) return true;
    if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && st.name) return listed.has(st.name.text);
    return ts.isVariableStatement(st) && st.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && listed.has(d.name.text));
  };
  for (const st of sf.statements) {
    if (esm && !exported(st)) continue;
    if (ts.isFunctionDeclaration(st) && st.name && st.body) callables.push([st.name.text, st]);
    else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const init = d.initializer ? unwrapExpression(ts, d.initializer) : undefined;
        if (ts.isIdentifier(d.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)))
          callables.push([d.name.text, init]);
      }
    } else if (ts.isClassDeclaration(st) && st.name) {
      for (const m of st.members)
        if (ts.isMethodDeclaration(m) && m.body && ts.isIdentifier(m.name)) callables.push([`${st.name.text}.${m.name.text}`, m]);
    }
  }
  return callables;
}

/** Whether a statement is exported where it stands (`export function`, `export const`, `export class`). */
function exportedHere(ts: Ts, st: TS.Statement): boolean {
  return (st as { modifiers?: TS.NodeArray<TS.ModifierLike> }).modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) === true;
}

/**
 * What the module's functions and methods return that holds a request's keys (module facts
 * `returned`, see moduleCallables): the keys in `known` (some endpoint's parameters) their returns
 * hold, followed through the file as a call's request is, each at its first line, for a function
 * that `buildsRequest`. `written` (global, the key its first group) is tried on a function's text
 * first. Run after the analyzer's walk, which sets the parents the flow reads.
 */
export function returnedKeys(
  ts: Ts,
  sf: TS.SourceFile,
  at: At,
  known: ReadonlySet<string>,
  written: RegExp,
): NonNullable<ModuleFacts['returned']> {
  const out: NonNullable<ModuleFacts['returned']> = [];
  for (const [name, fn] of moduleCallables(ts, sf, true)) {
    const text = sf.text.slice(fn.pos, fn.end);
    // An arrow without a block returns without saying so.
    if (!fn.body || (ts.isBlock(fn.body) && !text.includes('return')) || !buildsRequest(matchedNames(text, written))) continue;
    const keys = firstWrites(
      returnStatements(ts, fn).flatMap(([value, place]) => flowKeys(ts, sf, place, value, at)),
      (key) => known.has(key),
    );
    if (buildsRequest(keys.map((k) => k.name))) {
      out.push({ name, keys: keys.map(keyEntry) });
      continue;
    }
    // `return { body, headers }`: the request under one key of what it returns, built in place, by a
    // call, or in a variable of the function (a parameter or an outer name is handed on, not built).
    for (const [value, place] of returnStatements(ts, fn)) {
      const object = unwrapExpression(ts, value);
      if (!ts.isObjectLiteralExpression(object)) continue;
      for (const p of object.properties) {
        if (!(ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) || !ts.isIdentifier(p.name)) continue;
        const key = p.name.text;
        const held = ts.isPropertyAssignment(p) ? p.initializer : p.name;
        const bare = unwrapExpression(ts, held);
        const local =
          ts.isIdentifier(bare) && new RegExp(`\\b(?:const|let|var)\\s+${bare.text.replace(/\$/g, '\\$')}(?![\\w$])`).test(text);
        if (!local && !ts.isObjectLiteralExpression(bare) && !ts.isCallExpression(bare)) continue;
        const under = firstWrites(flowKeys(ts, sf, place, held, at), (k) => known.has(k));
        if (buildsRequest(under.map((k) => k.name)) && !out.some((r) => r.name === name && r.under === key))
          out.push({ name, under: key, keys: under.map(keyEntry) });
      }
    }
  }
  // `export function applyOptions(body: Record<string, unknown>, o) { body.temperature = o.t; … }`:
  // the keys it writes into a parameter, for the calls of other modules that hand it a request.
  for (const [name, fn] of moduleCallables(ts, sf, true)) {
    if (!fn.body) continue;
    // Cheap first, on the function's text: most write nothing into what they are given.
    const targets = new Set(matchedNames(sf.text.slice(fn.pos, fn.end), WRITTEN_INTO));
    if (targets.size === 0) continue;
    fn.parameters.forEach((param, arg) => {
      if (!ts.isIdentifier(param.name) || !targets.has(param.name.text)) return;
      const written = keysWrittenInto(ts, sf, fn, param.name.text).map((k) => ({ name: k.name, line: at(k.node).line }));
      const keys = firstWrites(written, (key) => known.has(key));
      if (buildsRequest(keys.map((k) => k.name))) out.push({ name, arg, keys: keys.map(keyEntry) });
    });
  }
  return out;
}

/** `x.k = …`, `x['k'] = …`: the name written into (not `==`). */
const WRITTEN_INTO = /(?<![\w$.])([A-Za-z_$][\w$]*)\s*(?:\.\s*\w+|\[[^\]\n]+\])\s*=(?!=)/g;

/** Text that may read a request's body: `req.body`, `request.body`, `.json()`, `readBody(`. */
const REQUEST_BODY_TEXT = /\b(?:req|request)\s*\.\s*body\b|\.json\(\s*\)|\breadBody\(/;

/** `any`, `unknown`, `object`, `Record<…>`, `Map<…>`, `Object`: a type that names no fields. */
function isBagOfKeys(ts: Ts, t: TS.TypeNode, sf: TS.SourceFile): boolean {
  const K = ts.SyntaxKind;
  if (t.kind === K.AnyKeyword || t.kind === K.UnknownKeyword || t.kind === K.ObjectKeyword) return true;
  return ts.isTypeReferenceNode(t) && (COLLECTIONS.has(t.typeName.getText(sf)) || t.typeName.getText(sf) === 'Object');
}

/** How far a raw body is followed into the file's own functions it is handed to. */
const BODY_FOLLOW_DEPTH = 3;

/**
 * The body keys an untyped handler reads (plain JavaScript, an Express handler without types):
 * `const { model, input } = req.body`, `const body = await req.json(); body.model`,
 * `req.body.stream`, `body['input']`. What a server reads is what it accepts; a handler whose
 * body has a type or schema is read through that instead.
 *
 * Read off what holds the request's body or off `given` (parameters that hold it), and in the
 * functions of its file it hands the body to; its hand-offs are the calls of anything else given
 * the body (an imported function, `service.create(body)` with `service = new ResponsesService()`),
 * for the workspace pass to follow into another module.
 */
export function keysRead(
  ts: Ts,
  /** A function, or statements read in order (what holds the body in one is known in the next). */
  fn: TS.Node | readonly TS.Node[],
  at: At,
  functions: ReadonlyMap<string, TS.Node>,
  given: readonly string[] = [],
  /** The class `fn` is a method of, for `this.service.create(body)`. */
  owner?: TS.ClassLikeDeclaration,
  /** A plain server's block: a body it parses itself (`JSON.parse(…)`, `await readJson(req)`) is the body. */
  plain = false,
): { keys: SentKey[]; handOffs: HandOff[] } {
  const out: SentKey[] = [];
  const handOffs: HandOff[] = [];
  const seen = new Set<string>();
  const add = (name: string, node: TS.Node): void => {
    if (seen.has(name)) return;
    seen.add(name);
    out.push({ name, in: 'body', line: at(node).line });
  };
  /** Names of the request in the file's functions it is handed to (`run(req)` with `function run(incoming)`). */
  const requests = new Set<string>();
  const isRequest = (name: string): boolean => /^(req|request)$/.test(name) || requests.has(name);
  /** Whether `e` names the request, or reads something off it (`await readBody(req)`). */
  const ofRequest = (e: TS.Node): boolean => (ts.isIdentifier(e) && isRequest(e.text)) || ts.forEachChild(e, ofRequest) === true;
  // `req.body`, `request.body`, `await req.json()`, `await c.req.json()`.
  const isBody = (e: TS.Expression, depth: number): boolean => {
    let x = e;
    while (ts.isAwaitExpression(x) || ts.isParenthesizedExpression(x) || ts.isAsExpression(x)) x = x.expression;
    // Nuxt (h3): `await readBody(event)`.
    if (ts.isCallExpression(x) && ts.isIdentifier(x.expression) && x.expression.text === 'readBody') return true;
    // A plain server parses the body itself; in a function it hands the request to, only text read
    // off that request is (`JSON.parse(event.data)` there parses something else, an upstream's event).
    if (plain && isPlainBody(ts, x) && (depth === 0 || ofRequest(x))) return true;
    if (ts.isPropertyAccessExpression(x)) return x.name.text === 'body' && isRequest(exprName(ts, x.expression)?.split('.').pop() ?? '');
    return (
      ts.isCallExpression(x) &&
      x.arguments.length === 0 &&
      ts.isPropertyAccessExpression(x.expression) &&
      x.expression.name.text === 'json' &&
      /^(req|request)$/.test(exprName(ts, x.expression.expression)?.split('.').pop() ?? '')
    );
  };
  /** How many times each name is written in `scope` (nodes read as one), counted once per scope. */
  const namesIn = new Map<TS.Node, Map<string, number>>();
  const uses = (scope: readonly TS.Node[], name: string): number => {
    let counts = namesIn.get(scope[0]!);
    if (!counts) {
      const found = new Map<string, number>();
      const count = (n: TS.Node): void => {
        if (ts.isIdentifier(n)) found.set(n.text, (found.get(n.text) ?? 0) + 1);
        ts.forEachChild(n, count);
      };
      for (const n of scope) count(n);
      counts = found;
      namesIn.set(scope[0]!, counts);
    }
    return counts.get(name) ?? 0;
  };
  const roots: readonly TS.Node[] = Array.isArray(fn) ? fn : [fn];
  /**
   * `const { model, input } = body`. With a rest (`const { temperature: _t, ...clean } = body`), a
   * key bound to a name never used again is taken out to be dropped, not read, and the rest is the
   * body still, less those keys.
   */
  const destructured = (pattern: TS.ObjectBindingPattern, scope: readonly TS.Node[], holders?: Set<string>): void => {
    const rest = pattern.elements.some((el) => el.dotDotDotToken);
    for (const el of pattern.elements) {
      if (el.dotDotDotToken) {
        if (holders && ts.isIdentifier(el.name)) holders.add(el.name.text);
        continue;
      }
      if (rest && ts.isIdentifier(el.name) && uses(scope, el.name.text) < 2) continue;
      const key = el.propertyName ?? el.name;
      if (ts.isIdentifier(key) || ts.isStringLiteral(key)) add(key.text, el);
    }
  };
  const visited = new Set<TS.Node>();
  const read = (root: TS.Node, holders: Set<string>, depth: number): void => {
    if (visited.has(root)) return;
    visited.add(root);
    const held = (e: TS.Expression): boolean => {
      // `req.body ?? {}`, `req.body || {}`: the body, or nothing to read when there is none; so is
      // `hasBody ? await c.req.json() : {}`, and `req.body === undefined ? {} : check(req.body)`.
      if (isFallback(ts, e) && ts.isObjectLiteralExpression(e.right) && e.right.properties.length === 0) e = e.left;
      else if (ts.isConditionalExpression(e) && isNoValue(ts, e.whenFalse)) e = e.whenTrue;
      else if (ts.isConditionalExpression(e) && isNoValue(ts, e.whenTrue)) e = e.whenFalse;
      if (isBody(e, depth)) return true;
      // `body as Record<string, unknown>`: the same object, narrowed.
      while (ts.isAsExpression(e) || ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isSatisfiesExpression(e))
        e = e.expression;
      // `object(raw, 'request')`: a check of the file that returns what it is given, narrowed.
      if (ts.isCallExpression(e) && ts.isIdentifier(e.expression)) {
        const target = functions.get(e.expression.text);
        const i = target ? returnedParameter(ts, target, functions) : undefined;
        const arg = i === undefined ? undefined : e.arguments[i];
        return arg !== undefined && held(arg);
      }
      return ts.isIdentifier(e) && holders.has(e.text);
    };
    const visit = (n: TS.Node): void => {
      if (ts.isVariableDeclaration(n) && n.initializer && held(n.initializer)) {
        if (ts.isIdentifier(n.name)) holders.add(n.name.text);
        else if (ts.isObjectBindingPattern(n.name)) destructured(n.name, depth === 0 ? roots : [root], holders);
      } else if (
        // `let body; try { body = await req.json(); } catch { … }`: given the body after it is declared.
        ts.isBinaryExpression(n) &&
        n.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        ts.isIdentifier(n.left) &&
        held(n.right)
      ) {
        holders.add(n.left.text);
        return;
      } else if (ts.isPropertyAccessExpression(n) && held(n.expression)) {
        add(n.name.text, n);
      } else if (ts.isElementAccessExpression(n) && ts.isStringLiteral(n.argumentExpression) && held(n.expression)) {
        add(n.argumentExpression.text, n);
      } else if (
        // `'previous_response_id' in body`: the handler asks whether the client sent it.
        ts.isBinaryExpression(n) &&
        n.operatorToken.kind === ts.SyntaxKind.InKeyword &&
        ts.isStringLiteral(n.left) &&
        held(n.right)
      ) {
        add(n.left.text, n);
      } else if (ts.isCallExpression(n) && n.arguments.some(held)) {
        // `handle(req.body)`, `createConversation(body)`: a function of this file given the body
        // reads it under its parameter's name, or takes its keys apart (`({ model, input }) =>`).
        const found = ts.isIdentifier(n.expression) ? functions.get(n.expression.text) : undefined;
        const target =
          found && (ts.isFunctionDeclaration(found) || ts.isArrowFunction(found) || ts.isFunctionExpression(found)) ? found : undefined;
        n.arguments.forEach((arg, i) => {
          if (!held(arg)) return;
          if (!target) {
            const callee = handOffCallee(ts, n.expression, functions, owner);
            if (callee) handOffs.push({ callee, arg: i, line: at(n).line });
            return;
          }
          const param = target.parameters[i];
          if (!param || depth >= BODY_FOLLOW_DEPTH) return;
          if (ts.isIdentifier(param.name)) read(target, new Set([param.name.text]), depth + 1);
          else if (ts.isObjectBindingPattern(param.name)) destructured(param.name, [target]);
        });
      }
      if (
        ts.isCallExpression(n) &&
        (ts.isIdentifier(n.expression) || ts.isPropertyAccessExpression(n.expression)) &&
        depth < BODY_FOLLOW_DEPTH
      ) {
        // `runStream(req, res)`: a function of this file handed the request reads its body too.
        const target = ts.isIdentifier(n.expression) ? functions.get(n.expression.text) : undefined;
        const handed = n.arguments.findIndex((arg) => ts.isIdentifier(arg) && isRequest(arg.text));
        const param =
          target && handed >= 0 && isFunctionLike(ts, target) ? (target as TS.FunctionDeclaration).parameters[handed] : undefined;
        if (param && ts.isIdentifier(param.name)) {
          requests.add(param.name.text);
          read(target!, new Set(), depth + 1);
        } else if (!target && handed >= 0) {
          // `return handleResponses(request)` with the function imported: the workspace pass reads
          // what that module's function reads off the body of the request it is handed.
          const callee = handOffCallee(ts, n.expression, functions, owner);
          if (callee) handOffs.push({ callee, arg: REQUEST_BODY_ARG, line: at(n).line });
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(root);
  };
  const holders = new Set(given);
  for (const root of roots) read(root, holders, 0);
  return { keys: out, handOffs };
}

const returnedParameters = new WeakMap<TS.Node, number | null>();

/**
 * The position of the parameter every return of `fn` gives back, narrowed at most (`return value as
 * Bag`, `return check(value)!` of another such function of the file): a check that throws or returns
 * what it was given. Undefined for any other function.
 */
function returnedParameter(ts: Ts, fn: TS.Node, functions: ReadonlyMap<string, TS.Node>, depth = 0): number | undefined {
  const known = returnedParameters.get(fn);
  if (known !== undefined) return known ?? undefined;
  returnedParameters.set(fn, null);
  if (!isFunctionLike(ts, fn) || depth > 2) return undefined;
  const names = fn.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : undefined));
  const returned = (e: TS.Expression): number | undefined => {
    let x = e;
    while (ts.isAsExpression(x) || ts.isParenthesizedExpression(x) || ts.isNonNullExpression(x) || ts.isSatisfiesExpression(x))
      x = x.expression;
    if (ts.isIdentifier(x)) {
      const i = names.indexOf(x.text);
      return i >= 0 ? i : undefined;
    }
    if (!ts.isCallExpression(x) || !ts.isIdentifier(x.expression)) return undefined;
    const inner = functions.get(x.expression.text);
    const at = inner && inner !== fn ? returnedParameter(ts, inner, functions, depth + 1) : undefined;
    const arg = at === undefined ? undefined : x.arguments[at];
    return arg === undefined ? undefined : returned(arg);
  };
  const returns = returnStatements(ts, fn);
  let index: number | undefined;
  for (const [value] of returns) {
    const i = returned(value);
    if (i === undefined || (index !== undefined && i !== index)) return undefined;
    index = i;
  }
  if (index !== undefined) returnedParameters.set(fn, index);
  return index;
}

/**
 * The query parameters a route handler reads off its request: `req.query.limit`, `const { after } =
 * req.query`, Hono's `c.req.query('order')`, `url.searchParams.get('after')` (a `Request`'s URL,
 * Next.js's `request.nextUrl`), each at its first read. What a server reads is what it accepts.
 */
function queryKeysRead(
  ts: Ts,
  handler: TS.Node,
  at: At,
  sf: TS.SourceFile,
  functions: ReadonlyMap<string, TS.Node> = new Map(),
  /** The route's call: where a wrapper's `const` is looked up from (its arguments have no parents yet). */
  route: TS.Node = handler,
): SentKey[] {
  // `handle((request, params, query) => …)`, with `handle` of the file calling what it is given with
  // `request.query`: the callback's parameter in that place holds the query.
  const wrapped = ts.isCallExpression(handler) ? queryCallback(ts, sf, handler, functions, route) : undefined;
  const fn = wrapped?.fn ?? handler;
  const body = (fn as { body?: TS.Node }).body;
  if (!body || (!wrapped && !/query|searchParams/.test(body.getText(sf)))) return [];
  const holders = new Set<string>(wrapped ? [wrapped.query] : []);
  const out: SentKey[] = [];
  const seen = new Set<string>();
  const add = (name: string, node: TS.Node): void => {
    if (seen.has(name)) return;
    seen.add(name);
    out.push({ name, in: 'query', line: at(node).line });
  };
  const unwrapped = (e: TS.Expression): TS.Expression => {
    while (ts.isAsExpression(e) || ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAwaitExpression(e))
      e = e.expression;
    return e;
  };
  const isQuery = (node: TS.Expression): boolean => {
    const e = unwrapped(node);
    if (ts.isIdentifier(e)) return holders.has(e.text);
    if (!ts.isPropertyAccessExpression(e)) return false;
    return e.name.text === 'searchParams' || isRequestQuery(ts, e);
  };
  const visit = (n: TS.Node): void => {
    if (ts.isVariableDeclaration(n) && n.initializer && isQuery(n.initializer)) {
      if (ts.isIdentifier(n.name)) holders.add(n.name.text);
      else if (ts.isObjectBindingPattern(n.name))
        for (const el of n.name.elements) {
          const key = el.propertyName ?? el.name;
          if (!el.dotDotDotToken && (ts.isIdentifier(key) || ts.isStringLiteral(key))) add(key.text, el);
        }
    } else if (ts.isPropertyAccessExpression(n) && isQuery(n.expression)) {
      add(n.name.text, n);
    } else if (ts.isElementAccessExpression(n) && ts.isStringLiteral(n.argumentExpression) && isQuery(n.expression)) {
      add(n.argumentExpression.text, n);
    } else if (
      ts.isCallExpression(n) &&
      ts.isPropertyAccessExpression(n.expression) &&
      n.arguments[0] &&
      ts.isStringLiteral(n.arguments[0])
    ) {
      const callee = n.expression;
      // `params.get('after')` on a URL's search parameters; Hono's `c.req.query('order')`.
      const searched = (callee.name.text === 'get' || callee.name.text === 'getAll') && isQuery(callee.expression);
      const hono = callee.name.text === 'query' && /^(?:req|request)$/.test(exprName(ts, callee.expression)?.split('.').pop() ?? '');
      if (searched || hono) {
        add(n.arguments[0].text, n);
        return;
      }
    }
    // `include(query)`: a function of the file handed the query reads it under its parameter's name.
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && helpers.length < 4) {
      const helper = functions.get(n.expression.text);
      const index = n.arguments.findIndex((a) => isQuery(a));
      const param = helper && index >= 0 && isFunctionLike(ts, helper) ? helper.parameters[index]?.name : undefined;
      if (helper && param && ts.isIdentifier(param) && !helpers.includes(helper)) {
        helpers.push(helper);
        read(helper, param.text);
      }
    }
    ts.forEachChild(n, visit);
  };
  const helpers: TS.Node[] = [];
  const read = (helper: TS.Node, name: string): void => {
    const inner = (helper as { body?: TS.Node }).body;
    if (!inner) return;
    const outer = new Set(holders);
    holders.clear();
    holders.add(name);
    visit(inner);
    holders.clear();
    for (const h of outer) holders.add(h);
  };
  visit(body);
  return out;
}

/** `req.query`, `request.query as Wire`, `c.req.query`: the query a handler's request holds. */
function isRequestQuery(ts: Ts, node: TS.Expression): boolean {
  let e = node;
  while (ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e))
    e = e.expression;
  return (
    ts.isPropertyAccessExpression(e) &&
    e.name.text === 'query' &&
    /^(?:req|request)$/.test(exprName(ts, e.expression)?.split('.').pop() ?? '')
  );
}

/**
 * `handle(cb)`, where the file's `handle` returns a function of the request that calls what it is
 * given with `request.query` in some place: the callback, and the name its parameter in that place has.
 */
function queryCallback(
  ts: Ts,
  sf: TS.SourceFile,
  call: TS.CallExpression,
  functions: ReadonlyMap<string, TS.Node>,
  route: TS.Node,
): { fn: TS.SignatureDeclaration & { body?: TS.Node }; query: string } | undefined {
  // Of the file, or a `const` of a block around the call (`const handle = (h) => async (req) => …`).
  const name = ts.isIdentifier(call.expression) ? call.expression.text : undefined;
  const held: TS.Node | undefined = name === undefined ? undefined : (functions.get(name) ?? constantValue(ts, sf, name, route));
  const wrapper = held && !isFunctionLike(ts, held) ? unwrapExpression(ts, held as TS.Expression) : held;
  const cbIndex = call.arguments.findIndex((a) => isFunctionLike(ts, a));
  const cb = call.arguments[cbIndex];
  if (!wrapper || !cb || !isFunctionLike(ts, wrapper) || !isFunctionLike(ts, cb)) return undefined;
  const given = wrapper.parameters[cbIndex]?.name;
  if (!given || !ts.isIdentifier(given)) return undefined;
  let found: { fn: TS.SignatureDeclaration & { body?: TS.Node }; query: string } | undefined;
  const visit = (n: TS.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === given.text) {
      const place = n.arguments.findIndex((a) => isRequestQuery(ts, a));
      const param = place >= 0 ? cb.parameters[place]?.name : undefined;
      if (param && ts.isIdentifier(param)) found = { fn: cb, query: param.text };
    }
    ts.forEachChild(n, visit);
  };
  if (wrapper.body) visit(wrapper.body);
  return found;
}

/**
 * What a call that is given the body calls, written for the workspace pass: an imported function
 * (`handle`, `handlers.handle`), or `Class.method` when the receiver is a class, a name the file
 * gives `new Class(…)`, or a property of the method's own class typed or made as one
 * (`this.service.create(body)` with `constructor(private readonly service: ResponsesService)`).
 * Undefined for anything else (a parameter).
 */
function handOffCallee(
  ts: Ts,
  callee: TS.Expression,
  functions: ReadonlyMap<string, TS.Node>,
  owner?: TS.ClassLikeDeclaration,
): string | undefined {
  if (ts.isIdentifier(callee)) return callee.text;
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const held = callee.expression;
  if (owner && ts.isPropertyAccessExpression(held) && held.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const cls = propertyClass(ts, owner, held.name.text);
    return cls ? `${cls}.${callee.name.text}` : undefined;
  }
  if (!ts.isIdentifier(held)) return undefined;
  const receiver = held.text;
  const made = functions.get(receiver);
  const e = made && !ts.isFunctionDeclaration(made) ? unwrapExpression(ts, made as TS.Expression) : undefined;
  if (e && ts.isNewExpression(e) && ts.isIdentifier(e.expression)) return `${e.expression.text}.${callee.name.text}`;
  return made ? undefined : `${receiver}.${callee.name.text}`;
}

/** The class a property of `cls` holds: its type (`service: ResponsesService`, a constructor's parameter property too) or `new X()`. */
function propertyClass(ts: Ts, cls: TS.ClassLikeDeclaration, name: string): string | undefined {
  const named = (t: TS.TypeNode | undefined, init: TS.Expression | undefined): string | undefined => {
    if (t && ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName)) return t.typeName.text;
    const e = init ? unwrapExpression(ts, init) : undefined;
    return e && ts.isNewExpression(e) && ts.isIdentifier(e.expression) ? e.expression.text : undefined;
  };
  for (const m of cls.members) {
    if (ts.isPropertyDeclaration(m) && ts.isIdentifier(m.name) && m.name.text === name) return named(m.type, m.initializer);
    if (ts.isConstructorDeclaration(m))
      for (const p of m.parameters)
        if (p.modifiers?.length && ts.isIdentifier(p.name) && p.name.text === name) return named(p.type, undefined);
  }
  return undefined;
}

/** The functions around a node, innermost first (the walk has set the parents above the node it visits). */
function* callers(node: TS.Node): Generator<TS.SignatureDeclarationBase> {
  for (let n: TS.Node | undefined = node.parent; n; n = n.parent) if ('parameters' in n) yield n as TS.SignatureDeclarationBase;
}

function isParameterOfCaller(ts: Ts, name: string, call: TS.Node): boolean {
  for (const fn of callers(call)) if (fn.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === name)) return true;
  return false;
}

/** The name of the function a call is made in: a method's or function's own, or the variable or property holding it. */
export function callerName(ts: Ts, call: TS.Node): string | undefined {
  for (const fn of callers(call)) {
    const named =
      fn.name ?? (fn.parent && (ts.isVariableDeclaration(fn.parent) || ts.isPropertyAssignment(fn.parent)) ? fn.parent.name : undefined);
    if (named && (ts.isIdentifier(named) || ts.isPrivateIdentifier(named))) return named.text;
  }
  return undefined;
}

/**
 * The type a value in `call` is declared with: a cast, or a parameter of a function around the call.
 * `value`: the value itself, or the rest of a typed parameter destructured (`const { include,
 * ...body } = params`), which is of its type. `field`: a field taken out of a typed parameter
 * (`const { conversation_id } = params`), which that type declares.
 */
function declaredTypeOf(ts: Ts, e: TS.Expression, call: TS.Node, sf: TS.SourceFile, as: 'value' | 'field' = 'value'): string | undefined {
  let declared: TS.TypeNode | undefined;
  if (as === 'value' && (ts.isAsExpression(e) || ts.isSatisfiesExpression(e))) declared = e.type;
  else if (ts.isIdentifier(e))
    for (const fn of callers(call)) {
      const name = destructuredFrom(ts, fn, e.text, as === 'field') ?? (as === 'value' ? e.text : undefined);
      if (name === undefined) continue;
      const param = fn.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === name);
      if (param) {
        declared = param.type;
        break;
      }
    }
  const name = declared && typeName(ts, declared, sf);
  return name && commonBase(ts, sf, name);
}

/** The variable `name` is the rest (or, `field`, a named element) of a destructuring in `fn`'s own statements: what it destructures. */
function destructuredFrom(ts: Ts, fn: TS.SignatureDeclarationBase, name: string, field: boolean): string | undefined {
  const body = (fn as { body?: TS.Node }).body;
  if (!body || !ts.isBlock(body)) return undefined;
  for (const st of body.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations)
      if (
        ts.isObjectBindingPattern(d.name) &&
        d.initializer &&
        ts.isIdentifier(d.initializer) &&
        d.name.elements.some((el) => !el.dotDotDotToken === field && ts.isIdentifier(el.name) && el.name.text === name)
      )
        return d.initializer.text;
  }
  return undefined;
}

function isNothing(ts: Ts, t: TS.TypeNode): boolean {
  return (
    t.kind === ts.SyntaxKind.UndefinedKeyword ||
    t.kind === ts.SyntaxKind.NullKeyword ||
    (ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword)
  );
}

/**
 * A body typed as a union of variants of one request (`type CreateParams = CreateParamsStreaming |
 * CreateParamsNonStreaming`, each `extends CreateParamsBase`) is that base: the fields live there.
 * Only declarations of this file count; any other name stays as written.
 */
function commonBase(ts: Ts, sf: TS.SourceFile, name: string): string {
  const alias = sf.statements.find((st): st is TS.TypeAliasDeclaration => ts.isTypeAliasDeclaration(st) && st.name.text === name);
  if (!alias || !ts.isUnionTypeNode(alias.type)) return name;
  const variants = alias.type.types.filter((t) => !isNothing(ts, t));
  let base: string | undefined;
  for (const v of variants) {
    if (!ts.isTypeReferenceNode(v) || !ts.isIdentifier(v.typeName)) return name;
    const variant = v.typeName.text;
    const decl = sf.statements.find((st): st is TS.InterfaceDeclaration => ts.isInterfaceDeclaration(st) && st.name.text === variant);
    const bases = decl?.heritageClauses?.flatMap((c) => c.types.map((t) => t.expression)) ?? [];
    const only = bases.length === 1 && ts.isIdentifier(bases[0]!) ? bases[0].text : undefined;
    if (!only || (base !== undefined && base !== only)) return name;
    base = only;
  }
  return base ?? name;
}

function typeName(ts: Ts, t: TS.TypeNode, sf: TS.SourceFile): string | undefined {
  // `Params | null | undefined`: an optional body is still that type.
  if (ts.isUnionTypeNode(t)) {
    const real = t.types.filter((m) => !isNothing(ts, m));
    return real.length === 1 ? typeName(ts, real[0]!, sf) : undefined;
  }
  if (ts.isTypeReferenceNode(t)) {
    // `z.infer<typeof Schema>` names the schema.
    const arg = t.typeArguments?.[0];
    if (/(^|\.)(infer|input|output)$/.test(t.typeName.getText(sf)) && arg && ts.isTypeQueryNode(arg)) return arg.exprName.getText(sf);
    // `Record<string, unknown>`, `Map<…>`: a bag of keys says no model; the keys read off it do.
    if (isBagOfKeys(ts, t, sf)) return undefined;
    const name = t.typeName.getText(sf);
    return /^[A-Z]/.test(name.split('.').pop() ?? '') ? name : undefined;
  }
  return undefined;
}

/** `a.b.C` of a name or a chain of names, as written; undefined for anything else. */
export function exprName(ts: Ts, e: TS.Expression): string | undefined {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) {
    const head = exprName(ts, e.expression);
    return head !== undefined ? `${head}.${e.name.text}` : undefined;
  }
  return undefined;
}

type PathParam = { name: string; in: 'path'; optional: boolean; line: number };

/** The parameters a route's path declares (`:id`, `{id}`): the route's own path parameters. */
function pathParams(path: string, line: number): { params?: PathParam[] } {
  const names = [...path.matchAll(/(?:^|\/)(?::([A-Za-z_]\w*)|\{([A-Za-z_]\w*)\})/g)].map((m) => m[1] ?? m[2]!);
  return names.length ? { params: names.map((name) => ({ name, in: 'path' as const, optional: false, line })) } : {};
}
