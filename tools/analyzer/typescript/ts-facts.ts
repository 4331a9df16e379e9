/**
 * TypeScript → facts from a syntax tree. A string counts where the code says it is an event type
 * (a declaration's own `type` property, a `case`, a comparison, a dispatch key, a built object's
 * `type`); class names go out as written (`className`) with the module's imports, exports and
 * declarations, and the workspace pass resolves them through bindings (bindings.ts,
 * assign-items.ts). Constants (`const CREATED = 'response.created'`, an `as const` map
 * `EventType.Created`) are followed within the file where a handler compares against them.
 */
import type * as TS from 'typescript';
import type { Ts } from './compiler-api.js';
import { type Candidates, isEventLiteral, isTypePrefix, isTypeSubject, isWeakLiteral, PREFIX_CHECK, TYPE_SUBJECT } from '../candidates.js';
import type { CodeFactKind } from '../facts.js';
import { type FactInput, FactSink, type FileContext, type FileFacts } from '../fact-sink.js';
import { fieldsForFact } from '../declared-fields.js';
import { declaredShapes, holderOf, unwrapExpression, type FileShapes } from './ts-fields.js';
import { COMMONJS_EXPORT, keepEventConstants, type ModuleFacts } from '../module-facts.js';
import { paramVisitor } from './ts-params.js';
import { bodyReaders, constantValue, exprName, fileFunctions, returnedKeys, routeVisitor } from './ts-routes.js';
import { isEquality, isFunctionLike } from './sent-flow.js';
import { typedRequestKinds, typedRequestVisitor } from './typed-request.js';
import { embeddedTraceTypes, sseEventTypes } from '../trace/trace-facts.js';
import { alternation } from '../prefilter.js';
import { pathOfUrl, sentBodyKeys } from '../client-path.js';

const EMIT_CALL = /(send|emit|yield|publish|push|write|enqueue|dispatch|sse|stream|event)/i;
export const LISTEN_CALL = /^(on|once|addEventListener|addListener|subscribe|listen|handle|register)$/;

