/**
 * What a client call sends when it is built elsewhere in the file (`client.responses.create(**payload)`,
 * `httpx.post(url, json=payload)`), as the TypeScript adapter's sent-flow does: code that wraps a client builds its request in helpers
 * (`payload = self._get_request_payload(messages, **kwargs)`, then `client.responses.create(**payload)`).
 * The keys are read where they are written: a variable's assignments and the keys later set on it
 * (`payload["input"] = …`, `payload.update(…)`), what a function or method of the file returns
 * (`self._default_params`, a property, too), and what the file's calls of a function pass for its
 * parameter, `**kwargs` included; a lambda's parameter is what the calls of the name it is handed
 * over by pass (`attempt=lambda body: self._post(body)`, then `attempt(request)`); a name annotated with a
 * TypedDict of the file may hold the keys it declares.
 *
 * Only this file is read, a few steps deep: a value that comes from elsewhere adds nothing.
 */
import type { Node } from 'web-tree-sitter';
import { buildsRequest, firstWrites, keyEntry, matchedNames } from '../client-path.js';
import type { ReturnHandOff } from '../facts.js';
import type { ModuleFacts } from '../module-facts.js';
import { callableName, calleeWritten } from './body-keys.js';
import {
  argumentFor,
  callsNamed,
  enclosingClass,
  enclosingFunction,
  functionsNamed,
  kids,
  lastName,
  pos,
  rootOf,
  stringValue,
  treeNodesOfType,
} from './syntax.js';

/** A key the call sends, at the line it is written, and the function it is written in (none at the module's top). */
export interface FlowKey {
  name: string;
  line: number;
  symbol?: string;
  /** The strings it is given (`truncation="auto"`, `"include": ["…"]`). */
  sent?: string[];
}

/** How far a flow goes: past this many steps a value is taken as unknown. */
const MAX_DEPTH = 10;
/** The calls of one function followed for a parameter: a helper called from everywhere says little of one call. */
const MAX_CALL_SITES = 8;
/** The definitions of one name followed (an override and the method it overrides). */
const MAX_DEFINITIONS = 3;

/** A type that names one class, perhaps optional or unpacked: `GenOptions`, `Provider.GenOptions`, `Unpack[GenOptions]`, `GenOptions | None`. */
const TYPED_NAME =
  /^(?:(?:typing\.|typing_extensions\.)?(?:Unpack|Optional|Required|NotRequired)\[)?([A-Za-z_][\w.]*)\]?(?:\s*\|\s*None)?$/;

/** Each file's TypedDicts by name, found once per tree: every flow of a file may ask. */
const typedDictsOf = new WeakMap<object, Map<string, Node>>();

/** The file's TypedDicts by name: a class that extends `TypedDict`, or one of the file's classes that extends one. */
function fileTypedDicts(root: Node): Map<string, Node> {
  const known = typedDictsOf.get(root.tree);
  if (known) return known;
  const typedDicts = new Map<string, Node>();
  const classes = treeNodesOfType(root, 'class_definition');
  const bases = (c: Node): string[] =>
    kids(c.childForFieldName('superclasses') ?? c).flatMap((b) => (b.type === 'keyword_argument' ? [] : [lastName(b) ?? '']));
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of classes) {
      const name = c.childForFieldName('name')?.text;
      if (name === undefined || typedDicts.has(name) || !bases(c).some((b) => b === 'TypedDict' || typedDicts.has(b))) continue;
      typedDicts.set(name, c);
      grew = true;
    }
  }
  typedDictsOf.set(root.tree, typedDicts);
  return typedDicts;
}

const sameScope = (node: Node, scope: Node | undefined): boolean => enclosingFunction(node)?.id === scope?.id;

