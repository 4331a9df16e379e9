/**
 * Python → facts, from a tree-sitter tree (issue 4 "Kinds of fact"). Every event ties by its
 * `type` string; class names are recorded as `className` and resolved against the model's and the
 * workspace's class names afterwards (resolve-classes.ts), so a local subclass, an alias import or
 * an SDK class all count without this file knowing the other files.
 */
import type { Node, Tree } from 'web-tree-sitter';
import { isEventLiteral, isWeakLiteral, TYPE_SUBJECT } from '../candidates.js';
import type { CodeFactKind } from '../facts.js';
import { FactSink, type FileContext, type FileFacts } from '../fact-sink.js';
import { classFacts } from './python-classes.js';
import { fieldsForFact, type DeclaredFields } from '../declared-fields.js';
import { declaredFieldsIn } from './python-fields.js';
import { routeFacts } from './python-routes.js';
import { firstSyntaxError, kids, lastName, pos, stringValue } from './syntax.js';

/** Calls whose string argument is an event being sent (`send_event("response.created", …)`). */
const EMIT_CALL = /(send|emit|yield|publish|push|write|put|enqueue|dispatch|sse|stream|event)/i;
/** Calls whose string argument subscribes to an event (`bus.on("response.created", fn)`). */
const LISTEN_CALL = /^(on|once|add_listener|add_handler|subscribe|register|listen|handles?|on_event)$/i;

export interface PythonScope {
  /** Local name → original name, from `import X as Y` and module-level `Y = X`. */
  aliases: Map<string, string>;
}

export function pythonFacts(tree: Tree, ctx: FileContext): FileFacts {
  const sink = new FactSink(ctx);
  const root = tree.rootNode;
  const bad = firstSyntaxError(root);
  if (bad) {
    const p = pos(bad);
    const what = bad.isMissing ? `a missing ${JSON.stringify(bad.type)}` : `unexpected ${JSON.stringify(bad.text.split('\n')[0]!.slice(0, 40))}`;
    sink.warn(p.line, p.column, `Found a Python syntax error (${what}), expected valid Python; the rest of the file was still analyzed`);
  }
  const scope: PythonScope = { aliases: new Map() };
  collectModuleNames(root, ctx, sink, scope);
  const resolve = (name: string | undefined): string | undefined => (name === undefined ? undefined : scope.aliases.get(name) ?? name);
  routeFacts(root, sink);
  // Declared fields (definitions carry them) are worked out once per file, when first asked for.
  let fieldsByClass: Map<number, DeclaredFields> | undefined;
  const declared = (cls: Node): DeclaredFields | undefined => (fieldsByClass ??= declaredFieldsIn(root, resolve)).get(cls.id);

  const walk = (node: Node, symbol: string): void => {
    switch (node.type) {
      case 'class_definition': {
        const name = node.childForFieldName('name')?.text ?? '<class>';
        classFacts(node, name, sink, resolve, declared);
        const body = node.childForFieldName('body');
        if (body) walk(body, name);
        return;
      }
      case 'function_definition': {
        const name = node.childForFieldName('name')?.text ?? '<function>';
        for (const k of kids(node)) walk(k, name);
        return;
      }
      case 'string': {
        const value = stringValue(node);
        if (value !== undefined && isEventLiteral(value, ctx.candidates)) literalFact(node, value, symbol, sink, resolve, declared);
        return;
      }
      case 'call':
        callFacts(node, symbol, sink, resolve);
        break;
    }
    for (const k of kids(node)) walk(k, symbol);
  };
  walk(root, '<module>');
  return sink.result();
}