export function typescriptFacts(ts: Ts, sf: TS.SourceFile, ctx: FileContext): FileFacts {
  const sink = new FactSink(ctx);
  const diag = (sf as unknown as { parseDiagnostics?: TS.DiagnosticWithLocation[] }).parseDiagnostics?.[0];
  if (diag) {
    const p = sf.getLineAndCharacterOfPosition(diag.start);
    sink.warn(
      p.line + 1,
      p.character + 1,
      `Found a TypeScript syntax error (${ts.flattenDiagnosticMessageText(diag.messageText, ' ')}), expected valid TypeScript; the rest of the file was still analyzed`,
    );
  }
  const at = (node: TS.Node): { line: number; column: number } => {
    const p = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    return { line: p.line + 1, column: p.character + 1 };
  };
  const renamed = new Map<string, string>();
  const constants = new Map<string, string>();
  /** This file's collections of strings (`const TERMINAL = new Set(['response.completed', …])`), for `TERMINAL.has(e.type)`. */
  const members = new Map<string, string[]>();
  /** This file's collections of constants (`const TERMINAL = new Set([EventType.Completed, …])`), as written. */
  const constantMembers = new Map<string, string[]>();
  collectModule(ts, sf, sink, renamed);
  const readers = bodyReaders(ts, sf, at);
  if (readers.length) sink.module.bodyReaders = readers;
  // One walk over the tree does everything below. Its checks read the parents of the node they
  // visit and of its ancestors, which the walk sets on the way down (the parse leaves them unset),
  // and never a parent below. Facts reach the sink in the order of a walk per check: routes, then
  // request models, then the rest by their node's place in the walk (the sink keeps the first of
  // two equal facts). A comparison with a constant waits for the walk's end: the constant may be
  // declared further down.
  const routes: FactInput[] = [];
  const params: FactInput[] = [];
  const onRoute = routeVisitor(ts, sf, ctx, { ctx, add: (f) => routes.push(f) }, at, sink.module);
  const onParam = paramVisitor(ts, sf, { ctx, add: (f) => params.push(f) }, at, sink.module.unions);
  const onTypedRequest = typedRequestVisitor(ts, sf, { ctx, add: (f) => routes.push(f) }, at, sink.module);
  const typedKinds = typedRequestKindsOf(ts);
  /** The rest, each with its node's place in the walk. */
  const found: { node: number; fact: FactInput }[] = [];
  let place = 0;
  const add = (fact: FactInput): void => {
    found.push({ node: place, fact });
  };
  // Three lists rather than an object per name: a large file has thousands of names in comparisons.
  const comparedNodes: TS.Node[] = [];
  const comparedSymbols: string[] = [];
  const comparedPlaces: number[] = [];
  // Only for shapes: a base imported under another name still has its original name there. Facts
  // keep names as written; the workspace pass resolves them through the module graph.
  const resolve = (name: string | undefined): string | undefined => (name === undefined ? undefined : (renamed.get(name) ?? name));
  // Declared fields (definitions carry them) are worked out once per file, when first asked for.
  let fileShapes: FileShapes | undefined;
  const shapes = (): FileShapes => (fileShapes ??= declaredShapes(ts, sf, resolve));
  /** The fields of the shape a definition's `type` property stands in, when that shape is the symbol's own. */
  const ownFields = (literal: TS.Node, symbol: string): { fields?: string[] } => {
    const holder = holderOf(ts, literal);
    if (!holder || shapes().ownerOf.get(holder) !== symbol) return {};
    return fieldsForFact(shapes().unionMembers.get(holder) ?? shapes().byName.get(symbol));
  };

  // Whether the file declares or builds a type with a constant at all (`type: EventType.`,
  // `type: z.literal(RESPONSE_`): most files do not, and the test is one scan of the text instead of
  // one per name the walk visits.
  const constantTypes = CONSTANT_TYPE.test(sf.text);
  const literalOf = (node: TS.Node): string | undefined => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    const key = ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) ? node.getText(sf) : undefined;
    return key !== undefined ? constants.get(key) : undefined;
  };

  // The enclosing declaration or test, kept in one variable rather than passed down: a closure per
  // node (to pass it) is a million allocations on a large tree.
  let symbol = '<module>';
  // One switch on the node's kind rather than a chain of type guards: most nodes match no case, and
  // a cold run executes this a million times before the JIT has optimised anything.
  const K = ts.SyntaxKind;
  /** The node's own facts; false when its children hold nothing more (a string's). */
  const visitNode = (node: TS.Node): boolean => {
    switch (node.kind) {
      case K.StringLiteral:
      case K.NoSubstitutionTemplateLiteral:
      case K.TemplateExpression:
        return visitString(node as TS.StringLiteral | TS.NoSubstitutionTemplateLiteral | TS.TemplateExpression);
      case K.Identifier:
        visitName(node);
        return true;
      case K.PropertyAccessExpression:
        if (sdkClasses?.has((node as TS.PropertyAccessExpression).name.text)) visitReference(node);
        visitName(node);
        return true;
      case K.QualifiedName:
        // `ResponseTextDeltaEvent.Logprob`: a type nested in the class's namespace, not the class.
        if (
          sdkClasses?.has((node as TS.QualifiedName).right.text) &&
          !(node.parent && ts.isQualifiedName(node.parent) && node.parent.left === node)
        )
          visitReference(node);
        // Only a type written as a constant (`type: EventType.Created`) makes one count.
        if (constantTypes) visitConstant(node);
        return true;
      case K.NewExpression:
        visitNew(node as TS.NewExpression);
        return true;
      case K.ShorthandPropertyAssignment:
        if ((node as TS.ShorthandPropertyAssignment).name.text === 'type') visitCaseType(node as TS.ShorthandPropertyAssignment);
        return true;
      case K.InterfaceDeclaration:
      case K.ClassDeclaration:
        visitHeritage(node as TS.InterfaceDeclaration | TS.ClassDeclaration);
        return true;
      case K.BinaryExpression:
        visitInstanceOf(node as TS.BinaryExpression);
        return true;
      default:
        return true;
    }
  };
  /**
   * `switch (type) { case 'response.output_item.added': return { type, item } }`: an event made again
   * from the value the switch is on, of the type each of the case's labels names.
   */
  const visitCaseType = (node: TS.ShorthandPropertyAssignment): void => {
    let clause: TS.Node | undefined = node.parent;
    while (clause && !ts.isCaseClause(clause) && !isFunctionLike(ts, clause)) clause = clause.parent;
    if (!clause || !ts.isCaseClause(clause)) return;
    const block = clause.parent;
    const subject = block?.parent && ts.isSwitchStatement(block.parent) ? unwrapExpression(ts, block.parent.expression) : undefined;
    if (!subject || !ts.isIdentifier(subject) || subject.text !== 'type' || block.kind !== K.CaseBlock) return;
    // Its keys, for the shape check every event an object literal builds goes through.
    const keys = ts.isObjectLiteralExpression(node.parent) ? literalKeys(ts, node.parent) : undefined;
    if (!keys) return;
    // `case 'a': case 'b': return { type }`: the labels that fall through to it too.
    const clauses = block.clauses;
    let first = clauses.indexOf(clause);
    while (first > 0 && clauses[first - 1]!.statements.length === 0) first--;
    for (const c of clauses.slice(first, clauses.indexOf(clause) + 1)) {
      const label = ts.isCaseClause(c) ? c.expression : undefined;
      if (!label || !(ts.isStringLiteral(label) || ts.isNoSubstitutionTemplateLiteral(label))) continue;
      if (isEventLiteral(label.text, ctx.candidates) && !isWeakLiteral(label.text))
        add({ kind: 'emitter', symbol, literal: label.text, evidence: 'type of the case, made again', fields: keys, ...at(node) });
    }
  };

  /** A string: a trace line inside it, or an event type where it stands; false: nothing below it counts. */
  const visitString = (node: TS.StringLiteral | TS.NoSubstitutionTemplateLiteral | TS.TemplateExpression): boolean => {
    const template = node.kind === K.TemplateExpression;
    const text = template ? node.getText(sf).slice(1, -1) : node.text;
    // A recorded event inside a string (a test's golden stream): a trace line.
    for (const type of embeddedTraceTypes(text)) {
      if (isEventLiteral(type, ctx.candidates))
        add({ kind: 'literal', symbol, literal: type, evidence: 'trace line in a string', ...at(node) });
    }
    // A stream framed by hand (`\`event: response.created\ndata: ${json}\n\n\``) emits the events its
    // `event:` lines name; a comparison with such a line reads them instead. An undotted type
    // (`event: error`) is every streaming API's: another vendor's stream is no evidence.
    const framed = sseEventTypes(text);
    // Compared or looked for in what was read (`line.includes('event: response.completed')`, a
    // test's `expect(body).toContain(…)`), the line's events are handled.
    const sought = framed.length > 0 && (isComparedOrCase(ts, node) || isSearchedFor(ts, node));
    for (const type of framed)
      if (isEventLiteral(type, ctx.candidates) && !isWeakLiteral(type))
        add({
          kind: sought ? 'handler' : 'emitter',
          symbol,
          literal: type,
          evidence: sought ? 'SSE event line compared' : 'SSE event line in a string',
          ...at(node),
        });
    if (template) {
      // `response.${terminal}` with `terminal` a choice of written strings: each event it may make.
      for (const type of templateChoices(ts, sf, node as TS.TemplateExpression)) {
        if (!isEventLiteral(type, ctx.candidates) || isWeakLiteral(type)) continue;
        const { kind, evidence } = roleOf(ts, node, sf, ctx.candidates.nameKeyed, type);
        if (kind !== 'literal') add({ kind, symbol, literal: type, evidence, ...at(node) });
      }
      return true;
    }
    const prefixed = prefixCheck(ts, node, sf, ctx.candidates);
    if (prefixed) {
      add({ kind: 'handler', symbol, literal: node.text, ...prefixed, evidence: PREFIX_CHECK, ...at(node) });
      return false;
    }
    if (isEventLiteral(node.text, ctx.candidates)) {
      const { kind, evidence } = roleOf(ts, node, sf, ctx.candidates.nameKeyed);
      if (
        isWeakLiteral(node.text) &&
        (!isTyped(ts, node, kind, sf, ctx.candidates.nameKeyed) || besideOtherCases(ts, node, ctx.candidates))
      )
        return false;
      add({
        kind,
        symbol,
        literal: node.text,
        evidence,
        ...at(node),
        // An SSE message's keys (`event`, `data`) are its envelope's, not the event's.
        ...(kind === 'emitter' && evidence !== SSE_MESSAGE ? { ...emitterClass(ts, node), ...objectKeys(ts, node) } : {}),
        ...(kind === 'definition' ? ownFields(node, symbol) : {}),
      });
    } else {
      const object = ctx.candidates.objectByValue.get(node.text);
      const evidence = object !== undefined ? objectDeclaration(ts, node) : undefined;
      if (evidence) add({ kind: 'definition', symbol, object, evidence, ...at(node), ...ownFields(node, symbol) });
    }
    return false;
  };
  /**
   * A handler comparing against a constant (`case EventType.Created:`, `e.type === CREATED`): judged
   * once every constant of the file is known. A constant written as one where a type is declared or
   * built (`type: EventType.Created`, `{ type: EventType.Created }`, `z.literal(EventType.Created)`)
   * names it as written, for the workspace pass to read in whichever module declares it.
   */
  const visitName = (node: TS.Node): void => {
    if (isHandlerPosition(ts, node)) {
      comparedNodes.push(node);
      comparedSymbols.push(symbol);
      comparedPlaces.push(place);
    } else if (constantTypes) visitConstant(node);
  };
  // Apart from visitName, which the walk calls for every name: kept small, it stays inlined.
  const visitConstant = (node: TS.Node): void => {
    const role = looksConstant(ts, node) ? constantRole(ts, node) : undefined;
    if (role)
      add({
        kind: role.kind,
        symbol,
        constant: node.getText(sf),
        evidence: role.evidence,
        ...at(node),
        ...(role.kind === 'definition' ? ownFields(node, symbol) : {}),
      });
  };
  const comparedFacts = (): void => {
    comparedNodes.forEach((node, i) => {
      const held = members.size > 0 ? members.get(node.getText(sf)) : undefined;
      if (held) {
        // `TERMINAL.has(e.type)`: each type the collection holds is handled here.
        if (isTyped(ts, node, 'handler', sf))
          for (const value of held)
            if (isEventLiteral(value, ctx.candidates))
              found.push({
                node: comparedPlaces[i]!,
                fact: { kind: 'handler', symbol: comparedSymbols[i]!, literal: value, evidence: 'membership check', ...at(node) },
              });
        return;
      }
      const heldConstants = constantMembers.size > 0 ? constantMembers.get(node.getText(sf)) : undefined;
      if (heldConstants) {
        // `TERMINAL.has(e.type)` with `TERMINAL = new Set([EventType.Completed, …])`: each constant's
        // type, this file's or (named as written) another module's.
        if (isTyped(ts, node, 'handler', sf))
          for (const written of heldConstants) {
            const own = constants.get(written);
            const named = own === undefined ? { constant: written } : isEventLiteral(own, ctx.candidates) ? { literal: own } : undefined;
            if (named)
              found.push({
                node: comparedPlaces[i]!,
                fact: { kind: 'handler', symbol: comparedSymbols[i]!, ...named, evidence: 'membership check', ...at(node) },
              });
          }
        return;
      }
      const value = constants.size > 0 ? literalOf(node) : undefined;
      if (value !== undefined && isEventLiteral(value, ctx.candidates) && (!isWeakLiteral(value) || isTyped(ts, node, 'handler', sf)))
        found.push({
          node: comparedPlaces[i]!,
          fact: { kind: 'handler', symbol: comparedSymbols[i]!, literal: value, evidence: 'comparison with a constant', ...at(node) },
        });
      // Not this file's: another module's, perhaps (held to the rule of an undotted type; a dispatch
      // map's key, `{ [Events.Created]: onCreated }`, counts when it holds a dotted type).
      else if (value === undefined && looksConstant(ts, node)) {
        const dispatchKey = isDispatchKey(ts, node);
        if (dispatchKey || isTyped(ts, node, 'handler', sf))
          found.push({
            node: comparedPlaces[i]!,
            fact: {
              kind: 'handler',
              symbol: comparedSymbols[i]!,
              constant: node.getText(sf),
              evidence: dispatchKey ? 'computed dispatch key' : 'comparison with a constant',
              ...(dispatchKey ? { dottedOnly: true as const } : {}),
              ...at(node),
            },
          });
      }
    });
  };
  /**
   * An SDK class read through a namespace or module it imported (`OpenAI.Responses.ResponseCreatedEvent`
   * of `import OpenAI from 'openai'`, `R.ResponseCreatedEvent` of `import * as R from …`): a
   * definition by reference, as an import of the class by name is one by import. The first
   * reference per name as written; the workspace pass keeps it only where the name resolves into
   * the SDK. Test files import the SDK's classes to test them, as with imports by name: not a definition.
   */
  const sdkClasses = ctx.isTest ? undefined : ctx.candidates.typeByClass;
  const referenced = new Set<string>();
  const visitReference = (node: TS.Node): void => {
    const written = writtenName(ts, node);
    if (written === undefined || referenced.has(written)) return;
    referenced.add(written);
    add({ kind: 'definition', symbol: written, className: written, evidence: `reference to ${written}`, ...at(node) });
  };
  const visitNew = (node: TS.NewExpression): void => {
    const cls = writtenName(ts, node.expression);
    if (cls && isClassName(cls)) add({ kind: 'emitter', symbol, className: cls, evidence: 'new expression', ...at(node) });
  };
  const visitHeritage = (node: TS.InterfaceDeclaration | TS.ClassDeclaration): void => {
    if (node.name && !hasOwnType(ts, node, sf)) {
      for (const clause of node.heritageClauses ?? []) {
        // `implements` promises a shape; only `extends` makes this declaration one of the base's kind.
        if (clause.token !== ts.SyntaxKind.ExtendsKeyword) continue;
        for (const t of clause.types) {
          const cls = writtenName(ts, t.expression);
          const original = resolve(t.expression.getText(sf).split('.').pop());
          if (cls && original && isClassName(cls))
            add({
              kind: 'definition',
              symbol: node.name.text,
              className: cls,
              evidence: `extends ${cls}`,
              ...fieldsForFact(shapes().byName.get(node.name.text), original),
              ...at(t),
            });
        }
      }
    }
  };
  const visitInstanceOf = (node: TS.BinaryExpression): void => {
    if (node.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword) {
      const cls = writtenName(ts, node.right);
      if (cls && isClassName(cls)) add({ kind: 'handler', symbol, className: cls, evidence: 'instanceof check', ...at(node.right) });
    }
  };
  let parent: TS.Node = sf;
  const visit = (node: TS.Node): void => {
    (node as { parent: TS.Node }).parent = parent;
    recordConstants(ts, node, constants, members, constantMembers);
    onRoute(node);
    if (typedKinds[node.kind] === 1) onTypedRequest(node);
    onParam.visit(node);
    place++;
    const outerSymbol = symbol;
    const name = node.kind === ts.SyntaxKind.CallExpression ? testTitle(ts, node as TS.CallExpression) : declarationName(ts, node, sf);
    if (name) symbol = name;
    const outerParent = parent;
    parent = node;
    if (visitNode(node)) ts.forEachChild(node, visit);
    parent = outerParent;
    symbol = outerSymbol;
  };
  if (visitNode(sf)) ts.forEachChild(sf, visit);
  comparedFacts();
  onParam.finish(new Set(routes.flatMap((r) => (r.className === undefined ? [] : [r.className]))));
  for (const f of routes) sink.add(f);
  for (const f of params) sink.add(f);
  // Stable: a node's own facts keep the order they were found in.
  found.sort((a, b) => a.node - b.node);
  for (const f of found) sink.add(f.fact);
  keepEventConstants(sink.module);
  // A test file builds no request another module sends.
  const keys = requestKeys(ctx.candidates);
  const returned = keys.known.size > 0 && !ctx.isTest ? returnedKeys(ts, sf, at, keys.known, keys.written) : [];
  if (returned.length) sink.module.returned = returned;
  return sink.result();
}

