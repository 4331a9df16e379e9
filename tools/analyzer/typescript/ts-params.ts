/**
 * Request models in TypeScript: an interface, an object type alias, a class (a DTO), or a Zod `z.object({...})`
 * whose fields look like an endpoint's body (candidates.ts `mayBeRequestModel`). One param fact per
 * field with the declared type text, optionality, default and accepted values.
 */
import type * as TS from 'typescript';
import type { Ts } from './compiler-api.js';
import { mayBeRequestModel } from '../candidates.js';
import type { FactSink } from '../fact-sink.js';

/** Where a per-node check puts its facts: a sink, or a buffer the caller hands on to one. */
export type FactAdder = Pick<FactSink, 'add' | 'ctx'>;

type At = (node: TS.Node) => { line: number; column: number };

interface TsField {
  name: string;
  node: TS.Node;
  typeText: string;
  optional: boolean;
  default?: string;
  values: string[];
  /** A type whose values may come from an alias of this file: looked up only for a field that is emitted. */
  valuesFrom?: TS.TypeNode;
}

/**
 * The check each node gets (the caller walks the tree: one walk serves several checks), and what to
 * do at the walk's end: a type the file's own route calls send as their body is a request model
 * whatever its fields (an update that takes only `metadata`), and the call may come before or after it.
 */
