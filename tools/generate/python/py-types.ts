/**
 * Python type annotations for the Zod IR, in the subset Pydantic 1.10 and 2 both read:
 * `typing` generics (`List`, `Dict`, `Optional`, `Union`, `Literal`), no `X | Y`, no `Annotated`.
 * Objects with known fields become classes (collected by `classes`) when a class sink is given,
 * else `Dict[str, Any]`; open objects are always `Dict[str, Any]`.
 */
import { pascalCase } from '../shape/names.js';
import type { ZNode, ZProp } from '../zod/zod-ir.js';
import { pyString } from '../escape.js';

export interface PyClassSink {
  /** Adds a class for an inline object and returns its name. */
  add(suggested: string, props: readonly ZProp[], mode: string): string;
}

function literal(v: string | number | boolean): string {
  return typeof v === 'string' ? pyString(v) : typeof v === 'boolean' ? (v ? 'True' : 'False') : String(v);
}

export function pyType(node: ZNode, hint: string, sink?: PyClassSink): string {
  switch (node.k) {
    case 'string':
      return 'str';
    case 'int':
      return 'int';
    case 'number':
      return 'float';
    case 'boolean':
      return 'bool';
    case 'null':
      return 'None';
    case 'unknown':
    case 'never':
      return 'Any';
    case 'literal':
      return `Literal[${literal(node.value)}]`;
    case 'enum':
      return `Literal[${node.values.map(literal).join(', ')}]`;
    case 'array':
      return `List[${pyType(node.items, `${hint}Item`, sink)}]`;
    case 'record':
      return `Dict[str, ${pyType(node.values, `${hint}Value`, sink)}]`;
    case 'object':
      if (node.props.length === 0 || !sink) return 'Dict[str, Any]';
      return sink.add(hint, node.props, node.mode);
    case 'union':
      return `Union[${node.variants.map((v, i) => pyType(v, `${hint}${i + 1}`, sink)).join(', ')}]`;
    case 'nullable':
      return `Optional[${pyType(node.inner, hint, sink)}]`;
    case 'ref':
      // Quoted: a forward reference, resolved by the rebuild loop at the end of the module.
      return sink ? `"${node.name}"` : 'Any';
  }
}

export const nestedHint = (parent: string, field: string): string => `${parent}${pascalCase(field)}`;