/**
 * The keys a request builder writes (client-path.ts `sentBodyKeys`), and a test for one written as an object's key
 * (`model:`, `'model':`, shorthand `{ model, input }`): once per run's candidates.
 */
function requestKeys(candidates: Candidates): { known: ReadonlySet<string>; written: RegExp } {
  let found = requestKeysOf.get(candidates);
  if (!found) {
    const known = sentBodyKeys(candidates.sdkCalls);
    const names = alternation(known);
    found = { known, written: new RegExp(`(?:\\b|["'])(${names})["']?\\s*[:,}]`, 'g') };
    requestKeysOf.set(candidates, found);
  }
  return found;
}

const requestKeysOf = new WeakMap<Candidates, { known: ReadonlySet<string>; written: RegExp }>();

const kindTables = new WeakMap<Ts, Uint8Array>();
/** The kinds the typed-request check reads, built once per compiler. */
function typedRequestKindsOf(ts: Ts): Uint8Array {
  let table = kindTables.get(ts);
  if (!table) {
    table = typedRequestKinds(ts);
    kindTables.set(ts, table);
  }
  return table;
}

/** `'a' | 'b' | null`, `… | undefined`: the strings, when every member is a string or nothing. */
function stringUnion(ts: Ts, t: TS.UnionTypeNode): string[] | undefined {
  const out: string[] = [];
  for (const m of t.types) {
    if (m.kind === ts.SyntaxKind.UndefinedKeyword) continue;
    if (!ts.isLiteralTypeNode(m)) return undefined;
    if (ts.isStringLiteral(m.literal)) out.push(m.literal.text);
    else if (m.literal.kind !== ts.SyntaxKind.NullKeyword) return undefined;
  }
  return out.length > 0 ? out : undefined;
}

function declarationName(ts: Ts, node: TS.Node, sf: TS.SourceFile): string | undefined {
  const K = ts.SyntaxKind;
  switch (node.kind) {
    case K.FunctionDeclaration:
    case K.ClassDeclaration:
    case K.InterfaceDeclaration:
    case K.TypeAliasDeclaration:
    case K.MethodDeclaration:
    case K.EnumDeclaration: {
      const name = (node as TS.DeclarationStatement | TS.MethodDeclaration).name;
      return name ? name.getText(sf) : undefined;
    }
    case K.VariableDeclaration: {
      const name = (node as TS.VariableDeclaration).name;
      return ts.isIdentifier(name) ? name.text : undefined;
    }
    default:
      return undefined;
  }
}

/** `it('folds created', …)` / `test(…)`: a test's facts carry its title. */
function testTitle(ts: Ts, node: TS.CallExpression): string | undefined {
  if (!ts.isIdentifier(node.expression) || !/^(it|test)$/.test(node.expression.text)) return undefined;
  const first = node.arguments[0];
  return first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) ? first.text : undefined;
}

function propertyName(ts: Ts, name: TS.PropertyName | undefined): string | undefined {
  if (!name) return undefined;
  // `#frame` of a class's private method: called as `this.#frame(…)`.
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name))
    return name.text;
  return undefined;
}

interface Role {
  kind: CodeFactKind;
  evidence: string;
}

const role = (kind: CodeFactKind, evidence: string): Role => ({ kind, evidence });

