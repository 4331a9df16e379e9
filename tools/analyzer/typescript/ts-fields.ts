/**
 * The fields a TypeScript shape declares: interface and type-literal properties (with `extends`
 * and `&` of shapes in the same file), class properties (with `extends`), and the keys of a Zod
 * object (`z.object({...})`, `.extend({...})`, `.merge(X)`, `.pick`/`.omit`, spreads of local
 * objects). A part this file cannot see (an imported base, `Omit<…>`, a computed key) leaves the
 * list open: its name is kept in `open`, and assign-items.ts completes the list from the
 * workspace or drops it, so a gap is never claimed for fields that may come from elsewhere.
 */
import type * as TS from 'typescript';
import type { Ts } from './compiler-api.js';
import type { DeclaredFields } from '../declared-fields.js';

export interface FileShapes {
  /** Declaration name → its fields. */
  byName: Map<string, DeclaredFields>;
  /** A node whose members are properties (interface, type literal, class, Zod shape object) → the declaration it belongs to. */
  ownerOf: Map<TS.Node, string>;
  /**
   * A type literal that is one member of a union (`type Event = { type: 'a'; … } | { type: 'b'; … }`)
   * → that member's own fields: each member is a shape of its own, though the union as a whole is not.
   */
  unionMembers: Map<TS.Node, DeclaredFields>;
}

/** An unseen part with no name of its own (a computed key, a spread of something else). */
const UNSEEN = '<unseen>';
/**
 * Calls that make an object schema of the keys they are given: Zod's (and Valibot's) `object`,
 * `strictObject`, `looseObject`, Effect Schema's `Schema.Struct`, TypeBox's `Type.Object`.
 */
const ZOD_OBJECT = new Set(['object', 'strictObject', 'looseObject', 'Struct', 'Object']);
/** Zod methods that keep an object's keys as they are. */
const ZOD_SAME_KEYS = new Set([
  'strict',
  'passthrough',
  'strip',
  'catchall',
  'describe',
  'brand',
  'readonly',
  'refine',
  'superRefine',
  'partial',
  'required',
  'deepPartial',
  'openapi',
  'meta',
]);

