/**
 * Python → facts, from a tree-sitter tree. A string counts where the code says it is an event type;
 * class names are recorded as written (`className`) with the module's imports and declarations, and
 * the workspace pass resolves them through bindings (bindings.ts, assign-items.ts), so this file
 * never needs to know the others.
 */
import type { Node, Tree } from 'web-tree-sitter';
import {
  type Candidates,
  isEventLiteral,
  isTypePrefix,
  isTypeSubject,
  isWeakLiteral,
  NAMED_FOR_EVENT,
  PREFIX_CHECK,
  TYPE_SUBJECT,
  typesByMethodName,
} from '../candidates.js';
import { alternation } from '../prefilter.js';
import type { CodeFactKind } from '../facts.js';
import { FactSink, type FileContext, type FileFacts } from '../fact-sink.js';
import { classFacts } from './python-classes.js';
import { fieldsForFact, type DeclaredFields } from '../declared-fields.js';
import { baseNodes, declaredFieldsIn } from './python-fields.js';
import {
  clientCallFact,
  comparedPath,
  dispatchedRouteFact,
  mountFact,
  requestBuilderFact,
  RouteScope,
  returnedPaths,
  routeFacts,
} from './python-routes.js';
import { bodyReaders } from './body-keys.js';
import { type FlowKey, flowKeys, returnedKeys } from './sent-flow.js';
import { paramsTypeOf, pathOfUrl, sentBodyKeys } from '../client-path.js';
import { embeddedTraceTypes, sseEventTypes } from '../trace/trace-facts.js';
import { constantRanges } from './constant-names.js';
import { keepEventConstants } from '../module-facts.js';
import {
  type Callee,
  calleeOf,
  enclosingFunction,
  firstSyntaxError,
  functionsNamed,
  isClassName,
  kids,
  lastName,
  paramName,
  pos,
  noteWalked,
  oncePerTree,
  rootOf,
  stringValue,
  writtenName,
} from './syntax.js';

/**
 * The node types the passes read: the facts pass's own, then the imports, the decorated
 * definitions (routes) and the classes and functions the others look up. One walk of the tree
 * finds them all: each walk costs about as much as a parse's tree walk, whatever it looks for.
 */
const WALKED = [
  'class_definition',
  'function_definition',
  'string',
  'call',
  'class_pattern',
  'import_statement',
  'import_from_statement',
  'decorated_definition',
];

/** The head of an f-string (any prefix with an `f`): its holes are code. */
const F_STRING = /^[a-eg-zA-EG-Z]*[fF]/;

/**
 * Pydantic's constructors without validation (`ResponseCreatedEvent.model_construct(…)`, v1's
 * `.construct(…)`): a constructor call of the class they are called on. Not `model_validate` and
 * its kin: those parse what came in as often as they build what goes out.
 */
const BUILDERS = new Set(['model_construct', 'construct']);

/** Calls whose string argument is an event being sent (`send_event("response.created", …)`). */
const EMIT_CALL = /(send|emit|yield|publish|push|write|put|enqueue|dispatch|sse|stream|event)/i;
/** Calls whose string argument subscribes to an event (`bus.on("response.created", fn)`). */
const LISTEN_CALL = /^(on|once|add_listener|add_handler|subscribe|register|listen|handles?|on_event)$/i;

export function pythonFacts(tree: Tree, ctx: FileContext): FileFacts {
  const sink = new FactSink(ctx);
  const root = tree.rootNode;
  const bad = firstSyntaxError(root);
  if (bad) {
    const p = pos(bad);
    const what = bad.isMissing
      ? `a missing ${JSON.stringify(bad.type)}`
      : `unexpected ${JSON.stringify(bad.text.split('\n')[0]!.slice(0, 40))}`;
    sink.warn(p.line, p.column, `Found a Python syntax error (${what}), expected valid Python; the rest of the file was still analyzed`);
  }
  // The nodes facts come from, in document order, from one call into the parser: walking every
  // node from JavaScript crossed into WebAssembly for each of them. A node's type is one more
  // crossing, so it is read once.
  const nodes: Node[] = [];
  const types: string[] = [];
  for (const node of root.descendantsOfType(WALKED)) {
    if (!node) continue;
    nodes.push(node);
    types.push(node.type);
  }
  noteWalked(tree, nodes, types, WALKED);
  mergeConstantRefs(root, nodes, types);
  const ofType = (...wanted: string[]): Node[] => nodes.filter((_, i) => wanted.includes(types[i]!));
  const renamed = collectModuleFacts(root, ofType('import_statement', 'import_from_statement'), sink);
  const text = root.text;
  const paths = [...(MODULE_PATH.test(text) ? pathConstants(root) : []), ...returnedPaths(root, text)];
  if (paths.length) sink.module.pathConstants = paths;
  // Only for recognising roots such as `BaseModel` under another local name; facts keep the name
  // as written and the workspace pass resolves it through the module graph.
  const resolve = (name: string | undefined): string | undefined => (name === undefined ? undefined : (renamed.get(name) ?? name));
  const routes = new RouteScope(root, () => ofType('function_definition'));
  routeFacts(ofType('decorated_definition'), routes, sink);
  const readers = bodyReaders(ofType('function_definition'), routes.functions);
  if (readers.length) sink.module.bodyReaders = readers;
  const { known, quoted } = requestKeys(ctx.candidates);
  // A test file builds no request another module sends.
  const returned = known.size > 0 && !ctx.isTest ? returnedKeys(ofType('function_definition'), text, known, quoted) : [];
  if (returned.length) sink.module.returned = returned;
  // Cheap first, on the file's text: most files annotate no parameter with a request model's name.
  if (REQUEST_ANNOTATION.test(text)) for (const fn of ofType('function_definition')) typedRequestReads(fn, sink);
  // Declared fields (definitions carry them) are worked out once per file, when first asked for.
  let fieldsByClass: Map<number, DeclaredFields> | undefined;
  const declared = (cls: Node): DeclaredFields | undefined => {
    fieldsByClass ??= declaredFieldsIn(ofType('class_definition'), resolve);
    return fieldsByClass.get(cls.id);
  };

  // The enclosing symbol is the innermost function or class body a node starts in. Nodes inside a
  // string (its interpolations) and in a class's header (its name and bases, which classFacts
  // reads) are skipped by range.
  const scopes: { end: number; name: string }[] = [];
  let skipUntil = -1;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const start = node.startIndex;
    if (start < skipUntil) continue;
    while (scopes.length > 0 && start >= scopes.at(-1)!.end) scopes.pop();
    const symbol = scopes.at(-1)?.name ?? '<module>';
    switch (types[i]) {
      case 'decorated_definition': {
        // A decorator belongs to what it decorates: the types in `@pytest.mark.parametrize(…)`
        // are that test's, not the module's. The scope ends where the definition starts, which
        // then opens its own.
        const definition = node.childForFieldName('definition');
        const name = definition?.childForFieldName('name')?.text;
        if (definition && name) scopes.push({ end: definition.startIndex, name });
        break;
      }
      case 'class_definition': {
        const name = node.childForFieldName('name')?.text ?? '<class>';
        classFacts(node, name, sink, resolve, declared);
        const body = node.childForFieldName('body');
        skipUntil = body ? body.startIndex : node.endIndex;
        if (body) scopes.push({ end: body.endIndex, name });
        break;
      }
      case 'function_definition': {
        const name = node.childForFieldName('name');
        scopes.push({ end: node.endIndex, name: name?.text ?? '<function>' });
        if (name) requestBuilderFact(node, name, sink);
        const named = name ? namedForEvent(name.text, ctx.candidates) : undefined;
        if (name && named)
          sink.add({
            kind: 'handler',
            symbol: name.text,
            literal: named.type,
            namedBy: named.prefix,
            evidence: NAMED_FOR_EVENT,
            ...pos(name),
          });
        break;
      }
      case 'string': {
        const value = stringValue(node);
        // A recorded event inside a string (a test's golden stream): a trace line. One split over
        // several literals Python joins (`'data: {"type": "response.completed", '` then `'"usage": …}'`)
        // is read whole, at its first part.
        // Most strings hold no JSON: the parent (a call into WebAssembly) is asked only of one that may.
        const parts = value?.includes('{') && node.parent?.type === 'concatenated_string' ? kids(node.parent) : undefined;
        const recorded = parts ? (parts[0]?.id === node.id ? parts.map((p) => stringValue(p) ?? '').join('') : '') : value;
        for (const type of embeddedTraceTypes(recorded ?? '')) {
          if (isEventLiteral(type, ctx.candidates))
            sink.add({ kind: 'literal', symbol, literal: type, evidence: 'trace line in a string', ...pos(node) });
        }
        const prefixed = value !== undefined ? prefixCheck(node, value, ctx.candidates) : undefined;
        if (prefixed) sink.add({ kind: 'handler', symbol, literal: value, ...prefixed, evidence: PREFIX_CHECK, ...pos(node) });
        else if (value !== undefined && isEventLiteral(value, ctx.candidates)) literalFact(node, value, symbol, sink, declared);
        else if (value !== undefined && ctx.candidates.objectByValue.has(value))
          objectFact(node, ctx.candidates.objectByValue.get(value)!, symbol, sink, declared);
        else if ((value?.startsWith('/') || value?.startsWith('^')) && comparedPath(node))
          dispatchedRouteFact(node, symbol, routes.functions, sink);
        if (value === 'response.create') websocketFrameFact(node, symbol, sink);
        // A stream framed by hand (`f"event: response.created\ndata: {payload}\n\n"`) emits the
        // events its `event:` lines name; a comparison with such a line reads them instead. An
        // undotted type (`event: error`) is every streaming API's: another vendor's stream is no evidence.
        // A plain string's value is its text; only an f-string's is read again, holes and all.
        const framed = sseEventTypes(value ?? literalText(node));
        // Compared or looked for (`if "event: response.completed" in line:`, `line.startswith(…)`, a
        // test's `assert "event: …" in body`), the line is sought in a stream read: its events are handled.
        const compared = node.parent?.type === 'comparison_operator' || isSearchedFor(node);
        for (const type of framed)
          if (isEventLiteral(type, ctx.candidates) && !isWeakLiteral(type))
            sink.add({
              kind: compared ? 'handler' : 'emitter',
              symbol,
              literal: type,
              evidence: compared ? 'SSE event line compared' : 'SSE event line in a string',
              ...pos(node),
            });
        // An f-string's holes are code (`f"data: {json.dumps({'type': 'response.created'})}\n\n"`):
        // the walk goes on into them. Any other string holds nothing more.
        if (value !== undefined || !F_STRING.test(node.text)) skipUntil = node.endIndex;
        break;
      }
      case 'call': {
        const callee = calleeOf(node);
        if (!callee) break;
        if (callee.written === 'getattr') {
          const prefix = nameDispatchPrefix(node);
          if (prefix !== undefined) {
            sink.module.nameDispatch ??= [];
            sink.module.nameDispatch.push(prefix);
          }
          routes.bindGetattr(node);
        }
        callFacts(node, callee, symbol, sink);
        builtRequestFact(node, callee, symbol, sink);
        clientCallFact(node, callee, symbol, routes, sink);
        mountFact(node, callee, sink);
        break;
      }
      case CONSTANT_REF: {
        // `Literal[Events.RESPONSE_CREATED]`, `type=RESPONSE_CREATED`, `e.type == Events.ERROR`: a
        // constant in a place that says it is a type. Its value is known only once the workspace's
        // modules are joined (it may be declared in another file): the fact names it as written.
        literalFact(node, { constant: ownClassConstant(node, node.text.replace(/\.value$/, '')) }, symbol, sink, declared);
        break;
      }
      case 'class_pattern': {
        // `case ResponseCreatedEvent():` in a `match` over events handles that class's event.
        const cls = kids(node).find((k) => k.type === 'dotted_name')?.text;
        if (cls && isClassName(cls)) sink.add({ kind: 'handler', symbol, className: cls, evidence: 'match class pattern', ...pos(node) });
        break;
      }
    }
  }
  if (!ctx.isTest) sdkReferenceFacts(root, sink);
  keepEventConstants(sink.module);
  return sink.result();
}