export function paramVisitor(
  ts: Ts,
  sf: TS.SourceFile,
  sink: FactAdder,
  at: At,
  /** This file's aliases of string unions (`type Includable = 'a' | 'b'`), as its module facts list them. */
  unions: readonly [string, string[]][] = [],
): { visit: (node: TS.Node) => void; finish: (bodies: ReadonlySet<string>) => void } {
  // Only the declarations are kept, not their fields: a large file has thousands of types, and
  // holding every one's fields to the walk's end cost ~30 MB of peak memory on vercel-ai.
  const held: { symbol: string; node: TS.Node }[] = [];
  const emit = (symbol: string, node: TS.Node, fields: TsField[]): void => {
    if (
      !mayBeRequestModel(
        symbol,
        fields.map((f) => f.name),
        sink.ctx.candidates,
      )
    ) {
      if (fields.length > 0) held.push({ symbol, node });
      return;
    }
    add(symbol, fields);
  };
  const add = (symbol: string, fields: TsField[]): void => {
    for (const f of fields) {
      sink.add({
        kind: 'param',
        symbol,
        field: f.name,
        declaredType: f.typeText,
        optional: f.optional,
        ...(f.default !== undefined ? { default: f.default } : {}),
        ...withValues(f.values.length > 0 || !f.valuesFrom ? f.values : aliasValues(f.valuesFrom)),
        ...at(f.node),
      });
    }
  };
  const literalStrings = (node: TS.Node): string[] => {
    const out: string[] = [];
    const walk = (n: TS.Node): void => {
      if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) out.push(n.text);
      else ts.forEachChild(n, walk);
    };
    walk(node);
    return out;
  };
  /** `Includable`, `Array<Includable>`, `Includable[] | null`: the values of the one alias named, when this file declares it. */
  const aliasValues = (t: TS.TypeNode): string[] => {
    const names: string[] = [];
    const walk = (n: TS.Node): void => {
      if (ts.isTypeReferenceNode(n) && ts.isIdentifier(n.typeName) && n.typeName.text !== 'Array') names.push(n.typeName.text);
      ts.forEachChild(n, walk);
    };
    walk(t);
    return names.length === 1 ? (unions.find(([n]) => n === names[0])?.[1] ?? []) : [];
  };
  /** A field declared with a type: its text, and the values a string-literal union (or an alias of one) accepts. */
  const typedField = (name: string, node: TS.Node, type: TS.TypeNode | undefined, optional: boolean, def?: string): TsField => {
    const isUnionOfLiterals = type && (ts.isUnionTypeNode(type) || ts.isLiteralTypeNode(type)) && literalStrings(type).length > 0;
    return {
      name,
      node,
      typeText: type?.getText(sf) ?? 'any',
      optional,
      ...(def !== undefined ? { default: def } : {}),
      values: isUnionOfLiterals ? literalStrings(type!) : [],
      ...(isUnionOfLiterals || !type ? {} : { valuesFrom: type }),
    };
  };
  const fromMembers = (members: readonly TS.TypeElement[]): TsField[] =>
    members
      .filter(ts.isPropertySignature)
      .map((m) => typedField(m.name.getText(sf).replace(/^['"]|['"]$/g, ''), m, m.type, m.questionToken !== undefined));
  const finish = (bodies: ReadonlySet<string>): void => {
    for (const model of held) if (bodies.has(model.symbol)) add(model.symbol, fieldsOf(model.node) ?? []);
  };
  /**
   * A class's own instance properties (a NestJS or class-validator DTO): optional when marked `?`,
   * decorated `@IsOptional()` or initialized, its initializer the default.
   */
  const fromClass = (cls: TS.ClassDeclaration): TsField[] =>
    cls.members.filter(ts.isPropertyDeclaration).flatMap((m) => {
      if (ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Static || !(ts.isIdentifier(m.name) || ts.isStringLiteral(m.name))) return [];
      const optionalByDecorator = (m.modifiers ?? []).some(
        (d) => d.kind === ts.SyntaxKind.Decorator && /^@IsOptional\(/.test(d.getText(sf)),
      );
      const optional = m.questionToken !== undefined || m.initializer !== undefined || optionalByDecorator;
      // At the name's line, not a decorator's above it.
      return [typedField(m.name.text, m.name, m.type, optional, m.initializer?.getText(sf))];
    });
  /** A declaration's fields when it declares a shape: an interface, an object type alias, a class, a Zod object. */
  const fieldsOf = (node: TS.Node): TsField[] | undefined => {
    if (ts.isInterfaceDeclaration(node)) return fromMembers(node.members);
    if (ts.isClassDeclaration(node) && node.name) return fromClass(node);
    if (ts.isTypeAliasDeclaration(node) && ts.isTypeLiteralNode(node.type)) return fromMembers(node.type.members);
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const obj = zodObjectShape(ts, node.initializer, sf);
      if (obj)
        return obj.properties.filter(ts.isPropertyAssignment).map((p): TsField => {
          const text = p.initializer.getText(sf);
          const def = /\.default\(([^)]*)\)/.exec(text);
          const enumCall = /\bz\.(enum|literal|union)\(/.test(text);
          return {
            name: p.name.getText(sf).replace(/^['"]|['"]$/g, ''),
            node: p,
            typeText: text,
            optional: /\.(optional|nullish|default)\(/.test(text),
            ...(def ? { default: def[1]!.trim() } : {}),
            values: enumCall ? literalStrings(p.initializer) : [],
          };
        });
    }
    return undefined;
  };
  const visit = (node: TS.Node): void => {
    const fields = fieldsOf(node);
    // Each of the shapes fieldsOf reads is named by an identifier.
    if (fields) emit(((node as TS.DeclarationStatement).name as TS.Identifier).text, node, fields);
  };
  return { visit, finish };
}

/** `z.object({...})`, possibly chained (`.strict()`, `.extend(...)`): the object literal of its shape. */
function zodObjectShape(ts: Ts, e: TS.Expression, sf: TS.SourceFile): TS.ObjectLiteralExpression | undefined {
  while (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) {
    if (/^(z\.)?(strictObject|object|looseObject)$/.test(e.expression.getText(sf).replace(/^.*\b(z\.)/, '$1'))) {
      const arg = e.arguments[0];
      return arg && ts.isObjectLiteralExpression(arg) ? arg : undefined;
    }
    e = e.expression.expression;
  }
  return undefined;
}

function withValues(values: string[]): { values?: string[] } {
  return values.length > 0 ? { values } : {};
}
