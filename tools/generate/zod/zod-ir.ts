/**
 * A small intermediate form between the model's TypeExpr and Zod. Two interpreters read it: one
 * builds runtime Zod schemas (runtime-schemas.ts, used by `verify` and for JSON Schema), one
 * prints Zod source (print-zod.ts). Because both read the same nodes, the emitted schemas and the
 * runtime ones are the same schemas, which a test checks on every example.
 */
import type { LiteralValue, TypeExpr } from '../../model/schema.js';
import { propertyRules } from '../shape/field-rules.js';

export type ObjectMode = 'strict' | 'passthrough' | 'strip';

export type ZNode =
  | { k: 'string' }
  | { k: 'int' }
  | { k: 'number' }
  | { k: 'boolean' }
  | { k: 'null' }
  | { k: 'unknown' }
  | { k: 'never' }
  | { k: 'literal'; value: string | number | boolean }
  | { k: 'enum'; values: string[] }
  | { k: 'array'; items: ZNode }
  | { k: 'record'; values: ZNode }
  | { k: 'object'; mode: ObjectMode; props: ZProp[] }
  | { k: 'union'; variants: ZNode[] }
  | { k: 'nullable'; inner: ZNode }
  /** A named shape; `lazy` on the edges that close a cycle. `name` is the generated type name. */
  | { k: 'ref'; name: string; lazy: boolean };

export interface ZProp {
  name: string;
  node: ZNode;
  optional: boolean;
  /** For JSDoc in emitted source. */
  description: string;
  deprecated: boolean;
}

export interface IrContext {
  mode: ObjectMode;
  /** Resolves a `ref` to a node (direct or lazy); see schema-plan.ts for the cycle handling. */
  ref(name: string): ZNode;
}

const OPEN_OBJECT: ZNode = { k: 'object', mode: 'passthrough', props: [] };

function literalNode(value: LiteralValue): ZNode {
  return value === null ? { k: 'null' } : { k: 'literal', value };
}

function nullable(node: ZNode): ZNode {
  return node.k === 'nullable' || node.k === 'null' || node.k === 'unknown' ? node : { k: 'nullable', inner: node };
}

export function toIr(type: TypeExpr, ctx: IrContext): ZNode {
  switch (type.kind) {
    case 'string':
      return { k: 'string' };
    case 'integer':
      return { k: 'int' };
    case 'number':
      return { k: 'number' };
    case 'boolean':
      return { k: 'boolean' };
    case 'null':
      return { k: 'null' };
    case 'unknown':
      return { k: 'unknown' };
    case 'literal':
      return literalNode(type.value);
    case 'enum': {
      const values = type.values;
      if (values.length === 0) return { k: 'never' };
      if (values.length === 1) return literalNode(values[0]!);
      if (values.every((v): v is string => typeof v === 'string')) return { k: 'enum', values: [...values] };
      return { k: 'union', variants: values.map(literalNode) };
    }
    case 'array':
      return { k: 'array', items: type.items ? toIr(type.items, ctx) : { k: 'unknown' } };
    case 'map':
      return { k: 'record', values: type.values ? toIr(type.values, ctx) : { k: 'unknown' } };
    case 'object':
      // No fields means no source gave the structure (a collapsed scrape): an open object, never `any`.
      if (!type.fields) return OPEN_OBJECT;
      return objectIr(propertyRules(type.fields), type.additional ? 'passthrough' : ctx.mode, ctx);
    case 'union': {
      const variants = type.variants.map((v) => toIr(v, ctx));
      if (variants.length === 0) return { k: 'never' };
      if (variants.length === 1) return variants[0]!;
      const withoutNull = variants.filter((v) => v.k !== 'null');
      if (withoutNull.length === 1 && withoutNull.length < variants.length) return nullable(withoutNull[0]!);
      return { k: 'union', variants };
    }
    case 'ref':
      return ctx.ref(type.name);
  }
}

export function objectIr(rules: ReturnType<typeof propertyRules>, mode: ObjectMode, ctx: IrContext): ZNode {
  return {
    k: 'object',
    mode,
    props: rules.map((r) => {
      const node = toIr(r.type, ctx);
      return {
        name: r.name,
        node: r.nullable ? nullable(node) : node,
        optional: r.optional,
        description: r.description,
        deprecated: r.deprecated,
      };
    }),
  };
}