/**
 * An SDK class read through a module or package it imported (`import openai.types.responses as
 * rt` then `rt.ResponseCreatedEvent`; `from openai.types import responses` then
 * `responses.ResponseCreatedEvent`): a definition by reference, as an import of the class by name
 * is one by import. The first reference per name as written; the workspace pass keeps it only
 * where the name resolves into the SDK. Test files import the SDK's classes to test them, as with
 * imports by name: not a definition.
 */
function sdkReferenceFacts(root: Node, sink: FactSink): void {
  const pattern = qualifiedSdkName(sink.ctx.candidates);
  if (!pattern) return;
  const text = root.text;
  const seen = new Set<string>();
  for (const m of text.matchAll(pattern)) {
    if (seen.has(m[0])) continue;
    const node = root.descendantForIndex(m.index, m.index + m[0].length);
    // Inside a string or a comment the text is no code: the tree says what it is. A `case
    // rt.ResponseCreatedEvent():` pattern spells it as a dotted name.
    if (!node || node.startIndex !== m.index || node.endIndex !== m.index + m[0].length) continue;
    if (node.type !== 'attribute' && !(node.type === 'dotted_name' && node.parent?.type === 'class_pattern')) continue;
    seen.add(m[0]);
    sink.add({ kind: 'definition', symbol: m[0], className: m[0], evidence: `reference to ${m[0]}`, ...pos(node) });
  }
}

const qualifiedPatterns = new WeakMap<Candidates, RegExp | null>();

/** `a.b.Name` for the SDK's class names, whole (not part of a longer dotted name); null when there are none. */
function qualifiedSdkName(candidates: Candidates): RegExp | null {
  let re = qualifiedPatterns.get(candidates);
  if (re === undefined) {
    re =
      candidates.typeByClass.size > 0
        ? new RegExp(String.raw`(?<![\w.])(?:[A-Za-z_]\w*\.)+(?:${alternation(candidates.typeByClass.keys())})(?![\w])`, 'g')
        : null;
    qualifiedPatterns.set(candidates, re);
  }
  return re;
}

/**
 * `etype.startswith("response.reasoning")`, or one of a tuple of prefixes: a check that handles
 * every event type starting with the string (see isTypePrefix), narrowed by an `endswith` of the
 * same subject joined to it by `and` (`and etype.endswith(".delta")`).
 */
function prefixCheck(node: Node, value: string, candidates: Candidates): { prefix: true; suffix?: string } | undefined {
  const list = node.parent?.type === 'tuple' ? node.parent.parent : node.parent;
  const call = list?.type === 'argument_list' ? list.parent : null;
  const subject = call ? stringMethodOn(call, 'startswith') : undefined;
  if (!call || subject === undefined || !isTypeSubject(subject) || !isTypePrefix(value, candidates)) return undefined;
  let top = call;
  while (top.parent && (top.parent.type === 'parenthesized_expression' || isAnd(top.parent))) top = top.parent;
  const operands: Node[] = [];
  const collect = (n: Node): void => {
    if (n.type === 'parenthesized_expression') for (const k of kids(n)) collect(k);
    else if (isAnd(n)) for (const side of [n.childForFieldName('left'), n.childForFieldName('right')]) side && collect(side);
    else operands.push(n);
  };
  collect(top);
  for (const n of operands) {
    if (n.type !== 'call' || stringMethodOn(n, 'endswith') !== subject) continue;
    const arg = kids(n.childForFieldName('arguments') ?? n).find((k) => k.type === 'string');
    const suffix = arg && stringValue(arg);
    if (suffix !== undefined) return { prefix: true, suffix };
  }
  return { prefix: true };
}

/** `on_response_created`: the type a function's name ends with, past a prefix of word characters. */
function namedForEvent(name: string, candidates: Candidates): { type: string; prefix: string } | undefined {
  const types = typesByMethodName(candidates);
  if (types.size === 0) return undefined;
  // The type's name starts the name or follows an underscore (`on_`, `_handle_`).
  for (let at = 0; at < name.length; at++) {
    if (at > 0 && name.charCodeAt(at - 1) !== 95 /* _ */) continue;
    const type = types.get(name.slice(at));
    if (type !== undefined) return { type, prefix: name.slice(0, at) };
  }
  return undefined;
}

/**
 * `getattr(self, "on_" + event.type.replace(".", "_"))`, `getattr(h, f"handle_{etype.replace('.', '_')}", None)`,
 * `getattr(self, event.type.replace(".", "_"))`: a call of the method named after the event's type.
 * The text before the type's name (`on_`, `handle_`, empty); undefined for any other getattr.
 */
