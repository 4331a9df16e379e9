/**
 * What an SDK call sends when its argument is not written out at the call: the object followed
 * through the file. Code that wraps a client builds the request elsewhere (`create(built.requestData)`
 * after `built = this.buildRequest(…)`; `create(request)` in `completionWithRetry(request)`, called
 * with `{ ...this.invocationParams(options), input, stream: true }`), so the keys are read where
 * they are written: through a variable's declaration and the keys later set on it (`params.reasoning
 * = …`, `Object.assign(params, …)`), a property of an object, what a function or method of the file returns, and what the
 * file's calls of a function pass for its parameter: for one destructured from an options object
 * (`retrying({ request, attempt })`), the property of that name in the objects they pass. A callback
 * held by a property (`attempt: (body) => this.post(body)`) is a function of that name, so its
 * parameter is what `attempt(request)` passes.
 *
 * Only this file is read, a few steps deep: a value that comes from elsewhere adds nothing.
 */
import type * as TS from 'typescript';
import type { Ts } from './compiler-api.js';
import type { ReturnHandOff } from '../facts.js';

/** A key the call sends, at the line it is written; `direct` when written at the call or in a `const` object beside it. */
export interface FlowKey {
  name: string;
  line: number;
  direct: boolean;
  /** The strings it is given (`truncation: 'auto'`, `include: ['…']`). */
  sent?: string[];
  /** The function it is written in, by name (none at the file's top, or for one without a name). */
  symbol?: string;
}

type At = (node: TS.Node) => { line: number };

/**
 * The functions around a node, innermost first; empty at the file's top. `via`: for a function the
 * flow entered through one call (what `build(options)` returns), that call: its parameters hold
 * what that call passes, not what every call of it does.
 */
type Chain = readonly TS.Node[] & { readonly via?: ReadonlyMap<TS.Node, TS.CallExpression> };

/**
 * `chain` with the calls the flow entered its functions through so far. Every chain given here is a
 * fresh array (made for this step), so it takes the calls itself rather than a copy.
 */
function within(chain: TS.Node[], via: ReadonlyMap<TS.Node, TS.CallExpression> | undefined): Chain {
  return via ? Object.assign(chain, { via }) : chain;
}

interface Located<T> {
  node: T;
  chain: Chain;
}

/**
 * What one walk of the file finds, for the lookups a flow makes. The functions around a node are
 * read from its parents when a lookup needs them: most nodes the walk records are never asked.
 */
interface FileIndex {
  /** Functions, methods and accessors by name, and arrow functions by the name holding them. */
  functions: Map<string, TS.Node[]>;
  /** Calls by the name called (`f(…)`, `this.f(…)`). */
  calls: Map<string, TS.CallExpression[]>;
  /** Variable declarations by name. */
  declarations: Map<string, TS.VariableDeclaration[]>;
  /** `x = …`, `x.k = …` and `x['k'] = …`, by `x`. */
  writes: Map<string, TS.BinaryExpression[]>;
  /** `this.p = …`, by `p`. */
  thisWrites: Map<string, TS.BinaryExpression[]>;
  /** `new C(…)`, by `C`. */
  constructed: Map<string, TS.NewExpression[]>;
}

/**
 * What a function returns, each value with the node it is returned at (its `return`, or the body
 * of an arrow that has no block), not in the functions inside it. Parents the analyzer's walk has
 * not set yet are set here, as it would: a flow finds the functions around a node through them.
 */
export function returnStatements(ts: Ts, fn: TS.Node): [TS.Expression, TS.Node][] {
  const body = (fn as { body?: TS.Node }).body;
  if (!body) return [];
  if (!body.parent) (body as { parent: TS.Node }).parent = fn;
  if (!ts.isBlock(body)) return [[body as TS.Expression, body]];
  const out: [TS.Expression, TS.Node][] = [];
  const visit = (n: TS.Node, parent: TS.Node): void => {
    if (!n.parent) (n as { parent: TS.Node }).parent = parent;
    if (isFunctionLike(ts, n)) return;
    if (ts.isReturnStatement(n) && n.expression) out.push([n.expression, n]);
    ts.forEachChild(n, (child) => visit(child, n));
  };
  ts.forEachChild(body, (child) => visit(child, body));
  return out;
}

/** How far a flow goes: past this many steps a value is taken as unknown. */
const MAX_DEPTH = 10;
/** The calls of one function followed for a parameter: a helper called from everywhere says little of one call. */
const MAX_CALL_SITES = 8;
/** The definitions of one name followed (an override and the method it overrides). */
const MAX_DEFINITIONS = 3;

const indexes = new WeakMap<TS.SourceFile, FileIndex>();

const lists = new WeakMap<TS.SourceFile, Set<string>>();

/** The names the file declares with a list written out (`const include: string[] = []`), found once per file. */
function listNames(ts: Ts, sf: TS.SourceFile, index: FileIndex): Set<string> {
  let names = lists.get(sf);
  if (!names) {
    names = new Set();
    for (const [name, decls] of index.declarations)
      if (decls.some((d) => d.initializer && ts.isArrayLiteralExpression(unwrap(ts, d.initializer)))) names.add(name);
    lists.set(sf, names);
  }
  return names;
}