/** A parameter's name, and whether it collects keyword arguments (`**kwargs`). */
function parameterName(p: Node): { name: string; keywords: boolean } | undefined {
  if (p.type === 'identifier') return { name: p.text, keywords: false };
  if (p.type === 'dictionary_splat_pattern') {
    const id = kids(p)[0];
    return id?.type === 'identifier' ? { name: id.text, keywords: true } : undefined;
  }
  if (p.type === 'typed_parameter') {
    const id = kids(p)[0];
    // `**options: Unpack[CreateOptions]`
    if (id?.type === 'dictionary_splat_pattern') return parameterName(id);
    return id?.type === 'identifier' ? { name: id.text, keywords: false } : undefined;
  }
  const name = p.childForFieldName('name');
  return name?.type === 'identifier' ? { name: name.text, keywords: false } : undefined;
}

/**
 * The strings a loop around `id` gives it: `for id in ("a", "b"):`, or a module's collection of
 * strings (`for id in _OPTIONS:` with `_OPTIONS = ("a", "b")`). None for any other loop.
 */
export function loopStrings(id: Node): Node[] {
  for (let n = id.parent; n && n.type !== 'function_definition'; n = n.parent) {
    if (n.type !== 'for_statement' || n.childForFieldName('left')?.text !== id.text) continue;
    let over = n.childForFieldName('right');
    if (over?.type === 'identifier') over = assignedBefore(n, over.text)?.childForFieldName('right') ?? null;
    if (!over || !['tuple', 'list', 'set'].includes(over.type)) return [];
    const items = kids(over);
    return items.every((s) => s.type === 'string') ? items : [];
  }
  return [];
}

/**
 * The last assignment of `name` before `at` in the blocks around it, innermost first, up to its
 * function, or else at the module's top: `keys = ["top_p", "user"]` before `for key in keys:`.
 */
function assignedBefore(at: Node, name: string): Node | undefined {
  const assignedIn = (block: Node, before: number): Node | undefined =>
    kids(block)
      .filter((st) => st.type === 'expression_statement' && st.startIndex < before)
      .map((st) => kids(st)[0])
      .filter((a) => a?.type === 'assignment' && a.childForFieldName('left')?.text === name)
      .pop();
  for (let n = at.parent; n && n.type !== 'module'; n = n.parent) {
    if (n.type === 'block') {
      const found = assignedIn(n, at.startIndex);
      if (found) return found;
    }
    if (n.type === 'function_definition') break;
  }
  return assignedIn(rootOf(at), Number.POSITIVE_INFINITY);
}

/**
 * The parameter of a lambda around `id` (inside its function) that `id` names, with the name the
 * lambda is handed over or stored by (`attempt=lambda body: …`, `attempt = lambda body: …`).
 */
function lambdaParameter(id: Node): { holder: string; name: string; position: number } | undefined {
  for (let n = id.parent; n && n.type !== 'function_definition'; n = n.parent) {
    if (n.type !== 'lambda') continue;
    const position = kids(n.childForFieldName('parameters') ?? n).findIndex((p) => parameterName(p)?.name === id.text);
    if (position < 0) continue;
    const site = n.parent;
    const holder =
      site?.type === 'keyword_argument'
        ? site.childForFieldName('name')
        : site?.type === 'assignment' && site.childForFieldName('right')?.id === n.id
          ? site.childForFieldName('left')
          : undefined;
    return holder?.type === 'identifier' ? { holder: holder.text, name: id.text, position } : undefined;
  }
  return undefined;
}

/** Whether an assignment gives `name` a value: `name = …`, or `_, name = …`. */
function assigns(a: Node, name: string): boolean {
  const left = a.childForFieldName('left');
  if (left?.type === 'pattern_list' || left?.type === 'tuple_pattern')
    return kids(left).some((k) => k.type === 'identifier' && k.text === name);
  return left?.text === name;
}

/**
 * The keys `value` (what `**value` spreads, or `json=value` sends) holds: followed through the file
 * (see the header). `handOffs`, when given, gets the calls of functions of other modules the value
 * is built from (`build_params(…)` imported, `self.handler.build(…)`).
 */
