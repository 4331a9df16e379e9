/**
 * TypeScript route declarations: Express/Hono/Koa-router `app.post('/v1/…', …)`, `router.get(…)`,
 * Fastify `app.post(…)` and `app.route({ method, url })`, and Next.js app-router files
 * (`app/**\/route.ts` exporting `GET`/`POST`; the path comes from the file path). Paths are kept as
 * declared; the mapping adds the configured prefix.
 */
import type { ts as TS } from 'ts-morph';
import type { FactSink, FileContext } from '../fact-sink.js';

type Ts = typeof TS;
type At = (node: TS.Node) => { line: number; column: number };

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all']);
const NEXT_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

export function routeFacts(ts: Ts, sf: TS.SourceFile, ctx: FileContext, sink: FactSink, at: At): void {
  const nextPath = nextRoutePath(ctx.file);
  const visit = (node: TS.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const verb = node.expression.name.text;
      const first = node.arguments[0];
      const owner = node.expression.expression.getText(sf);
      if (VERBS.has(verb) && first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) && first.text.startsWith('/')) {
        const handler = node.arguments[node.arguments.length - 1];
        const symbol = handler && ts.isIdentifier(handler) ? handler.text : owner;
        sink.add({ kind: 'route', symbol, method: verb.toUpperCase(), path: first.text, ...at(node) });
      } else if (verb === 'route' && first && ts.isObjectLiteralExpression(first)) {
        const prop = (name: string): TS.Expression | undefined => {
          const p = first.properties.find((x) => ts.isPropertyAssignment(x) && x.name.getText(sf) === name);
          return p && ts.isPropertyAssignment(p) ? p.initializer : undefined;
        };
        const url = prop('url') ?? prop('path');
        const method = prop('method');
        const methods = method && ts.isArrayLiteralExpression(method) ? [...method.elements] : method ? [method] : [];
        if (url && ts.isStringLiteral(url)) {
          for (const m of methods) if (ts.isStringLiteral(m)) sink.add({ kind: 'route', symbol: owner, method: m.text.toUpperCase(), path: url.text, ...at(node) });
        }
      }
    }
    if (nextPath !== undefined && node.parent === sf) {
      const exported = (ts.getCombinedModifierFlags(node as TS.Declaration) & ts.ModifierFlags.Export) !== 0;
      if (exported && ts.isFunctionDeclaration(node) && node.name && NEXT_METHODS.has(node.name.text)) sink.add({ kind: 'route', symbol: node.name.text, method: node.name.text, path: nextPath, ...at(node) });
      if (ts.isVariableStatement(node) && node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
        for (const d of node.declarationList.declarations) {
          if (ts.isIdentifier(d.name) && NEXT_METHODS.has(d.name.text)) sink.add({ kind: 'route', symbol: d.name.text, method: d.name.text, path: nextPath, ...at(d) });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

/** `src/app/(api)/v1/responses/[response_id]/route.ts` → `/v1/responses/{response_id}`. */
export function nextRoutePath(file: string): string | undefined {
  const m = /(?:^|\/)app\/((?:.*\/)?)route\.[cm]?[jt]sx?$/.exec(file);
  if (!m) return undefined;
  const segments = m[1]!.split('/').filter((s) => s !== '' && !/^\(.*\)$/.test(s) && !s.startsWith('@'));
  return '/' + segments.map((s) => s.replace(/^\[\[?(?:\.\.\.)?([^\]]+)\]?\]$/, '{$1}')).join('/');
}