/** The role of an event-type string, read from where it stands. */
function roleOf(
  ts: Ts,
  node: TS.StringLiteral | TS.NoSubstitutionTemplateLiteral | TS.TemplateExpression,
  sf: TS.SourceFile,
  nameKeyed: ReadonlySet<string>,
  /** The type the node names: its text, or for a template one of the texts it may make. */
  literal = ts.isTemplateExpression(node) ? '' : node.text,
): Role {
  // A branch of a choice stands where the choice does: `type: failed ? 'response.failed' :
  // 'response.completed'` builds either event, `emit(done ? 'a' : 'b', …)` emits either.
  // So does a literal in parentheses or narrowed (`('response.created' as const)`).
  let at: TS.Node = node;
  let choice = false;
  for (;;) {
    const up = at.parent;
    if (ts.isConditionalExpression(up) && at !== up.condition) choice = true;
    else if (!(ts.isParenthesizedExpression(up) || ts.isAsExpression(up) || ts.isSatisfiesExpression(up))) break;
    at = up;
  }
  if (choice && (ts.isBinaryExpression(at.parent) || ts.isCaseClause(at.parent))) at = node;
  const p: TS.Node = at.parent;
  // The property that says which event an object is: `type`, or `name` for a catalog's own events (an SDK's run-item names).
  const discriminates = (key: string | undefined, holder?: TS.Node): boolean =>
    key === 'type' ||
    (key === 'name' && nameKeyed.has(literal) && (!holder || !ts.isObjectLiteralExpression(holder) || hasTypeSibling(ts, holder)));
  // `type: 'a' | 'b'` on an interface, type literal or class: a definition, when that shape is a declaration's own.
  if (ts.isLiteralTypeNode(p)) {
    const q = propertyTyped(ts, p);
    if (q && discriminates(propertyName(ts, q.name))) {
      const key = propertyName(ts, q.name)!;
      return isOwnShape(ts, q.parent) ? role('definition', `${key} property`) : role('literal', `nested ${key} property`);
    }
    return role('literal', 'type position');
  }
  if (ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) {
    if (p.name === node) {
      // `{ 'response.created': onCreated }`: a dispatch map; any other key is only data.
      const init = p.initializer;
      return init && isCallableRef(ts, init) ? role('handler', 'dispatch map key') : role('literal', 'object key');
    }
    if (discriminates(propertyName(ts, p.name), p.parent)) {
      // `readonly type = 'x'` on a class defines it; `{ type: 'x' }` builds one.
      const key = propertyName(ts, p.name)!;
      if (ts.isPropertyDeclaration(p)) return role('definition', `${key} property`);
      return role('emitter', `${key} property in object literal`);
    }
    // An SSE message as Hono's `writeSSE` and others take one: `{ event: 'response.created', data }`.
    // An undotted name (`error`) is every streaming API's, as in an `event:` line.
    if (
      propertyName(ts, p.name) === 'event' &&
      !isWeakLiteral(literal) &&
      ts.isObjectLiteralExpression(p.parent) &&
      hasProperty(ts, p.parent, 'data')
    )
      return role('emitter', SSE_MESSAGE);
    return role('literal', 'property value');
  }
  if (ts.isMethodDeclaration(p) && p.name === node) return role('handler', 'dispatch method name');
  if (ts.isAsExpression(p) || ts.isSatisfiesExpression(p) || ts.isParenthesizedExpression(p)) {
    const q = p.parent;
    if ((ts.isPropertyAssignment(q) || ts.isPropertyDeclaration(q)) && discriminates(propertyName(ts, q.name), q.parent)) {
      const key = propertyName(ts, q.name)!;
      return ts.isPropertyDeclaration(q) ? role('definition', `${key} property`) : role('emitter', `${key} property in object literal`);
    }
    return role('literal', 'expression');
  }
  if (ts.isCaseClause(p)) return role('handler', 'case label');
  if (ts.isComputedPropertyName(p)) return role('handler', 'computed dispatch key');
  if (ts.isBinaryExpression(p) && isEquality(ts, p.operatorToken.kind)) return role('handler', 'comparison with type');
  if (ts.isYieldExpression(p)) return role('emitter', 'yield');
  if (ts.isArrayLiteralExpression(p)) {
    const call = p.parent;
    if (ts.isCallExpression(call)) {
      const callee = calleeName(ts, call, sf);
      if (callee === 'enum' && isZodTypeProperty(ts, call))
        return isTopLevelZod(ts, call) ? role('definition', 'z.enum type') : role('literal', 'nested z.enum');
      if (callee === 'includes') return role('handler', 'includes() check');
    }
    // `['response.failed', 'response.incomplete'].includes(event.type)`, `new Set([…]).has(type)`.
    if (membershipOfArray(ts, p)) return role('handler', 'includes() check');
    // `new Map([['response.created', onCreated], …])`: a dispatch map too.
    if (isMapEntryKey(ts, p, at)) return role('handler', 'dispatch map key');
    return role('literal', 'array element');
  }
  // `handlers['response.created'] = onCreated`: a dispatch map filled one key at a time.
  if (ts.isElementAccessExpression(p) && p.argumentExpression === at) {
    const assigned = p.parent;
    const filled =
      ts.isBinaryExpression(assigned) &&
      assigned.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      assigned.left === p &&
      isCallableRef(ts, assigned.right);
    return filled ? role('handler', 'dispatch map key') : role('literal', 'element access');
  }
  if (ts.isCallExpression(p) || ts.isNewExpression(p)) {
    const callee = ts.isCallExpression(p) ? calleeName(ts, p, sf) : undefined;
    if (callee !== undefined && LITERAL_SCHEMA.has(callee))
      return isZodTypeProperty(ts, p as TS.CallExpression) && isTopLevelZod(ts, p as TS.CallExpression)
        ? role('definition', 'z.literal type')
        : role('literal', 'z.literal');
    if (callee && LISTEN_CALL.test(callee)) return role('handler', `${callee}() event name`);
    if (callee && EMIT_CALL.test(callee)) return role('emitter', `argument of ${callee}()`);
    // `frame('response.created', payload)`, where `function frame(kind, p) { return { type: kind, …p } }`.
    if (ts.isCallExpression(p) && typesTheEvent(ts, p, at, sf)) return role('emitter', `argument of ${callee}() that types the event`);
  }
  return role('literal', 'string');
}

/** Each file's top-level functions and `const`s by name (ts-routes.ts `fileFunctions`), found once per file. */
const ownFunctions = new WeakMap<TS.SourceFile, Map<string, TS.Node>>();

/**
 * Whether `arg` of `call` is what a function of this file, by the call's name (or a method of the
 * class the call stands in, for `this.frame(…)`), gives as an event's type: the parameter it fills
 * is the value of a `type` property the function writes (`{ type: kind, … }`, or `{ type }` for a
 * parameter so named) or stands after `event:` in an SSE line it writes (`` `event: ${kind}\n` ``).
 * A helper named for what it does (`send`, `sse`) is known by its name already; one named `frame`
 * only so.
 */
function typesTheEvent(ts: Ts, call: TS.CallExpression, arg: TS.Node, sf: TS.SourceFile): boolean {
  const callee = call.expression;
  // `this.frame('response.created', p)`: a method of the class the call stands in.
  const fn = ts.isIdentifier(callee)
    ? fileFunction(ts, sf, callee.text)
    : ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword
      ? ownMethod(ts, call, callee.name.text)
      : undefined;
  const index = call.arguments.indexOf(arg as TS.Expression);
  const param = fn && index >= 0 ? fn.parameters[index]?.name : undefined;
  if (!fn?.body || !param || !ts.isIdentifier(param)) return false;
  const name = param.text;
  let found = false;
  const visit = (n: TS.Node): void => {
    if (found) return;
    if (ts.isPropertyAssignment(n) && propertyName(ts, n.name) === 'type' && ts.isIdentifier(n.initializer) && n.initializer.text === name)
      found = true;
    else if (ts.isShorthandPropertyAssignment(n) && n.name.text === 'type' && name === 'type') found = true;
    else if (ts.isTemplateExpression(n))
      n.templateSpans.forEach((span, i) => {
        const before = i === 0 ? n.head.text : n.templateSpans[i - 1]!.literal.text;
        if (ts.isIdentifier(span.expression) && span.expression.text === name && /event:[ \t]*$/.test(before)) found = true;
      });
    if (!found) ts.forEachChild(n, visit);
  };
  visit(fn.body);
  return found;
}

/**
 * The texts a template may make when each of its holes is a choice of written strings, in place
 * (`` `response.${done ? 'completed' : 'incomplete'}` ``) or through a `const` around it; only for a
 * template whose text joins names with dots at a hole, as an event's type does. A few at most.
 */
function templateChoices(ts: Ts, sf: TS.SourceFile, node: TS.TemplateExpression): string[] {
  const spans = node.templateSpans;
  // Cheap first: the walk brings every template here.
  if (!/^[\w.]*\.$/.test(node.head.text) && !spans.some((s) => /^\.[\w.]*$/.test(s.literal.text))) return [];
  if (!spans.every((s) => /^[\w.]*$/.test(s.literal.text))) return [];
  const values = (e: TS.Expression, depth: number): string[] | undefined => {
    const x = unwrapExpression(ts, e);
    if (ts.isStringLiteral(x) || ts.isNoSubstitutionTemplateLiteral(x)) return [x.text];
    if (ts.isConditionalExpression(x)) {
      const [a, b] = [values(x.whenTrue, depth), values(x.whenFalse, depth)];
      return a && b ? [...a, ...b] : undefined;
    }
    if (!ts.isIdentifier(x) || depth > 1) return undefined;
    const bound = constantValue(ts, sf, x.text, node);
    return bound ? values(bound, depth + 1) : undefined;
  };
  let out = [node.head.text];
  for (const span of spans) {
    const choices = values(span.expression, 0);
    if (!choices) return [];
    out = out.flatMap((before) => choices.map((c) => before + c + span.literal.text));
    if (out.length > 8) return [];
  }
  return out;
}

/** The method so named of the class a node stands in. */
function ownMethod(ts: Ts, node: TS.Node, name: string): (TS.SignatureDeclaration & { body?: TS.Node }) | undefined {
  let cls: TS.Node | undefined = node.parent;
  while (cls && !ts.isClassDeclaration(cls) && !ts.isClassExpression(cls)) cls = cls.parent;
  if (!cls) return undefined;
  for (const m of (cls as TS.ClassLikeDeclaration).members) if (ts.isMethodDeclaration(m) && propertyName(ts, m.name) === name) return m;
  return undefined;
}

/** A function of the file by name: declared, or an arrow or function given to a `const`. */
function fileFunction(ts: Ts, sf: TS.SourceFile, name: string): (TS.SignatureDeclaration & { body?: TS.Node }) | undefined {
  let functions = ownFunctions.get(sf);
  if (!functions) {
    functions = fileFunctions(ts, sf);
    ownFunctions.set(sf, functions);
  }
  const fn = functions.get(name);
  return fn && isFunctionLike(ts, fn) ? fn : undefined;
}

/** The property (of an interface, class or type literal) a type is written for, past unions and parentheses: `type: 'a' | 'b'`. */
function propertyTyped(ts: Ts, typeNode: TS.Node): TS.PropertySignature | TS.PropertyDeclaration | undefined {
  let q: TS.Node = typeNode.parent;
  while (ts.isUnionTypeNode(q) || ts.isParenthesizedTypeNode(q)) q = q.parent;
  return ts.isPropertySignature(q) || ts.isPropertyDeclaration(q) ? q : undefined;
}