export function flowKeys(value: Node, handOffs?: ReturnHandOff[]): FlowKey[] {
  const root = rootOf(value);
  const out: FlowKey[] = [];
  const seen = new Set<number>();

  const add = (name: string | undefined, at: Node): void => {
    if (name === undefined) return;
    const writer = enclosingFunction(at)?.childForFieldName('name')?.text;
    const sent = sentStrings(writtenValue(at));
    out.push({ name, line: pos(at).line, ...(writer !== undefined ? { symbol: writer } : {}), ...(sent ? { sent } : {}) });
  };

  /**
   * The keys a TypedDict of the file declares, for a name annotated with it (`gen: GenOptions`,
   * `self._gen: Provider.GenOptions = {}`, `**options: Unpack[GenOptions]`, `Optional[…]`): what a
   * dict typed so may hold, each where it is declared. The keys it inherits from another of the
   * file's TypedDicts count too.
   */
  const declaredKeys = (type: Node | null | undefined, depth: number): void => {
    const written = type ? TYPED_NAME.exec(type.text.trim())?.[1] : undefined;
    if (written === undefined || depth > MAX_DEPTH) return;
    const cls = fileTypedDicts(root).get(written.slice(written.lastIndexOf('.') + 1));
    if (!cls) return;
    for (const base of kids(cls.childForFieldName('superclasses') ?? cls))
      if (base.type !== 'keyword_argument') declaredKeys(base, depth + 1);
    for (const st of kids(cls.childForFieldName('body') ?? cls)) {
      const field = st.type === 'expression_statement' ? kids(st)[0] : undefined;
      const name = field?.type === 'assignment' && field.childForFieldName('type') ? field.childForFieldName('left') : undefined;
      if (name?.type === 'identifier') add(name.text, field!);
    }
  };

  /** The statements and expressions of a scope (a function's own, or the module's), not of the functions in it. */
  const inScope = (scope: Node | undefined, types: string[]): Node[] =>
    (scope ?? root).descendantsOfType(types).filter((n): n is Node => n !== null && sameScope(n, scope));

  /** The keys a scope writes into `name` after it is made: `x["k"] = …`, `x.update(…)`, `x.setdefault("k", …)`, `x |= {…}`. */
  const writes = (name: string, scope: Node | undefined, depth: number): void => {
    for (const n of inScope(scope, ['assignment', 'augmented_assignment', 'call'])) {
      if (n.type === 'call') {
        const callee = n.childForFieldName('function');
        if (callee?.type !== 'attribute' || callee.childForFieldName('object')?.text !== name) {
          // `prepare(kwargs)` as a statement of its own: made for what it does to what it is given.
          const statement = n.parent?.type === 'await' ? n.parent.parent : n.parent;
          if (statement?.type === 'expression_statement') handedTo(n, name, depth);
          continue;
        }
        const method = callee.childForFieldName('attribute')?.text;
        const args = kids(n.childForFieldName('arguments') ?? n);
        if (method === 'setdefault') add(stringValue(args[0]), n);
        else if (method === 'update') for (const a of args) argumentKeys(a, scope, depth + 1);
        continue;
      }
      const left = n.childForFieldName('left');
      const right = n.childForFieldName('right');
      // `_, kwargs = handle_tools(model, kwargs)`: the element of what the function returns in that place.
      if ((left?.type === 'pattern_list' || left?.type === 'tuple_pattern') && right?.type === 'call') {
        const place = kids(left).findIndex((k) => k.type === 'identifier' && k.text === name);
        const callee = right.childForFieldName('function');
        const called = lastName(callee);
        if (place < 0 || called === undefined) continue;
        if (functionsNamed(root, called).length > 0) returnedElement(called, place, depth);
        // A function of another module (`_, kwargs = encode.build(…)`): what it returns, where that module writes it.
        else if (handOffs && callee) {
          const written = calleeWritten(callee, right);
          if (written !== undefined) handOffs.push({ callee: written, line: pos(right).line });
        }
        continue;
      }
      if (left?.type === 'subscript' && left.childForFieldName('value')?.text === name) {
        const key = left.childForFieldName('subscript');
        // `for option in ("temperature", "top_p"): kwargs[option] = …`: each name the loop gives.
        if (key?.type === 'identifier') for (const s of loopStrings(key)) add(stringValue(s), s);
        else add(stringValue(key), n);
      } else if (left?.type === 'identifier' && left.text === name && right) keys(right, scope, depth + 1);
    }
  };

  /** An `update(…)` argument: a dict (or anything that holds one), or `k=v`. */
  const argumentKeys = (a: Node, scope: Node | undefined, depth: number): void => {
    if (a.type === 'keyword_argument') add(a.childForFieldName('name')?.text, a);
    else if (a.type === 'dictionary_splat') {
      const inner = kids(a)[0];
      if (inner) keys(inner, scope, depth);
    } else keys(a, scope, depth);
  };

  /** The keys a function of the file writes into its parameter that a call gives `name` (`mutate(kwargs)`). */
  const handedTo = (call: Node, name: string, depth: number): void => {
    const args = kids(call.childForFieldName('arguments') ?? call);
    const index = args.findIndex((a) => a.type === 'identifier' && a.text === name);
    const called = lastName(call.childForFieldName('function'));
    if (index < 0 || called === undefined || depth > MAX_DEPTH) return;
    const fns = functionsNamed(root, called);
    // A function of another module (`apply_options(payload, opts)` imported): the keys it writes
    // into that parameter, where that module writes them (module facts `returned` with `arg`).
    if (fns.length === 0 && handOffs) {
      const callee = call.childForFieldName('function');
      const written = callee ? calleeWritten(callee, call) : undefined;
      if (written !== undefined) handOffs.push({ callee: written, line: pos(call).line, arg: index });
      return;
    }
    if (fns.length === 0 || fns.length > MAX_DEFINITIONS) return;
    const onAttribute = call.childForFieldName('function')?.type === 'attribute';
    for (const fn of fns) {
      const params = kids(fn.childForFieldName('parameters') ?? fn).map(parameterName);
      const selfFirst = params[0] && /^(self|cls)$/.test(params[0].name);
      const param = params[index + (selfFirst && onAttribute ? 1 : 0)];
      if (param && !param.keywords) writes(param.name, fn, depth + 1);
    }
  };

  /** The element in place `place` of what the file's functions named `name` return as a tuple (`return model, kwargs`). */
  const returnedElement = (name: string, place: number, depth: number): void => {
    const fns = functionsNamed(root, name);
    if (fns.length === 0 || fns.length > MAX_DEFINITIONS || depth > MAX_DEPTH) return;
    for (const fn of fns)
      for (const r of inScope(fn, ['return_statement'])) {
        const value = kids(r)[0];
        const items = value?.type === 'expression_list' || value?.type === 'tuple' ? kids(value) : undefined;
        const item = items?.[place];
        if (item) keys(item, fn, depth + 1);
      }
  };

  /**
   * The call a function is being read for, while it is: what it returns from a parameter is what
   * that call gives it, not what every call of it does (`self._clean(params)` shared by the chat and
   * the Responses builders returns each its own keys).
   */
  const readFor = new Map<number, Node>();

  /** What the file's definitions of a function named `name` return; `site`, the call read, when there is one. */
  const returned = (name: string, depth: number, site?: Node): void => {
    const fns = functionsNamed(root, name);
    if (fns.length === 0 || fns.length > MAX_DEFINITIONS) return;
    for (const fn of fns) {
      if (site) readFor.set(fn.id, site);
      for (const r of inScope(fn, ['return_statement'])) {
        const value = kids(r)[0];
        if (value) keys(value, fn, depth + 1);
      }
      readFor.delete(fn.id);
    }
  };

  /** What the file's calls of `fn` pass for its parameter `param` (its position, or the keywords `**param` collects). */
  const passed = (fn: Node, param: { name: string; keywords: boolean }, position: number, depth: number): void => {
    let name = fn.childForFieldName('name')?.text;
    // A class's `__init__` is called by the class's name: `LLMStream(self, extra_kwargs=extra)`.
    const constructed = name === '__init__' ? enclosingClass(fn) : undefined;
    if (constructed) name = constructed.childForFieldName('name')?.text;
    const sites = name === undefined ? [] : callsNamed(root, name);
    if (sites.length > MAX_CALL_SITES) return;
    for (const site of sites) given(fn, site, param, position, depth, constructed !== undefined);
  };

  /** What one call of `fn` (`site`) passes for its parameter `param` (its position, or the keywords `**param` collects). */
  const given = (
    fn: Node,
    site: Node,
    param: { name: string; keywords: boolean },
    position: number,
    depth: number,
    constructed = false,
  ): void => {
    const params = kids(fn.childForFieldName('parameters') ?? fn).map(parameterName);
    const selfFirst = params[0] && /^(self|cls)$/.test(params[0].name);
    const scope = enclosingFunction(site);
    const args = kids(site.childForFieldName('arguments') ?? site);
    const onAttribute = constructed || site.childForFieldName('function')?.type === 'attribute';
    if (param.keywords) {
      const named = new Set(params.flatMap((p) => (p && !p.keywords ? [p.name] : [])));
      for (const a of args) {
        if (a.type === 'keyword_argument' && !named.has(a.childForFieldName('name')?.text ?? '')) add(a.childForFieldName('name')?.text, a);
        else if (a.type === 'dictionary_splat') argumentKeys(a, scope, depth + 1);
      }
      return;
    }
    const value = argumentFor(args, param.name, position - (selfFirst && onAttribute ? 1 : 0));
    if (value) keys(value, scope, depth + 1);
  };

  /**
   * What a callback's parameter receives: the callback is a lambda handed over by keyword or assigned
   * to a name (`attempt=lambda body: self._post(body)`), so the file's calls of that name
   * (`attempt(request)`) pass it, by position or by keyword.
   */
  const passedToCallback = (callback: { holder: string; name: string; position: number }, depth: number): void => {
    const sites = callsNamed(root, callback.holder);
    if (sites.length > MAX_CALL_SITES) return;
    for (const site of sites) {
      const args = kids(site.childForFieldName('arguments') ?? site);
      const given = argumentFor(args, callback.name, callback.position);
      if (given) keys(given, enclosingFunction(site), depth + 1);
    }
  };

  /**
   * What attribute `attr` of the object `e` holds, when the object is built in the file with it as a
   * keyword (`Params(create_args=args)`, a dataclass, a NamedTuple, a model): the call itself, what a
   * function of the file returns, or a variable assigned either.
   */
  const attributeKeys = (e: Node, attr: string, scope: Node | undefined, depth: number): void => {
    if (depth > MAX_DEPTH || attr === '') return;
    if (e.type === 'identifier') {
      for (const a of inScope(scope, ['assignment'])) {
        const right = a.childForFieldName('right');
        if (a.childForFieldName('left')?.text === e.text && right) attributeKeys(right, attr, scope, depth + 1);
      }
      return;
    }
    if (e.type === 'await') {
      const inner = kids(e)[0];
      if (inner) attributeKeys(inner, attr, scope, depth + 1);
      return;
    }
    if (e.type !== 'call') return;
    const given = argumentFor(kids(e.childForFieldName('arguments') ?? e), attr, -1);
    if (given) return keys(given, scope, depth + 1);
    const fns = functionsNamed(root, lastName(e.childForFieldName('function')) ?? '');
    if (fns.length > MAX_DEFINITIONS) return;
    for (const fn of fns)
      for (const r of inScope(fn, ['return_statement'])) {
        const value = kids(r)[0];
        if (value) attributeKeys(value, attr, fn, depth + 1);
      }
  };

  /** What the methods of the class around `at` assign `self.<attr>`. */
  const selfWrites = (at: Node, attr: string, depth: number): void => {
    const cls = enclosingClass(at);
    if (!cls) return;
    for (const a of cls.descendantsOfType('assignment')) {
      const left = a?.childForFieldName('left');
      const right = a?.childForFieldName('right');
      if (!a || !right || left?.type !== 'attribute' || left.childForFieldName('attribute')?.text !== attr) continue;
      if (!/^(self|cls)$/.test(left.childForFieldName('object')?.text ?? '') || enclosingClass(a)?.id !== cls.id) continue;
      keys(right, enclosingFunction(a), depth + 1);
      // What the annotation declares after what is written: a key written is located where it is.
      declaredKeys(a.childForFieldName('type'), depth + 1);
    }
  };

  /** `name` in `scope`: a parameter of a function around it (the calls' arguments), or a variable (its assignments). */
  const nameKeys = (name: string, scope: Node | undefined, depth: number): void => {
    for (let fn = scope; fn; fn = enclosingFunction(fn)) {
      const params = kids(fn.childForFieldName('parameters') ?? fn);
      const position = params.findIndex((p) => parameterName(p)?.name === name);
      if (position >= 0) {
        const site = readFor.get(fn.id);
        if (site) given(fn, site, parameterName(params[position]!)!, position, depth);
        else passed(fn, parameterName(params[position]!)!, position, depth);
        writes(name, fn, depth);
        declaredKeys(params[position]!.childForFieldName('type'), depth + 1);
        return;
      }
      const assigned = inScope(fn, ['assignment']).filter((a) => assigns(a, name));
      if (assigned.length > 0) {
        writes(name, fn, depth);
        for (const a of assigned) declaredKeys(a.childForFieldName('type'), depth + 1);
        return;
      }
    }
    writes(name, undefined, depth);
  };

  const keys = (e: Node, scope: Node | undefined, depth: number): void => {
    if (depth > MAX_DEPTH || seen.has(e.id)) return;
    seen.add(e.id);
    switch (e.type) {
      case 'dictionary':
        for (const item of kids(e)) {
          if (item.type === 'pair') add(stringValue(item.childForFieldName('key')), item);
          else if (item.type === 'dictionary_splat') argumentKeys(item, scope, depth + 1);
        }
        return;
      case 'parenthesized_expression':
      case 'await':
        for (const k of kids(e)) keys(k, scope, depth + 1);
        return;
      case 'conditional_expression': {
        const [a, , b] = kids(e);
        if (a) keys(a, scope, depth + 1);
        if (b) keys(b, scope, depth + 1);
        return;
      }
      case 'boolean_operator':
        for (const side of [e.childForFieldName('left'), e.childForFieldName('right')]) if (side) keys(side, scope, depth + 1);
        return;
      case 'dictionary_comprehension': {
        // `{k: v for k, v in params.items() if v is not None}`: some of `params`' keys.
        const source = kids(e)
          .find((k) => k.type === 'for_in_clause')
          ?.childForFieldName('right');
        const callee = source?.type === 'call' ? source.childForFieldName('function') : undefined;
        const object =
          callee?.type === 'attribute' && callee.childForFieldName('attribute')?.text === 'items'
            ? callee.childForFieldName('object')
            : undefined;
        if (object) keys(object, scope, depth + 1);
        return;
      }
      case 'identifier': {
        const callback = lambdaParameter(e);
        return callback ? passedToCallback(callback, depth) : nameKeys(e.text, scope, depth);
      }
      case 'attribute': {
        const object = e.childForFieldName('object');
        const attr = e.childForFieldName('attribute')?.text ?? '';
        // `self._default_params`: a property of the file's classes; `self._extra_kwargs`: what the
        // class's methods give it (`self._extra_kwargs = extra_kwargs` in `__init__`).
        if (/^(self|cls)$/.test(object?.text ?? '')) {
          returned(attr, depth);
          selfWrites(e, attr, depth);
        }
        // `params.create_args` after `params = self._build(…)`, which returns `Params(create_args=args)`.
        else if (object) attributeKeys(object, attr, scope, depth + 1);
        return;
      }
      case 'call': {
        const callee = e.childForFieldName('function');
        const name = lastName(callee);
        const args = kids(e.childForFieldName('arguments') ?? e);
        // `dict(base, k=v)`, `payload.copy()`, `copy.deepcopy(payload)`: the same keys.
        if (name === 'dict') for (const a of args) argumentKeys(a, scope, depth + 1);
        else if (name === 'copy' && callee?.type === 'attribute' && args.length === 0) {
          const object = callee.childForFieldName('object');
          if (object) keys(object, scope, depth + 1);
        } else if (name === 'deepcopy' && args[0]) keys(args[0], scope, depth + 1);
        // The body as bytes: `json.dumps(payload).encode()`, `orjson.dumps(payload)`.
        else if (name === 'encode' && callee?.type === 'attribute') {
          const object = callee.childForFieldName('object');
          if (object) keys(object, scope, depth + 1);
        } else if (name === 'dumps' && args[0]) keys(args[0], scope, depth + 1);
        // A TypedDict made of a dict (`CreateKwargs({"model": m})`): the dict's keys.
        else if (name !== undefined && /^[A-Z]/.test(name) && args.length === 1 && args[0]!.type === 'dictionary')
          keys(args[0]!, scope, depth + 1);
        else if (name !== undefined) {
          if (handOffs && callee && functionsNamed(root, name).length === 0) {
            const written = calleeWritten(callee, e);
            if (written !== undefined) handOffs.push({ callee: written, line: pos(e).line });
          }
          returned(name, depth, e);
        }
        return;
      }
      default:
    }
  };

  keys(value, enclosingFunction(value), 0);
  const unique = new Map<string, FlowKey>();
  for (const k of out) if (!unique.has(k.name)) unique.set(k.name, k);
  return [...unique.values()];
}

