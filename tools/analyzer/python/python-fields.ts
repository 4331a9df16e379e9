/**
 * The fields a Python class declares (Pydantic models, dataclasses, TypedDicts): annotated
 * assignments in its body (`name: T`, `name: T = default`) plus those of the classes it inherits
 * from in the same file. Methods and `ClassVar`/`InitVar` annotations are not fields. A base this
 * file does not define (and that is not a plain root such as `BaseModel`) leaves the list open:
 * its name is kept in `open`, and assign-items.ts completes the list from the workspace or
 * drops it, so a gap is never claimed for fields that may come from a class we cannot see.
 */
import type { Node } from 'web-tree-sitter';
import type { DeclaredFields } from '../declared-fields.js';
import { fieldsOf } from './python-classes.js';
import { kids, lastName } from './syntax.js';

/** Bases that add no fields of their own. */
const ROOTS = new Set([
  'BaseModel',
  'object',
  'TypedDict',
  'NamedTuple',
  'Protocol',
  'ABC',
  'Generic',
  'Struct',
  'SQLModel',
  'BaseSettings',
  'RootModel',
]);

/** Annotations that do not make an instance field. */
const NOT_A_FIELD = /^(typing\.|t\.|dataclasses\.)?(ClassVar|InitVar)\b/;

/**
 * Per class node id: what it declares, inherited fields included. Computed for every class in the
 * file; `classes`: every class definition in the file, in document order.
 */
export function declaredFieldsIn(
  classes: readonly Node[],
  resolve: (n: string | undefined) => string | undefined,
): Map<number, DeclaredFields> {
  const byName = new Map<string, Node>();
  for (const c of classes) {
    const name = c.childForFieldName('name')?.text;
    if (name && !byName.has(name)) byName.set(name, c);
  }
  const memo = new Map<number, DeclaredFields>();
  const compute = (cls: Node, stack: Set<number>): DeclaredFields => {
    const done = memo.get(cls.id);
    if (done) return done;
    const fields: string[] = [];
    const open: string[] = [];
    const addAll = (into: string[], names: readonly string[]): void => {
      for (const n of names) if (!into.includes(n)) into.push(n);
    };
    stack.add(cls.id);
    for (const base of baseNodes(cls)) {
      const local = base.type === 'identifier' ? byName.get(base.text) : undefined;
      if (local && !stack.has(local.id)) {
        const inherited = compute(local, stack);
        addAll(fields, inherited.fields);
        addAll(open, inherited.open);
        continue;
      }
      const name = resolve(lastName(base.type === 'subscript' ? base.childForFieldName('value') : base));
      if (name === undefined) addAll(open, [base.text]);
      else if (!ROOTS.has(name)) addAll(open, [name]);
    }
    stack.delete(cls.id);
    addAll(fields, ownFields(cls));
    const out = { fields, open };
    memo.set(cls.id, out);
    return out;
  };
  for (const c of classes) compute(c, new Set());
  return memo;
}

export function baseNodes(cls: Node): Node[] {
  const supers = cls.childForFieldName('superclasses');
  // `metaclass=…`, `total=False` are keyword arguments, not bases.
  return supers ? kids(supers).filter((b) => b.type === 'identifier' || b.type === 'attribute' || b.type === 'subscript') : [];
}

function ownFields(cls: Node): string[] {
  return fieldsOf(cls)
    .filter((f) => !NOT_A_FIELD.test(f.type?.text ?? ''))
    .map((f) => f.wire);
}