/** A `type` property or field given a constant: `type: EventType.`, `type = Kinds.`, `type: z.literal(RESPONSE_`. */
export const CONSTANT_TYPE =
  /\btype["'\x60]?\??\s*[:=]\s*(?:typeof\s+|(?:[A-Za-z_$][\w$]*\s*\.\s*)?[Ll]iteral\s*\(\s*)?(?:[A-Za-z_$][\w$]*\.)*(?:[A-Z][\w$]*\.|[A-Z][A-Z0-9]*_)/;

/**
 * A name written as a constant: a member of a capitalised holder (`EventType.Created`,
 * `Events.OUTPUT_DELTA`) or an upper-case name with an underscore (`RESPONSE_CREATED`), whole (not
 * the `EventType` of `EventType.Created`).
 */
function looksConstant(ts: Ts, node: TS.Node): boolean {
  // Cheap tests first: the walk asks this of every name in a file.
  const p = node.parent;
  if (ts.isIdentifier(node)) {
    const c = node.text.charCodeAt(0);
    if (c < 65 || c > 90 || ts.isQualifiedName(p)) return false;
    // Of `A.B` only the whole, but a collection checked for one value (`DONE_TYPES.has(…)`) is itself.
    if (ts.isPropertyAccessExpression(p) && !(p.expression === node && isMembershipCheck(ts, p))) return false;
    return /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/.test(node.text);
  }
  let holder: TS.Node;
  if (ts.isPropertyAccessExpression(node)) {
    if (ts.isPropertyAccessExpression(p) && p.expression === node) return false;
    holder = node.expression;
  } else if (ts.isQualifiedName(node)) {
    if (ts.isQualifiedName(p) && p.left === node) return false;
    holder = node.left;
  } else return false;
  const last = ts.isIdentifier(holder)
    ? holder
    : ts.isPropertyAccessExpression(holder)
      ? holder.name
      : ts.isQualifiedName(holder)
        ? holder.right
        : undefined;
  const c = last && ts.isIdentifier(last) ? last.text.charCodeAt(0) : 0;
  return c >= 65 && c <= 90;
}

/**
 * Where a constant declares or builds a type: the `type` of an interface, class or type alias of
 * its own (`type: EventType.Created`), of an object built (`{ type: EventType.Created }`), or a
 * top-level Zod object's `type: z.literal(EventType.Created)`. Undefined anywhere else.
 */
function constantRole(ts: Ts, node: TS.Node): Role | undefined {
  let p: TS.Node = node.parent;
  // `type: EventType.Created`, and `type: typeof EVENTS.CREATED` of an `as const` object's member.
  if ((ts.isTypeReferenceNode(p) && p.typeName === node) || (ts.isTypeQueryNode(p) && p.exprName === node)) {
    const q = propertyTyped(ts, p);
    return q && propertyName(ts, q.name) === 'type' && isOwnShape(ts, q.parent) ? role('definition', 'type property') : undefined;
  }
  while (ts.isAsExpression(p) || ts.isSatisfiesExpression(p) || ts.isParenthesizedExpression(p)) p = p.parent;
  if ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) && p.name !== node && propertyName(ts, p.name) === 'type')
    return ts.isPropertyDeclaration(p) ? role('definition', 'type property') : role('emitter', 'type property in object literal');
  if (
    ts.isCallExpression(p) &&
    p.arguments[0] === node &&
    LITERAL_SCHEMA.has(calleeWord(ts, p) ?? '') &&
    isZodTypeProperty(ts, p) &&
    isTopLevelZod(ts, p)
  )
    return role('definition', 'z.literal type');
  return undefined;
}

/**
 * An API object's string as the `object` field of a declaration (`object: 'response'` on an
 * interface, class or type alias, `readonly object = 'response'`, a top-level Zod object's
 * `object: z.literal('response')`): how it declares that object. Undefined anywhere else.
 */
function objectDeclaration(ts: Ts, node: TS.StringLiteral | TS.NoSubstitutionTemplateLiteral): string | undefined {
  const p: TS.Node = node.parent;
  if (ts.isLiteralTypeNode(p)) {
    const q = propertyTyped(ts, p);
    return q && propertyName(ts, q.name) === 'object' && isOwnShape(ts, q.parent) ? 'object property' : undefined;
  }
  if (ts.isPropertyDeclaration(p) && p.initializer === node && propertyName(ts, p.name) === 'object') return 'object property';
  if (ts.isCallExpression(p) && LITERAL_SCHEMA.has(calleeWord(ts, p) ?? '') && isZodProperty(ts, p, 'object') && isTopLevelZod(ts, p))
    return 'z.literal object';
  return undefined;
}

/**
 * A shape is a declaration's own when it is the interface or class itself, or a type literal that
 * is (part of a union or intersection that is) a type alias's whole type. A type literal inside a
 * property's type, a type argument (`Extract<U, { type: 'x' }>`) or a parameter is someone else's.
 */
function isOwnShape(ts: Ts, holder: TS.Node): boolean {
  if (ts.isInterfaceDeclaration(holder) || ts.isClassDeclaration(holder) || ts.isClassExpression(holder)) return true;
  if (!ts.isTypeLiteralNode(holder)) return false;
  // `Union & { type: 'x' }` only narrows another type: a shape with nothing but `type` declares nothing.
  if (holder.members.length === 1 && ts.isIntersectionTypeNode(holder.parent)) return false;
  let q: TS.Node = holder.parent;
  while (ts.isUnionTypeNode(q) || ts.isIntersectionTypeNode(q) || ts.isParenthesizedTypeNode(q)) q = q.parent;
  return ts.isTypeAliasDeclaration(q);
}

/** A Zod object that is not the value of another object's property: a schema of its own, not a nested part. */
function isTopLevelZod(ts: Ts, call: TS.CallExpression): boolean {
  let n: TS.Node = call;
  let objects = 0;
  for (; n && !ts.isSourceFile(n); n = n.parent) {
    if (ts.isObjectLiteralExpression(n)) objects++;
    // The literal's own `type:` property is one object; a second one around it nests the shape.
    if (objects > 1) return false;
    if (ts.isVariableDeclaration(n) || ts.isExportAssignment(n) || ts.isReturnStatement(n) || ts.isFunctionDeclaration(n)) return true;
  }
  return true;
}

/** A function, method or class reference: what a dispatch map's values are. */
/** `[Events.Created]: onCreated` in an object literal: a key that chooses a handler. */
function isDispatchKey(ts: Ts, node: TS.Node): boolean {
  const computed = node.parent;
  const property = computed?.parent;
  return ts.isComputedPropertyName(computed) && !!property && ts.isPropertyAssignment(property) && isCallableRef(ts, property.initializer);
}

/** `key` is the first of a `[key, handler]` pair written in a `new Map([…])`. */
function isMapEntryKey(ts: Ts, pair: TS.ArrayLiteralExpression, key: TS.Node): boolean {
  const [first, second] = pair.elements;
  if (pair.elements.length !== 2 || first !== key || !second || !isCallableRef(ts, second)) return false;
  const entries = pair.parent;
  const made = entries && ts.isArrayLiteralExpression(entries) ? entries.parent : undefined;
  return made !== undefined && ts.isNewExpression(made) && ts.isIdentifier(made.expression) && made.expression.text === 'Map';
}

function isCallableRef(ts: Ts, e: TS.Expression): boolean {
  return ts.isIdentifier(e) || ts.isPropertyAccessExpression(e) || ts.isArrowFunction(e) || ts.isFunctionExpression(e);
}

/** Whether the code says this string is a type (see isWeakLiteral): a `type` property, or a comparison/switch over a type. */
function isTyped(ts: Ts, node: TS.Node, kind: CodeFactKind, sf: TS.SourceFile, nameKeyed: ReadonlySet<string> = new Set()): boolean {
  if (kind === 'definition') return true;
  let p = node.parent;
  while (ts.isAsExpression(p) || ts.isSatisfiesExpression(p) || ts.isParenthesizedExpression(p)) p = p.parent;
  if (ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) {
    const key = propertyName(ts, p.name);
    const named =
      key === 'name' &&
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) &&
      nameKeyed.has(node.text) &&
      (!ts.isObjectLiteralExpression(p.parent) || hasTypeSibling(ts, p.parent));
    return p.name !== node && (key === 'type' || named);
  }
  if (ts.isCaseClause(p)) return TYPE_SUBJECT.test(p.parent.parent.expression.getText(sf));
  if (ts.isBinaryExpression(p)) return TYPE_SUBJECT.test((p.left === node ? p.right : p.left).getText(sf));
  // `TERMINAL.has(event.type)`: the value checked names a type.
  if (ts.isPropertyAccessExpression(p) && p.expression === node && isMembershipCheck(ts, p))
    return TYPE_SUBJECT.test((p.parent as TS.CallExpression).arguments[0]!.getText(sf));
  // `[Kinds.DONE, Kinds.FAILED].includes(event.type)`: the same, for each element.
  const access = ts.isArrayLiteralExpression(p) ? membershipOfArray(ts, p) : undefined;
  if (access) return TYPE_SUBJECT.test((access.parent as TS.CallExpression).arguments[0]!.getText(sf));
  // `frame('error', …)`, where the file's own `frame` writes it as the event's type.
  if (ts.isCallExpression(p) && kind === 'emitter') return typesTheEvent(ts, p, node, sf);
  return false;
}