function nameDispatchPrefix(call: Node): string | undefined {
  const name = kids(call.childForFieldName('arguments') ?? call)[1];
  if (!name) return undefined;
  const word = (prefix: string | undefined) => (prefix !== undefined && /^\w*$/.test(prefix) ? prefix : undefined);
  if (isTypeToName(name)) return '';
  if (name.type === 'binary_operator' && name.childForFieldName('operator')?.text === '+')
    return isTypeToName(name.childForFieldName('right')) ? word(stringValue(name.childForFieldName('left'))) : undefined;
  if (name.type !== 'string') return undefined;
  // An f-string whose one hole, at its end, is the type's name.
  const parts = kids(name);
  const holes = parts.filter((p) => p.type === 'interpolation');
  const hole = holes.length === 1 ? holes[0]! : undefined;
  const at = hole ? parts.indexOf(hole) : -1;
  if (!hole || !isTypeToName(kids(hole)[0]) || parts.slice(at + 1).some((p) => p.type === 'string_content')) return undefined;
  return word(
    parts
      .slice(0, at)
      .filter((p) => p.type === 'string_content')
      .map((p) => p.text)
      .join(''),
  );
}

/** `event.type.replace(".", "_")`: a type turned into the name a dispatch by name calls. */
function isTypeToName(node: Node | null | undefined): boolean {
  if (node?.type !== 'call') return false;
  const subject = stringMethodOn(node, 'replace');
  if (subject === undefined || !isTypeSubject(subject)) return false;
  const [from, to] = kids(node.childForFieldName('arguments') ?? node).map((a) => stringValue(a));
  return from === '.' && to === '_';
}

const isAnd = (n: Node): boolean => n.type === 'boolean_operator' && n.childForFieldName('operator')?.text === 'and';

/** The text of what `call` calls `method` on (`etype` of `etype.startswith(…)`), when it calls that method. */
function stringMethodOn(call: Node, method: string): string | undefined {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== method) return undefined;
  return fn.childForFieldName('object')?.text;
}

/** The role of an event-type string, read from where it stands. */
function literalFact(
  node: Node,
  value: string | { constant: string },
  symbol: string,
  sink: FactSink,
  declared: (cls: Node) => DeclaredFields | undefined,
): void {
  const at = pos(node);
  // A constant counts only where the code says it is a type, as an undotted literal does.
  const constant = typeof value === 'string' ? undefined : value.constant;
  const weak = constant !== undefined || isWeakLiteral(value as string);
  // A catalog's own events (an SDK's run-item names) are told apart by `name` as by `type`.
  const nameKeyed = constant === undefined && sink.ctx.candidates.nameKeyed.has(value as string);
  const named = constant !== undefined ? { constant } : { literal: value as string };
  /** `typed`: the code itself says this string is a type (see isWeakLiteral). */
  const add = (
    kind: CodeFactKind,
    typed: boolean,
    evidence: string,
    className?: string,
    fields: { fields?: string[]; dottedOnly?: true } = {},
  ): void => {
    if (weak && !typed) return;
    sink.add({ kind, symbol, ...named, ...at, evidence, ...(className ? { className } : {}), ...fields });
  };
  // A constant where only a dotted type is an event's (a dispatch table's key, an SSE message's `event`).
  const dottedOnlyIfConstant: { dottedOnly?: true } = constant !== undefined ? { dottedOnly: true } : {};
  const standing = whereItStands(node);
  if (standing === 'subscript') {
    // `HANDLERS["response.created"] = on_created`: a dispatch table filled one key at a time.
    const sub = node.parent;
    const assigned = sub?.type === 'subscript' && sub.childForFieldName('subscript')?.id === node.id ? sub.parent : undefined;
    const value =
      assigned?.type === 'assignment' && assigned.childForFieldName('left')?.id === sub!.id
        ? assigned.childForFieldName('right')
        : undefined;
    if (value && DISPATCH_VALUES.has(value.type))
      return add('handler', constant !== undefined, 'dispatch dict key', undefined, dottedOnlyIfConstant);
    return add('literal', false, 'subscript');
  }
  const { parent, child } = standing;
  if (!parent) return add('literal', false, 'bare string');
  switch (parent.type) {
    case 'assignment': {
      // `type: Literal["x"] = "x"` in a class body: the class defines the event.
      const left = parent.childForFieldName('left');
      if ((left?.text === 'type' || (left?.text === 'name' && nameKeyed)) && isClassBody(parent)) {
        const annotated = parent.childForFieldName('type');
        const evidence = `${annotated && child.id === annotated.id ? 'Literal' : 'default of'} ${left!.text} field`;
        return add('definition', true, evidence, undefined, fieldsForFact(declared(classOfBody(parent))));
      }
      const right = child.id === parent.childForFieldName('right')?.id;
      const name = typeof value === 'string' && right ? constantName(parent) : undefined;
      // Judged at the end of the file, by what else its holder holds (keepEventConstants).
      if (name !== undefined) {
        sink.module.constants ??= [];
        sink.module.constants.push([name, value as string]);
      }
      // `TERMINAL = {Events.COMPLETED, Events.FAILED}`: a collection of constants, read where each is declared.
      const collection =
        constant !== undefined && right && child.type !== 'identifier' && child.type !== 'attribute' ? constantName(parent) : undefined;
      if (collection !== undefined) addConstantSet(sink, collection, constant!);
      const through = constant === undefined && right && child.type === 'string' ? typedThrough(parent) : undefined;
      if (through) return add('emitter', true, `type of ${through}`);
      // `status_events = ("response.completed", …)` in a function that asks `if event.type in status_events`.
      const checked = constant === undefined && right && child.type !== 'string' ? typeCheckedName(parent) : undefined;
      if (checked) return add('handler', false, `type checked in ${checked}`);
      return add('literal', false, 'assignment');
    }
    case 'pair': {
      const key = parent.childForFieldName('key');
      if (key && key.id === child.id) {
        // A dispatch table maps event types to what handles them; any other dict key is only data.
        const v = parent.childForFieldName('value');
        // A constant key (`{Events.CREATED: on_created}`) counts when it holds a dotted type.
        if (v && DISPATCH_VALUES.has(v.type))
          return add('handler', constant !== undefined, 'dispatch dict key', undefined, dottedOnlyIfConstant);
        // `labels = {"response.completed": ("Done", "complete"), …}` in a function that asks
        // `if event.type in labels`: a table of what each type shows, each key a type handled.
        const dict = parent.parent;
        const checked =
          constant === undefined && dict?.type === 'dictionary' && dict.parent?.type === 'assignment'
            ? typeCheckedName(dict.parent, dict)
            : undefined;
        if (checked) return add('handler', false, `type checked in ${checked}`);
        // `STATUS = {"response.completed": …}` at the module's top: its keys, where it is checked (`in STATUS`).
        const table =
          constant === undefined &&
          dict?.type === 'dictionary' &&
          dict.parent?.type === 'assignment' &&
          dict.parent.childForFieldName('right')?.id === dict.id
            ? constantName(dict.parent)
            : undefined;
        if (table !== undefined) {
          sink.module.constants ??= [];
          sink.module.constants.push([table, value as string]);
        }
        return add('literal', false, 'dict key');
      }
      // `name` says which event only beside a `type` (`{"type": "run_item_stream_event", "name": …}`): alone it is any name.
      const namedEvent =
        stringValue(key) === 'name' &&
        nameKeyed &&
        kids(parent.parent ?? parent).some((k) => k.type === 'pair' && stringValue(k.childForFieldName('key')) === 'type');
      if (stringValue(key) === 'type' || namedEvent)
        return insideCase(parent)
          ? add('handler', true, `case pattern on ${stringValue(key)}`)
          : add('emitter', true, `${stringValue(key)} key in dict`, undefined, dictKeys(parent.parent));
      // An SSE message as sse-starlette and others take one: `{"event": "response.created", "data": …}`.
      // An undotted name (`error`) is every streaming API's, as in an `event:` line.
      if (
        stringValue(key) === 'event' &&
        !insideCase(parent) &&
        hasSibling(parent.parent, 'pair', (k) => stringValue(k.childForFieldName('key')) === 'data')
      )
        return add('emitter', constant !== undefined, 'event of an SSE message', undefined, dottedOnlyIfConstant);
      // `ev = {"completed": "response.completed", …}[status]`, then `{"type": ev, …}`.
      const table = parent.parent;
      const picked =
        table?.parent?.type === 'subscript' && table.parent.childForFieldName('value')?.id === table.id ? table.parent : undefined;
      const through = constant === undefined && picked?.parent?.type === 'assignment' ? typedThrough(picked.parent, picked) : undefined;
      if (through) return add('emitter', true, `type of ${through}`);
      return add('literal', false, 'dict value');
    }
    case 'keyword_argument': {
      const keyword = parent.childForFieldName('name')?.text;
      const call = parent.parent?.parent;
      const callee = call?.type === 'call' ? writtenName(call.childForFieldName('function')) : undefined;
      // `ServerSentEvent(event="response.created", data=…)`, `dict(event=…, data=…)`: an SSE message.
      if (keyword === 'event' && hasSibling(parent.parent, 'keyword_argument', (k) => k.childForFieldName('name')?.text === 'data'))
        return add('emitter', constant !== undefined, 'event of an SSE message', undefined, dottedOnlyIfConstant);
      // `name=` says which event only when a class is built (`RunItemStreamEvent(name=…)`), not in any call.
      if (keyword !== 'type' && !(keyword === 'name' && nameKeyed && callee !== undefined && isClassName(callee))) {
        if (call?.type === 'call' && typesTheEvent(call, parent))
          return add('emitter', true, `argument of ${callee}() that types the event`);
        return add('literal', false, 'keyword argument');
      }
      // An undotted type (`StreamChunk(type="error", error=…)`) carries the keywords it is built
      // with, for the mapping to tell the stream's event from a project's own chunk of that name.
      return add(
        'emitter',
        true,
        `${keyword}= keyword`,
        callee && callee !== 'dict' ? callee : undefined,
        weak ? keywordNames(parent.parent) : {},
      );
    }
    case 'comparison_operator': {
      // The other side names a type (a constant's own name, `Events.ERROR`, says nothing of it).
      const subject = kids(parent).find(
        (k) => k.type !== 'string' && (constant === undefined || k.id !== child.id) && TYPE_SUBJECT.test(k.text),
      );
      // `if event_type == "error"` beside `== "ping"`, `== "message_start"`: another API's stream.
      if (
        subject &&
        constant === undefined &&
        isWeakLiteral(value as string) &&
        anotherVocabulary(parent, subject.text, sink.ctx.candidates)
      )
        return add('literal', false, 'comparison with another API’s type');
      // `etype in ("response.failed", "error")`: an undotted type checked in one collection with a
      // dotted type of the spec's, on the same subject, is that API's own.
      const besideDotted =
        child.type !== 'string' &&
        kids(child).some((k) => {
          const v = stringValue(k);
          return v !== undefined && !isWeakLiteral(v) && isEventLiteral(v, sink.ctx.candidates);
        });
      // An undotted type in a written collection counts only beside a dotted one (`in ("ping", "error")`
      // is another API's stream, whatever its subject is called).
      const inCollection = child.type !== 'string' && constant === undefined && isWeakLiteral(value as string);
      return add('handler', inCollection ? besideDotted : subject !== undefined || besideDotted, 'comparison with type');
    }
    case 'case_clause':
    case 'case_pattern':
    case 'dictionary_pattern':
    case 'keyword_pattern':
    case 'class_pattern':
      return add('handler', TYPE_SUBJECT.test(matchSubject(parent)), 'case label');
    case 'yield':
      return add('emitter', false, 'yield');
    case 'argument_list': {
      const call = parent.parent;
      const callee = lastName(call?.childForFieldName('function'));
      if (callee && LISTEN_CALL.test(callee)) return add('handler', false, `${callee}() event name`);
      // An undotted type counts where the helper says it types the event (`_sse("error", …)`).
      if (callee && EMIT_CALL.test(callee))
        return add('emitter', weak && call !== null && typesTheEvent(call, child), `argument of ${callee}()`);
      // `_ev("response.created", seq=…)`, where `def _ev(type_, …)` builds `{"type": type_, …}`.
      if (call && typesTheEvent(call, child)) return add('emitter', true, `argument of ${callee}() that types the event`);
      return add('literal', false, 'call argument');
    }
    case 'for_statement': {
      // `for ev in ("response.created", "response.in_progress"):`, or a pair of each type and what
      // goes with it (`for ev, status in (("response.created", "in_progress"), …):`), then `type=ev`.
      const written = child.id === parent.childForFieldName('right')?.id;
      const name = constant === undefined && written ? loopNameOf(parent, child, node) : undefined;
      if (name !== undefined && typedNamesIn(enclosingFunction(parent) ?? rootOf(parent)).has(name))
        return add('emitter', true, `type of ${name}`);
      return insideCase(parent) ? add('handler', TYPE_SUBJECT.test(matchSubject(parent)), 'case label') : add('literal', false, 'string');
    }
    case 'conditional_expression': {
      // `ev = "response.completed" if ok else "response.incomplete"`, then `type=ev` or `_ev(ev, …)`.
      const branch = kids(parent)[1]?.id !== child.id;
      let choice = parent;
      while (choice.parent?.type === 'parenthesized_expression') choice = choice.parent;
      const through =
        constant === undefined && branch && choice.parent?.type === 'assignment' ? typedThrough(choice.parent, choice) : undefined;
      if (through) return add('emitter', true, `type of ${through}`);
      // `_ev("response.incomplete" if cut else "response.completed", …)`: the helper types either.
      const call = choice.parent?.type === 'argument_list' ? choice.parent.parent : null;
      if (constant === undefined && branch && call && typesTheEvent(call, choice)) {
        const callee = lastName(call.childForFieldName('function'));
        return add('emitter', true, `argument of ${callee}() that types the event`);
      }
      // Either handed to a helper named for what it does (`self._emit(rid, "a" if ok else "b", …)`),
      // in place or through a local name: as a type written there is (only a dotted one counts).
      const callee = call ? lastName(call.childForFieldName('function')) : undefined;
      if (constant === undefined && branch && callee && EMIT_CALL.test(callee)) return add('emitter', false, `argument of ${callee}()`);
      const emitted =
        constant === undefined && branch && choice.parent?.type === 'assignment' ? emittedThrough(choice.parent, choice) : undefined;
      if (emitted) return add('emitter', false, `argument of ${emitted}()`);
      return insideCase(parent) ? add('handler', TYPE_SUBJECT.test(matchSubject(parent)), 'case label') : add('literal', false, 'string');
    }
    default:
      return insideCase(parent) ? add('handler', TYPE_SUBJECT.test(matchSubject(parent)), 'case label') : add('literal', false, 'string');
  }
}

