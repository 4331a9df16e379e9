/**
 * TypeScript → facts from a syntax tree (issue 4 "Kinds of fact"). Literals tie by the `type`
 * string; class and interface names go out as `className` and are resolved across the workspace
 * afterwards (resolve-classes.ts). Constants (`const CREATED = 'response.created'`, an `as const`
 * map `EventType.Created`) are followed within the file where a handler compares against them.
 */
import type { ts as TS } from 'ts-morph';
import { isEventLiteral, isWeakLiteral, TYPE_SUBJECT } from '../candidates.js';
import type { CodeFactKind } from '../facts.js';
import { FactSink, type FileContext, type FileFacts } from '../fact-sink.js';
import { fieldsForFact } from '../declared-fields.js';
import { declaredShapes, holderOf, type FileShapes } from './ts-fields.js';
import { paramFacts } from './ts-params.js';
import { routeFacts } from './ts-routes.js';

type Ts = typeof TS;

const EMIT_CALL = /(send|emit|yield|publish|push|write|enqueue|dispatch|sse|stream|event)/i;
const LISTEN_CALL = /^(on|once|addEventListener|addListener|subscribe|listen|handle|register)$/;

export function typescriptFacts(ts: Ts, sf: TS.SourceFile, ctx: FileContext): FileFacts {
  const sink = new FactSink(ctx);
  const diag = (sf as unknown as { parseDiagnostics?: TS.DiagnosticWithLocation[] }).parseDiagnostics?.[0];
  if (diag) {
    const p = sf.getLineAndCharacterOfPosition(diag.start);
    sink.warn(p.line + 1, p.character + 1, `Found a TypeScript syntax error (${ts.flattenDiagnosticMessageText(diag.messageText, ' ')}), expected valid TypeScript; the rest of the file was still analyzed`);
  }
  const at = (node: TS.Node): { line: number; column: number } => {
    const p = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    return { line: p.line + 1, column: p.character + 1 };
  };
  const aliases = new Map<string, string>();
  const constants = new Map<string, string>();
  const aliasDefs: TS.ImportSpecifier[] = [];
  collectModule(ts, sf, aliases, constants, aliasDefs);
  // `import { X as Y }`: Y names X for this module and every module that imports Y from it.
  for (const spec of aliasDefs) sink.add({ kind: 'definition', symbol: spec.name.text, className: spec.propertyName!.getText(sf), ...at(spec) });
  const resolve = (name: string | undefined): string | undefined => (name === undefined ? undefined : aliases.get(name) ?? name);
  routeFacts(ts, sf, ctx, sink, at);
  paramFacts(ts, sf, sink, at);
  // Declared fields (definitions carry them) are worked out once per file, when first asked for.
  let fileShapes: FileShapes | undefined;
  const shapes = (): FileShapes => (fileShapes ??= declaredShapes(ts, sf, resolve));
  /** The fields of the shape a definition's `type` property stands in, when that shape is the symbol's own. */
  const ownFields = (literal: TS.Node, symbol: string): { fields?: string[] } => {
    const holder = holderOf(ts, literal);
    return holder && shapes().ownerOf.get(holder) === symbol ? fieldsForFact(shapes().byName.get(symbol)) : {};
  };

  const literalOf = (node: TS.Node): string | undefined => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    const key = ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) ? node.getText(sf) : undefined;
    return key !== undefined ? constants.get(key) : undefined;
  };

  const visit = (node: TS.Node, symbol: string): void => {
    const name = declarationName(ts, node, sf) ?? testTitle(ts, node);
    if (name) symbol = name;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (isEventLiteral(node.text, ctx.candidates)) {
        const kind = roleOf(ts, node, sf);
        if (isWeakLiteral(node.text) && !isTyped(ts, node, kind, sf)) return;
        sink.add({ kind, symbol, literal: node.text, ...at(node), ...(kind === 'emitter' ? emitterClass(ts, node, resolve) : {}), ...(kind === 'definition' ? ownFields(node, symbol) : {}) });
      }
      return;
    }
    // A handler comparing against a constant: `case EventType.Created:`, `e.type === CREATED`.
    if ((ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) && constants.size > 0 && isHandlerPosition(ts, node)) {
      const value = literalOf(node);
      if (value !== undefined && isEventLiteral(value, ctx.candidates) && (!isWeakLiteral(value) || isTyped(ts, node, 'handler', sf))) sink.add({ kind: 'handler', symbol, literal: value, ...at(node) });
    }
    if (ts.isNewExpression(node)) {
      const cls = resolve(node.expression.getText(sf).split('.').pop());
      if (cls && /^[A-Z]/.test(cls)) sink.add({ kind: 'emitter', symbol, className: cls, ...at(node) });
    }
    if ((ts.isInterfaceDeclaration(node) || ts.isClassDeclaration(node)) && node.name && !hasOwnType(ts, node, sf)) {
      for (const clause of node.heritageClauses ?? []) {
        for (const t of clause.types) {
          const cls = resolve(t.expression.getText(sf).split('.').pop());
          if (cls && /^[A-Z]/.test(cls)) sink.add({ kind: 'definition', symbol: node.name.text, className: cls, ...(clause.token === ts.SyntaxKind.ExtendsKeyword ? fieldsForFact(shapes().byName.get(node.name.text), cls) : {}), ...at(t) });
        }
      }
    }
    if (ts.isTypeAliasDeclaration(node) && ts.isTypeReferenceNode(node.type)) {
      const cls = resolve(node.type.typeName.getText(sf).split('.').pop());
      if (cls && /^[A-Z]/.test(cls)) sink.add({ kind: 'definition', symbol: node.name.text, className: cls, ...at(node.type) });
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword) {
      const cls = resolve(node.right.getText(sf).split('.').pop());
      if (cls && /^[A-Z]/.test(cls)) sink.add({ kind: 'handler', symbol, className: cls, ...at(node.right) });
    }
    if (ts.isExportSpecifier(node) && node.parent.parent.moduleSpecifier) {
      // `export { ResponseCreatedEvent as Created } from '…'`: a re-export defines the name here.
      const original = (node.propertyName ?? node.name).getText(sf);
      if (/^[A-Z]/.test(original)) sink.add({ kind: 'definition', symbol: node.name.getText(sf), className: original, ...at(node) });
    }
    ts.forEachChild(node, (child) => visit(child, symbol));
  };
  visit(sf, '<module>');
  return sink.result();
}

