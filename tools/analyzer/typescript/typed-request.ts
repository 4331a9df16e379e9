/**
 * A request typed as the SDK types it (`const body: OpenAI.Responses.ResponseCreateParams = { model,
 * input }`, a builder declared to return `Promise<ResponseCreateParams>`, `{ … } satisfies
 * ResponseCreateParams`) sends its keys to that endpoint, however far from the SDK call it is built:
 * code that wraps a client builds the request in one method and hands it to a call made in another,
 * often in another module. The keys are read as the SDK call reads its argument (sent-flow.ts), the
 * ones written on the object itself whole and those reached further only when the endpoint has
 * them. The endpoint's own place stays the call's: these facts carry parameters only.
 *
 * The type is known by the name the SDKs give it, imported (from the SDK, from a package that passes
 * the SDK on, as LangChain's `OpenAIClient` does, or from a module of the project) or read through
 * an imported namespace (`OpenAI.Responses.…`), directly or through a type alias of this file. A
 * type of that name the file declares itself is its own request model, which the route and
 * parameter checks read.
 */
import type * as TS from 'typescript';
import type { Ts } from './compiler-api.js';
import type { FactAdder } from './ts-params.js';
import type { ModuleFacts } from '../module-facts.js';
import {
  keyDetails,
  namedBuilderFact,
  type ParamsType,
  paramsTypeOf,
  requestBuilderEndpoint,
  sdkEndpoint,
  sentIn,
  sentParams,
} from '../client-path.js';
import { flowKeys, isFunctionLike, returnStatements } from './sent-flow.js';
import { callerName, exprName, fileFunctions, keysRead } from './ts-routes.js';

type At = (node: TS.Node) => { line: number; column: number };

interface FileNames {
  imported: Map<string, { name: string; from: string }>;
  aliases: Map<string, TS.TypeNode>;
  /** Interfaces and classes the file declares at its top. */
  declared: Set<string>;
}

/** What a type says of a request: the SDK's type it is, or the name of one another module declares. */
type Found = { type: ParamsType; written: string } | { declaredIn: string; written: string };

/** What a found request is sent to: its endpoint, or the project's type that will tell. */
const endpointOf = (found: Found): string => ('type' in found ? `${found.type.method} ${found.type.path}` : found.declaredIn);

/** The names a project gives its own request types. */
const REQUEST_LIKE = /(?:Request|Params|Body|Payload)$/;

/** Wrappers whose first type argument is the request itself, or what a builder's promise holds. */
const WRAPPERS = new Set(['Promise', 'Awaited', 'Partial', 'Readonly', 'Required', 'Omit', 'Pick']);

/**
 * The kinds of node the check reads, for the caller to skip the rest without a call: the walk
 * visits millions of nodes on a large tree. Indexed by `SyntaxKind`.
 */
export function typedRequestKinds(ts: Ts): Uint8Array {
  const K = ts.SyntaxKind;
  const kinds = new Uint8Array(K.Count);
  for (const k of [
    K.VariableDeclaration,
    K.AsExpression,
    K.SatisfiesExpression,
    K.TypeAliasDeclaration,
    K.InterfaceDeclaration,
    K.FunctionDeclaration,
    K.MethodDeclaration,
    K.ArrowFunction,
    K.FunctionExpression,
    K.ObjectLiteralExpression,
  ])
    kinds[k] = 1;
  return kinds;
}