/**
 * `case 'error':` in a switch whose other cases name another API's events (`'message_start'`,
 * `'ping'`) and none of the stream's dotted ones: that API's error, not the stream's.
 */
function besideOtherCases(ts: Ts, node: TS.Node, candidates: Candidates): boolean {
  let p = node.parent;
  while (ts.isAsExpression(p) || ts.isSatisfiesExpression(p) || ts.isParenthesizedExpression(p)) p = p.parent;
  if (!ts.isCaseClause(p)) return false;
  let foreign = false;
  for (const clause of p.parent.clauses) {
    if (!ts.isCaseClause(clause)) continue;
    const label = unwrapExpression(ts, clause.expression);
    if (!ts.isStringLiteral(label) && !ts.isNoSubstitutionTemplateLiteral(label)) continue;
    const event = isEventLiteral(label.text, candidates);
    if (event && !isWeakLiteral(label.text)) return false;
    if (!event) foreign = true;
  }
  return foreign;
}

/**
 * `type.startsWith('response.reasoning')`: a check that handles every event type starting with the
 * string (see isTypePrefix), narrowed by an `endsWith` of the same subject joined to it by `&&`
 * (`&& type.endsWith('.delta')`).
 */
function prefixCheck(
  ts: Ts,
  node: TS.StringLiteral | TS.NoSubstitutionTemplateLiteral,
  sf: TS.SourceFile,
  candidates: Candidates,
): { prefix: true; suffix?: string } | undefined {
  const call = node.parent;
  if (!ts.isCallExpression(call) || call.arguments[0] !== node || stringMethod(ts, call) !== 'startsWith') return undefined;
  const subject = (call.expression as TS.PropertyAccessExpression).expression.getText(sf);
  if (!isTypeSubject(subject) || !isTypePrefix(node.text, candidates)) return undefined;
  const suffix = narrowingSuffix(ts, call, subject, sf);
  return suffix === undefined ? { prefix: true } : { prefix: true, suffix };
}

/** `x.startsWith(…)`'s `startsWith`: the member called, for a call on a member access. */
const stringMethod = (ts: Ts, call: TS.CallExpression): string | undefined =>
  ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : undefined;

/** The string of an `endsWith` on `subject` in the `&&` chain that holds `check`. */
function narrowingSuffix(ts: Ts, check: TS.Node, subject: string, sf: TS.SourceFile): string | undefined {
  const isAnd = (n: TS.Node): n is TS.BinaryExpression =>
    ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken;
  let top = check;
  while (ts.isParenthesizedExpression(top.parent) || isAnd(top.parent)) top = top.parent;
  const operands: TS.Node[] = [];
  const collect = (n: TS.Node): void => {
    if (ts.isParenthesizedExpression(n)) collect(n.expression);
    else if (isAnd(n)) {
      collect(n.left);
      collect(n.right);
    } else operands.push(n);
  };
  collect(top);
  for (const n of operands) {
    if (!ts.isCallExpression(n) || stringMethod(ts, n) !== 'endsWith') continue;
    const arg = n.arguments[0];
    if ((n.expression as TS.PropertyAccessExpression).expression.getText(sf) !== subject || !arg) continue;
    if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) return arg.text;
  }
  return undefined;
}

function isHandlerPosition(ts: Ts, node: TS.Node): boolean {
  const p = node.parent;
  if (ts.isPropertyAccessExpression(p) && p.expression === node) return isMembershipCheck(ts, p); // else only the whole `A.B`
  if (ts.isCaseClause(p) && p.expression === node) return true;
  if (ts.isComputedPropertyName(p)) return true;
  if (ts.isBinaryExpression(p) && isEquality(ts, p.operatorToken.kind)) return true;
  // `[EventType.Completed, EventType.Failed].includes(event.type)`.
  if (ts.isArrayLiteralExpression(p)) return membershipOfArray(ts, p) !== undefined;
  if (
    ts.isCallExpression(p) &&
    p.arguments[0] === node &&
    ts.isPropertyAccessExpression(p.expression) &&
    LISTEN_CALL.test(p.expression.name.text)
  )
    return true;
  return false;
}

/**
 * The membership check an array literal (or a `new Set` of one) is the receiver of:
 * `[A, B].includes(event.type)`, `new Set([A, B]).has(type)`; undefined when it is none.
 */
function membershipOfArray(ts: Ts, array: TS.ArrayLiteralExpression): TS.PropertyAccessExpression | undefined {
  const call = array.parent;
  const held = call && ts.isNewExpression(call) && ts.isIdentifier(call.expression) && call.expression.text === 'Set' ? call : array;
  const access = held.parent;
  return ts.isPropertyAccessExpression(access) && access.expression === held && isMembershipCheck(ts, access) ? access : undefined;
}

/** `TERMINAL.has(x)`, `KINDS.includes(x)`: `access` is the called member of a check of one value. */
function isMembershipCheck(ts: Ts, access: TS.PropertyAccessExpression): boolean {
  const call = access.parent;
  return MEMBERSHIP.has(access.name.text) && ts.isCallExpression(call) && call.expression === access && call.arguments.length === 1;
}

const MEMBERSHIP = new Set(['has', 'includes']);

/**
 * A schema of one value: Zod's and Valibot's `literal`, Effect Schema's `Schema.Literal`, TypeBox's
 * `Type.Literal`. A schema library's object of them declares a shape as Zod's does.
 */
const LITERAL_SCHEMA = new Set(['literal', 'Literal']);

/** The called name (`literal` of `z.literal(…)`), when the callee is a name or a member access. */
function calleeWord(ts: Ts, call: TS.CallExpression): string | undefined {
  const e = call.expression;
  return ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : undefined;
}

function calleeName(ts: Ts, call: TS.CallExpression, sf: TS.SourceFile): string | undefined {
  return calleeWord(ts, call) ?? call.expression.getText(sf);
}

/** `type: z.literal('x')` (also `.describe(…)`-chained) inside a Zod object: the schema defines the type. */
function isZodTypeProperty(ts: Ts, call: TS.CallExpression): boolean {
  return isZodProperty(ts, call, 'type');
}

/** A Zod call (`z.literal('x')`, chained or not) that is the value of property `key`, or a member of a union there. */
function isZodProperty(ts: Ts, call: TS.CallExpression, key: string): boolean {
  let n: TS.Node = call;
  while (
    (ts.isPropertyAccessExpression(n.parent) && n.parent.expression === n) ||
    (ts.isCallExpression(n.parent) && n.parent.expression === n)
  )
    n = n.parent;
  const p = n.parent;
  if (ts.isPropertyAssignment(p) && propertyName(ts, p.name) === key) return true;
  // `z.discriminatedUnion` members and `z.union([z.literal('a'), …])` under the key
  if (ts.isArrayLiteralExpression(p) && ts.isCallExpression(p.parent)) return isZodProperty(ts, p.parent, key);
  return false;
}

function hasOwnType(ts: Ts, node: TS.InterfaceDeclaration | TS.ClassDeclaration, _sf: TS.SourceFile): boolean {
  return (node.members as TS.NodeArray<TS.Node>).some(
    (m) => (ts.isPropertySignature(m) || ts.isPropertyDeclaration(m)) && propertyName(ts, m.name) === 'type',
  );
}

/** The class a `{ type: 'x' }` literal is built as: `new X({ type: 'x' })` or `X.parse({ type: 'x' })`. */
function emitterClass(ts: Ts, node: TS.Node): { className?: string } {
  const obj = node.parent?.parent;
  const call = obj && ts.isObjectLiteralExpression(obj) ? obj.parent : undefined;
  if (call && ts.isNewExpression(call)) {
    const cls = writtenName(ts, call.expression);
    return cls ? { className: cls } : {};
  }
  return {};
}

/**
 * Event types a module-level declaration gives a name: `const CREATED = 'response.created'`, a
 * member of `const Events = { Created: 'response.created' } as const` or of `enum Events { … }`.
 */
function moduleConstants(ts: Ts, stmt: TS.Statement, isEvent: (value: string) => boolean): [string, string][] {
  const out: [string, string][] = [];
  const str = (e: TS.Expression | undefined): string | undefined => {
    const v = e && unwrapExpression(ts, e);
    return v && (ts.isStringLiteral(v) || ts.isNoSubstitutionTemplateLiteral(v)) && isEvent(v.text) ? v.text : undefined;
  };
  if (ts.isVariableStatement(stmt)) {
    for (const d of stmt.declarationList.declarations) {
      if (!ts.isIdentifier(d.name) || !d.initializer) continue;
      const own = str(d.initializer);
      if (own !== undefined) out.push([d.name.text, own]);
      const init = unwrapExpression(ts, d.initializer);
      // A collection (`new Set([…])`, `[…] as const`) holds each of its types.
      for (const value of stringElements(ts, init)) if (isEvent(value)) out.push([d.name.text, value]);
      if (ts.isObjectLiteralExpression(init))
        for (const prop of init.properties) {
          const key = ts.isPropertyAssignment(prop) ? propertyName(ts, prop.name) : undefined;
          const value = key !== undefined && ts.isPropertyAssignment(prop) ? str(prop.initializer) : undefined;
          if (value !== undefined) out.push([`${d.name.text}.${key}`, value]);
        }
    }
  } else if (ts.isEnumDeclaration(stmt)) {
    for (const m of stmt.members) {
      const key = propertyName(ts, m.name);
      const value = str(m.initializer);
      if (key !== undefined && value !== undefined) out.push([`${stmt.name.text}.${key}`, value]);
    }
  }
  return out;
}