/** The role of an event-type string, read from where it stands. */
function literalFact(node: Node, value: string, symbol: string, sink: FactSink, resolve: (n: string | undefined) => string | undefined, declared: (cls: Node) => DeclaredFields | undefined): void {
  const at = pos(node);
  const weak = isWeakLiteral(value);
  /** `typed`: the code itself says this string is a type (see isWeakLiteral). */
  const add = (kind: CodeFactKind, typed: boolean, className?: string, fields: { fields?: string[] } = {}): void => {
    if (weak && !typed) return;
    sink.add({ kind, symbol, literal: value, ...at, ...(className ? { className } : {}), ...fields });
  };
  let parent = node.parent;
  // Climb through containers that do not change the role: `in ("a", "b")`, `Literal["a", "b"]`, `case "a" | "b"`.
  while (parent && CONTAINERS.has(parent.type)) parent = parent.parent;
  if (!parent) return add('literal', false);
  switch (parent.type) {
    case 'assignment': {
      // `type: Literal["x"] = "x"` in a class body: the class defines the event.
      const left = parent.childForFieldName('left');
      if (left?.text === 'type' && isClassBody(parent)) return add('definition', true, undefined, fieldsForFact(declared(classOfBody(parent))));
      return add('literal', false);
    }
    case 'pair': {
      const key = parent.childForFieldName('key');
      if (key && key.id === node.id) return add('handler', false); // a dispatch dict keyed by event type
      if (stringValue(key) === 'type') return add(insideCase(parent) ? 'handler' : 'emitter', true);
      return add('literal', false);
    }
    case 'keyword_argument': {
      if (parent.childForFieldName('name')?.text !== 'type') return add('literal', false);
      const call = parent.parent?.parent;
      const callee = call?.type === 'call' ? resolve(lastName(call.childForFieldName('function'))) : undefined;
      return add('emitter', true, callee && callee !== 'dict' ? callee : undefined);
    }
    case 'comparison_operator':
      return add('handler', kids(parent).some((k) => k.type !== 'string' && TYPE_SUBJECT.test(k.text)));
    case 'case_clause':
    case 'case_pattern':
    case 'dictionary_pattern':
    case 'keyword_pattern':
    case 'class_pattern':
      return add('handler', TYPE_SUBJECT.test(matchSubject(parent)));
    case 'yield':
      return add('emitter', false);
    case 'argument_list': {
      const call = parent.parent;
      const callee = lastName(call?.childForFieldName('function'));
      if (callee && LISTEN_CALL.test(callee)) return add('handler', false);
      if (callee && EMIT_CALL.test(callee)) return add('emitter', false);
      return add('literal', false);
    }
    default:
      return insideCase(parent) ? add('handler', TYPE_SUBJECT.test(matchSubject(parent))) : add('literal', false);
  }
}

const CONTAINERS = new Set(['tuple', 'list', 'set', 'parenthesized_expression', 'type', 'subscript', 'generic_type', 'type_parameter', 'union_pattern', 'union_type']);

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
function callFacts(call: Node, symbol: string, sink: FactSink, resolve: (n: string | undefined) => string | undefined): void {
  const fn = call.childForFieldName('function');
  const args = call.childForFieldName('arguments');
  const name = lastName(fn);
  if (name === 'isinstance' && args) {
    const target = kids(args)[1];
    const classes = target?.type === 'tuple' ? kids(target) : target ? [target] : [];
    for (const c of classes) {
      const cls = resolve(lastName(c));
      if (cls && /^[A-Z]/.test(cls)) sink.add({ kind: 'handler', symbol, className: cls, ...pos(c) });
    }
    return;
  }
  const cls = resolve(name);
  if (!cls || !/^[A-Z]/.test(cls) || !args) return;
  // A `type="…"` keyword already ties the call to its literal (see literalFact).
  const hasTypeKeyword = kids(args).some((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'type');
  if (!hasTypeKeyword) sink.add({ kind: 'emitter', symbol, className: cls, ...pos(call) });
}

/**
 * Module-level names: `from pkg import X as Y` and `Y = X` make Y an alias of X; a name imported
 * into `__init__.py` or listed in `__all__` is re-exported, which defines it for this package.
 */
function collectModuleNames(root: Node, ctx: FileContext, sink: FactSink, scope: PythonScope): void {
  const exported = new Set<string>();
  const imported: { local: string; original: string; node: Node }[] = [];
  for (const stmt of kids(root)) {
    if (stmt.type === 'import_from_statement') {
      for (const n of stmt.childrenForFieldName('name')) {
        if (!n) continue;
        if (n.type === 'aliased_import') {
          const original = lastName(n.childForFieldName('name')) ?? n.childForFieldName('name')?.text;
          const local = n.childForFieldName('alias')?.text;
          if (original && local) {
            // `import X as Y` makes Y a name for X in every module that imports Y from here.
            scope.aliases.set(local, original);
            if (/^[A-Z]/.test(original)) sink.add({ kind: 'definition', symbol: local, className: original, ...pos(n) });
          }
        } else {
          const original = n.text.split('.').pop() ?? n.text;
          imported.push({ local: original, original, node: n });
        }
      }
    } else if (stmt.type === 'expression_statement') {
      const a = kids(stmt)[0];
      if (a?.type !== 'assignment') continue;
      const left = a.childForFieldName('left');
      const right = a.childForFieldName('right');
      if (left?.type === 'identifier' && left.text === '__all__' && right) {
        for (const s of kids(right)) {
          const v = stringValue(s);
          if (v) exported.add(v);
        }
      } else if (left?.type === 'identifier' && right && (right.type === 'identifier' || right.type === 'attribute') && /^[A-Z]/.test(left.text)) {
        const original = lastName(right)!;
        if (/^[A-Z]/.test(original)) {
          scope.aliases.set(left.text, scope.aliases.get(original) ?? original);
          sink.add({ kind: 'definition', symbol: left.text, className: scope.aliases.get(left.text)!, ...pos(left) });
        }
      }
    }
  }
  const isInit = ctx.file.endsWith('__init__.py');
  for (const imp of imported) {
    if (!/^[A-Z]/.test(imp.original)) continue;
    if (isInit || exported.has(imp.local)) sink.add({ kind: 'definition', symbol: imp.local, className: imp.original, ...pos(imp.node) });
  }
}
