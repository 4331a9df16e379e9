/**
 * Python route declarations: FastAPI `@app.post("/v1/responses")`, `@router.get(...)` (with the
 * router's literal `APIRouter(prefix=...)`), `@app.api_route(path, methods=[...])` and Flask
 * `@app.route(path, methods=[...])`. The declared path is kept; the mapping adds the configured
 * prefix. `className`: the handler's body model, which joins the route to its param facts.
 */
import type { Node } from 'web-tree-sitter';
import type { FactSink } from '../fact-sink.js';
import { kids, lastName, pos, stringValue } from './syntax.js';

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);
/** Parameter types FastAPI injects itself: never the request body. */
const NOT_BODY = new Set(['Request', 'Response', 'BackgroundTasks', 'WebSocket', 'HTTPConnection', 'Session', 'AsyncSession']);

export function routeFacts(root: Node, sink: FactSink): void {
  const prefixes = routerPrefixes(root);
  for (const def of root.descendantsOfType('decorated_definition')) {
    if (!def) continue;
    const fn = def.childForFieldName('definition');
    if (fn?.type !== 'function_definition') continue;
    for (const dec of kids(def).filter((k) => k.type === 'decorator')) {
      const call = kids(dec)[0];
      if (call?.type !== 'call') continue;
      const callee = call.childForFieldName('function');
      if (callee?.type !== 'attribute') continue;
      const verb = callee.childForFieldName('attribute')?.text ?? '';
      const owner = callee.childForFieldName('object')?.text ?? '';
      const args = kids(call.childForFieldName('arguments') ?? call);
      const path = stringValue(args[0]) ?? keyword(args, 'path');
      if (path === undefined || !path.startsWith('/') && path !== '') continue;
      const methods = METHODS.has(verb) ? [verb] : verb === 'api_route' || verb === 'route' ? methodList(args) : [];
      const body = bodyModel(fn);
      for (const method of methods) {
        sink.add({
          kind: 'route',
          symbol: fn.childForFieldName('name')?.text ?? '<function>',
          method: method.toUpperCase(),
          path: (prefixes.get(owner) ?? '') + path,
          ...(body ? { className: body } : {}),
          ...pos(dec),
        });
      }
    }
  }
}

function keyword(args: Node[], name: string): string | undefined {
  const kw = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === name);
  return stringValue(kw?.childForFieldName('value'));
}

function methodList(args: Node[]): string[] {
  const kw = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'methods');
  const list = kw?.childForFieldName('value');
  if (!list) return ['get'];
  return kids(list).map(stringValue).filter((v): v is string => v !== undefined).map((v) => v.toLowerCase());
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

/** The first parameter annotated with a class that FastAPI does not inject (`body: CreateResponseRequest`). */
function bodyModel(fn: Node): string | undefined {
  for (const p of kids(fn.childForFieldName('parameters') ?? fn)) {
    if (p.type !== 'typed_parameter' && p.type !== 'typed_default_parameter') continue;
    const value = p.childForFieldName('value');
    if (value?.type === 'call' && /^(Depends|Header|Query|Path|Cookie)$/.test(lastName(value.childForFieldName('function')) ?? '')) continue;
    let type = p.childForFieldName('type');
    let t = type ? kids(type)[0] : undefined;
    // `Annotated[Model, Body()]` → Model
    if (t?.type === 'generic_type' && kids(t)[0]?.text === 'Annotated') t = kids(kids(t)[1] ?? t)[0] ? kids(kids(kids(t)[1]!)[0]!)[0] : undefined;
    const name = lastName(t);
    if (name && /^[A-Z]/.test(name) && !NOT_BODY.has(name)) return name;
    type = null;
  }
  return undefined;
}