/**
 * The local name an assignment gives a type (`ev = …`, its right side `value`), when the function it
 * is written in, or the module, builds an event of that type with it (`type=ev`, `{"type": ev}`).
 */
function typedThrough(assignment: Node, value?: Node): string | undefined {
  const left = assignment.childForFieldName('left');
  if (left?.type !== 'identifier' || (value && assignment.childForFieldName('right')?.id !== value.id)) return undefined;
  return typedNamesIn(enclosingFunction(assignment) ?? rootOf(assignment)).has(left.text) ? left.text : undefined;
}

/**
 * The helper named for what it does (EMIT_CALL) that the function an assignment is written in hands
 * the name it assigns (`et = …`, then `self._emit(rid, et, payload)`); undefined when it hands it none.
 */
function emittedThrough(assignment: Node, value: Node): string | undefined {
  const left = assignment.childForFieldName('left');
  if (left?.type !== 'identifier' || assignment.childForFieldName('right')?.id !== value.id) return undefined;
  const scope = enclosingFunction(assignment) ?? rootOf(assignment);
  for (const call of scope.descendantsOfType('call')) {
    const callee = call ? lastName(call.childForFieldName('function')) : undefined;
    if (!callee || !EMIT_CALL.test(callee)) continue;
    const args = call!.childForFieldName('arguments');
    if (args?.type === 'argument_list' && kids(args).some((a) => a.type === 'identifier' && a.text === left.text)) return callee;
  }
  return undefined;
}

/**
 * The loop name a string of a loop's written collection is bound to: the loop's one name for an
 * element of the collection, or the name at the string's place for an element of an element
 * (`for ev, status in (("response.created", "in_progress"), …)`).
 */
function loopNameOf(loop: Node, collection: Node, str: Node): string | undefined {
  const left = loop.childForFieldName('left');
  const element = str.parent?.id === collection.id ? str : str.parent?.parent?.id === collection.id ? str.parent : undefined;
  if (!left || !element) return undefined;
  if (element.id === str.id) return left.type === 'identifier' ? left.text : undefined;
  if (!/^(?:pattern_list|tuple_pattern|list_pattern)$/.test(left.type) || !/^(?:tuple|list)$/.test(element.type)) return undefined;
  const names = kids(left).filter((k) => k.isNamed);
  const at = kids(element)
    .filter((k) => k.isNamed)
    .findIndex((k) => k.id === str.id);
  const name = names[at];
  return name?.type === 'identifier' && names.length === kids(element).filter((k) => k.isNamed).length ? name.text : undefined;
}

