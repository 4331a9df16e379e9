/**
 * The keys a Python server reads off a request body it holds as a plain dict: what a server reads
 * is what it accepts. A route reads them itself, in the functions of its file it hands the body to,
 * and (through the workspace pass) in a function or method of another module it hands the body to:
 * each module lists what its own functions read off each parameter (`bodyReaders`), and a route
 * lists where it hands the body (`handsBody`), so no module needs to know another.
 */
import type { Node } from 'web-tree-sitter';
import type { CodeFact } from '../facts.js';
import { type ModuleFacts, REQUEST_BODY } from '../module-facts.js';
import { loopStrings } from './sent-flow.js';
import { kids, lastName, paramName, pos, stringValue } from './syntax.js';

type RouteParam = NonNullable<CodeFact['params']>[number];
export type HandOff = NonNullable<CodeFact['handsBody']>[number];
type BodyReader = NonNullable<ModuleFacts['bodyReaders']>[number];

/**
 * The body read whole, as JSON: `await request.json()`, `json.loads(await req.body())` (Django's
 * `json.loads(request.body)`), Flask's
 * `request.get_json()`, `request.json` and `json.loads(request.get_data(as_text=True) or "{}")`, Django REST framework's `request.data`, or a helper named
 * for it that is given the request (`await _read_request_body(request=request)`); in http.server's
 * handler, which holds the request itself, `json.loads(self.rfile.read(length))` or a method of
 * its own named for it (`self._read_json()`).
 */