function declarationName(ts: Ts, node: TS.Node, sf: TS.SourceFile): string | undefined {
  if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isMethodDeclaration(node) || ts.isEnumDeclaration(node)) && node.name) return node.name.getText(sf);
  if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) return node.name.text;
  return undefined;
}

/** `it('folds created', …)` / `test(…)`: a test's facts carry its title. */
function testTitle(ts: Ts, node: TS.Node): string | undefined {
  if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || !/^(it|test)$/.test(node.expression.text)) return undefined;
  const first = node.arguments[0];
  return first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) ? first.text : undefined;
}

function propertyName(ts: Ts, name: TS.PropertyName | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return undefined;
}

/** The role of an event-type string, read from where it stands. */
function roleOf(ts: Ts, node: TS.StringLiteral | TS.NoSubstitutionTemplateLiteral, sf: TS.SourceFile): CodeFactKind {
  let p: TS.Node = node.parent;
  // `type: 'a' | 'b'` on an interface, type literal or class: a definition.
  if (ts.isLiteralTypeNode(p)) {
    let q: TS.Node = p.parent;
    while (ts.isUnionTypeNode(q) || ts.isParenthesizedTypeNode(q)) q = q.parent;
    if ((ts.isPropertySignature(q) || ts.isPropertyDeclaration(q)) && propertyName(ts, q.name) === 'type') return 'definition';
    return 'literal';
  }
  if (ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) {
    if (p.name === node) return 'handler'; // `{ 'response.created': onCreated }`: a dispatch map
    if (propertyName(ts, p.name) === 'type') {
      // `readonly type = 'x'` on a class defines it; `{ type: 'x' }` builds one.
      if (ts.isPropertyDeclaration(p)) return 'definition';
      return 'emitter';
    }
    return 'literal';
  }
  if (ts.isAsExpression(p) || ts.isSatisfiesExpression(p) || ts.isParenthesizedExpression(p)) {
    const q = p.parent;
    if ((ts.isPropertyAssignment(q) || ts.isPropertyDeclaration(q)) && propertyName(ts, q.name) === 'type') return ts.isPropertyDeclaration(q) ? 'definition' : 'emitter';
    return 'literal';
  }
  if (ts.isCaseClause(p) || ts.isComputedPropertyName(p)) return 'handler';
  if (ts.isBinaryExpression(p) && isEquality(ts, p.operatorToken.kind)) return 'handler';
  if (ts.isYieldExpression(p)) return 'emitter';
  if (ts.isArrayLiteralExpression(p)) {
    const call = p.parent;
    if (ts.isCallExpression(call)) {
      const callee = calleeName(ts, call, sf);
      if (callee === 'enum' && isZodTypeProperty(ts, call)) return 'definition';
      if (callee === 'includes') return 'handler';
    }
    return 'literal';
  }
  if (ts.isCallExpression(p) || ts.isNewExpression(p)) {
    const callee = ts.isCallExpression(p) ? calleeName(ts, p, sf) : undefined;
    if (callee === 'literal') return isZodTypeProperty(ts, p as TS.CallExpression) ? 'definition' : 'literal';
    if (callee && LISTEN_CALL.test(callee)) return 'handler';
    if (callee && EMIT_CALL.test(callee)) return 'emitter';
  }
  return 'literal';
}