/** The names a function (or the module) gives as an event's type (typingNames), found once per scope. */
function typedNamesIn(scope: Node): ReadonlySet<string> {
  return oncePerNode(typeNames, scope, () => {
    const names = new Set(typingNames(scope));
    // `_ev(name, …)` of a helper of the module that types the event it is given.
    for (const call of scope.descendantsOfType('call')) {
      const args = call?.childForFieldName('arguments');
      if (!call || args?.type !== 'argument_list') continue;
      for (const arg of kids(args)) {
        const given = arg.type === 'keyword_argument' ? arg.childForFieldName('value') : arg;
        if (given?.type === 'identifier' && !names.has(given.text) && typesTheEvent(call, arg)) names.add(given.text);
      }
    }
    return names;
  });
}

/** A value worked out once per node: a node's wrapper is made anew on each access, so nodes are known by their tree and id. */
function oncePerNode<T>(memo: WeakMap<Node['tree'], Map<number, T>>, node: Node, compute: () => T): T {
  return oncePerTree(memo, node.tree, node.id, compute);
}

/**
 * Whether `arg` of `call` is what a function of this file, by the call's name, gives as an event's
 * type: the parameter it fills is the value of a `type=` keyword or a `"type":` key in the function
 * (`def _ev(type_, **fields): payload = {"type": type_, …}`), or stands after `event:` in an SSE
 * line it writes (`f"event: {name}\n"`). A helper named for what it does (`send_event`) is known by
 * its name already; one named `_ev` or `_frame` only so.
 */
function typesTheEvent(call: Node, arg: Node): boolean {
  const name = lastName(call.childForFieldName('function'));
  if (name === undefined) return false;
  const fns = functionsNamed(call, name);
  if (fns.length === 0 || fns.length > 3) return false;
  const args = kids(call.childForFieldName('arguments') ?? call);
  const keyword = arg.type === 'keyword_argument' ? arg.childForFieldName('name')?.text : undefined;
  const position = keyword === undefined ? args.filter((a) => a.type !== 'keyword_argument').findIndex((a) => a.id === arg.id) : -1;
  const onAttribute = call.childForFieldName('function')?.type === 'attribute';
  return fns.some((fn) => {
    const params = kids(fn.childForFieldName('parameters') ?? fn).map(paramName);
    const selfFirst = onAttribute && /^(self|cls)$/.test(params[0] ?? '');
    const param = keyword ?? params[position + (selfFirst ? 1 : 0)];
    return param !== undefined && params.includes(param) && typingNames(fn).has(param);
  });
}

/** The names a function gives as an event's type (`type=x`, `"type": x`) or writes after `event:` in an SSE line; once per function. */
function typingNames(fn: Node): ReadonlySet<string> {
  return oncePerNode(directTypeNames, fn, () => directTypingNames(fn));
}

const directTypeNames = new WeakMap<Node['tree'], Map<number, ReadonlySet<string>>>();

function directTypingNames(fn: Node): Set<string> {
  const names = new Set<string>();
  for (const n of fn.descendantsOfType(['keyword_argument', 'pair', 'interpolation'])) {
    if (!n) continue;
    if (n.type === 'interpolation') {
      const expr = kids(n)[0];
      const before = n.previousSibling;
      if (expr?.type === 'identifier' && before?.type === 'string_content' && /event:[ \t]*$/.test(before.text)) names.add(expr.text);
      continue;
    }
    const key = n.type === 'pair' ? stringValue(n.childForFieldName('key')) : n.childForFieldName('name')?.text;
    const given = n.childForFieldName('value');
    if (key === 'type' && given?.type === 'identifier') names.add(given.text);
  }
  return names;
}

/** The keys a request builder writes (client-path.ts `sentBodyKeys`), and a test for one written as a dict's key: once per run's candidates. */
function requestKeys(candidates: Candidates): { known: ReadonlySet<string>; quoted: RegExp } {
  let found = requestKeysOf.get(candidates);
  if (!found) {
    const known = sentBodyKeys(candidates.sdkCalls);
    // Written as a dict's key (`"model": …`) or set on one (`params["model"] = …`), not read (`.get("model")`).
    found = { known, quoted: new RegExp(`["'](${alternation(known)})["']\\s*(?::|\\]\\s*=[^=])`, 'g') };
    requestKeysOf.set(candidates, found);
  }
  return found;
}

const requestKeysOf = new WeakMap<Candidates, { known: ReadonlySet<string>; quoted: RegExp }>();

/** Per scope (a function, or a module), the names it gives as an event's type: computed once each. */
const typeNames = new WeakMap<Node['tree'], Map<number, ReadonlySet<string>>>();

const CONSTANT_NODES = new Set(['attribute', 'identifier', 'dotted_name']);

/** The walk's name for a constant that may hold an event type (see mergeConstantRefs). */
const CONSTANT_REF = 'constant reference';

/**
 * Adds the constants written in code (found in the text, then located in the tree) to the walk's
 * nodes, in document order. A walk of every name and attribute node would cost several times the
 * nodes the walk reads; a constant is rare and its spelling distinctive.
 */
function mergeConstantRefs(root: Node, nodes: Node[], types: string[]): void {
  const found: Node[] = [];
  for (const [start, end] of constantRanges(root.text)) {
    const node = root.descendantForIndex(start, end);
    // Inside a string or a comment the text is no code: the tree says what it is. A `case
    // Events.DONE:` pattern spells it as a dotted name.
    if (node && CONSTANT_NODES.has(node.type) && node.startIndex === start && node.endIndex === end) found.push(node);
  }
  if (found.length === 0) return;
  const merged: Node[] = [];
  const mergedTypes: string[] = [];
  let j = 0;
  for (let i = 0; i < nodes.length; i++) {
    while (j < found.length && found[j]!.startIndex < nodes[i]!.startIndex) {
      merged.push(found[j++]!);
      mergedTypes.push(CONSTANT_REF);
    }
    merged.push(nodes[i]!);
    mergedTypes.push(types[i]!);
  }
  for (; j < found.length; j++) {
    merged.push(found[j]!);
    mergedTypes.push(CONSTANT_REF);
  }
  nodes.splice(0, nodes.length, ...merged);
  types.splice(0, types.length, ...mergedTypes);
}

/**
 * The name a module-level assignment of a string gives it (`RESPONSE_CREATED = "…"`), or a
 * member of a module-level class gives it (`Events.RESPONSE_CREATED`, an `Enum`'s member or a
 * plain holder's): what other code may write instead of the string.
 */
function constantName(assignment: Node): string | undefined {
  const left = assignment.childForFieldName('left');
  if (left?.type !== 'identifier') return undefined;
  const stmt = assignment.parent;
  if (stmt?.type === 'expression_statement' && stmt.parent?.type === 'module') return left.text;
  if (!isClassBody(assignment)) return undefined;
  const name = moduleClassName(classOfBody(assignment));
  return name ? `${name}.${left.text}` : undefined;
}

/** The name of a class declared at the module's top (decorated or not); undefined for any other. */
function moduleClassName(cls: Node): string | undefined {
  const at = cls.parent?.type === 'decorated_definition' ? cls.parent.parent : cls.parent;
  return at?.type === 'module' ? cls.childForFieldName('name')?.text : undefined;
}

/**
 * What a string stands in, past the containers that do not change its role (`in ("a", "b")`,
 * `Literal["a", "b"]`, `case "a" | "b"`), and the node it stands there as; `subscript` when it is
 * a key read from something (`payload["error"]`: a subscript is a container only as `Literal[...]`).
 */
function whereItStands(node: Node): { parent: Node | null; child: Node } | 'subscript' {
  let parent = node.parent;
  let child: Node = node;
  for (;;) {
    while (parent && CONTAINERS.has(parent.type)) {
      if (parent.type === 'subscript' && !/(^|\.)Literal$/.test(parent.childForFieldName('value')?.text ?? '')) return 'subscript';
      child = parent;
      parent = parent.parent;
    }
    // `frozenset({"a", "b"})`: the collection made from a written one holds the same strings.
    const call = parent?.type === 'argument_list' && parent.namedChildCount === 1 && child.type !== 'string' ? parent.parent : null;
    if (call?.type !== 'call' || !COLLECTION_CALLS.has(call.childForFieldName('function')?.text ?? '')) return { parent, child };
    child = call;
    parent = call.parent;
  }
}

/**
 * An API object's string (`response`) as a class's `object` field (`object: Literal["response"] =
 * "response"`): the class declares that object. Anywhere else it is only a word.
 */