const BODY_READ =
  /^[\w.]*\b(?:request|req)\.data$|^(?:await\s+)?[\w.]*\b(?:request|req)\.json(?:\(\s*\))?$|^[\w.]*\b(?:request|req)\.get_json\([^()]*\)$|^json\.loads\(\s*(?:await\s+)?[\w.]*\b(?:request|req)\.(?:body|data|get_data)(?:\([^()]*\))?(?:\s+or\s+(?:"[^"]*"|'[^']*'))?\s*\)$|^(?:await\s+)?[\w.]*(?:body|json)\w*\(\s*(?:\w+\s*=\s*)?(?:request|req)\s*\)$|^json\.loads\(\s*self\.rfile\.read\(.*\)\s*\)$|^self\.\w*(?:body|json)\w*\(\s*\)$/i;

/** The body as bytes or text, before it is parsed: Flask's `request.get_data(…)`, `request.data`, Starlette's `await request.body()`. */
const RAW_BODY = /^(?:await\s+)?[\w.]*\b(?:request|req)\.(?:get_data\([^()]*\)|data|body(?:\(\s*\))?)(?:\s+or\s+b?(?:""|''))?$/;

/** `json.loads(raw)` of one of `names`, decoded or not, or nothing when there is none (`… if raw else {}`). */
function parsedFrom(names: readonly string[]): RegExp {
  const name = `(?:${names.join('|')})`;
  return new RegExp(`^json\\.loads\\(\\s*${name}(?:\\.decode\\([^()]*\\))?\\s*\\)(?:\\s+if\\s+${name}\\s+else\\s+(?:\\{\\}|dict\\(\\)))?$`);
}

/** How far a body is followed into the file's own functions it is handed to. */
const FOLLOW_DEPTH = 3;

/**
 * The body keys `fn` reads off `given` (parameters holding the body) and off what it assigns the
 * body read whole (`body = await request.json()`), by subscript (`body["model"]`) and `get`
 * (`body.get("stream")`), in the functions and methods of its file it hands them to
 * (`await self.handle(body)`, `normalize(data=body)`), a few calls deep. A call of anything else
 * that is given the body is a hand-off, for the workspace pass to follow into another module.
 */
export function keysRead(
  fn: Node,
  given: readonly string[],
  functions: ReadonlyMap<string, Node>,
  /** Parts of `fn` that serve other requests (a plain server's branches for other paths): not read. */
  elsewhere: readonly Node[] = [],
): { keys: RouteParam[]; handOffs: HandOff[] } {
  const keys: RouteParam[] = [];
  const handOffs: HandOff[] = [];
  const seen = new Set<string>();
  const visited = new Set<number>();
  const add = (name: string | undefined, at: Node): void => {
    if (name === undefined || seen.has(name)) return;
    seen.add(name);
    keys.push({ name, in: 'body', line: pos(at).line });
  };
  // `body["model"]`, or `body[key]` in `for key in ("user", "metadata"):` (a proxy passing keys on).
  const addKeys = (key: Node | null | undefined, at: Node): void => {
    if (key?.type === 'identifier') for (const s of loopStrings(key)) add(stringValue(s), at);
    else add(stringValue(key), at);
  };
  const read = (f: Node, holders: Set<string>, depth: number): void => {
    if (visited.has(f.id)) return;
    visited.add(f.id);
    // The functions it hands the body to are read after its own reads: a key the function reads
    // itself is located there, not in a helper it called first.
    const handedTo: [Node, Set<string>][] = [];
    if (depth === 0) {
      for (const name of namesGiven(f, BODY_READ)) holders.add(name);
      // Read as bytes first and parsed after: `raw = request.get_data(as_text=True) or ""`, then
      // `payload = json.loads(raw) if raw else {}`.
      const raw = namesGiven(f, RAW_BODY);
      if (raw.length) for (const name of namesGiven(f, parsedFrom(raw))) holders.add(name);
    }
    // The body read in place counts too: `request.json["model"]`, `(await request.json())["input"]`,
    // `request.get_json().get("stream")`.
    const isBody = holding(holders, BODY_READ);
    if (holders.size === 0 && !/json|body/i.test(f.text)) return;
    for (const n of f.descendantsOfType(['subscript', 'call', 'comparison_operator'])) {
      if (!n) continue;
      if (depth === 0 && elsewhere.some((e) => n.startIndex >= e.startIndex && n.endIndex <= e.endIndex)) continue;
      if (n.type === 'comparison_operator') {
        // `if "max_output_tokens" in body:`: the handler asks whether the client sent it.
        const [key, body] = kids(n);
        if (kids(n).length === 2 && n.child(1)?.type === 'in' && isBody(body)) addKeys(key, n);
        continue;
      }
      if (n.type === 'subscript') {
        // `body["response_id"] = response_id` stores a key the handler adds; the client did not send it.
        const stored = n.parent?.type === 'assignment' && n.parent.childForFieldName('left')?.id === n.id;
        if (!stored && isBody(n.childForFieldName('value'))) addKeys(n.childForFieldName('subscript'), n);
        continue;
      }
      const callee = n.childForFieldName('function');
      const object = callee?.type === 'attribute' ? callee.childForFieldName('object') : undefined;
      if (object && callee!.childForFieldName('attribute')?.text === 'get' && isBody(object)) {
        addKeys(kids(n.childForFieldName('arguments') ?? n)[0], n);
        continue;
      }
      if (!callee || (callee.type !== 'identifier' && callee.type !== 'attribute')) continue;
      const target = functions.get(lastName(callee) ?? '');
      // A function of this file called by name, or a method of it called on `self` or on an object
      // made in place (`Handler().handle(body)`); anything else called with the body is a hand-off,
      // which the workspace pass resolves, to this module or another.
      const local =
        target &&
        (callee.type === 'identifier' ||
          (object?.type === 'call' && !isSuper(object)) ||
          (object?.type === 'identifier' && /^(?:self|cls)$/.test(object.text)));
      if (local) {
        if (depth < FOLLOW_DEPTH) {
          const passed = handedParams(n, target, holders);
          if (passed.size) handedTo.push([target, passed]);
        }
        continue;
      }
      const arg = handedArgument(n, holders);
      const written = arg === undefined ? undefined : calleeWritten(callee, n);
      if (arg !== undefined && written !== undefined)
        handOffs.push({ callee: written, arg, line: pos(n).line, ...(object && isSuper(object) ? { inherited: true as const } : {}) });
    }
    for (const [target, passed] of handedTo) read(target, passed, depth + 1);
  };
  read(fn, new Set(given), 0);
  return { keys, handOffs };
}

/**
 * A request's query string as a server framework gives it: Starlette's and FastAPI's
 * `request.query_params`, Flask's `request.args`, Django's `request.GET`, aiohttp's `request.query`.
 */
const QUERY_READ = /^(?:[\w.]*\.)?\w*req\w*\.(?:query_params|args|GET|query|rel_url\.query)$/i;

/**
 * The query parameters a route handler reads off its request (`request.query_params.get("after")`,
 * `request.args["limit"]`, or through a name given the query first: `query = request.query_params`),
 * each at its first read. What a server reads is what it accepts, for any method.
 */
export function queryKeysRead(fn: Node): RouteParam[] {
  if (!/query|\.args\b|\.GET\b/.test(fn.text)) return [];
  const isQuery = holding(new Set(namesGiven(fn, QUERY_READ)), QUERY_READ);
  const out: RouteParam[] = [];
  const seen = new Set<string>();
  const add = (name: string | undefined, at: Node): void => {
    if (name === undefined || seen.has(name)) return;
    seen.add(name);
    out.push({ name, in: 'query', line: pos(at).line });
  };
  for (const n of fn.descendantsOfType(['subscript', 'call'])) {
    if (!n) continue;
    if (n.type === 'subscript') {
      if (isQuery(n.childForFieldName('value'))) add(stringValue(n.childForFieldName('subscript')), n);
      continue;
    }
    const callee = n.childForFieldName('function');
    const object = callee?.type === 'attribute' ? callee.childForFieldName('object') : undefined;
    const method = callee?.childForFieldName('attribute')?.text;
    if (object && (method === 'get' || method === 'getlist') && isQuery(object))
      add(stringValue(kids(n.childForFieldName('arguments') ?? n)[0]), n);
  }
  return out;
}

/** The names `fn` assigns something whose text reads as `read` (`body = await request.json()`). */
/** What validates a dict into a model: Pydantic's `model_validate`, 1.x's `parse_obj`. */
const VALIDATES = new Set(['model_validate', 'parse_obj', 'validate']);

/**
 * The model a handler builds from the body it reads (`OpenAIRequest(**body)`,
 * `OpenAIRequest.model_validate(await request.json())`), as written: the route's body model, as a
 * parameter typed with it would be.
 */
export function modelBuiltFromBody(fn: Node, given: readonly string[]): string | undefined {
  if (!/\*\*|model_validate|parse_obj|validate/.test(fn.text)) return undefined;
  const holders = new Set([...given, ...namesGiven(fn, BODY_READ)]);
  const raw = namesGiven(fn, RAW_BODY);
  if (raw.length) for (const name of namesGiven(fn, parsedFrom(raw))) holders.add(name);
  const isBody = holding(holders, BODY_READ);
  for (const call of fn.descendantsOfType('call')) {
    const callee = call?.childForFieldName('function');
    const args = kids(call?.childForFieldName('arguments') ?? call!);
    if (!callee || args.length !== 1) continue;
    const arg = args[0]!;
    const written = callee.type === 'identifier' || callee.type === 'attribute' ? callee.text : undefined;
    if (written === undefined || !/^[\w.]+$/.test(written)) continue;
    const last = written.slice(written.lastIndexOf('.') + 1);
    if (arg.type === 'dictionary_splat' && /^[A-Z]/.test(last) && isBody(kids(arg)[0])) return written;
    const owner = written.slice(0, Math.max(0, written.lastIndexOf('.')));
    const ownerLast = owner.slice(owner.lastIndexOf('.') + 1);
    if (VALIDATES.has(last) && /^[A-Z]/.test(ownerLast) && isBody(arg)) return owner;
  }
  return undefined;
}

function namesGiven(fn: Node, read: RegExp): string[] {
  const out: string[] = [];
  for (const a of fn.descendantsOfType('assignment')) {
    const left = a?.childForFieldName('left');
    const right = a?.childForFieldName('right');
    if (left?.type === 'identifier' && right && read.test(orNothing(right).text)) out.push(left.text);
  }
  return out;
}

/** `await request.json() if await request.body() else {}`: the value, when the other branch is nothing (`{}`, `dict()`, `None`). */
function orNothing(e: Node): Node {
  if (e.type !== 'conditional_expression') return e;
  const [value, , otherwise] = kids(e).filter((k) => k.isNamed);
  return value && otherwise && /^(?:\{\}|dict\(\)|None)$/.test(otherwise.text) ? value : e;
}

/** Whether an expression is one of `holders`, or reads as `read` in place. */
function holding(holders: ReadonlySet<string>, read: RegExp): (node: Node | null | undefined) => boolean {
  return (node) => {
    const e = unparenthesized(node);
    return e !== undefined && ((e.type === 'identifier' && holders.has(e.text)) || read.test(e.text));
  };
}

/** The parameters of `target` that a call gives one of `holders` (by position, past `self`, or by keyword). */
function handedParams(call: Node, target: Node, holders: ReadonlySet<string>): Set<string> {
  const names = parameterNames(target);
  const out = new Set<string>();
  let index = 0;
  for (const arg of kids(call.childForFieldName('arguments') ?? call)) {
    if (arg.type === 'keyword_argument') {
      const value = arg.childForFieldName('value');
      const name = arg.childForFieldName('name')?.text;
      if (value?.type === 'identifier' && holders.has(value.text) && name && names.includes(name)) out.add(name);
      continue;
    }
    if (arg.type === 'identifier' && holders.has(arg.text) && names[index] !== undefined) out.add(names[index]!);
    index++;
  }
  return out;
}

/** Which argument of a call is the body: its position, or its keyword. */
function handedArgument(call: Node, holders: ReadonlySet<string>): number | string | undefined {
  let index = 0;
  for (const arg of kids(call.childForFieldName('arguments') ?? call)) {
    if (arg.type === 'keyword_argument') {
      const value = arg.childForFieldName('value');
      const name = arg.childForFieldName('name')?.text;
      if (value?.type === 'identifier' && holders.has(value.text) && name) return name;
      continue;
    }
    if (arg.type === 'identifier' && holders.has(arg.text)) return index;
    if (arg.type === 'list_splat' || arg.type === 'dictionary_splat') return undefined;
    index++;
  }
  return undefined;
}

/**
 * What a hand-off calls, written so the workspace pass can resolve it: an imported function's name
 * (`handle`, `handlers.handle`), or a method as `Class.method`, the class found where the receiver
 * comes from: a parameter annotated with it (`handler: "ResponseHandler"`), a constructor call
 * assigned to it in an enclosing function or at module level (`handler = ResponseHandler(…)`), or
 * the receiver itself when it is a class. Undefined when none says.
 */
export function calleeWritten(callee: Node, call: Node): string | undefined {
  if (callee.type === 'identifier') return callee.text;
  const object = callee.childForFieldName('object');
  const method = callee.childForFieldName('attribute')?.text;
  if (!object || !method) return undefined;
  // `self.m(body)` of a method the file does not define, `super().m(body)`: the class's own (a base's).
  if ((object.type === 'identifier' && /^(?:self|cls)$/.test(object.text)) || isSuper(object)) {
    const cls = enclosingClass(call);
    return cls ? `${cls}.${method}` : undefined;
  }
  // `self.handler.handle(body)`: the class of what the class keeps under that name.
  const held = object.type === 'attribute' ? object.childForFieldName('object') : undefined;
  if (held?.type === 'identifier' && held.text === 'self') {
    const cls = attributeClass(object.childForFieldName('attribute')?.text ?? '', call);
    return cls ? `${cls}.${method}` : undefined;
  }
  if (object.type !== 'identifier') return undefined;
  const receiver = object.text;
  if (/^[A-Z]/.test(receiver)) return `${receiver}.${method}`;
  const cls = receiverClass(receiver, call);
  return cls ? `${cls}.${method}` : `${receiver}.${method}`;
}

/**
 * The class an attribute of `self` holds, from the class `at` is in: a class-level annotation
 * (`handler: ResponseHandler`) or an assignment in one of its methods (`self.handler =
 * ResponseHandler(…)`, `self.handler: ResponseHandler = …`).
 */
function attributeClass(name: string, at: Node): string | undefined {
  let cls: Node | null = at.parent;
  while (cls && cls.type !== 'class_definition') cls = cls.parent;
  const body = cls?.childForFieldName('body');
  if (!body || !name) return undefined;
  const annotated = (type: Node | null): string | undefined => {
    const written = type ? (stringValue(kids(type)[0]) ?? type.text) : undefined;
    return written && /^[A-Z][\w.]*$/.test(written) ? written : undefined;
  };
  for (const a of body.descendantsOfType('assignment')) {
    const left = a?.childForFieldName('left');
    const target =
      left?.type === 'identifier' && left.text === name && a!.parent?.parent?.id === body.id
        ? left
        : left?.type === 'attribute' &&
            left.childForFieldName('object')?.text === 'self' &&
            left.childForFieldName('attribute')?.text === name
          ? left
          : undefined;
    if (!target) continue;
    const typed = annotated(a!.childForFieldName('type'));
    if (typed) return typed;
    const right = a!.childForFieldName('right');
    const made = right?.type === 'call' ? right.childForFieldName('function') : undefined;
    if ((made?.type === 'identifier' || made?.type === 'attribute') && /^[A-Z]/.test(lastName(made) ?? '')) return made.text;
  }
  return undefined;
}

/** The class a name holds where `at` reads it, from an annotation or a constructor call (see calleeWritten). */
function receiverClass(name: string, at: Node): string | undefined {
  for (let n: Node | null = at.parent; n; n = n.parent) {
    if (n.type !== 'function_definition' && n.type !== 'module') continue;
    if (n.type === 'function_definition') {
      for (const p of kids(n.childForFieldName('parameters') ?? n)) {
        if (paramName(p) !== name) continue;
        const type = p.childForFieldName('type');
        const written = type ? (stringValue(kids(type)[0]) ?? type.text) : undefined;
        return written && /^[A-Za-z_][\w.]*$/.test(written) ? written : undefined;
      }
    }
    const body = n.type === 'module' ? n : n.childForFieldName('body');
    for (const stmt of kids(body ?? n)) {
      const a = stmt.type === 'expression_statement' ? kids(stmt)[0] : undefined;
      if (a?.type !== 'assignment' || a.childForFieldName('left')?.text !== name) continue;
      const right = a.childForFieldName('right');
      const made = right?.type === 'call' ? right.childForFieldName('function') : undefined;
      const cls = made?.type === 'identifier' || made?.type === 'attribute' ? made.text : undefined;
      if (cls && /^[A-Z]/.test(lastName(made) ?? '')) return cls;
    }
  }
  return undefined;
}

/** Text that parses a request's body: `request.json()`, `req.get_json(`, `json.loads(request.body`. */
const REQUEST_JSON =
  /\b(?:request|req)\.(?:json\b|get_json\(|data\b)|json\.loads\(\s*(?:await\s+)?[\w.]*\b(?:request|req)\.(?:body|data|get_data)/;

/** A request's body read through it: `request.body`, `request.data`, `request.json`, `request.get_json`. */
const REQUEST_BODY_READ = /\b([A-Za-z_]\w*)\.(?:body|data|json|get_json)\b/g;

/** A key read by a string off a name: `x.get("k"`, `x["k"`. */
const KEY_READ = /\b([A-Za-z_]\w*)\s*(?:\.\s*get\s*\(|\[)\s*[rbuRBU]*["']/g;

/** `(x)` → `x`, however deep. */
function unparenthesized(node: Node | null | undefined): Node | undefined {
  let n = node ?? undefined;
  while (n?.type === 'parenthesized_expression') n = kids(n)[0];
  return n;
}

function isSuper(node: Node): boolean {
  return node.type === 'call' && node.childForFieldName('function')?.text === 'super';
}

/** The name of the class a node is in, when that class is at module level (what another module can name). */
function enclosingClass(node: Node): string | undefined {
  for (let n: Node | null = node.parent; n; n = n.parent) {
    if (n.type !== 'class_definition') continue;
    const outer = n.parent?.type === 'decorated_definition' ? n.parent.parent : n.parent;
    return outer?.type === 'module' ? n.childForFieldName('name')?.text : undefined;
  }
  return undefined;
}

function parameterNames(fn: Node): string[] {
  return kids(fn.childForFieldName('parameters') ?? fn)
    .map(paramName)
    .filter((n): n is string => n !== undefined && n !== 'self' && n !== 'cls');
}

/**
 * What the module's functions and methods read off their parameters, for those that read a key off
 * one themselves. Only module-level functions and methods of module-level classes: what another
 * module can call.
 */
export function bodyReaders(functionNodes: readonly Node[], functions: ReadonlyMap<string, Node>): BodyReader[] {
  // Cheap first, on the text: the names a key is read off by a string (`payload["model"]`,
  // `payload.get("x")`); most functions read none. Walking every parameter of every function
  // instead cost a tenth of a cold run.
  const texts = functionNodes.map((fn) => fn.text);
  const direct = texts.map((text) => new Set(Array.from(text.matchAll(KEY_READ), (m) => m[1]!)));
  const passing = passingOn(texts, direct);
  const out: BodyReader[] = [];
  functionNodes.forEach((fn, i) => {
    const readOff = direct[i]!;
    const passes = passing.get(i);
    // A request handler parses its request's body itself (`raw = await request.json()`).
    const handles = REQUEST_JSON.test(texts[i]!);
    if (readOff.size === 0 && !passes && !handles) return;
    const name = callableName(fn);
    if (!name) return;
    const read: [number, string, number][] = [];
    const handedOn: [number, HandOff][] = [];
    // What it reads off that body, for a route of another module that registers it
    // (`router.add_api_route("/v1/responses", api.create_response)`).
    if (handles) {
      const found = keysRead(fn, [], functions);
      for (const k of found.keys) read.push([REQUEST_BODY, k.name, k.line]);
      for (const h of found.handOffs) handedOn.push([REQUEST_BODY, h]);
    }
    const params = parameterNames(fn);
    // A parameter it passes on to a function of its file that reads it (`return wrap(payload=payload)`).
    if (passes) for (const p of params) if (passes(p)) readOff.add(p);
    // A request whose body the function reads (`json.loads(request.body)`, `request.data["model"]`).
    if (readOff.size > 0) for (const m of texts[i]!.matchAll(REQUEST_BODY_READ)) readOff.add(m[1]!);
    params.forEach((param, index) => {
      if (!readOff.has(param)) return;
      const found = keysRead(fn, [param], functions);
      for (const k of found.keys) read.push([index, k.name, k.line]);
      for (const h of found.handOffs) handedOn.push([index, h]);
    });
    if (read.length || handedOn.length) out.push({ name, params, read, ...(handedOn.length ? { handedOn } : {}) });
  });
  return out;
}

/**
 * The functions (by index) that hand a parameter as it is to a function of the file that reads a
 * key off its own parameter, or hands it on so in turn, a few calls deep (`wrap(payload=payload)`):
 * each with a test of whether a name is one it hands so. On the text, as the reads are.
 */
function passingOn(texts: readonly string[], direct: readonly Set<string>[]): Map<number, (name: string) => boolean> {
  const heads = texts.map((text) => /^\s*(?:async\s+)?def\s+(\w+)\s*\(([\s\S]*?)\)\s*(?:->[^\n]*)?:/.exec(text));
  const reading = new Set<string>();
  heads.forEach((head, i) => {
    if (head && Array.from(head[2]!.matchAll(/\w+/g), (m) => m[0]).some((n) => direct[i]!.has(n))) reading.add(head[1]!);
  });
  const out = new Map<number, (name: string) => boolean>();
  for (let round = 0; round < FOLLOW_DEPTH && reading.size > 0; round++) {
    let grew = false;
    const calls = new RegExp(String.raw`\b(?:${[...reading].join('|')})\s*\(`, 'g');
    texts.forEach((text, i) => {
      const head = heads[i];
      if (!head) return;
      const body = text.slice(head[0].length);
      const handed = new Set<string>();
      for (const m of body.matchAll(calls))
        for (const arg of topLevelArguments(body, m.index + m[0].length)) {
          const name = /^\s*(?:\w+\s*=\s*)?(\w+)\s*$/.exec(arg)?.[1];
          if (name) handed.add(name);
        }
      if (handed.size === 0) return;
      // Asked again each round: a function found reading in the last one may be handed more.
      out.set(i, (p) => handed.has(p));
      if (!reading.has(head[1]!)) {
        reading.add(head[1]!);
        grew = true;
      }
    });
    if (!grew) break;
  }
  return out;
}

/** The arguments of the call whose `(` ends at `from`, as written, split at its own commas. */
function topLevelArguments(text: string, from: number): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) {
        out.push(text.slice(start, i));
        return out;
      }
      depth--;
    } else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return out;
}

/** `handle` for a module-level function, `Handler.handle` for a method of a module-level class; undefined for anything nested. */
export function callableName(fn: Node): string | undefined {
  const name = fn.childForFieldName('name')?.text;
  if (!name) return undefined;
  const outer = fn.parent?.type === 'decorated_definition' ? fn.parent.parent : fn.parent;
  if (outer?.type === 'module') return name;
  if (outer?.type !== 'block') return undefined;
  const cls = outer.parent;
  const clsOuter = cls?.parent?.type === 'decorated_definition' ? cls.parent.parent : cls?.parent;
  if (cls?.type !== 'class_definition' || clsOuter?.type !== 'module') return undefined;
  const clsName = cls.childForFieldName('name')?.text;
  return clsName ? `${clsName}.${name}` : undefined;
}