function indexOf(ts: Ts, sf: TS.SourceFile): FileIndex {
  let index = indexes.get(sf);
  if (!index) {
    index = buildIndex(ts, sf);
    indexes.set(sf, index);
  }
  return index;
}

/** The file's functions, methods and accessors of a name (arrow functions by the name holding them). */
export function functionsOf(ts: Ts, sf: TS.SourceFile, name: string): readonly TS.Node[] {
  return indexOf(ts, sf).functions.get(name) ?? [];
}

/** `===`, `==`, `!==` or `!=`: a comparison that says which value a subject is, or is not. */
export function isEquality(ts: Ts, kind: TS.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.EqualsEqualsEqualsToken ||
    kind === ts.SyntaxKind.EqualsEqualsToken ||
    kind === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
    kind === ts.SyntaxKind.ExclamationEqualsToken
  );
}

/** The file's calls of a name (`f(…)`, `this.f(…)`), from the one walk the flows of the file share. */
export function callsOf(ts: Ts, sf: TS.SourceFile, name: string): readonly TS.CallExpression[] {
  return indexOf(ts, sf).calls.get(name) ?? [];
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

export function isFunctionLike(ts: Ts, n: TS.Node): n is TS.SignatureDeclaration & { body?: TS.Node } {
  return (
    ts.isFunctionDeclaration(n) ||
    ts.isFunctionExpression(n) ||
    ts.isArrowFunction(n) ||
    ts.isMethodDeclaration(n) ||
    ts.isGetAccessorDeclaration(n) ||
    ts.isConstructorDeclaration(n)
  );
}

/**
 * The name a function is called by: its own, or the variable or property holding it, also when the
 * holder chooses between functions (`const send = direct ? (p) => sdk.create(p) : (p) => viaChat(p)`).
 */
function functionName(ts: Ts, fn: TS.Node): string | undefined {
  const own = (fn as { name?: TS.Node }).name;
  if (own && (ts.isIdentifier(own) || ts.isPrivateIdentifier(own))) return own.text;
  let holder = fn.parent;
  while (
    holder &&
    (ts.isParenthesizedExpression(holder) ||
      (ts.isConditionalExpression(holder) && holder.condition !== fn) ||
      (ts.isBinaryExpression(holder) &&
        holder.left !== fn &&
        (holder.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || holder.operatorToken.kind === ts.SyntaxKind.BarBarToken)))
  )
    holder = holder.parent;
  if (holder && (ts.isVariableDeclaration(holder) || ts.isPropertyAssignment(holder)) && ts.isIdentifier(holder.name))
    return holder.name.text;
  return undefined;
}

/**
 * The property names that lead to `name` in a parameter's destructuring: `['request']` for
 * `{ request }` or `{ request: name }`, `['context', 'name']` for `{ context: { name } }`; undefined
 * when the pattern does not bind it (or binds it from an array or a rest element).
 */
export function bindingPath(ts: Ts, pattern: TS.BindingName, name: string): string[] | undefined {
  if (!ts.isObjectBindingPattern(pattern)) return undefined;
  for (const element of pattern.elements) {
    if (element.dotDotDotToken) continue;
    const key = element.propertyName ?? element.name;
    if (!ts.isIdentifier(key) && !ts.isStringLiteral(key)) continue;
    if (ts.isIdentifier(element.name)) {
      if (element.name.text === name) return [key.text];
    } else {
      const rest = bindingPath(ts, element.name, name);
      if (rest) return [key.text, ...rest];
    }
  }
  return undefined;
}

/** The name a call calls: `f` of `f(…)`, `this.f(…)` and `a.b.f(…)`. */
function calledName(ts: Ts, call: TS.CallExpression): string | undefined {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

function buildIndex(ts: Ts, sf: TS.SourceFile): FileIndex {
  const index: FileIndex = {
    functions: new Map(),
    calls: new Map(),
    declarations: new Map(),
    writes: new Map(),
    thisWrites: new Map(),
    constructed: new Map(),
  };
  const visit = (node: TS.Node, parent: TS.Node): void => {
    // The analyzer's walk sets parents as it goes; a node it has not reached yet gets its parent here.
    if (!node.parent) (node as { parent: TS.Node }).parent = parent;
    if (ts.isCallExpression(node)) {
      const name = calledName(ts, node);
      if (name !== undefined) push(index.calls, name, node);
    } else if (ts.isVariableDeclaration(node)) {
      if (ts.isIdentifier(node.name)) push(index.declarations, node.name.text, node);
      // `const { body, config } = await this.build(…)`: each name it binds, read through its key.
      else if (ts.isObjectBindingPattern(node.name))
        for (const el of node.name.elements) if (ts.isIdentifier(el.name)) push(index.declarations, el.name.text, node);
    } else if (ts.isBinaryExpression(node)) {
      const target = node.operatorToken.kind === ts.SyntaxKind.EqualsToken ? writtenVariable(ts, node.left) : undefined;
      if (target !== undefined) push(index.writes, target, node);
      const left = node.left;
      if (
        node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        ts.isPropertyAccessExpression(left) &&
        left.expression.kind === ts.SyntaxKind.ThisKeyword
      )
        push(index.thisWrites, left.name.text, node);
    } else if (ts.isNewExpression(node)) {
      if (ts.isIdentifier(node.expression)) push(index.constructed, node.expression.text, node);
    } else if (isFunctionLike(ts, node)) {
      const name = functionName(ts, node);
      if (name !== undefined) push(index.functions, name, node);
    }
    ts.forEachChild(node, (child) => visit(child, node));
  };
  ts.forEachChild(sf, (child) => visit(child, sf));
  return index;
}

/** `SyntaxKind`s of the modifiers that make a constructor parameter a property, filled on first use. */
const PROPERTY_MODIFIERS = new Set<number>();

/** The class a node is written in (in one of its members); undefined outside any. */
function classOf(ts: Ts, node: TS.Node): TS.ClassLikeDeclaration | undefined {
  for (let n = node.parent; n; n = n.parent) if (ts.isClassDeclaration(n) || ts.isClassExpression(n)) return n;
  return undefined;
}

/** The functions around a node, innermost first. */
function chainOf(ts: Ts, node: TS.Node): TS.Node[] {
  const out: TS.Node[] = [];
  for (let n = node.parent; n; n = n.parent) if (isFunctionLike(ts, n)) out.push(n);
  return out;
}

/**
 * The strings a `for … of` around `at` that binds `name` walks: an array literal, a `new Set([…])`,
 * or a `const` holding one (in the function or at the file's top). Empty when any item is no string.
 */
function loopStrings(ts: Ts, at: TS.Node, name: string, index: FileIndex): string[] {
  for (let n = at.parent; n && !isFunctionLike(ts, n); n = n.parent) {
    if (!ts.isForOfStatement(n) || !ts.isVariableDeclarationList(n.initializer)) continue;
    const bound = n.initializer.declarations[0]?.name;
    if (!bound || !ts.isIdentifier(bound) || bound.text !== name) continue;
    let list = unwrap(ts, n.expression);
    if (ts.isIdentifier(list)) {
      const owner = ownerOf(ts, n);
      const decl = (index.declarations.get(list.text) ?? []).find(
        (d) =>
          d.initializer &&
          ts.isVariableDeclarationList(d.parent) &&
          (d.parent.flags & ts.NodeFlags.Const) !== 0 &&
          [owner, undefined].includes(ownerOf(ts, d)),
      );
      if (!decl?.initializer) return [];
      list = unwrap(ts, decl.initializer);
    }
    if (ts.isNewExpression(list) && ts.isIdentifier(list.expression) && list.expression.text === 'Set' && list.arguments?.length === 1)
      list = unwrap(ts, list.arguments[0]!);
    if (!ts.isArrayLiteralExpression(list)) return [];
    const items = list.elements.map((e) => (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) ? e.text : undefined));
    return items.every((t) => t !== undefined) ? (items as string[]) : [];
  }
  return [];
}

/** Objects every program has: `console.log(body)` writes nothing into it. */
const GLOBALS = new Set(['console', 'JSON', 'Object', 'Array', 'Math', 'Promise', 'Reflect', 'process']);

/** The strings a value written for a key is: one (`'auto'`) or a list of them (`['a', 'b']`); undefined for anything else. */
export function sentStrings(ts: Ts, value: TS.Expression): string[] | undefined {
  const e = unwrap(ts, value);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
  if (!ts.isArrayLiteralExpression(e) || e.elements.length === 0) return undefined;
  const items = e.elements
    .map((x) => unwrap(ts, x))
    .map((x) => (ts.isStringLiteral(x) || ts.isNoSubstitutionTemplateLiteral(x) ? x.text : undefined));
  return items.every((t) => t !== undefined) ? (items as string[]) : undefined;
}

/** The key a write's left side names: `x.k`, `x['k']`; undefined for anything else. */
function writtenKey(ts: Ts, left: TS.Expression): string | undefined {
  if (ts.isPropertyAccessExpression(left)) return left.name.text;
  const key = ts.isElementAccessExpression(left) ? left.argumentExpression : undefined;
  return key && (ts.isStringLiteral(key) || ts.isNoSubstitutionTemplateLiteral(key)) ? key.text : undefined;
}

/** The keys `fn` writes into `name` (`name.k = …`, `name['k'] = …`, also through a cast), not in the functions inside it. */
export function keysWrittenInto(ts: Ts, sf: TS.SourceFile, fn: TS.Node, name: string): { name: string; node: TS.BinaryExpression }[] {
  const out: { name: string; node: TS.BinaryExpression }[] = [];
  for (const w of indexOf(ts, sf).writes.get(name) ?? []) {
    const key = ownerOf(ts, w) === fn ? writtenKey(ts, w.left) : undefined;
    if (key !== undefined) out.push({ name: key, node: w });
  }
  return out;
}

/**
 * The object a call copies, keys and all, when it is one: `Object.fromEntries(Object.entries(p).filter(…))`
 * (a helper that drops the undefined values), `Object.assign({}, p)`, `structuredClone(p)`. Undefined
 * for any other call.
 */
function copiedObject(ts: Ts, e: TS.CallExpression): TS.Expression | undefined {
  const callee = e.expression;
  if (ts.isIdentifier(callee)) return callee.text === 'structuredClone' ? e.arguments[0] : undefined;
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression) || callee.expression.text !== 'Object')
    return undefined;
  if (callee.name.text === 'assign') {
    const [target, source, ...more] = e.arguments;
    return target && ts.isObjectLiteralExpression(target) && target.properties.length === 0 && more.length === 0 ? source : undefined;
  }
  if (callee.name.text !== 'fromEntries') return undefined;
  // `Object.entries(p)`, then any chain of array methods on it (`.filter(…)`, `.map(…)`).
  let inner = e.arguments[0];
  while (inner && ts.isCallExpression(inner) && ts.isPropertyAccessExpression(inner.expression)) {
    const target = inner.expression;
    if (ts.isIdentifier(target.expression) && target.expression.text === 'Object')
      return target.name.text === 'entries' ? inner.arguments[0] : undefined;
    inner = target.expression;
  }
  return undefined;
}