/**
 * The module's names for the workspace pass (imports, exports, declarations, aliases) and local
 * renames (`import { A as B }`) for shapes, from its top-level statements.
 */
function collectModule(ts: Ts, sf: TS.SourceFile, sink: FactSink, renamed: Map<string, string>): void {
  const module = sink.module;
  const isEvent = (value: string) => isEventLiteral(value, sink.ctx.candidates);
  const declared = new Set<string>();
  const unwrap = (e: TS.Expression): TS.Expression => unwrapExpression(ts, e);
  const atLine = (n: TS.Node): { line: number; column: number } => {
    const p = sf.getLineAndCharacterOfPosition(n.getStart(sf));
    return { line: p.line + 1, column: p.character + 1 };
  };
  for (const stmt of sf.statements) {
    const named = moduleConstants(ts, stmt, isEvent);
    if (named.length > 0) {
      module.constants ??= [];
      module.constants.push(...named);
    }
    const paths = ts.isVariableStatement(stmt) ? pathConstants(ts, stmt) : [];
    if (paths.length > 0) {
      module.pathConstants ??= [];
      module.pathConstants.push(...paths);
    }
    if (ts.isExpressionStatement(stmt)) commonJsExports(ts, sf, stmt.expression, module);
    if (ts.isVariableStatement(stmt))
      for (const d of stmt.declarationList.declarations) {
        // CommonJS: `const router = require('./router')`, `const { create } = require('./controller')`.
        const required = d.initializer ? requiredModule(ts, d.initializer) : undefined;
        if (required !== undefined && ts.isIdentifier(d.name))
          module.imports.push({ local: d.name.text, module: required, name: '*', ...atLine(d.name) });
        else if (required !== undefined && ts.isObjectBindingPattern(d.name))
          for (const el of d.name.elements) {
            const key = el.propertyName ?? el.name;
            if (!el.dotDotDotToken && ts.isIdentifier(el.name) && ts.isIdentifier(key))
              module.imports.push({ local: el.name.text, module: required, name: key.text, ...atLine(el) });
          }
        const held = ts.isIdentifier(d.name) && d.initializer ? constantElements(ts, unwrapExpression(ts, d.initializer)) : [];
        if (held.length > 0) {
          module.constantSets ??= [];
          module.constantSets.push([(d.name as TS.Identifier).text, held]);
        }
      }
    if (ts.isImportDeclaration(stmt) && ts.isStringLiteral(stmt.moduleSpecifier)) {
      const from = stmt.moduleSpecifier.text;
      const clause = stmt.importClause;
      if (clause?.name) module.imports.push({ local: clause.name.text, module: from, name: 'default', ...atLine(clause.name) });
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings))
        module.imports.push({ local: bindings.name.text, module: from, name: '*', ...atLine(bindings) });
      else if (bindings) {
        for (const spec of bindings.elements) {
          const original = (spec.propertyName ?? spec.name).getText(sf);
          const partOnly = sink.ctx.candidates.typeByClass.has(original) && onlyPartsRead(sf.text, spec.name.text, stmt.end);
          module.imports.push({ local: spec.name.text, module: from, name: original, ...atLine(spec), ...(partOnly ? { partOnly } : {}) });
          if (spec.propertyName) renamed.set(spec.name.text, original);
        }
      }
      continue;
    }
    if (
      ts.isImportEqualsDeclaration(stmt) &&
      ts.isExternalModuleReference(stmt.moduleReference) &&
      ts.isStringLiteral(stmt.moduleReference.expression)
    ) {
      module.imports.push({ local: stmt.name.text, module: stmt.moduleReference.expression.text, name: '*', ...atLine(stmt) });
      continue;
    }
    if (ts.isExportDeclaration(stmt)) {
      const from = stmt.moduleSpecifier && ts.isStringLiteral(stmt.moduleSpecifier) ? stmt.moduleSpecifier.text : undefined;
      const clause = stmt.exportClause;
      if (!clause) {
        if (from !== undefined) module.stars.push(from);
      } else if (ts.isNamespaceExport(clause)) {
        if (from !== undefined) {
          module.imports.push({ local: clause.name.text, module: from, name: '*', ...atLine(clause) });
          module.exports.push({ name: clause.name.text, local: clause.name.text });
        }
      } else {
        for (const spec of clause.elements) {
          const original = (spec.propertyName ?? spec.name).getText(sf);
          const at = atLine(spec);
          module.exports.push(
            from !== undefined
              ? { name: spec.name.getText(sf), module: from, imported: original, exportLine: [at.line, at.column] }
              : { name: spec.name.getText(sf), local: original },
          );
        }
      }
      continue;
    }
    // `export default router`: the default export is that name (a router another module mounts).
    if (ts.isExportAssignment(stmt) && !stmt.isExportEquals && ts.isIdentifier(stmt.expression))
      module.exports.push({ name: 'default', local: stmt.expression.text });
    for (const name of declaredNames(ts, stmt)) declared.add(name);
    if (ts.isInterfaceDeclaration(stmt) && stmt.heritageClauses) {
      const bases = stmt.heritageClauses.flatMap((c) => c.types.map((t) => t.expression.getText(sf)));
      if (bases.length > 0) {
        module.bases ??= [];
        module.bases.push([stmt.name.text, bases]);
      }
    }
    if (ts.isTypeAliasDeclaration(stmt) && ts.isUnionTypeNode(stmt.type)) {
      const values = stringUnion(ts, stmt.type);
      if (values) {
        module.unions ??= [];
        module.unions.push([stmt.name.text, values]);
      }
    }
    if (ts.isTypeAliasDeclaration(stmt) && ts.isTypeReferenceNode(stmt.type)) {
      const arg = stmt.type.typeArguments?.[0];
      if (!stmt.type.typeArguments) module.aliases.push([stmt.name.text, stmt.type.typeName.getText(sf)]);
      // `type Body = z.infer<typeof BodySchema>` is the schema's type.
      else if (/(^|\.)(infer|input|output)$/.test(stmt.type.typeName.getText(sf)) && arg && ts.isTypeQueryNode(arg))
        module.aliases.push([stmt.name.text, arg.exprName.getText(sf)]);
    }
    if (ts.isVariableStatement(stmt)) {
      for (const d of stmt.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || !d.initializer) continue;
        const init = unwrap(d.initializer);
        const target = writtenName(ts, init);
        if (target && isClassName(d.name.text) && isClassName(target)) module.aliases.push([d.name.text, target]);
      }
    }
  }
  // Only class-like names are ever resolved (a class fact's name is capitalised); the rest would only bloat the cache.
  module.declared.push(...[...declared].filter((n) => n === 'default' || isClassName(n)).sort());
}

/** `require('./x')` (also inside `await`, `as`): the module it names. */
function requiredModule(ts: Ts, e: TS.Expression): string | undefined {
  const call = unwrapExpression(ts, e);
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== 'require') return undefined;
  const [spec] = call.arguments;
  return spec && ts.isStringLiteral(spec) ? spec.text : undefined;
}

/**
 * CommonJS exports: `module.exports = router` (what `require` gives: the module as a whole, named
 * `COMMONJS_EXPORT`), `module.exports = { create, list }`, `exports.create = create` and
 * `module.exports.create = create`.
 */
function commonJsExports(ts: Ts, sf: TS.SourceFile, e: TS.Expression, module: ModuleFacts): void {
  if (!ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
  const target = e.left.getText(sf);
  const value = unwrapExpression(ts, e.right);
  if (target === 'module.exports') {
    if (ts.isIdentifier(value)) module.exports.push({ name: COMMONJS_EXPORT, local: value.text });
    else if (ts.isObjectLiteralExpression(value))
      for (const p of value.properties) {
        if (ts.isShorthandPropertyAssignment(p)) module.exports.push({ name: p.name.text, local: p.name.text });
        else if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && ts.isIdentifier(p.initializer))
          module.exports.push({ name: p.name.text, local: p.initializer.text });
      }
    return;
  }
  const named = /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)$/.exec(target);
  if (named && ts.isIdentifier(value)) module.exports.push({ name: named[1]!, local: value.text });
}