/**
 * What the module's functions and methods return that holds a request's keys (module facts
 * `returned`): the keys in `known` (some endpoint's parameters) their returns hold, followed through
 * the module as a call's request is, each at its first line, for a function that `buildsRequest`.
 * `quoted` (global, the key its group) is tried on a function's text first: most functions write
 * none of those keys as strings, or only a `model`.
 */
export function returnedKeys(
  functionNodes: readonly Node[],
  source: string,
  known: ReadonlySet<string>,
  quoted: RegExp,
): NonNullable<ModuleFacts['returned']> {
  const out: NonNullable<ModuleFacts['returned']> = [];
  for (const fn of functionNodes) {
    // The module's text, not the node's: reading a node's text copies it out of the parser.
    const text = source.slice(fn.startIndex, fn.endIndex);
    if (!text.includes('return') || !buildsRequest(matchedNames(text, quoted))) continue;
    const name = callableName(fn);
    if (!name) continue;
    const keys = firstWrites(returnedFlowKeys(fn), (key) => known.has(key));
    if (buildsRequest(keys.map((k) => k.name))) out.push({ name, keys: keys.map(keyEntry) });
  }
  // `def apply_options(payload, opts): payload["temperature"] = opts.t`: the keys a function writes
  // into a parameter, for the calls of other modules that hand it a request.
  for (const fn of functionNodes) {
    const text = source.slice(fn.startIndex, fn.endIndex);
    if (!PARAM_WRITE.test(text)) continue;
    const name = callableName(fn);
    if (!name) continue;
    const params = kids(fn.childForFieldName('parameters') ?? fn).map(parameterName);
    const own = params[0] && /^(self|cls)$/.test(params[0].name) ? params.slice(1) : params;
    own.forEach((param, arg) => {
      if (!param || param.keywords) return;
      const keys = firstWrites(paramWrites(fn, param.name), (key) => known.has(key));
      if (buildsRequest(keys.map((k) => k.name))) out.push({ name, arg, keys: keys.map(keyEntry) });
    });
  }
  return out;
}

