/** Prints the Zod IR as Zod 4 source; the twin of `buildZod` in runtime-schemas.ts. */
import { jsdoc, tsKey, tsString } from '../escape.js';
import type { ZNode } from './zod-ir.js';

export const schemaConst = (typeName: string): string => `${typeName}Schema`;

function literal(value: string | number | boolean): string {
  return typeof value === 'string' ? tsString(value) : String(value);
}

export function printZod(node: ZNode, indent = ''): string {
  switch (node.k) {
    case 'string':
      return 'z.string()';
    case 'int':
      return 'z.number().int()';
    case 'number':
      return 'z.number()';
    case 'boolean':
      return 'z.boolean()';
    case 'null':
      return 'z.null()';
    case 'unknown':
      return 'z.unknown()';
    case 'never':
      return 'z.never()';
    case 'literal':
      return `z.literal(${literal(node.value)})`;
    case 'enum':
      return `z.enum([${node.values.map(tsString).join(', ')}])`;
    case 'array':
      return `z.array(${printZod(node.items, indent)})`;
    case 'record':
      return `z.record(z.string(), ${printZod(node.values, indent)})`;
    case 'object': {
      const fn = node.mode === 'strict' ? 'z.strictObject' : node.mode === 'passthrough' ? 'z.looseObject' : 'z.object';
      if (node.props.length === 0) return `${fn}({})`;
      const inner = indent + '  ';
      const props = node.props.map((p) => {
        const doc = jsdoc(p.deprecated ? `${p.description}\n@deprecated` : p.description, inner);
        return `${doc}${inner}${tsKey(p.name)}: ${printZod(p.node, inner)}${p.optional ? '.optional()' : ''},\n`;
      });
      return `${fn}({\n${props.join('')}${indent}})`;
    }
    case 'union':
      return `z.union([${node.variants.map((v) => printZod(v, indent)).join(', ')}])`;
    case 'nullable':
      return `${printZod(node.inner, indent)}.nullable()`;
    case 'ref':
      // The annotation breaks TS's circular inference on cycle edges; the value still validates fully.
      return node.lazy ? `z.lazy((): z.ZodType => ${schemaConst(node.name)})` : schemaConst(node.name);
  }
}