/** The elements a collection is written with: `[…] as const`, `new Set([…])`; none for anything else. */
function collectionElements(ts: Ts, init: TS.Expression): readonly TS.Expression[] {
  let list: TS.Expression | undefined = init;
  if (ts.isNewExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'Set') list = init.arguments?.[0];
  list = list && unwrapExpression(ts, list);
  return list && ts.isArrayLiteralExpression(list) ? list.elements : [];
}

/** The strings a collection is written with: `['a', 'b'] as const`, `new Set(['a', 'b'])`. */
function stringElements(ts: Ts, init: TS.Expression): string[] {
  return collectionElements(ts, init).flatMap((e) => (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) ? [e.text] : []));
}

/** A name written as a constant (see looksConstant), from its text: `EventType.Created`, `RESPONSE_DONE`. */
const CONSTANT_TEXT = /^(?:[A-Za-z_$][\w$]*\.)*(?:[A-Z][\w$]*\.[A-Za-z_$][\w$]*|[A-Z][A-Z0-9]*_[A-Z0-9_]+)$/;

/** The constants a collection is written with (`new Set([EventType.Completed, Kinds.FAILED])`), as written. */
function constantElements(ts: Ts, init: TS.Expression): string[] {
  return collectionElements(ts, init).flatMap((e) => {
    const text = exprName(ts, e);
    return text !== undefined && CONSTANT_TEXT.test(text) ? [text] : [];
  });
}

/** A constant that holds a string: `const CREATED = '…'`, an object map's `EventType.Created`, an enum member. */
function recordConstants(
  ts: Ts,
  node: TS.Node,
  constants: Map<string, string>,
  members: Map<string, string[]>,
  constantMembers: Map<string, string[]>,
): void {
  if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
    const init = unwrapExpression(ts, node.initializer);
    const held = stringElements(ts, init);
    if (held.length > 0) members.set(node.name.text, held);
    const named = constantElements(ts, init);
    if (named.length > 0) constantMembers.set(node.name.text, named);
    if (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init)) constants.set(node.name.text, init.text);
    else if (ts.isObjectLiteralExpression(init)) {
      for (const prop of init.properties) {
        if (!ts.isPropertyAssignment(prop)) continue;
        const key = propertyName(ts, prop.name);
        const value = unwrapExpression(ts, prop.initializer);
        if (key !== undefined && (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)))
          constants.set(`${node.name.text}.${key}`, value.text);
      }
    }
  }
  if (ts.isEnumDeclaration(node)) {
    for (const m of node.members) {
      const key = propertyName(ts, m.name);
      if (key !== undefined && m.initializer && ts.isStringLiteral(m.initializer))
        constants.set(`${node.name.text}.${key}`, m.initializer.text);
    }
  }
}

/** `name` says which event only beside a `type` in the same object (`{ type: 'run_item_stream_event', name }`). */
function hasTypeSibling(ts: Ts, obj: TS.ObjectLiteralExpression): boolean {
  return obj.properties.some((p) => ts.isPropertyAssignment(p) && propertyName(ts, p.name) === 'type');
}

const SSE_MESSAGE = 'event of an SSE message';

/** Whether the object literal has a property `key` (`{ data: x }` or shorthand `{ data }`). */
function hasProperty(ts: Ts, obj: TS.ObjectLiteralExpression, key: string): boolean {
  return obj.properties.some(
    (p) => (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && propertyName(ts, p.name) === key,
  );
}

/** The keys of the object literal a `type: 'x'` property stands in, when all are plain names (no spread, no computed key). */
function objectKeys(ts: Ts, node: TS.Node): { fields?: string[] } {
  let p: TS.Node = node.parent;
  while (ts.isAsExpression(p) || ts.isSatisfiesExpression(p) || ts.isParenthesizedExpression(p)) p = p.parent;
  const obj = ts.isPropertyAssignment(p) ? p.parent : undefined;
  const keys = obj && ts.isObjectLiteralExpression(obj) ? literalKeys(ts, obj) : undefined;
  return keys ? { fields: keys } : {};
}

/** An object literal's keys, when all are plain names (no spread, no computed key). */
function literalKeys(ts: Ts, obj: TS.ObjectLiteralExpression): string[] | undefined {
  const keys: string[] = [];
  for (const prop of obj.properties) {
    const name = ts.isPropertyAssignment(prop) || ts.isShorthandPropertyAssignment(prop) ? propertyName(ts, prop.name) : undefined;
    if (name === undefined) return undefined;
    keys.push(name);
  }
  return keys;
}

/** Names a top-level statement declares (`export` or not: a module's own names resolve either way). */
function declaredNames(ts: Ts, stmt: TS.Statement): string[] {
  if (
    (ts.isClassDeclaration(stmt) ||
      ts.isFunctionDeclaration(stmt) ||
      ts.isInterfaceDeclaration(stmt) ||
      ts.isTypeAliasDeclaration(stmt) ||
      ts.isEnumDeclaration(stmt)) &&
    stmt.name
  ) {
    const exportsDefault = stmt.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
    return exportsDefault ? [stmt.name.text, 'default'] : [stmt.name.text];
  }
  if (ts.isModuleDeclaration(stmt) && ts.isIdentifier(stmt.name)) return [stmt.name.text];
  if (ts.isVariableStatement(stmt)) return stmt.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
  return [];
}

/** `Foo`, `ns.Foo` as written; undefined for anything that is not a chain of names. */
function writtenName(ts: Ts, e: TS.Node): string | undefined {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) {
    const head = writtenName(ts, e.expression);
    return head !== undefined ? `${head}.${e.name.text}` : undefined;
  }
  if (ts.isQualifiedName(e)) {
    const head = writtenName(ts, e.left);
    return head !== undefined ? `${head}.${e.right.text}` : undefined;
  }
  if (ts.isExpressionWithTypeArguments(e)) return writtenName(ts, e.expression);
  return undefined;
}

function isClassName(name: string): boolean {
  return /^[A-Z]/.test(name.slice(name.lastIndexOf('.') + 1));
}

/** The calls that look for a string in another: `text.includes(s)`, `expect(text).toContain(s)`. */
const SEARCH_CALLS = new Set(['includes', 'startsWith', 'endsWith', 'indexOf', 'lastIndexOf', 'toContain', 'toMatch', 'toInclude']);

/** `node` is what a call looks for: its one argument, of a search by its name. */
function isSearchedFor(ts: Ts, node: TS.Node): boolean {
  const call = node.parent;
  return (
    ts.isCallExpression(call) &&
    call.arguments.length === 1 &&
    call.arguments[0] === node &&
    ts.isPropertyAccessExpression(call.expression) &&
    SEARCH_CALLS.has(call.expression.name.text)
  );
}

/** The operand of an equality comparison or a `case` label. */
function isComparedOrCase(ts: Ts, node: TS.Node): boolean {
  const p = node.parent;
  return Boolean(p) && (ts.isCaseClause(p) || (ts.isBinaryExpression(p) && isEquality(ts, p.operatorToken.kind)));
}

/**
 * Whether the file, after its import, names `local` only to take a part of it
 * (`ResponseContentPartAddedEvent['part']`): it uses a field's type, not the event.
 */
function onlyPartsRead(text: string, local: string, from: number): boolean {
  const uses = [...text.slice(from).matchAll(new RegExp(`(?<![\\w$.])${local}(?![\\w$])(\\s*\\[\\s*['"])?`, 'g'))];
  return uses.length > 0 && uses.every((m) => m[1] !== undefined);
}

/**
 * The paths a module-level `const` holds, for calls in other modules that send to it: a URL or path
 * (`RESPONSES_URL = 'https://api.openai.com/v1/responses'`) or a member of an object of them
 * (`API = { responses: '/v1/responses' }` gives `API.responses`).
 */
function pathConstants(ts: Ts, stmt: TS.VariableStatement): [string, string][] {
  if (!(stmt.declarationList.flags & ts.NodeFlags.Const)) return [];
  const out: [string, string][] = [];
  const pathIn = (e: TS.Expression): string | undefined => {
    const x = unwrapExpression(ts, e);
    const text = ts.isStringLiteral(x) || ts.isNoSubstitutionTemplateLiteral(x) ? x.text : undefined;
    const path = text !== undefined && /^(?:https?:\/\/|\/)/.test(text) ? pathOfUrl(text) : undefined;
    return path && path.length > 1 ? path : undefined;
  };
  for (const d of stmt.declarationList.declarations) {
    if (!ts.isIdentifier(d.name) || !d.initializer) continue;
    const whole = pathIn(d.initializer);
    if (whole) out.push([d.name.text, whole]);
    const obj = unwrapExpression(ts, d.initializer);
    if (ts.isObjectLiteralExpression(obj))
      for (const p of obj.properties) {
        const key = ts.isPropertyAssignment(p) ? propertyName(ts, p.name) : undefined;
        const path = key !== undefined && ts.isPropertyAssignment(p) ? pathIn(p.initializer) : undefined;
        if (path) out.push([`${d.name.text}.${key}`, path]);
      }
  }
  return out;
}