/** Whether the code says this string is a type (see isWeakLiteral): a `type` property, or a comparison/switch over a type. */
function isTyped(ts: Ts, node: TS.Node, kind: CodeFactKind, sf: TS.SourceFile): boolean {
  if (kind === 'definition') return true;
  let p = node.parent;
  while (ts.isAsExpression(p) || ts.isSatisfiesExpression(p) || ts.isParenthesizedExpression(p)) p = p.parent;
  if (ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) return p.name !== node && propertyName(ts, p.name) === 'type';
  if (ts.isCaseClause(p)) return TYPE_SUBJECT.test(p.parent.parent.expression.getText(sf));
  if (ts.isBinaryExpression(p)) return TYPE_SUBJECT.test((p.left === node ? p.right : p.left).getText(sf));
  return false;
}

function isEquality(ts: Ts, kind: TS.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.EqualsEqualsEqualsToken || kind === ts.SyntaxKind.EqualsEqualsToken || kind === ts.SyntaxKind.ExclamationEqualsEqualsToken || kind === ts.SyntaxKind.ExclamationEqualsToken;
}

function isHandlerPosition(ts: Ts, node: TS.Node): boolean {
  const p = node.parent;
  if (ts.isPropertyAccessExpression(p) && p.expression === node) return false; // only the whole `A.B`
  if (ts.isCaseClause(p) && p.expression === node) return true;
  if (ts.isComputedPropertyName(p)) return true;
  if (ts.isBinaryExpression(p) && isEquality(ts, p.operatorToken.kind)) return true;
  if (ts.isCallExpression(p) && p.arguments[0] === node && ts.isPropertyAccessExpression(p.expression) && LISTEN_CALL.test(p.expression.name.text)) return true;
  return false;
}

function calleeName(ts: Ts, call: TS.CallExpression, sf: TS.SourceFile): string | undefined {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return e.getText(sf);
}

/** `type: z.literal('x')` (also `.describe(…)`-chained) inside a Zod object: the schema defines the type. */
function isZodTypeProperty(ts: Ts, call: TS.CallExpression): boolean {
  let n: TS.Node = call;
  while ((ts.isPropertyAccessExpression(n.parent) && n.parent.expression === n) || (ts.isCallExpression(n.parent) && n.parent.expression === n)) n = n.parent;
  const p = n.parent;
  if (ts.isPropertyAssignment(p) && propertyName(ts, p.name) === 'type') return true;
  // `z.discriminatedUnion` members and `z.union([z.literal('a'), …])` under `type:`
  if (ts.isArrayLiteralExpression(p) && ts.isCallExpression(p.parent)) return isZodTypeProperty(ts, p.parent);
  return false;
}

function hasOwnType(ts: Ts, node: TS.InterfaceDeclaration | TS.ClassDeclaration, _sf: TS.SourceFile): boolean {
  return (node.members as TS.NodeArray<TS.Node>).some((m) => (ts.isPropertySignature(m) || ts.isPropertyDeclaration(m)) && propertyName(ts, m.name) === 'type');
}

/** The class a `{ type: 'x' }` literal is built as: `new X({ type: 'x' })` or `X.parse({ type: 'x' })`. */
function emitterClass(ts: Ts, node: TS.Node, resolve: (n: string | undefined) => string | undefined): { className?: string } {
  const obj = node.parent?.parent;
  const call = obj && ts.isObjectLiteralExpression(obj) ? obj.parent : undefined;
  if (call && ts.isNewExpression(call) && ts.isIdentifier(call.expression)) {
    const cls = resolve(call.expression.text);
    return cls ? { className: cls } : {};
  }
  return {};
}

/** Import aliases (`import { A as B }`) and constants that hold an event type, for handler comparisons. */
function collectModule(ts: Ts, sf: TS.SourceFile, aliases: Map<string, string>, constants: Map<string, string>, aliasDefs: TS.ImportSpecifier[]): void {
  const unwrap = (e: TS.Expression): TS.Expression => {
    while (ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
    return e;
  };
  const visit = (node: TS.Node): void => {
    if (ts.isImportSpecifier(node) && node.propertyName) aliases.set(node.name.text, node.propertyName.getText(sf));
    if (ts.isImportSpecifier(node) && node.propertyName && /^[A-Z]/.test(node.propertyName.getText(sf))) aliasDefs.push(node);
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const init = unwrap(node.initializer);
      if (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init)) constants.set(node.name.text, init.text);
      else if (ts.isObjectLiteralExpression(init)) {
        for (const prop of init.properties) {
          if (!ts.isPropertyAssignment(prop)) continue;
          const key = propertyName(ts, prop.name);
          const value = unwrap(prop.initializer);
          if (key !== undefined && (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value))) constants.set(`${node.name.text}.${key}`, value.text);
        }
      }
    }
    if (ts.isEnumDeclaration(node)) {
      for (const m of node.members) {
        const key = propertyName(ts, m.name);
        if (key !== undefined && m.initializer && ts.isStringLiteral(m.initializer)) constants.set(`${node.name.text}.${key}`, m.initializer.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}