/** `JSON.stringify(x)`: the text of `x`, which holds the keys `x` does. */
function isStringify(ts: Ts, e: TS.CallExpression): boolean {
  return (
    e.arguments.length >= 1 &&
    ts.isPropertyAccessExpression(e.expression) &&
    e.expression.name.text === 'stringify' &&
    ts.isIdentifier(e.expression.expression) &&
    e.expression.expression.text === 'JSON'
  );
}

/** The function a node is written in, directly (not in a function inside it); undefined at the file's top. */
function ownerOf(ts: Ts, node: TS.Node): TS.Node | undefined {
  for (let n = node.parent; n; n = n.parent) if (isFunctionLike(ts, n)) return n;
  return undefined;
}

function isObjectAssign(ts: Ts, call: TS.CallExpression): boolean {
  const e = call.expression;
  return ts.isPropertyAccessExpression(e) && e.name.text === 'assign' && ts.isIdentifier(e.expression) && e.expression.text === 'Object';
}

/**
 * `x` of `x = …`, `x.k = …` and `x['k'] = …`, also through a cast (`(x as any).k = …`, written where
 * the SDK's types lag behind the API).
 */
function writtenVariable(ts: Ts, left: TS.Expression): string | undefined {
  if (ts.isIdentifier(left)) return left.text;
  if (!ts.isPropertyAccessExpression(left) && !ts.isElementAccessExpression(left)) return undefined;
  const target = unwrap(ts, left.expression);
  return ts.isIdentifier(target) ? target.text : undefined;
}

