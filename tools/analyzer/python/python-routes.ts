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
import type { FactSink } from '../fact-sink.js';
import type { CodeFact } from '../facts.js';
import { kids, lastName, pos, stringsIn, stringValue, writtenName } from './syntax.js';

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
}

export function routeFacts(root: Node, sink: FactSink): void {
  const prefixes = routerPrefixes(root);
  for (const def of root.descendantsOfType('decorated_definition')) {
    if (!def) continue;
    const fn = def.childForFieldName('definition');
    if (fn?.type !== 'function_definition') continue;
    for (const dec of kids(def).filter((k) => k.type === 'decorator')) {
      const call = kids(dec)[0];
      if (call?.type !== 'call') continue;
      const declared = declaredRoute(call, prefixes);
      if (!declared) continue;
      const { params, body } = signature(fn, declared);
      for (const method of declared.methods) {
        const own = params.filter((p) => p.in !== 'body' || WITH_BODY.has(method));
        sink.add({
          kind: 'route',
          symbol: fn.childForFieldName('name')?.text ?? '<function>',
          method: method.toUpperCase(),
          path: declared.path,
          evidence: declared.evidence,
          ...(body ? { className: body } : {}),
          ...(own.length ? { params: own } : {}),
          ...pos(dec),
        });
      }
    }
  }
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
  if (callee?.type !== 'attribute') return undefined;
  const verb = callee.childForFieldName('attribute')?.text ?? '';
  const owner = callee.childForFieldName('object')?.text ?? '';
  const path = stringValue(args[0]) ?? keyword(args, 'path');
  if (path === undefined || (!path.startsWith('/') && path !== '')) return undefined;
  const methods = METHODS.has(verb) ? [verb] : verb === 'api_route' || verb === 'route' ? methodList(args) : [];
  if (methods.length === 0) return undefined;
  return { methods, path: (prefixes.get(owner) ?? '') + path, keywordRoute: false, evidence: `@${owner}.${verb}() decorator` };
}

function keyword(args: Node[], name: string): string | undefined {
  const kw = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === name);
  return stringValue(kw?.childForFieldName('value'));
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

/** `router = APIRouter(prefix="/v1")` at module level. */
function routerPrefixes(root: Node): Map<string, string> {
  const out = new Map<string, string>();
  for (const stmt of kids(root)) {
    const a = stmt.type === 'expression_statement' ? kids(stmt)[0] : undefined;
    if (a?.type !== 'assignment') continue;
    const right = a.childForFieldName('right');
    if (right?.type !== 'call' || lastName(right.childForFieldName('function')) !== 'APIRouter') continue;
    const prefix = keyword(kids(right.childForFieldName('arguments') ?? right), 'prefix');
    const left = a.childForFieldName('left');
    if (prefix !== undefined && left) out.set(left.text, prefix);
  }
  return out;
}

/** The handler's parameters as the route's own, and the class its body is declared as. */
function signature(fn: Node, route: Declared): { params: RouteParam[]; body?: string } {
  const inPath = new Set([...route.path.matchAll(/\{([A-Za-z_]\w*)(?::[^}]*)?\}/g)].map((m) => m[1]!));
  const params: RouteParam[] = [];
  let body: string | undefined;
  for (const p of kids(fn.childForFieldName('parameters') ?? fn)) {
    const name = paramName(p);
    if (name === undefined || name === 'self' || name === 'cls') continue;
    const typeNode = p.childForFieldName('type');
    const value = p.childForFieldName('value');
    const marker = markerOf(value) ?? markerOf(annotatedMarker(typeNode));
    if (marker === 'Depends' || marker === 'Header' || marker === 'Cookie') continue;
    const typeText = typeNode?.text;
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
  return { params, ...(body ? { body } : {}) };
}

function paramName(p: Node): string | undefined {
  if (p.type === 'identifier') return p.text;
  if (p.type === 'typed_parameter') return kids(p).find((k) => k.type === 'identifier')?.text;
  if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') return p.childForFieldName('name')?.text;
  return undefined;
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
