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

type At = (node: TS.Node) => { line: number; column: number };

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all']);
const NEXT_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/** The check each node gets (the caller walks the tree, parents first: one walk serves several checks). */
export function routeVisitor(ts: Ts, sf: TS.SourceFile, ctx: FileContext, sink: FactAdder, at: At): (node: TS.Node) => void {
  const nextPath = nextRoutePath(ctx.file);
  // Handlers passed by name: their bodies hold the evidence.
  const functions = new Map<string, TS.Node>();
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name) functions.set(st.name.text, st);
    if (ts.isVariableStatement(st))
      for (const d of st.declarationList.declarations)
        if (ts.isIdentifier(d.name) && d.initializer) functions.set(d.name.text, d.initializer);
  }
  return (node: TS.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const verb = node.expression.name.text;
      const first = node.arguments[0];
      const owner = node.expression.expression.getText(sf);
      if (
        VERBS.has(verb) &&
        first &&
        (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) &&
        first.text.startsWith('/')
      ) {
        const handler = node.arguments[node.arguments.length - 1];
        const symbol = handler && ts.isIdentifier(handler) ? handler.text : owner;
        const body = bodyOfCall(ts, node, sf, functions);
        sink.add({
          kind: 'route',
          symbol,
          method: verb.toUpperCase(),
          path: first.text,
          evidence: `${owner}.${verb}() call`,
          ...(body ? { className: body } : {}),
          ...pathParams(first.text, at(node).line),
          ...at(node),
        });
      } else if (verb === 'route' && first && ts.isObjectLiteralExpression(first)) {
        const prop = (name: string): TS.Expression | undefined => {
          const p = first.properties.find((x) => ts.isPropertyAssignment(x) && x.name.getText(sf) === name);
          return p && ts.isPropertyAssignment(p) ? p.initializer : undefined;
        };
        const url = prop('url') ?? prop('path');
        const method = prop('method');
        const methods = method && ts.isArrayLiteralExpression(method) ? [...method.elements] : method ? [method] : [];
        if (url && ts.isStringLiteral(url)) {
          const handler = prop('handler');
          const body = handler ? bodyIn(ts, handler, sf) : undefined;
          for (const m of methods)
            if (ts.isStringLiteral(m))
              sink.add({
                kind: 'route',
                symbol: owner,
                method: m.text.toUpperCase(),
                path: url.text,
                evidence: `${owner}.route() call`,
                ...(body ? { className: body } : {}),
                ...at(node),
              });
        }
      }
    }
    if (nextPath !== undefined && node.parent === sf) {
      const exported = (ts.getCombinedModifierFlags(node as TS.Declaration) & ts.ModifierFlags.Export) !== 0;
      if (exported && ts.isFunctionDeclaration(node) && node.name && NEXT_METHODS.has(node.name.text)) {
        const body = bodyIn(ts, node, sf);
        sink.add({
          kind: 'route',
          symbol: node.name.text,
          method: node.name.text,
          path: nextPath,
          evidence: 'Next.js route file',
          ...(body ? { className: body } : {}),
          ...pathParams(nextPath, at(node).line),
          ...at(node),
        });
      }
      if (ts.isVariableStatement(node) && node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
        for (const d of node.declarationList.declarations) {
          if (!ts.isIdentifier(d.name) || !NEXT_METHODS.has(d.name.text)) continue;
          const body = d.initializer ? bodyIn(ts, d.initializer, sf) : undefined;
          sink.add({
            kind: 'route',
            symbol: d.name.text,
            method: d.name.text,
            path: nextPath,
            evidence: 'Next.js route file',
            ...(body ? { className: body } : {}),
            ...pathParams(nextPath, at(d).line),
            ...at(d),
          });
        }
      }
    }
  };
}

/** `src/app/(api)/v1/responses/[response_id]/route.ts` → `/v1/responses/{response_id}`. */
export function nextRoutePath(file: string): string | undefined {
  const m = /(?:^|\/)app\/((?:.*\/)?)route\.[cm]?[jt]sx?$/.exec(file);
  if (!m) return undefined;
  const segments = m[1]!.split('/').filter((s) => s !== '' && !/^\(.*\)$/.test(s) && !s.startsWith('@'));
  return '/' + segments.map((s) => s.replace(/^\[\[?(?:\.\.\.)?([^\]]+)\]?\]$/, '{$1}')).join('/');
}

/** The body type a route call declares: a generic `{ Body: T }`, a validator argument, or its handler's own evidence. */
function bodyOfCall(ts: Ts, call: TS.CallExpression, sf: TS.SourceFile, functions: ReadonlyMap<string, TS.Node>): string | undefined {
  for (const t of call.typeArguments ?? []) {
    if (!ts.isTypeLiteralNode(t)) continue;
    for (const m of t.members) if (ts.isPropertySignature(m) && m.name.getText(sf) === 'Body' && m.type) return typeName(ts, m.type, sf);
  }
  for (const arg of call.arguments.slice(1)) {
    // Hono: `zValidator('json', Schema)`; any validator middleware given the JSON body's schema.
    if (ts.isCallExpression(arg) && arg.arguments.length >= 2) {
      const [kind, schema] = arg.arguments;
      if (kind && ts.isStringLiteral(kind) && kind.text === 'json' && schema) return exprName(ts, schema);
    }
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

function typeName(ts: Ts, t: TS.TypeNode, sf: TS.SourceFile): string | undefined {
  if (ts.isTypeReferenceNode(t)) {
    // `z.infer<typeof Schema>` names the schema.
    const arg = t.typeArguments?.[0];
    if (/(^|\.)(infer|input|output)$/.test(t.typeName.getText(sf)) && arg && ts.isTypeQueryNode(arg)) return arg.exprName.getText(sf);
    return /^[A-Z]/.test(t.typeName.getText(sf).split('.').pop() ?? '') ? t.typeName.getText(sf) : undefined;
  }
  return undefined;
}

function exprName(ts: Ts, e: TS.Expression): string | undefined {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) {
    const head = exprName(ts, e.expression);
    return head !== undefined ? `${head}.${e.name.text}` : undefined;
  }
  return undefined;
}

/** The parameters a route's path declares (`:id`, `{id}`): the route's own path parameters. */
function pathParams(path: string, line: number): { params?: { name: string; in: 'path'; optional: boolean; line: number }[] } {
  const names = [...path.matchAll(/(?:^|\/)(?::([A-Za-z_]\w*)|\{([A-Za-z_]\w*)\})/g)].map((m) => m[1] ?? m[2]!);
  return names.length ? { params: names.map((name) => ({ name, in: 'path' as const, optional: false, line })) } : {};
}