function unwrap(ts: Ts, e: TS.Expression): TS.Expression {
  for (;;) {
    if (
      ts.isAsExpression(e) ||
      ts.isSatisfiesExpression(e) ||
      ts.isParenthesizedExpression(e) ||
      ts.isNonNullExpression(e) ||
      ts.isAwaitExpression(e)
    )
      e = e.expression;
    else if (ts.isTypeAssertionExpression(e)) e = e.expression;
    else return e;
  }
}

/**
 * The keys `arg` holds, given at `call` (whose ancestors the analyzer's walk has already reached).
 * Keys reached past the call's own object literal and the `const` objects it spreads are not `direct`.
 * `handOffs`, when given, gets the calls of functions the file does not define that the value is
 * built from (`buildParams(…)` imported).
 */
export function flowKeys(
  ts: Ts,
  sf: TS.SourceFile,
  call: TS.Node,
  arg: TS.Expression,
  at: At,
  handOffs?: ReturnHandOff[],
  accept?: (key: string) => boolean,
): FlowKey[] {
  let index: FileIndex | undefined;
  const fileIndex = (): FileIndex => {
    index ??= indexOf(ts, sf);
    return index;
  };
  const callChain = chainOf(ts, call);

  const seen = new Set<TS.Node>();
  const seenObjects = new Set<TS.Node>();
  const out: FlowKey[] = [];

  /** The declaration or parameter `name` stands for in `chain`. */
  const lookup = (
    name: string,
    chain: Chain,
  ):
    | { kind: 'variable'; decl: Located<TS.VariableDeclaration>; owner: TS.Node | undefined }
    | { kind: 'parameter'; fn: TS.Node; position: number; path: readonly string[] }
    | undefined => {
    const decls = fileIndex().declarations.get(name) ?? [];
    const located = (node: TS.VariableDeclaration): Located<TS.VariableDeclaration> => ({
      node,
      chain: within(chainOf(ts, node), chain.via),
    });
    for (const fn of chain) {
      const params = (fn as TS.SignatureDeclaration).parameters;
      const position = params.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === name);
      if (position >= 0) return params[position]!.dotDotDotToken ? undefined : { kind: 'parameter', fn, position, path: [] };
      // `{ request, attempt }` of an options parameter: the property of that name in what the callers pass.
      for (const [i, p] of params.entries()) {
        const path = p.dotDotDotToken ? undefined : bindingPath(ts, p.name, name);
        if (path) return { kind: 'parameter', fn, position: i, path };
      }
      const decl = decls.find((d) => ownerOf(ts, d) === fn);
      if (decl) return { kind: 'variable', decl: located(decl), owner: fn };
    }
    const top = decls.find((d) => ownerOf(ts, d) === undefined);
    return top ? { kind: 'variable', decl: located(top), owner: undefined } : undefined;
  };

  /** The object literals `e` may hold, each with the functions around it. */
  const objects = (e: TS.Expression, chain: Chain, depth: number): Located<TS.ObjectLiteralExpression>[] => {
    e = unwrap(ts, e);
    // Each expression once: a recursive helper's returns would otherwise multiply at every step.
    if (depth > MAX_DEPTH || seenObjects.has(e)) return [];
    seenObjects.add(e);
    if (ts.isObjectLiteralExpression(e)) return [{ node: e, chain }];
    if (ts.isConditionalExpression(e)) return [...objects(e.whenTrue, chain, depth + 1), ...objects(e.whenFalse, chain, depth + 1)];
    if (ts.isIdentifier(e)) {
      const found = lookup(e.text, chain);
      if (!found) return [];
      const values = found.kind === 'variable' ? boundValues(found.decl, e.text, depth) : given(found, chain, depth);
      return values.flatMap((v) => objects(v.node, v.chain, depth + 1));
    }
    if (ts.isPropertyAccessExpression(e)) return propertyValues(e, chain, depth).flatMap((v) => objects(v.node, v.chain, depth + 1));
    if (ts.isCallExpression(e)) {
      const copied = isStringify(ts, e) ? e.arguments[0] : copiedObject(ts, e);
      return copied ? objects(copied, chain, depth + 1) : returned(e, chain, depth).flatMap((r) => objects(r.node, r.chain, depth + 1));
    }
    return [];
  };

  /** The values property `key` has in the objects `e` holds. */
  const valuesOf = (e: TS.Expression, key: string, chain: Chain, depth: number): Located<TS.Expression>[] => {
    const out: Located<TS.Expression>[] = [];
    // `const { body } = buildRequest(…)` of a function another module defines: what it returns
    // under that key, for the workspace pass.
    const bare = unwrap(ts, e);
    if (handOffs && ts.isCallExpression(bare) && !copiedObject(ts, bare) && !isStringify(ts, bare)) {
      const name = calledName(ts, bare);
      const written = name !== undefined && !fileIndex().functions.has(name) ? importedCallee(bare) : undefined;
      if (written !== undefined) {
        handOffs.push({ callee: written, line: at(bare).line, under: key });
        return out;
      }
    }
    for (const o of objects(e, chain, depth + 1))
      for (const p of o.node.properties) {
        // `{ ...resolved, signal }`: what the spread object holds under that key.
        if (ts.isSpreadAssignment(p)) out.push(...valuesOf(p.expression, key, o.chain, depth + 1));
        if (!p.name || !ts.isIdentifier(p.name) || p.name.text !== key) continue;
        if (ts.isPropertyAssignment(p)) out.push({ node: p.initializer, chain: o.chain });
        else if (ts.isShorthandPropertyAssignment(p)) out.push({ node: p.name, chain: o.chain });
      }
    return out;
  };

  /** What the file's calls of a function pass for one of its parameters (through its destructuring). */
  const given = (
    found: { fn: TS.Node; position: number; path: readonly string[] },
    chain: Chain,
    depth: number,
  ): Located<TS.Expression>[] => {
    const fnName = functionName(ts, found.fn);
    const entered = chain.via?.get(found.fn);
    // A constructor is called by `new` of its class.
    const cls = ts.isConstructorDeclaration(found.fn) ? found.fn.parent : undefined;
    const calls: readonly (TS.CallExpression | TS.NewExpression)[] = entered
      ? [entered]
      : cls && ts.isClassDeclaration(cls)
        ? cls.name
          ? (fileIndex().constructed.get(cls.name.text) ?? [])
          : []
        : fnName === undefined
          ? []
          : (fileIndex().calls.get(fnName) ?? []);
    if (calls.length > MAX_CALL_SITES) return [];
    if (calls.length === 0 && fnName === undefined) return beside(found, chain);
    const out: Located<TS.Expression>[] = [];
    for (const call of calls) {
      const arg = call.arguments?.[found.position];
      if (!arg || ts.isSpreadElement(arg)) continue;
      let values: Located<TS.Expression>[] = [{ node: arg, chain: within(chainOf(ts, call), chain.via) }];
      for (const key of found.path) values = values.flatMap((v) => valuesOf(v.node, key, v.chain, depth));
      out.push(...values);
    }
    return out;
  };

  /**
   * A callback's only parameter, the callback handed to a wrapper beside one object
   * (`withFallback((body) => client.responses.create(body), { model, input })`): the wrapper calls
   * it with that object, or one made from it. Only when `accept` (the endpoint's parameters) takes
   * one of the object's keys: a retry's options (`{ retries: 3 }`) are no request.
   */
  const beside = (found: { fn: TS.Node; position: number; path: readonly string[] }, chain: Chain): Located<TS.Expression>[] => {
    const fn = found.fn;
    const outer = fn.parent;
    if (!accept || found.position !== 0 || found.path.length > 0 || (fn as TS.SignatureDeclaration).parameters.length !== 1) return [];
    if (!outer || !ts.isCallExpression(outer) || !outer.arguments.includes(fn as TS.Expression)) return [];
    const others = outer.arguments.filter((a) => a !== fn && !isFunctionLike(ts, a) && !ts.isSpreadElement(a));
    const other = others.length === 1 ? others[0]! : undefined;
    if (!other) return [];
    // The object written there, or a `const` of it in the function around the call.
    let literal = unwrap(ts, other);
    if (ts.isIdentifier(literal)) {
      const decl = (fileIndex().declarations.get(literal.text) ?? []).find((d) => ownerOf(ts, d) === ownerOf(ts, outer));
      literal = decl?.initializer ? unwrap(ts, decl.initializer) : literal;
    }
    if (!ts.isObjectLiteralExpression(literal)) return [];
    const named = literal.properties.some((p) => p.name !== undefined && ts.isIdentifier(p.name) && accept(p.name.text));
    return named ? [{ node: other, chain: within(chainOf(ts, outer), chain.via) }] : [];
  };

  /** What a declaration gives `name`: its value, or for one that takes an object apart, that key's values in it. */
  const boundValues = (decl: Located<TS.VariableDeclaration>, name: string, depth: number): Located<TS.Expression>[] => {
    const init = decl.node.initializer;
    if (!init) return [];
    if (ts.isIdentifier(decl.node.name)) return [{ node: init, chain: decl.chain }];
    // `const { text, ...rest } = options`: what the rest holds is not told apart here; the keys
    // later set on it still count.
    const path = bindingPath(ts, decl.node.name, name);
    if (!path) return [];
    let values: Located<TS.Expression>[] = [{ node: init, chain: decl.chain }];
    for (const key of path) values = values.flatMap((v) => valuesOf(v.node, key, v.chain, depth));
    return values;
  };

  /** `a.b`: the values property `b` has in the objects `a` holds. */
  const propertyValues = (e: TS.PropertyAccessExpression, chain: Chain, depth: number): Located<TS.Expression>[] =>
    e.expression.kind === ts.SyntaxKind.ThisKeyword ? thisValues(e, chain) : valuesOf(e.expression, e.name.text, chain, depth);

  /**
   * `this.options`: what the class's methods assign it (`this.options = options` in its
   * constructor), a constructor's parameter property of that name (`constructor(private
   * options: Options)`), each what the file's `new` of the class passes, and what a getter of
   * that name returns.
   */
  const thisValues = (e: TS.PropertyAccessExpression, chain: Chain): Located<TS.Expression>[] => {
    if (PROPERTY_MODIFIERS.size === 0)
      for (const k of [
        ts.SyntaxKind.PublicKeyword,
        ts.SyntaxKind.PrivateKeyword,
        ts.SyntaxKind.ProtectedKeyword,
        ts.SyntaxKind.ReadonlyKeyword,
      ])
        PROPERTY_MODIFIERS.add(k);
    const cls = classOf(ts, e);
    if (!cls) return [];
    const out: Located<TS.Expression>[] = [];
    for (const w of fileIndex().thisWrites.get(e.name.text) ?? [])
      if (classOf(ts, w) === cls) out.push({ node: w.right, chain: within(chainOf(ts, w), chain.via) });
    for (const member of cls.members) {
      // `get reasoningConfig() { return { reasoning: … } }`: what the getter returns.
      if (ts.isGetAccessorDeclaration(member) && ts.isIdentifier(member.name) && member.name.text === e.name.text)
        out.push(...returnValues(member, within([member, ...chainOf(ts, member)], chain.via)));
      if (!ts.isConstructorDeclaration(member)) continue;
      const position = member.parameters.findIndex(
        (p) =>
          ts.isIdentifier(p.name) &&
          p.name.text === e.name.text &&
          // A parameter property is one with an access modifier or `readonly`; a decorator alone makes none.
          (p.modifiers ?? []).some((m) => PROPERTY_MODIFIERS.has(m.kind)),
      );
      if (position >= 0) out.push(...given({ fn: member, position, path: [] }, chain, 0));
    }
    return out;
  };

  /** `applyOptions` or `helpers.applyOptions` of a call, as written. */
  const importedCallee = (call: TS.CallExpression): string | undefined => {
    const e = call.expression;
    if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && GLOBALS.has(e.expression.text)) return undefined;
    return ts.isIdentifier(e)
      ? e.text
      : ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression)
        ? `${e.expression.text}.${e.name.text}`
        : undefined;
  };

  /** What the file's functions of the name a call calls return. */
  const returned = (call: TS.CallExpression, from: Chain, depth: number): Located<TS.Expression>[] => {
    const name = calledName(ts, call);
    const fns = name === undefined ? [] : (fileIndex().functions.get(name) ?? []);
    // `buildParams(…)` or `builders.buildParams(…)` imported: for the workspace pass.
    if (handOffs && fns.length === 0) {
      const written = importedCallee(call);
      if (written !== undefined) handOffs.push({ callee: written, line: at(call).line });
    }
    // Several of one name are an override and what it overrides (which runs cannot be told here):
    // all are read, a few at most; the keys found this way count only when the endpoint has them.
    if (fns.length > MAX_DEFINITIONS || depth > MAX_DEPTH) return [];
    return fns.flatMap((fn) => returnValues(fn, within([fn, ...chainOf(ts, fn)], new Map(from.via).set(fn, call))));
  };

  /** What `fn` returns, each value in `chain` (`fn` and the functions around it). */
  const returnValues = (fn: TS.Node, chain: Chain): Located<TS.Expression>[] => returnStatements(ts, fn).map(([node]) => ({ node, chain }));

  /**
   * Which call of a wrapper the keys being read were given at (the first parameter step of the
   * flow): each call of `send({ model })` is a request of its own, as each SDK call is.
   */
  let site: number | undefined;
  let sites = 0;
  const siteOf = new WeakMap<FlowKey, number>();
  /**
   * The strings a list of the function's own holds (`const include: string[] = []`, then
   * `include.push('reasoning.encrypted_content')`); undefined when anything else goes in.
   */
  const heldStrings = (name: string, fn: TS.Node | undefined): string[] | undefined => {
    // Cheap first: most names a key is given are no list written out in the file.
    if (!listNames(ts, sf, fileIndex()).has(name)) return undefined;
    const decl = (fileIndex().declarations.get(name) ?? []).find((d) => ownerOf(ts, d) === fn);
    const init = decl?.initializer && unwrap(ts, decl.initializer);
    if (!init || !ts.isArrayLiteralExpression(init)) return undefined;
    const held = init.elements.length > 0 ? sentStrings(ts, init) : [];
    if (!held) return undefined;
    for (const c of fileIndex().calls.get('push') ?? []) {
      const target = c.expression;
      if (!ts.isPropertyAccessExpression(target) || !ts.isIdentifier(target.expression) || target.expression.text !== name) continue;
      if (ownerOf(ts, c) !== fn) continue;
      for (const a of c.arguments) {
        const pushed = sentStrings(ts, a);
        if (!pushed) return undefined;
        held.push(...pushed);
      }
    }
    return held.length > 0 ? held : undefined;
  };
  const add = (name: string, node: TS.Node, direct: boolean): void => {
    const fn = ownerOf(ts, node);
    const writer = fn ? functionName(ts, fn) : undefined;
    const value = ts.isPropertyAssignment(node)
      ? node.initializer
      : ts.isBinaryExpression(node)
        ? node.right
        : ts.isShorthandPropertyAssignment(node)
          ? node.name
          : undefined;
    const bare = value && unwrap(ts, value);
    const sent = value && (sentStrings(ts, value) ?? (bare && ts.isIdentifier(bare) ? heldStrings(bare.text, fn) : undefined));
    const key: FlowKey = {
      name,
      line: at(node).line,
      direct,
      ...(writer !== undefined ? { symbol: writer } : {}),
      ...(sent ? { sent } : {}),
    };
    if (site !== undefined) siteOf.set(key, site);
    out.push(key);
  };

  const keys = (e: TS.Expression, chain: Chain, depth: number, direct: boolean): void => {
    e = unwrap(ts, e);
    if (depth > MAX_DEPTH || seen.has(e)) return;
    seen.add(e);
    if (ts.isObjectLiteralExpression(e)) {
      for (const p of e.properties) {
        if (ts.isSpreadAssignment(p)) keys(p.expression, chain, depth + 1, direct && constObject(p.expression, chain));
        else if (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) add(p.name.text, p, direct);
      }
      return;
    }
    if (ts.isConditionalExpression(e)) {
      keys(e.whenTrue, chain, depth + 1, false);
      keys(e.whenFalse, chain, depth + 1, false);
      return;
    }
    if (
      ts.isBinaryExpression(e) &&
      (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)
    ) {
      keys(e.left, chain, depth + 1, false);
      keys(e.right, chain, depth + 1, false);
      return;
    }
    // `...(effort && { reasoning: { effort } })`: the keys sent when the condition holds.
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
      keys(e.right, chain, depth + 1, false);
      return;
    }
    if (ts.isIdentifier(e)) return identifierKeys(e.text, chain, depth, direct);
    if (ts.isPropertyAccessExpression(e)) {
      for (const v of propertyValues(e, chain, depth)) keys(v.node, v.chain, depth + 1, false);
      return;
    }
    if (ts.isCallExpression(e)) {
      // `Object.assign({}, defaults, { stream })`: what each argument holds.
      if (isObjectAssign(ts, e)) for (const a of e.arguments) keys(a, chain, depth + 1, false);
      // `const body = JSON.stringify({ model, input })`, sent as `{ body }`: the object's keys.
      else if (isStringify(ts, e)) keys(e.arguments[0]!, chain, depth + 1, direct);
      else {
        // `Object.fromEntries(Object.entries(p).filter(…))`: the keys of what it copies.
        const copied = copiedObject(ts, e);
        if (copied) keys(copied, chain, depth + 1, false);
        else for (const r of returned(e, chain, depth)) keys(r.node, r.chain, depth + 1, false);
      }
    }
  };

  /** Whether a spread is of a `const` holding an object literal, in the caller's reach. */
  const constObject = (e: TS.Expression, chain: Chain): boolean => {
    e = unwrap(ts, e);
    if (!ts.isIdentifier(e)) return false;
    const found = lookup(e.text, chain);
    if (found?.kind !== 'variable' || !ts.isIdentifier(found.decl.node.name)) return false;
    const init = found.decl.node.initializer;
    const list = found.decl.node.parent;
    return (
      !!init &&
      ts.isObjectLiteralExpression(unwrap(ts, init)) &&
      ts.isVariableDeclarationList(list) &&
      (list.flags & ts.NodeFlags.Const) !== 0
    );
  };

  const identifierKeys = (name: string, chain: Chain, depth: number, direct: boolean): void => {
    const found = lookup(name, chain);
    if (!found) return;
    if (found.kind === 'parameter') {
      // What the file's calls of this function pass in that place, each call a request of its own.
      for (const v of given(found, chain, depth)) {
        const outer = site;
        site ??= sites++;
        keys(v.node, v.chain, depth + 1, false);
        site = outer;
      }
    } else {
      const decl = found.decl.node;
      const constant = ts.isVariableDeclarationList(decl.parent) && (decl.parent.flags & ts.NodeFlags.Const) !== 0;
      if (decl.initializer && ts.isIdentifier(decl.name))
        keys(
          decl.initializer,
          found.decl.chain,
          depth + 1,
          direct && constant && ts.isObjectLiteralExpression(unwrap(ts, decl.initializer)),
        );
      else for (const v of boundValues(found.decl, name, depth)) keys(v.node, v.chain, depth + 1, false);
    }
    // What the function it belongs to later writes to it: a new object, or one key.
    const owner = found.kind === 'parameter' ? found.fn : found.owner;
    for (const w of fileIndex().writes.get(name) ?? []) {
      if (ownerOf(ts, w) !== owner) continue;
      const left = w.left;
      const key = writtenKey(ts, left);
      if (ts.isIdentifier(left)) keys(w.right, within(chainOf(ts, w), chain.via), depth + 1, false);
      else if (key !== undefined) add(key, w, false);
      // `for (const key of PASSTHROUGH) request[key] = options[key]`: each name the list holds.
      else if (ts.isElementAccessExpression(left) && ts.isIdentifier(left.argumentExpression))
        for (const name of loopStrings(ts, w, left.argumentExpression.text, fileIndex())) add(name, w, false);
    }
    // `applyOptions(body as Record<string, unknown>, options)`: a function of the file handed the
    // object writes keys into it through its parameter.
    if (owner) handedWrites(owner, name);
    // `Object.assign(params, { store: true })`.
    for (const c of fileIndex().calls.get('assign') ?? []) {
      const [target, ...sources] = c.arguments;
      const written = target && unwrap(ts, target);
      if (!isObjectAssign(ts, c) || !written || !ts.isIdentifier(written) || written.text !== name || ownerOf(ts, c) !== owner) continue;
      for (const source of sources) keys(source, within(chainOf(ts, c), chain.via), depth + 1, false);
    }
  };

  /** The keys the file's functions that `owner` hands `name` to write into their parameter. */
  const handedWrites = (owner: TS.Node, name: string): void => {
    const visit = (n: TS.Node): void => {
      if (n !== owner && isFunctionLike(ts, n)) return;
      if (ts.isCallExpression(n)) {
        const index = n.arguments.findIndex((a) => {
          const x = unwrap(ts, a);
          return ts.isIdentifier(x) && x.text === name;
        });
        const called = index >= 0 ? calledName(ts, n) : undefined;
        const fns = called !== undefined ? functionsOf(ts, sf, called) : [];
        // One of another module, called for what it does to what it is given (a statement of its
        // own, `applyOptions(body, o);`): for the workspace pass, which reads the keys it writes there.
        const statement = ts.isAwaitExpression(n.parent) ? n.parent.parent : n.parent;
        const written = fns.length === 0 && index >= 0 && statement && ts.isExpressionStatement(statement) ? importedCallee(n) : undefined;
        if (handOffs && written !== undefined) handOffs.push({ callee: written, line: at(n).line, arg: index });
        for (const fn of fns) {
          const param = fn === owner ? undefined : (fn as TS.SignatureDeclaration).parameters?.[index];
          if (param && ts.isIdentifier(param.name))
            for (const k of keysWrittenInto(ts, sf, fn, param.name.text)) add(k.name, k.node, false);
        }
      }
      ts.forEachChild(n, visit);
    };
    const body = (owner as { body?: TS.Node }).body;
    if (body) visit(body);
  };

  keys(arg, callChain, 0, true);
  // One location per key per request: its first write, or a write at the call itself.
  const unique = new Map<string, FlowKey>();
  for (const k of out) {
    const id = `${k.name}\0${siteOf.get(k) ?? ''}`;
    const had = unique.get(id);
    if (!had || (k.direct && !had.direct)) unique.set(id, k);
  }
  return [...unique.values()];
}