/** `x["k"] = …`, `x.setdefault("k", …)`: a function that may write keys into what it is given. */
const PARAM_WRITE = /\w\s*\[\s*["'][^"'\n]+["']\s*\]\s*=[^=]|\.setdefault\(/;

/** The keys `fn` writes into its parameter `name` (`name["k"] = …`, `name.setdefault("k", …)`), outside the functions in it. */
function paramWrites(fn: Node, name: string): { name: string; line: number }[] {
  const out: { name: string; line: number }[] = [];
  for (const n of fn.descendantsOfType(['assignment', 'call'])) {
    if (!n || !sameScope(n, fn)) continue;
    if (n.type === 'assignment') {
      const left = n.childForFieldName('left');
      if (left?.type === 'subscript' && left.childForFieldName('value')?.text === name) {
        const key = stringValue(left.childForFieldName('subscript'));
        if (key !== undefined) out.push({ name: key, line: pos(n).line });
      }
      continue;
    }
    const callee = n.childForFieldName('function');
    if (
      callee?.type === 'attribute' &&
      callee.childForFieldName('object')?.text === name &&
      callee.childForFieldName('attribute')?.text === 'setdefault'
    ) {
      const key = stringValue(kids(n.childForFieldName('arguments') ?? n)[0]);
      if (key !== undefined) out.push({ name: key, line: pos(n).line });
    }
  }
  return out;
}

/** The keys what `fn` returns holds (its own `return`s, not those of the functions inside it), followed as a call's request is. */
export function returnedFlowKeys(fn: Node): FlowKey[] {
  return fn.descendantsOfType('return_statement').flatMap((r) => {
    const value = r && sameScope(r, fn) ? kids(r)[0] : undefined;
    if (!value) return [];
    // `return messages, kwargs`: a caller of another module takes one element apart, which one is
    // not known here; the request's keys are those of the element that holds them.
    const items = value.type === 'expression_list' || value.type === 'tuple' ? kids(value) : [value];
    return items.flatMap((item) => flowKeys(item));
  });
}

/** The value written where a key is: a pair's, a keyword's, an assignment's. */
function writtenValue(at: Node): Node | null | undefined {
  if (at.type === 'pair' || at.type === 'keyword_argument') return at.childForFieldName('value');
  if (at.type === 'assignment') return at.childForFieldName('right');
  return undefined;
}

/** The strings a value written for a key is: one (`"auto"`) or a list of them (`["a", "b"]`); undefined for anything else. */
export function sentStrings(value: Node | null | undefined): string[] | undefined {
  if (!value) return undefined;
  if (value.type === 'string') {
    const s = stringValue(value);
    return s === undefined ? undefined : [s];
  }
  if (value.type === 'identifier') return heldStrings(value);
  if (value.type !== 'list' && value.type !== 'tuple') return undefined;
  const items = kids(value).map((k) => (k.type === 'string' ? stringValue(k) : undefined));
  return items.length > 0 && items.every((t) => t !== undefined) ? (items as string[]) : undefined;
}

/**
 * `include=include` with the function around it writing the list: `include = ["a.b"]`, then
 * `include.append("c.d")`, `include.extend([…])`, `include += […]`. Every string so written, when
 * each write is of strings.
 */
function heldStrings(name: Node): string[] | undefined {
  const scope = enclosingFunction(name) ?? rootOf(name);
  const out: string[] = [];
  const take = (value: Node | null | undefined): boolean => {
    const strings = value && value.type !== 'identifier' ? sentStrings(value) : undefined;
    if (value && (value.type === 'list' || value.type === 'tuple') && kids(value).filter((k) => k.isNamed).length === 0) return true;
    if (!strings) return false;
    out.push(...strings);
    return true;
  };
  for (const n of scope.descendantsOfType(['assignment', 'augmented_assignment', 'call'])) {
    if (!n || n.startIndex >= name.startIndex) continue;
    if (n.type === 'call') {
      const callee = n.childForFieldName('function');
      const method = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : undefined;
      if ((method !== 'append' && method !== 'extend') || callee!.childForFieldName('object')?.text !== name.text) continue;
      if (!take(kids(n.childForFieldName('arguments') ?? n).filter((k) => k.isNamed)[0])) return undefined;
    } else if (n.childForFieldName('left')?.text === name.text && !take(n.childForFieldName('right'))) return undefined;
  }
  return out.length > 0 ? [...new Set(out)] : undefined;
}