function objectFact(node: Node, object: string, symbol: string, sink: FactSink, declared: (cls: Node) => DeclaredFields | undefined): void {
  const standing = whereItStands(node);
  if (standing === 'subscript') return;
  const { parent, child } = standing;
  if (parent?.type !== 'assignment' || parent.childForFieldName('left')?.text !== 'object' || !isClassBody(parent)) return;
  const annotated = parent.childForFieldName('type');
  sink.add({
    kind: 'definition',
    symbol,
    object,
    evidence: `${annotated && child.id === annotated.id ? 'Literal' : 'default of'} object field`,
    ...pos(node),
    ...fieldsForFact(declared(classOfBody(parent))),
  });
}

/** The keys of a dict literal when all are plain strings (no `**splat`): what an emitted event carries. */
const VIEW_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);
/** Django's decorators that name the methods a view serves: `@require_POST`, `@require_http_methods(["GET", "POST"])`, DRF's `@api_view(["POST"])`. */
const REQUIRE = /^@\s*(?:[\w.]*\.)?(?:require_(GET|POST|safe)\b|(?:require_http_methods|api_view)\s*\(\s*[[(]([^\])]*)[\])])/;

/** The HTTP methods a Django view says it serves: by a decorator of a function, by the handler methods of a class. */
function viewMethods(stmt: Node, def: Node): string[] {
  if (def.type === 'function_definition') {
    if (stmt.type !== 'decorated_definition') return [];
    for (const dec of kids(stmt)) {
      if (dec.type !== 'decorator') continue;
      const m = REQUIRE.exec(dec.text);
      if (!m) continue;
      if (m[1]) return [m[1] === 'safe' ? 'GET' : m[1]];
      return [...m[2]!.matchAll(/["'](\w+)["']/g)].map((x) => x[1]!.toUpperCase());
    }
    return [];
  }
  const body = def.childForFieldName('body');
  const methods: string[] = [];
  for (const k of body ? kids(body) : []) {
    const fn = k.type === 'decorated_definition' ? k.childForFieldName('definition') : k;
    const name = fn?.type === 'function_definition' ? fn.childForFieldName('name')?.text : undefined;
    if (name && VIEW_METHODS.has(name)) methods.push(name.toUpperCase());
  }
  return methods;
}

/** Whether `holder` (a dict, an argument list) has a child of `type` that `test` accepts. */
function hasSibling(holder: Node | null, type: string, test: (k: Node) => boolean): boolean {
  return holder !== null && kids(holder).some((k) => k.type === type && test(k));
}

/** The keywords a call is given, when it is given nothing else (a `**` spread or a positional hides what it builds). */
function keywordNames(args: Node | null): { fields?: string[] } {
  if (args?.type !== 'argument_list') return {};
  const names: string[] = [];
  for (const a of kids(args)) {
    if (a.type === 'comment') continue;
    const name = a.type === 'keyword_argument' ? a.childForFieldName('name')?.text : undefined;
    if (name === undefined) return {};
    names.push(name);
  }
  return { fields: names };
}

function dictKeys(dict: Node | null): { fields?: string[] } {
  if (dict?.type !== 'dictionary') return {};
  const keys: string[] = [];
  for (const k of kids(dict)) {
    if (k.type === 'comment') continue;
    const v = k.type === 'pair' ? stringValue(k.childForFieldName('key')) : undefined;
    if (v === undefined) return {};
    keys.push(v);
  }
  return { fields: keys };
}

const CONTAINERS = new Set([
  'tuple',
  'list',
  'set',
  'parenthesized_expression',
  'type',
  'subscript',
  'generic_type',
  'type_parameter',
  'union_pattern',
  'union_type',
]);
/** Builtins that make a collection of the one written inside them. */
const COLLECTION_CALLS = new Set(['frozenset', 'set', 'tuple', 'list']);
/** Values that make a dict a dispatch table: a function, method or class reference, or a lambda. */
const DISPATCH_VALUES = new Set(['identifier', 'attribute', 'lambda']);

/** The text of the `match` subject a case belongs to (`event.type`), or ''. */
function matchSubject(node: Node): string {
  for (let n: Node | null = node; n; n = n.parent) {
    if (n.type === 'match_statement') return n.childForFieldName('subject')?.text ?? kids(n)[0]?.text ?? '';
    if (n.type === 'function_definition') return '';
  }
  return '';
}

function isClassBody(assignment: Node): boolean {
  const stmt = assignment.parent;
  return stmt?.type === 'expression_statement' && stmt.parent?.type === 'block' && stmt.parent.parent?.type === 'class_definition';
}

/**
 * Whether what a function compares `subject` with is another API's vocabulary: some string that is
 * no event type of the model, and no dotted one that is. An undotted type (`error`) compared there is
 * that API's (an Anthropic stream's `error` beside its `ping` and `message_start`).
 */
function anotherVocabulary(comparison: Node, subject: string, candidates: Candidates): boolean {
  const scope = enclosingFunction(comparison) ?? rootOf(comparison);
  let foreign = false;
  for (const c of scope.descendantsOfType('comparison_operator')) {
    const [a, b] = c ? kids(c) : [];
    const other = a?.text === subject ? b : b?.text === subject ? a : undefined;
    const value = other?.type === 'string' ? stringValue(other) : undefined;
    if (value === undefined || value === '') continue;
    const event = isEventLiteral(value, candidates);
    if (event && !isWeakLiteral(value)) return false;
    if (!event) foreign = true;
  }
  return foreign;
}

/**
 * The local name an assignment in a function gives a collection (its right side `value`), when the
 * function checks a type against it: `if event.type in status_events`, `if kind not in done`, with
 * a subject that names a type (TYPE_SUBJECT). A module's collection is a constant, read where it
 * is checked (constantRanges).
 */
function typeCheckedName(assignment: Node, value?: Node): string | undefined {
  const left = assignment.childForFieldName('left');
  if (left?.type !== 'identifier' || (value && assignment.childForFieldName('right')?.id !== value.id)) return undefined;
  const scope = enclosingFunction(assignment);
  if (!scope) return undefined;
  const name = left.text;
  for (const c of scope.descendantsOfType('comparison_operator')) {
    const [a, b] = c ? kids(c) : [];
    if (!a || b?.type !== 'identifier' || b.text !== name || a.type === 'string' || !TYPE_SUBJECT.test(a.text)) continue;
    const operator = c!.text.slice(a.endIndex - c!.startIndex, b.startIndex - c!.startIndex).trim();
    if (operator === 'in' || operator === 'not in') return name;
  }
  return undefined;
}

/** Adds one constant to the collection `name` holds, in the order written. */
function addConstantSet(sink: FactSink, name: string, constant: string): void {
  sink.module.constantSets ??= [];
  const held = sink.module.constantSets.find(([n]) => n === name);
  if (held) held[1].push(constant);
  else sink.module.constantSets.push([name, [constant]]);
}

/**
 * `self.TERMINAL` or `cls.TERMINAL` in a method: the constant of the method's class, written as
 * another module would write it (`Wrapper.TERMINAL`). Only a class at the module's top is named so;
 * any other constant stays as written.
 */
function ownClassConstant(node: Node, written: string): string {
  const m = /^(?:self|cls)\.([^.]+)$/.exec(written);
  if (!m) return written;
  for (let n = node.parent; n; n = n.parent) {
    if (n.type !== 'class_definition') continue;
    const name = moduleClassName(n);
    return name ? `${name}.${m[1]}` : written;
  }
  return written;
}

/** The class whose body holds an assignment that isClassBody accepted. */
function classOfBody(assignment: Node): Node {
  return assignment.parent!.parent!.parent!;
}

function insideCase(node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parent) {
    if (n.type === 'case_clause') return true;
    if (n.type === 'block' || n.type === 'function_definition') return false;
  }
  return false;
}

/**
 * `ResponseCreatedEvent(...)`: an emitter of whatever type the class defines (resolved later).
 * `isinstance(e, ResponseCreatedEvent)`: a handler. Only capitalised names: classes by convention.
 */
function callFacts(call: Node, callee: Callee, symbol: string, sink: FactSink): void {
  const name = callee.last;
  if (name === 'isinstance') {
    const args = call.childForFieldName('arguments');
    if (!args) return;
    const given = kids(args)[1];
    // `isinstance(event, TERMINAL)` with `TERMINAL = (ResponseCompletedEvent, ResponseFailedEvent)` in
    // the module: each class is checked here, at the name.
    const named = given?.type === 'identifier' ? moduleTuple(call, given.text) : undefined;
    const target = named ?? given;
    const classes = target ? classesIn(target) : [];
    for (const c of classes) {
      const cls = writtenName(c);
      if (cls && isClassName(cls))
        sink.add({ kind: 'handler', symbol, className: cls, evidence: 'isinstance check', ...pos(named ? given! : c) });
    }
    return;
  }
  // `type(event) is ResponseTextDeltaEvent`, `type(event) == …`: a handler as isinstance is.
  if (name === 'type' && !callee.attribute && call.parent?.type === 'comparison_operator') {
    const other = kids(call.parent).find((k) => k.id !== call.id);
    // `type(event) in (ResponseCompletedEvent, ResponseFailedEvent)`: each class of the tuple.
    for (const c of other ? classesIn(other) : []) {
      const cls = writtenName(c);
      if (cls && isClassName(cls)) sink.add({ kind: 'handler', symbol, className: cls, evidence: 'type check', ...pos(c) });
    }
    return;
  }
  const builder = callee.attribute && callee.last !== undefined && BUILDERS.has(callee.last);
  const cls = builder ? callee.written?.slice(0, callee.written.lastIndexOf('.')) : callee.written;
  if (!cls || !isClassName(cls)) return;
  const args = call.childForFieldName('arguments');
  if (!args) return;
  // A `type="…"` keyword (or `name="…"` of a catalog's event) already ties the call to its literal (see literalFact).
  const hasTypeKeyword = kids(args).some((a) => {
    if (a.type !== 'keyword_argument') return false;
    const key = a.childForFieldName('name')?.text;
    if (key === 'type') return true;
    const value = stringValue(a.childForFieldName('value'));
    return key === 'name' && value !== undefined && sink.ctx.candidates.nameKeyed.has(value);
  });
  if (!hasTypeKeyword) sink.add({ kind: 'emitter', symbol, className: cls, evidence: 'constructor call', ...pos(call) });
}

/** The tuple or union a module-level `NAME = (A, B)` or `NAME = A | B` assigns, when the module has one. */
function moduleTuple(node: Node, name: string): Node | undefined {
  for (const stmt of kids(rootOf(node))) {
    const a = stmt.type === 'expression_statement' ? kids(stmt)[0] : undefined;
    if (a?.type !== 'assignment' || a.childForFieldName('left')?.text !== name) continue;
    const right = a.childForFieldName('right');
    if (right?.type === 'tuple' || isUnion(right)) return right!;
  }
  return undefined;
}

/** `A | B` of classes (PEP 604), as `isinstance` takes it since Python 3.10. */
function isUnion(node: Node | null | undefined): boolean {
  return node?.type === 'binary_operator' && node.childForFieldName('operator')?.type === '|';
}

/** The classes a tuple `(A, B)`, a union `A | B` or one class names, each as written. */
function classesIn(node: Node): Node[] {
  if (node.type === 'tuple' || node.type === 'parenthesized_expression') return kids(node).flatMap(classesIn);
  if (isUnion(node)) return [node.childForFieldName('left'), node.childForFieldName('right')].flatMap((n) => (n ? classesIn(n) : []));
  return [node];
}

/**
 * Every import in the file, at any nesting (`try`/`except ImportError`, `if TYPE_CHECKING`, inside a
 * function), the names declared at module level, and `Y = X` aliases. Returns local → original
 * for `from m import X as Y`, so roots such as `BaseModel` are recognised under another name.
 */
function collectModuleFacts(root: Node, imports: readonly Node[], sink: FactSink): Map<string, string> {
  const module = sink.module;
  const renamed = new Map<string, string>();
  const declared = new Set<string>();
  for (const stmt of imports) {
    if (stmt.type === 'import_statement') {
      for (const n of stmt.childrenForFieldName('name')) {
        if (!n) continue;
        const at = pos(n);
        if (n.type === 'aliased_import') {
          const full = n.childForFieldName('name')?.text;
          const local = n.childForFieldName('alias')?.text;
          if (full && local) module.imports.push({ local, module: full, name: '*', ...at });
        } else {
          // `import a.b.c` binds `a`; attribute chains through it name the submodules.
          const head = n.text.split('.')[0]!;
          module.imports.push({ local: head, module: head, name: '*', ...at });
          if (n.text !== head) module.imports.push({ local: n.text, module: n.text, name: '*', ...at });
        }
      }
      continue;
    }
    const from = stmt.childForFieldName('module_name')?.text ?? '';
    // `from m import *` (no other import has a `*`): read off the text, not searched for in the tree.
    if (/\bimport\s*\*/.test(stmt.text)) {
      module.stars.push(from);
      continue;
    }
    for (const n of stmt.childrenForFieldName('name')) {
      if (!n) continue;
      if (n.type === 'aliased_import') {
        const original = n.childForFieldName('name')?.text;
        const local = n.childForFieldName('alias')?.text;
        if (original && local) {
          module.imports.push({ local, module: from, name: original, ...pos(n) });
          renamed.set(local, original.split('.').pop()!);
        }
      } else module.imports.push({ local: n.text, module: from, name: n.text, ...pos(n) });
    }
  }
  // Views say which methods they serve only in a file that uses Django or its REST framework.
  const django = module.imports.some((i) => /^(?:django|rest_framework)(?:\.|$)/.test(i.module));
  const visitBlock = (block: Node): void => {
    for (const stmt of kids(block)) {
      if (stmt.type === 'class_definition' || stmt.type === 'function_definition' || stmt.type === 'decorated_definition') {
        const def = stmt.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
        const name = def?.childForFieldName('name')?.text;
        if (!name) continue;
        declared.add(name);
        const methods = django && def ? viewMethods(stmt, def) : [];
        if (methods.length > 0) {
          module.views ??= [];
          module.views.push([name, methods]);
        }
        const bases = def?.type === 'class_definition' ? writtenBases(def) : [];
        if (bases.length > 0) {
          module.bases ??= [];
          module.bases.push([name, bases]);
        }
      } else if (stmt.type === 'expression_statement') {
        const a = kids(stmt)[0];
        if (a?.type !== 'assignment') continue;
        const left = a.childForFieldName('left');
        const right = a.childForFieldName('right');
        if (left?.type !== 'identifier') continue;
        declared.add(left.text);
        const target = right ? writtenName(right) : undefined;
        if (target && isClassName(left.text) && isClassName(target)) module.aliases.push([left.text, target]);
        const values = literalValues(right);
        if (values && isClassName(left.text)) {
          module.unions ??= [];
          module.unions.push([left.text, values]);
        }
        const members = isClassName(left.text) ? classUnion(right) : undefined;
        if (members) {
          module.variants ??= [];
          module.variants.push([left.text, members]);
        }
      } else if (
        [
          'if_statement',
          'try_statement',
          'with_statement',
          'else_clause',
          'except_clause',
          'finally_clause',
          'elif_clause',
          'block',
        ].includes(stmt.type)
      ) {
        // Module-level code under `if`/`try` still declares module names.
        visitBlock(stmt);
      }
    }
  };
  visitBlock(root);
  // Only class-like names are ever resolved (a class fact's name is capitalised); the rest would only bloat the cache.
  module.declared.push(...[...declared].filter(isClassName).sort());
  return renamed;
}

/** A class's bases as written (`Base`, `pkg.Base`); keyword arguments (`total=False`) and `Generic[T]` are not bases. */
function writtenBases(cls: Node): string[] {
  return baseNodes(cls).flatMap((b) => writtenName(b) ?? []);
}

/**
 * The values of a string-literal alias (`Includable: TypeAlias = Literal["a", "b"]`, `Order =
 * Literal["asc", "desc"]`, `Tier = Optional[Literal["auto", "flex"]]`): what a field typed with it
 * accepts, `None` aside. Anything else in the brackets (a `str`, another alias) leaves the set
 * open, so it is no such alias.
 */
function literalValues(right: Node | null | undefined): string[] | undefined {
  if (right?.type === 'binary_operator' && right.childForFieldName('operator')?.text === '|')
    return unionValues([right.childForFieldName('left'), right.childForFieldName('right')]);
  if (right?.type !== 'subscript') return undefined;
  const head = lastName(right.childForFieldName('value'));
  const items = right.childrenForFieldName('subscript').filter((n): n is Node => n !== null);
  if (head === 'Optional') return items.length === 1 ? literalValues(items[0]) : undefined;
  if (head === 'Union') return unionValues(items);
  if (head !== 'Literal') return undefined;
  const values = items.map(stringValue);
  return items.length > 0 && values.every((v) => v !== undefined) ? (values as string[]) : undefined;
}

/** `Union[Literal[…], None]`, `Literal[…] | Literal[…]`: every member a literal set or `None`, at least one a set. */
function unionValues(members: readonly (Node | null)[]): string[] | undefined {
  const values: string[] = [];
  let sets = 0;
  for (const m of members) {
    if (m?.type === 'none') continue;
    const own = literalValues(m);
    if (!own) return undefined;
    values.push(...own);
    sets++;
  }
  return sets > 0 ? values : undefined;
}

/**
 * The members of an alias for a union of classes (`Params = Union[ParamsNonStreaming,
 * ParamsStreaming]`, `Params: TypeAlias = A | B`), as written; undefined for anything else.
 */
function classUnion(right: Node | null | undefined): string[] | undefined {
  let members: (Node | null)[];
  if (right?.type === 'binary_operator' && right.childForFieldName('operator')?.text === '|')
    members = [right.childForFieldName('left'), right.childForFieldName('right')];
  else if (right?.type === 'subscript' && lastName(right.childForFieldName('value')) === 'Union')
    members = right.childrenForFieldName('subscript');
  else return undefined;
  const names: string[] = [];
  for (const m of members) {
    const nested = m?.type === 'binary_operator' ? classUnion(m) : undefined;
    if (nested) {
      names.push(...nested);
      continue;
    }
    const name = m ? writtenName(m) : undefined;
    if (!name || !isClassName(name.split('.').pop()!)) return undefined;
    names.push(name);
  }
  return names.length > 1 ? names : undefined;
}

/** A string's text as written, an f-string's holes each one NUL: what the string itself says. */
function literalText(node: Node): string {
  let text = '';
  for (const child of kids(node)) {
    if (child.type === 'string_content') text += child.text;
    else if (child.type === 'interpolation') text += '\u0000';
  }
  return text;
}

/**
 * The Responses API's WebSocket mode sends the request as a `response.create` frame whose own keys
 * are the create request's (`{"type": "response.create", "model": …, "input": …, **extra}`); the
 * Realtime API's frame of that name nests its options under `response` and sends none of them.
 */
function websocketFrameFact(str: Node, symbol: string, sink: FactSink): void {
  const pair = str.parent;
  const dict = pair?.parent;
  if (pair?.type !== 'pair' || dict?.type !== 'dictionary' || stringValue(pair.childForFieldName('key')) !== 'type') return;
  const type = paramsTypeOf('ResponseCreateParams', sink.ctx.candidates.sdkParamsTypes);
  if (!type) return;
  const sent = flowKeys(dict).filter((k) => k.name !== 'type' && type.params.includes(k.name));
  if (sent.length === 0) return;
  sink.add({
    kind: 'route',
    symbol,
    method: type.method,
    path: type.path,
    evidence: 'response.create frame (WebSocket mode)',
    paramsOnly: true,
    params: sent.map((k) => ({ name: k.name, in: 'body' as const, line: k.line, ...(k.symbol !== undefined ? { symbol: k.symbol } : {}) })),
    ...pos(dict),
  });
}

/** A parameter annotated with such a name, in a file's text. */
const REQUEST_ANNOTATION = /:\s*(?:\w+\.)*[A-Z]\w*(?:Request|Params|Body|Payload)\b/;

/** A type named as projects name a request model (`ResponseRequest`, `openai_models.CreateResponseBody`). */
const REQUEST_MODEL = /^(?:\w+\.)*[A-Z]\w*(?:Request|Params|Body|Payload)$/;

/** Pydantic's validating constructors (`Model.model_validate(payload)`, v1's `parse_obj`). */
const VALIDATORS = new Set(['model_validate', 'parse_obj']);

/**
 * A request built as the project's own request model (`ResponsesParams(**body)`,
 * `ResponsesParams(model=…, input=…)`, `ResponsesParams.model_validate(payload)`): the keys it is
 * given, with the dict handed over followed to where its keys are written, as a converter builds
 * the request it sends. The mapping gives them to the endpoint it ties that model to, as it does
 * the keys a function reads off a parameter typed with the model (typedRequestReads).
 */
function builtRequestFact(call: Node, callee: Callee, symbol: string, sink: FactSink): void {
  if (sink.ctx.isTest || callee.written === undefined) return;
  const method = callee.attribute ? callee.last : undefined;
  const validates = method !== undefined && VALIDATORS.has(method);
  const type =
    validates || (method !== undefined && BUILDERS.has(method)) ? callee.written.slice(0, callee.written.lastIndexOf('.')) : callee.written;
  if (!REQUEST_MODEL.test(type)) return;
  const args = kids(call.childForFieldName('arguments') ?? call);
  const keys: FlowKey[] = [];
  for (const [i, a] of args.entries()) {
    if (a.type === 'keyword_argument') {
      const name = a.childForFieldName('name')?.text;
      if (name !== undefined) keys.push({ name, line: pos(a).line });
    } else if (a.type === 'dictionary_splat' && kids(a)[0]) keys.push(...flowKeys(kids(a)[0]!));
    else if (validates && i === 0) keys.push(...flowKeys(a));
  }
  const known = sink.ctx.candidates.paramSets;
  const seen = new Set<string>();
  const params = keys.flatMap((k) => {
    if (seen.has(k.name) || !known.some((set) => set.has(k.name))) return [];
    seen.add(k.name);
    return [{ name: k.name, in: 'body' as const, line: k.line, ...(k.symbol !== undefined ? { symbol: k.symbol } : {}) }];
  });
  if (params.length === 0) return;
  sink.add({ kind: 'route', symbol, className: type, evidence: `builds a request typed ${type}`, paramsOnly: true, params, ...pos(call) });
}

/**
 * The keys a function that is no route reads off a parameter typed with the project's own request
 * model (`def to_anthropic(request: openai_models.ResponseRequest)`, then `request.model`): the
 * request it is handed, as a shim or a converter reads it, each key at its first read. The mapping
 * gives them to the endpoint it ties that model to, and to none otherwise. A route's own handler is
 * read through its signature instead.
 */
function typedRequestReads(fn: Node, sink: FactSink): void {
  if (fn.parent?.type === 'decorated_definition') return;
  const known = sink.ctx.candidates.paramSets;
  for (const p of kids(fn.childForFieldName('parameters') ?? fn)) {
    if (p.type !== 'typed_parameter' && p.type !== 'typed_default_parameter') continue;
    const type = p.childForFieldName('type')?.text;
    const name = paramName(p);
    if (!type || !name || !REQUEST_MODEL.test(type)) continue;
    const seen = new Set<string>();
    const params: { name: string; in: 'body'; line: number }[] = [];
    for (const a of fn.descendantsOfType('attribute')) {
      const key = a?.childForFieldName('attribute')?.text;
      if (!a || !key || seen.has(key) || a.childForFieldName('object')?.text !== name) continue;
      if (!known.some((set) => set.has(key))) continue;
      seen.add(key);
      params.push({ name: key, in: 'body', line: pos(a).line });
    }
    if (params.length === 0) continue;
    sink.add({
      kind: 'route',
      symbol: fn.childForFieldName('name')?.text ?? '<function>',
      className: type,
      evidence: `reads a request typed ${type}`,
      paramsOnly: true,
      params,
      ...pos(p),
    });
  }
}

/** The calls that look for a string in another: `line.startswith(s)`, `self.assertIn(s, body)`. */
const SEARCH_CALLS = new Set(['startswith', 'endswith', 'find', 'rfind', 'index', 'count', 'assertIn', 'assertNotIn']);

/** `str` is an argument of a call that looks for it. */
function isSearchedFor(str: Node): boolean {
  const args = str.parent;
  const call = args?.type === 'argument_list' ? args.parent : undefined;
  const callee = call?.type === 'call' ? call.childForFieldName('function') : undefined;
  return callee?.type === 'attribute' && SEARCH_CALLS.has(callee.childForFieldName('attribute')?.text ?? '');
}

/** A module-level name given a URL or a path: cheap to look for in the text first. */
const MODULE_PATH = /^[A-Za-z_]\w*\s*=\s*["'](?:https?:\/\/|\/)/m;

/** The paths module-level names hold (`RESPONSES_URL = "https://api.openai.com/v1/responses"`), for calls of other modules that send to them. */
function pathConstants(root: Node): [string, string][] {
  const out: [string, string][] = [];
  for (const st of kids(root)) {
    const a = st.type === 'expression_statement' ? kids(st)[0] : undefined;
    const left = a?.type === 'assignment' ? a.childForFieldName('left') : undefined;
    const right = a?.childForFieldName('right');
    if (left?.type !== 'identifier' || right?.type !== 'string') continue;
    const value = stringValue(right);
    const path = value !== undefined && /^(?:https?:\/\/|\/)/.test(value) ? pathOfUrl(value) : undefined;
    if (path && path.length > 1) out.push([left.text, path]);
  }
  return out;
}