export function declaredShapes(ts: Ts, sf: TS.SourceFile, resolve: (n: string | undefined) => string | undefined): FileShapes {
  const decls = new Map<string, TS.Node>();
  const visit = (n: TS.Node): void => {
    if ((ts.isInterfaceDeclaration(n) || ts.isClassDeclaration(n) || ts.isTypeAliasDeclaration(n)) && n.name && !decls.has(n.name.text))
      decls.set(n.name.text, n);
    else if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && !decls.has(n.name.text)) decls.set(n.name.text, n);
    ts.forEachChild(n, visit);
  };
  visit(sf);

  const ownerOf = new Map<TS.Node, string>();
  const unionMembers = new Map<TS.Node, DeclaredFields>();
  const memo = new Map<string, DeclaredFields | undefined>();
  const stack = new Set<string>();
  const shape = (fields: string[] = [], open: string[] = []): DeclaredFields => ({ fields, open });
  const merge = (into: DeclaredFields, more: DeclaredFields): DeclaredFields => {
    for (const n of more.fields) if (!into.fields.includes(n)) into.fields.push(n);
    for (const n of more.open) if (!into.open.includes(n)) into.open.push(n);
    return into;
  };
  const nameOf = (name: TS.PropertyName | TS.BindingName): string | undefined =>
    ts.isIdentifier(name) ||
    ts.isStringLiteral(name) ||
    ts.isNoSubstitutionTemplateLiteral(name) ||
    ts.isNumericLiteral(name) ||
    ts.isPrivateIdentifier(name)
      ? name.text
      : undefined;
  /** A name declared elsewhere: open, unless this file declares it. */
  const named = (text: string): DeclaredFields => {
    const local = !text.includes('.') && decls.has(text) ? fieldsOf(text) : undefined;
    return local ? merge(shape(), local) : shape([], [resolve(text.split('.').pop()) ?? text]);
  };

  const members = (node: TS.Node, list: readonly TS.Node[], owner: string): DeclaredFields => {
    ownerOf.set(node, owner);
    const out = shape();
    for (const m of list) {
      if (ts.isPropertySignature(m) || (ts.isPropertyDeclaration(m) && !m.modifiers?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword))) {
        const n = nameOf(m.name);
        merge(out, n === undefined ? shape([], [UNSEEN]) : shape([n]));
      } else if (ts.isConstructorDeclaration(m)) {
        // `constructor(readonly id: string)`: a parameter property is a field.
        for (const p of m.parameters) if (p.modifiers?.length && ts.isIdentifier(p.name)) merge(out, shape([p.name.text]));
      }
    }
    return out;
  };

  const typeFields = (t: TS.TypeNode, owner: string): DeclaredFields => {
    if (ts.isParenthesizedTypeNode(t)) return typeFields(t.type, owner);
    if (ts.isTypeLiteralNode(t)) return members(t, t.members, owner);
    if (ts.isIntersectionTypeNode(t)) return t.types.reduce((acc, part) => merge(acc, typeFields(part, owner)), shape());
    if (ts.isTypeReferenceNode(t) && !t.typeArguments) return named(t.typeName.getText(sf));
    if (ts.isTypeReferenceNode(t)) return shape([], [t.typeName.getText(sf)]);
    if (ts.isUnionTypeNode(t)) for (const member of t.types) unionMember(member, owner);
    return shape([], [UNSEEN]);
  };

  /** Records a union member's fields under each type literal it is written with (`Base & { type: 'a' }` too). */
  const unionMember = (member: TS.TypeNode, owner: string): void => {
    const fields = typeFields(member, owner);
    const literals = (t: TS.TypeNode): void => {
      if (ts.isParenthesizedTypeNode(t)) literals(t.type);
      else if (ts.isTypeLiteralNode(t)) unionMembers.set(t, fields);
      else if (ts.isIntersectionTypeNode(t)) t.types.forEach(literals);
    };
    literals(member);
  };

  const objectKeys = (obj: TS.ObjectLiteralExpression, owner: string): DeclaredFields => {
    ownerOf.set(obj, owner);
    const out = shape();
    for (const p of obj.properties) {
      if (ts.isSpreadAssignment(p)) {
        // `...base` (a local object of schemas) or `...Base.shape` (a local Zod object).
        const e = p.expression;
        const target = ts.isPropertyAccessExpression(e) && e.name.text === 'shape' ? e.expression : e;
        merge(out, ts.isIdentifier(target) ? named(target.text) : shape([], [UNSEEN]));
        continue;
      }
      const n = p.name ? nameOf(p.name as TS.PropertyName) : undefined;
      merge(out, n === undefined ? shape([], [UNSEEN]) : shape([n]));
    }
    return out;
  };

  /** Keys of a Zod object expression, or undefined when it is not one. */
  const zodFields = (e: TS.Expression, owner: string): DeclaredFields | undefined => {
    e = unwrapExpression(ts, e);
    if (ts.isIdentifier(e)) return named(e.text);
    if (ts.isObjectLiteralExpression(e)) return objectKeys(e, owner);
    if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression)) return undefined;
    const method = e.expression.name.text;
    const recv = e.expression.expression;
    const arg = e.arguments[0];
    if (ZOD_OBJECT.has(method)) return arg && ts.isObjectLiteralExpression(arg) ? objectKeys(arg, owner) : arg ? undefined : shape();
    // Effect Schema's `Schema.extend(A, B)`, TypeBox's `Type.Composite([A, B])`: the keys of both.
    const parts = method === 'extend' && e.arguments.length === 2 ? [...e.arguments] : undefined;
    const listed = method === 'Composite' && arg && ts.isArrayLiteralExpression(arg) ? [...arg.elements] : undefined;
    if (parts ?? listed) {
      const out = shape();
      for (const part of (parts ?? listed)!) merge(out, zodFields(part, owner) ?? shape([], [UNSEEN]));
      return out;
    }
    const base = zodFields(recv, owner);
    if (!base) return undefined;
    if (ZOD_SAME_KEYS.has(method)) return base;
    if (method === 'extend' && arg) return merge(merge(shape(), base), zodFields(arg, owner) ?? shape([], [UNSEEN]));
    if (method === 'merge' && arg) return merge(merge(shape(), base), zodFields(arg, owner) ?? shape([], [UNSEEN]));
    if ((method === 'pick' || method === 'omit') && arg && ts.isObjectLiteralExpression(arg)) {
      const keys = new Set(arg.properties.flatMap((p) => (p.name && nameOf(p.name as TS.PropertyName)) || []));
      return { fields: base.fields.filter((f) => keys.has(f) === (method === 'pick')), open: base.open };
    }
    return undefined;
  };

  function fieldsOf(name: string): DeclaredFields | undefined {
    if (memo.has(name)) return memo.get(name);
    if (stack.has(name)) return shape([], [UNSEEN]);
    const d = decls.get(name);
    if (!d) return undefined;
    stack.add(name);
    let out: DeclaredFields | undefined;
    if (ts.isInterfaceDeclaration(d) || ts.isClassDeclaration(d)) {
      out = shape();
      for (const clause of d.heritageClauses ?? []) {
        // `implements` adds no fields: the class declares them itself. `extends Base<T>` has Base's keys.
        if (clause.token !== ts.SyntaxKind.ExtendsKeyword) continue;
        for (const t of clause.types) merge(out, named(t.expression.getText(sf)));
      }
      merge(out, members(d, d.members as readonly TS.Node[], name));
    } else if (ts.isTypeAliasDeclaration(d)) out = typeFields(d.type, name);
    else if (ts.isVariableDeclaration(d) && d.initializer) out = zodFields(d.initializer, name);
    stack.delete(name);
    memo.set(name, out);
    return out;
  }

  const byName = new Map<string, DeclaredFields>();
  for (const name of decls.keys()) {
    const f = fieldsOf(name);
    if (f) byName.set(name, f);
  }
  return { byName, ownerOf, unionMembers };
}

/** The property node (`type: …`) a definition's literal stands in, and the shape that holds it. */
export function holderOf(ts: Ts, literal: TS.Node): TS.Node | undefined {
  for (let n: TS.Node | undefined = literal.parent; n; n = n.parent) {
    if (ts.isPropertySignature(n) || ts.isPropertyDeclaration(n) || ts.isPropertyAssignment(n)) return n.parent;
    if (ts.isSourceFile(n)) return undefined;
  }
  return undefined;
}

/** `x as const`, `x satisfies T`, `(x)`: the expression inside. */
export function unwrapExpression(ts: Ts, e: TS.Expression): TS.Expression {
  while (ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
  return e;
}
