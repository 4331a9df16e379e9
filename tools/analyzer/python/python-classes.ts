/**
 * Python classes: a class without its own `type` literal that subclasses another is recorded with
 * that base as `className` (resolved later: `class MyCreated(ResponseCreatedEvent): pass` defines
 * `response.created`); a request model (Pydantic or dataclass) gives one param fact per field.
 */
import type { Node } from 'web-tree-sitter';
import { mayBeRequestModel } from '../candidates.js';
import type { FactSink } from '../fact-sink.js';
import { fieldsForFact, type DeclaredFields } from '../declared-fields.js';
import { isClassName, kids, lastName, pos, stringsIn, stringValue, writtenName } from './syntax.js';

/** `Literal[Events.CREATED]`, `Literal[CREATED_EVENT]`: a type written as a constant. */
const CONSTANT_TYPE = /\bLiteral\[\s*(?:[A-Za-z_]\w*\.)*[A-Z][A-Z0-9_]+\s*[\],]/;

export interface PyField {
  name: string;
  /** The name the data carries (`input` of `input_: list = Field(alias="input")`): `name` when it has no alias. */
  wire: string;
  node: Node;
  type?: Node;
  right?: Node;
}

/** Annotated assignments directly in the class body: `name: T` and `name: T = default`. */
export function fieldsOf(cls: Node): PyField[] {
  const body = cls.childForFieldName('body');
  if (!body) return [];
  const out: PyField[] = [];
  for (const stmt of kids(body)) {
    if (stmt.type !== 'expression_statement') continue;
    const a = kids(stmt)[0];
    if (a?.type !== 'assignment') continue;
    const left = a.childForFieldName('left');
    const type = a.childForFieldName('type');
    if (left?.type !== 'identifier' || !type) continue;
    const right = a.childForFieldName('right') ?? undefined;
    out.push({ name: left.text, wire: aliasOf(right) ?? aliasOf(fieldInAnnotation(type)) ?? left.text, node: left, type, right });
  }
  return out;
}

/**
 * Pydantic's `Field(alias="input")`, or `validation_alias="input"` (the name it reads, which for a
 * request is the name on the wire); a dataclass `field(…)` takes no alias and gives none.
 */
function aliasOf(call: Node | undefined): string | undefined {
  if (call?.type !== 'call' || lastName(call.childForFieldName('function')) !== 'Field') return undefined;
  let alias: string | undefined;
  for (const a of kids(call.childForFieldName('arguments') ?? call)) {
    if (a.type !== 'keyword_argument') continue;
    const key = a.childForFieldName('name')?.text;
    if (key === 'validation_alias') return stringValue(a.childForFieldName('value')) ?? alias;
    if (key === 'alias') alias = stringValue(a.childForFieldName('value'));
  }
  return alias;
}

/** The `Field(…)` of `Annotated[T, Field(alias="input")]`. */
function fieldInAnnotation(type: Node): Node | undefined {
  const text = type.text;
  if (!/^(?:typing\.|t\.)?Annotated\s*\[/.test(text) || !text.includes('Field')) return undefined;
  return type.descendantsOfType('call').find((c) => c !== null && lastName(c.childForFieldName('function')) === 'Field') ?? undefined;
}

export function classFacts(
  cls: Node,
  name: string,
  sink: FactSink,
  resolve: (n: string | undefined) => string | undefined,
  declared: (cls: Node) => DeclaredFields | undefined,
): void {
  const fields = fieldsOf(cls);
  // Its own `type`: a string, or a constant the workspace pass reads (`Literal[Events.CREATED]`).
  const ownType =
    fields.some((f) => f.name === 'type' && f.type && (stringsIn(f.type).length > 0 || CONSTANT_TYPE.test(f.type.text))) ||
    fields.some((f) => f.name === 'type' && stringValue(f.right) !== undefined);
  const supers = cls.childForFieldName('superclasses');
  if (!ownType && supers) {
    for (const base of kids(supers).filter((b) => b.type === 'identifier' || b.type === 'attribute')) {
      const written = writtenName(base);
      const original = resolve(lastName(base));
      if (written && original && isClassName(written))
        sink.add({
          kind: 'definition',
          symbol: name,
          className: written,
          evidence: `subclass of ${written}`,
          ...fieldsForFact(declared(cls), original),
          ...pos(base),
        });
    }
  }
  if (
    !mayBeRequestModel(
      name,
      fields.map((f) => f.wire),
      sink.ctx.candidates,
    )
  )
    return;
  const partial = totalFalse(supers);
  for (const f of fields) {
    const typeText = f.type?.text ?? '';
    const def = defaultOf(f.right);
    const optional = typedDictOptional(typeText, partial) ?? (def.present && !def.required);
    const values = f.type
      ? stringsIn(f.type)
          .map(stringValue)
          .filter((v): v is string => v !== undefined)
      : [];
    sink.add({
      kind: 'param',
      symbol: name,
      field: f.wire,
      declaredType: typeText,
      // Pydantic: a field is optional when it has a default; `Optional[X]` alone only allows null.
      optional,
      ...(def.text !== undefined ? { default: def.text } : {}),
      ...(values.length > 0 && /\bLiteral\[/.test(typeText) ? { values } : {}),
      ...pos(f.node),
    });
  }
}

/** `class P(TypedDict, total=False)`: the keys this class itself declares may be left out. */
function totalFalse(supers: Node | null): boolean {
  return (supers ? kids(supers) : []).some(
    (a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'total' && a.childForFieldName('value')?.text === 'False',
  );
}

/**
 * A TypedDict key's optionality: `Required[X]` and `NotRequired[X]` say it outright; otherwise a
 * class declared `total=False` makes its own keys optional. Undefined: the default decides.
 */
function typedDictOptional(typeText: string, partial: boolean): boolean | undefined {
  const wrapper = /^(?:typing(?:_extensions)?\.)?(Required|NotRequired)\[/.exec(typeText)?.[1];
  if (wrapper) return wrapper === 'NotRequired';
  return partial ? true : undefined;
}

/** `= 1.0`, `= Field(default=1.0)`, `= Field(...)` (required), `= Field(default_factory=list)`. */
function defaultOf(right: Node | undefined): { present: boolean; required: boolean; text?: string } {
  if (!right) return { present: false, required: true };
  if (right.type === 'call' && /^(Field|field)$/.test(lastName(right.childForFieldName('function')) ?? '')) {
    const args = kids(right.childForFieldName('arguments') ?? right);
    const first = args[0];
    if (first && first.type !== 'keyword_argument')
      return first.type === 'ellipsis' ? { present: true, required: true } : { present: true, required: false, text: first.text };
    for (const a of args) {
      if (a.type !== 'keyword_argument') continue;
      const key = a.childForFieldName('name')?.text;
      const value = a.childForFieldName('value');
      if (key === 'default')
        return value?.type === 'ellipsis' ? { present: true, required: true } : { present: true, required: false, text: value?.text };
      if (key === 'default_factory') return { present: true, required: false, text: `${value?.text ?? ''}()` };
    }
    return { present: true, required: true };
  }
  return { present: true, required: false, text: right.text };
}