/** The check each node of `typedRequestKinds` gets (the caller walks the tree, parents first). */
export function typedRequestVisitor(ts: Ts, sf: TS.SourceFile, sink: FactAdder, at: At, module: ModuleFacts): (node: TS.Node) => void {
  const types = sink.ctx.candidates.sdkParamsTypes;
  if (types.size === 0) return () => {};
  /**
   * The file's imported names → the name imported (`*` for a namespace or default import) and where
   * from, and its type aliases.
   */
  let names: FileNames | undefined;
  const fileNames = (): FileNames => {
    if (names) return names;
    const found: FileNames = { imported: new Map(), aliases: new Map(), declared: new Set() };
    for (const st of sf.statements) {
      if (ts.isTypeAliasDeclaration(st)) found.aliases.set(st.name.text, st.type);
      if ((ts.isInterfaceDeclaration(st) || ts.isClassDeclaration(st)) && st.name) found.declared.add(st.name.text);
      if (!ts.isImportDeclaration(st) || !st.importClause || !ts.isStringLiteral(st.moduleSpecifier)) continue;
      const from = st.moduleSpecifier.text;
      const clause = st.importClause;
      if (clause.name) found.imported.set(clause.name.text, { name: '*', from });
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) found.imported.set(bindings.name.text, { name: '*', from });
      else if (bindings)
        for (const el of bindings.elements) found.imported.set(el.name.text, { name: (el.propertyName ?? el.name).text, from });
    }
    names = found;
    return found;
  };
  /** Parameter names some endpoint of the model has: what a request whose endpoint is not known yet may send. */
  let known: Set<string> | undefined;

  /**
   * The SDK request type `t` names, through the wrappers above, unions and intersections; or, for a
   * request-like name another module of the project declares (`ChatRequest` from `./interfaces`),
   * that name, for the workspace pass to find the alias it declares there.
   */
  const requestOf = (t: TS.TypeNode | undefined, depth = 0): Found | undefined => {
    if (!t || depth > 4) return undefined;
    if (ts.isIntersectionTypeNode(t)) {
      for (const m of t.types) {
        const found = requestOf(m, depth + 1);
        if (found) return found;
      }
      return undefined;
    }
    // `Streaming | NonStreaming` is a request; `OpenAIParams | AnthropicParams` (any provider's) is none.
    if (ts.isUnionTypeNode(t)) {
      let one: Found | undefined;
      for (const m of t.types) {
        if (m.kind === ts.SyntaxKind.UndefinedKeyword || (ts.isLiteralTypeNode(m) && m.literal.kind === ts.SyntaxKind.NullKeyword))
          continue;
        const found = requestOf(m, depth + 1);
        if (!found || (one && endpointOf(one) !== endpointOf(found))) return undefined;
        one ??= found;
      }
      return one;
    }
    if (ts.isParenthesizedTypeNode(t)) return requestOf(t.type, depth + 1);
    if (!ts.isTypeReferenceNode(t)) return undefined;
    const written: string[] = [];
    for (let n: TS.EntityName = t.typeName; ; n = n.left) {
      written.unshift(ts.isIdentifier(n) ? n.text : n.right.text);
      if (ts.isIdentifier(n)) break;
    }
    const last = written.at(-1)!;
    if (written.length === 1 && WRAPPERS.has(last)) return requestOf(t.typeArguments?.[0], depth + 1);
    return requestNamed(written, depth);
  };

  /** The request a type written `A.B.C` (or `C`) names: see requestOf. */
  const requestNamed = (written: readonly string[], depth: number): Found | undefined => {
    const last = written.at(-1)!;
    // Cheap before the file's names are read: most types are no request.
    if (written.length > 1 && !last.includes('Params')) return undefined;
    const { imported, aliases, declared } = fileNames();
    // `type ChatRequest = Omit<ResponseCreateParamsNonStreaming, 'input'> & { … }` in this file.
    const alias = written.length === 1 ? aliases.get(last) : undefined;
    if (alias) {
      const found = requestOf(alias, depth + 1);
      return found && { ...found, written: last };
    }
    const bound = imported.get(written[0]!);
    // The file's own request model (`interface ResponsesRequest { … }`), by the name projects give one.
    if (bound === undefined)
      return written.length === 1 && declared.has(last) && REQUEST_LIKE.test(last) ? { declaredIn: last, written: last } : undefined;
    // A name imported under another (`ResponseCreateParams as Params`) is known by its own.
    const name = written.length === 1 ? bound.name : last;
    if (name === '*') return undefined;
    const type = paramsTypeOf(name, types);
    if (type) return { type, written: written.join('.') };
    // From a module of the project (`./types`, or `@renderer/types` through the project's `paths`):
    // the workspace pass finds the declaration, if the project has it.
    return written.length === 1 && REQUEST_LIKE.test(name) ? { declaredIn: name, written: last } : undefined;
  };

  /** Keys already reported: a typed builder returns a typed variable, and both lead to the same keys. */
  const reported = new Set<string>();
  const report = (found: Found, value: TS.Expression, place: TS.Node): void => {
    const type = 'type' in found ? found.type : undefined;
    known ??= new Set(sink.ctx.candidates.paramSets.flatMap((set) => [...set]));
    const has = (name: string): boolean => (type ? type.params.includes(name) : known!.has(name));
    // A body, unless its endpoint is known to take a query; the workspace pass sets the other.
    const where = type ? sentIn(type.method) : 'body';
    const endpoint = type ? `${type.method} ${type.path}` : found.written;
    const sent = flowKeys(ts, sf, place, value, at)
      .filter((k) => k.direct || has(k.name))
      .filter((k) => {
        const key = `${endpoint}\0${k.name}\0${k.line}`;
        if (reported.has(key)) return false;
        reported.add(key);
        return true;
      })
      .map((k) => ({ name: k.name, in: where, line: k.line, ...keyDetails(k) }));
    const params = type ? sentParams(sent, type) : sent;
    if (params.length === 0) return;
    sink.add({
      kind: 'route',
      symbol: callerName(ts, place) ?? found.written,
      ...(type ? { method: type.method, path: type.path } : { className: (found as { declaredIn: string }).declaredIn }),
      evidence: `request typed ${found.written}`,
      paramsOnly: true,
      params,
      ...at(place),
    });
  };

  /**
   * A request this code is handed rather than builds (a parameter typed with the SDK's type, `req.body
   * as ResponseCreateParams`): the keys it reads off it, where it reads them, are what it accepts, as
   * a server's handler reads its body. Keys read off a request built here are the builder's own
   * business and count only as written.
   */
  let functions: Map<string, TS.Node> | undefined;
  const reportRead = (found: Found, fn: TS.Node, holder: TS.BindingName, place: TS.Node): void => {
    const type = 'type' in found ? found.type : undefined;
    let read: { name: string; line: number }[];
    if (ts.isObjectBindingPattern(holder)) {
      read = [];
      for (const el of holder.elements) {
        const key = el.propertyName ?? el.name;
        if (!el.dotDotDotToken && (ts.isIdentifier(key) || ts.isStringLiteral(key))) read.push({ name: key.text, line: at(el).line });
      }
    } else if (ts.isIdentifier(holder)) {
      functions ??= fileFunctions(ts, sf);
      read = keysRead(ts, fn, at, functions, [holder.text]).keys;
    } else return;
    known ??= new Set(sink.ctx.candidates.paramSets.flatMap((set) => [...set]));
    const where = type ? sentIn(type.method) : 'body';
    const kept = read
      .filter((k) => (type ? type.params.includes(k.name) : known!.has(k.name)))
      .map((k) => ({ name: k.name, in: where, line: k.line }));
    const params = type ? sentParams(kept, type) : kept;
    if (params.length === 0) return;
    sink.add({
      kind: 'route',
      symbol: callerName(ts, place) ?? found.written,
      // The project's own request type: the workspace pass and the mapping find what it serves.
      ...(type ? { method: type.method, path: type.path } : { className: (found as { declaredIn: string }).declaredIn }),
      evidence: `reads a request typed ${found.written}`,
      paramsOnly: true,
      params,
      ...at(place),
    });
  };

  /** Whether `body` gives `name` as it is to an SDK call of the spec's (`this.client.responses.create(name, options)`). */
  const handsOnToSdk = (body: TS.Node, name: string): boolean => {
    const visit = (n: TS.Node): boolean => {
      if (
        ts.isCallExpression(n) &&
        ts.isPropertyAccessExpression(n.expression) &&
        n.arguments.some((a) => ts.isIdentifier(a) && a.text === name)
      ) {
        // `this.client.responses.create`: the names after the receiver, whatever it is.
        const chain: string[] = [];
        for (let e: TS.Expression = n.expression; ts.isPropertyAccessExpression(e); e = e.expression) chain.unshift(e.name.text);
        if (sdkEndpoint(chain, sink.ctx.candidates.sdkCalls)) return true;
      }
      return ts.forEachChild(n, visit) === true;
    };
    return visit(body);
  };

  /** A module-level alias or interface that is an SDK request (`type ChatRequest = Omit<ResponseCreateParams, 'x'>`, `interface R extends ResponseCreateParams {}`): the module's, for others to type requests with. */
  const declares = (name: string, found: Found | undefined): void => {
    if (!found || !('type' in found)) return;
    module.requestTypes ??= [];
    module.requestTypes.push([name, found.type.method, found.type.path]);
  };

  /**
   * What a declaration's value says of where the request comes from: a value cast to a type (`x as
   * T`) that is not built here, or, for a typed declaration, any value that is not an object
   * literal. Its `type` is the cast's, when there is one.
   */
  const received = (init: TS.Expression): { type?: TS.TypeNode } | undefined => {
    let e = init;
    while (ts.isParenthesizedExpression(e) || ts.isAwaitExpression(e)) e = e.expression;
    if (ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) {
      let inner = e.expression;
      while (ts.isParenthesizedExpression(inner) || ts.isAwaitExpression(inner) || ts.isAsExpression(inner)) inner = inner.expression;
      return ts.isObjectLiteralExpression(inner) ? undefined : { type: e.type };
    }
    // `await req.json()`: the body a server reads, typed by its type argument if it has one (Hono's
    // `c.req.json<ResponsesPayload>()`); any other call may be a builder of this code's own.
    if (ts.isCallExpression(e)) {
      if (!ts.isPropertyAccessExpression(e.expression) || e.expression.name.text !== 'json' || e.arguments.length > 0) return undefined;
      const typed = e.typeArguments?.[0];
      return typed ? { type: typed } : {};
    }
    return ts.isObjectLiteralExpression(e) ? undefined : {};
  };
  const enclosingFunction = (n: TS.Node): TS.Node | undefined => {
    for (let p = n.parent; p; p = p.parent) if (isFunctionLike(ts, p)) return p;
    return undefined;
  };

  /**
   * The Responses API's WebSocket mode sends the request as a `response.create` frame whose own keys
   * are the create request's (`{ type: 'response.create', model, input, ...options }`); the
   * Realtime API's frame of that name nests its options under `response` and sends none of them.
   */
  const frame = (obj: TS.ObjectLiteralExpression): void => {
    const kind = obj.properties.find((p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'type');
    if (!kind || !ts.isPropertyAssignment(kind) || !ts.isStringLiteral(kind.initializer) || kind.initializer.text !== 'response.create')
      return;
    const type = paramsTypeOf('ResponseCreateParams', types);
    if (!type) return;
    const sent = flowKeys(ts, sf, obj, obj, at).filter((k) => k.name !== 'type' && type.params.includes(k.name));
    if (sent.length === 0) return;
    sink.add({
      kind: 'route',
      symbol: callerName(ts, obj) ?? 'response.create',
      method: type.method,
      path: type.path,
      evidence: 'response.create frame (WebSocket mode)',
      paramsOnly: true,
      params: sent.map((k) => ({
        name: k.name,
        in: 'body' as const,
        line: k.line,
        ...keyDetails(k),
      })),
      ...at(obj),
    });
  };

  /**
   * A function named for an endpoint's request (`createResponsesRequestBody`, client-path.ts
   * `requestBuilderEndpoint`) that returns several of its parameters: the keys it returns are that
   * request's, each where it is written, without locating the endpoint. Its caller may hand the
   * request to a sender typed with a body several APIs share, or to another module.
   */
  const namedBuilder = (fn: TS.FunctionLikeDeclaration): void => {
    const name = ownName(ts, fn);
    const cls = fn.parent;
    const owner = cls && (ts.isClassDeclaration(cls) || ts.isClassExpression(cls)) ? cls.name?.text : undefined;
    const endpoint = name === undefined ? undefined : requestBuilderEndpoint(name.text, sink.ctx.candidates.builderNouns, owner);
    if (!name || !endpoint) return;
    const keys = returnStatements(ts, fn).flatMap(([value, place]) => flowKeys(ts, sf, place, value, at));
    const fact = namedBuilderFact(name.text, endpoint, keys, at(name));
    if (fact) sink.add(fact);
  };

  // Most files send no such frame: their object literals are not looked at for one.
  const framed = sf.text.includes('response.create');
  return (node: TS.Node): void => {
    switch (node.kind) {
      case ts.SyntaxKind.ObjectLiteralExpression:
        if (framed) frame(node as TS.ObjectLiteralExpression);
        return;
      case ts.SyntaxKind.TypeAliasDeclaration: {
        const alias = node as TS.TypeAliasDeclaration;
        if (alias.parent === sf) declares(alias.name.text, requestOf(alias.type));
        return;
      }
      case ts.SyntaxKind.InterfaceDeclaration: {
        const decl = node as TS.InterfaceDeclaration;
        if (decl.parent !== sf) return;
        for (const clause of decl.heritageClauses ?? [])
          for (const base of clause.types) {
            const written = exprName(ts, base.expression);
            if (written) declares(decl.name.text, requestNamed(written.split('.'), 0));
          }
        return;
      }
      case ts.SyntaxKind.VariableDeclaration: {
        const decl = node as TS.VariableDeclaration;
        const found = decl.initializer && ts.isIdentifier(decl.name) ? requestOf(decl.type) : undefined;
        // Through its name: the keys set on it later count too (`body.tools = …`).
        if (found) report(found, decl.name as TS.Identifier, decl);
        // `const request = req.body as ResponseCreateParams`, `const body: ResponseCreateParams = await c.req.json()`.
        const handed = decl.initializer && received(decl.initializer);
        const typed = handed && (found ?? requestOf(handed.type ?? decl.type));
        const fn = typed && enclosingFunction(decl);
        if (typed && fn) reportRead(typed, fn, decl.name, decl);
        return;
      }
      case ts.SyntaxKind.AsExpression:
      case ts.SyntaxKind.SatisfiesExpression: {
        const cast = node as TS.AsExpression | TS.SatisfiesExpression;
        const found = requestOf(cast.type);
        if (!found) return;
        let outer: TS.Node = cast.parent;
        while (ts.isParenthesizedExpression(outer)) outer = outer.parent;
        // `const body = { … } as Params`: the variable, with what is set on it later.
        if (ts.isVariableDeclaration(outer) && ts.isIdentifier(outer.name)) {
          if (!requestOf(outer.type)) report(found, outer.name, outer);
        } else report(found, cast.expression, cast);
        return;
      }
      case ts.SyntaxKind.FunctionDeclaration:
      case ts.SyntaxKind.MethodDeclaration:
      case ts.SyntaxKind.ArrowFunction:
      case ts.SyntaxKind.FunctionExpression: {
        const fn = node as TS.FunctionLikeDeclaration;
        if (fn.body)
          for (const p of fn.parameters) {
            const handed = p.type && !p.dotDotDotToken ? requestOf(p.type) : undefined;
            if (!handed) continue;
            // The walk sets a parameter's parent once it gets there; the fact is named by the function now.
            if (!p.parent) (p as { parent: TS.Node }).parent = fn;
            // A client's own wrapper that hands the request on to the SDK (`send(request) { if
            // (request.stream) …; return client.responses.create(request) }`) accepts nothing: its
            // callers build what it sends, and the SDK call reads their keys where they write them.
            if (ts.isIdentifier(p.name) && handsOnToSdk(fn.body, p.name.text)) continue;
            reportRead(handed, fn, p.name, p);
          }
        const found = requestOf(fn.type);
        if (!fn.body) return;
        // Typed with the SDK's request, it is that request's; else its name may say whose it is.
        if (!found || !('type' in found)) namedBuilder(fn);
        if (found) for (const [value, place] of returnStatements(ts, fn)) report(found, value, place);
        return;
      }
      default:
        return;
    }
  };
}

/** The name a function is declared or held by (`function f`, `f() {}`, `const f = () => …`, `f: () => …`). */
function ownName(ts: Ts, fn: TS.FunctionLikeDeclaration): TS.Identifier | undefined {
  if (fn.name && ts.isIdentifier(fn.name)) return fn.name;
  const holder = fn.parent;
  if (
    holder &&
    (ts.isVariableDeclaration(holder) || ts.isPropertyAssignment(holder) || ts.isPropertyDeclaration(holder)) &&
    ts.isIdentifier(holder.name)
  )
    return holder.name;
  return undefined;
}
