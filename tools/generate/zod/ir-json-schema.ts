/**
 * The JSON Schema files, written straight from the IR: the bytes Zod 4's `z.toJSONSchema` writes
 * for the runtime schemas (runtime-schemas.ts) with the target's options (draft 2020-12, `io:
 * 'input'`, `cycles: 'ref'`, `reused: 'inline'`, the named shapes registered under their type
 * name), without building the runtime schemas or running Zod's conversion. Zod converts a graph of
 * schema objects in passes (process, extract the registered ones, flatten wrappers, compact
 * unions) and round-trips the result through JSON; for the IR's few node kinds its output comes
 * down to the rules below, each named after the Zod behaviour it follows.
 *
 * Around a cycle Zod's output depends on where its conversion enters the cycle (the root is
 * written `#`, the others `$defs`), so a schema that reaches one is left to Zod (`fileOf` returns
 * undefined). `tests/generate/json-schema-direct.test.ts` holds every file to Zod's own conversion
 * on random schema plans and on the reference corpus's models.
 */
import type { PlannedSchema, SchemaPlan } from '../shape/schema-plan.js';
import type { ZNode } from './zod-ir.js';

export type Json = Record<string, unknown>;

const SCHEMA_URI = 'https://json-schema.org/draft/2020-12/schema';
const DEFS_REF = '#/$defs/';

/** `z.number().int()` is a safe integer: Zod writes its range. */
const INT: Json = { type: 'integer', minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER };

/** A property named `__proto__` must be a key of the schema, not its prototype (as Zod's `assignProp`). */
function assignProp(target: Json, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** A JSON Pointer segment for a name (RFC 6901): `~` → `~0`, `/` → `~1`. */
const encodePointer = (name: string): string => name.replace(/~/g, '~0').replace(/\//g, '~1');

/** A JSON Pointer segment back to the name it encodes. */
const decodePointer = (segment: string): string => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * Zod's `compactTypeUnion`: an `anyOf` whose branches are all a bare `type` becomes one `type` (a
 * string for one member, else the members in order without repeats). Branches come compacted
 * already, as Zod's pass compacts a branch before its union.
 */
function compactUnion(options: Json[]): Json {
  const types: unknown[] = [];
  for (const option of options) {
    const keys = Object.keys(option);
    if (keys.length !== 1 || keys[0] !== 'type') return { anyOf: options };
    for (const member of Array.isArray(option.type) ? option.type : [option.type]) if (!types.includes(member)) types.push(member);
  }
  return { type: types.length === 1 ? types[0] : types };
}

/**
 * The definitions a JSON Schema value refers to, in document order, repeats kept (a string under
 * `$ref` is a reference; an object there is a property named `$ref`).
 */
function refsIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) refsIn(n, out);
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.push(decodePointer(value.slice(DEFS_REF.length)));
      else refsIn(value, out);
    }
  }
  return out;
}

/**
 * The definitions a body reaches, in the order Zod lists them in `$defs`: each when its conversion
 * first reached it, before what it reaches itself (Zod records a schema before converting its
 * parts, and writes parts in the order it converts them).
 */
function reachedDefs(refs: readonly string[], refsOfDef: (id: string) => readonly string[]): string[] {
  const reached: string[] = [];
  const seen = new Set<string>();
  const visit = (ids: readonly string[]): void => {
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      reached.push(id);
      visit(refsOfDef(id));
    }
  };
  visit(refs);
  return reached;
}

export interface PlanJsonSchemas {
  /**
   * A planned schema's file (undefined: the event union) as Zod converts it alone: `$schema`, its
   * body, the `$defs` it reaches; undefined when it reaches a cycle.
   */
  fileOf(schema: PlannedSchema | undefined): Json | undefined;
}

export function planJsonSchemas(plan: SchemaPlan): PlanJsonSchemas {
  const named = new Map<string, ZNode>();
  for (const s of plan.schemas) if (s.kind === 'named') named.set(s.typeName, s.node);

  // A named shape that is a direct ref to another is the same runtime schema object (buildZod
  // returns the target), and the registry keeps the id it was given last: every name of that
  // object is written as that id, and its definition is the object's own body.
  const objectOf = (name: string): string => {
    let at = name;
    for (let node = named.get(at); node?.k === 'ref' && !node.lazy; node = named.get(at)) at = node.name;
    return at;
  };
  const idOfObject = new Map<string, string>();
  const objectOfId = new Map<string, string>();
  for (const name of named.keys()) {
    const object = objectOf(name);
    idOfObject.set(object, name);
  }
  for (const [object, id] of idOfObject) objectOfId.set(id, object);
  const refTo = (name: string): Json => {
    const object = objectOf(name);
    return { $ref: DEFS_REF + encodePointer(idOfObject.get(object) ?? object) };
  };

  // The plan makes lazy exactly the refs that close a cycle, so a node reaches a cycle when it
  // reaches a lazy ref.
  const cyclic = new Map<string, boolean>();
  const reachesCycle = (node: ZNode): boolean => {
    switch (node.k) {
      case 'array':
        return reachesCycle(node.items);
      case 'record':
        return reachesCycle(node.values);
      case 'object':
        return node.props.some((p) => reachesCycle(p.node));
      case 'union':
        return node.variants.some(reachesCycle);
      case 'nullable':
        return reachesCycle(node.inner);
      case 'ref': {
        if (node.lazy) return true;
        let c = cyclic.get(node.name);
        if (c === undefined) {
          const target = named.get(node.name);
          c = target !== undefined && reachesCycle(target);
          cyclic.set(node.name, c);
        }
        return c;
      }
      default:
        return false;
    }
  };

  const convert = (node: ZNode): Json => {
    switch (node.k) {
      case 'string':
      case 'number':
      case 'boolean':
      case 'null':
        return { type: node.k };
      case 'int':
        return { ...INT };
      case 'unknown':
        return {};
      case 'never':
        return { not: {} };
      case 'literal':
        return { type: typeof node.value, const: node.value };
      case 'enum': {
        // `z.enum([...])` keys its entries by value: repeats collapse, and integer-like values come
        // first, in numeric order (as an object's keys do).
        const values = Object.values(Object.fromEntries(node.values.map((v) => [v, v])));
        return values.length === 0 ? { not: {} } : { type: 'string', enum: values };
      }
      case 'array':
        return { type: 'array', items: convert(node.items) };
      case 'record':
        return { type: 'object', propertyNames: { type: 'string' }, additionalProperties: convert(node.values) };
      case 'object': {
        // The runtime shape is keyed by name, as here: a repeated name keeps its first place and
        // its last schema, and integer-like names come first.
        const shape: Record<string, { node: ZNode; optional: boolean }> = Object.create(null);
        for (const p of node.props) shape[p.name] = p;
        const properties: Json = {};
        const required: string[] = [];
        for (const key of Object.keys(shape)) {
          assignProp(properties, key, convert(shape[key]!.node));
          if (!shape[key]!.optional) required.push(key);
        }
        const json: Json = { type: 'object', properties };
        if (required.length > 0) json.required = required;
        // Strict: a `never` catchall; loose: an `unknown` one; strip (io input): none.
        if (node.mode === 'strict') json.additionalProperties = false;
        else if (node.mode === 'passthrough') json.additionalProperties = {};
        return json;
      }
      case 'union':
        return compactUnion(node.variants.map(convert));
      case 'nullable':
        return compactUnion([convert(node.inner), { type: 'null' }]);
      case 'ref':
        return refTo(node.name);
    }
  };

  const defs = new Map<string, Json>();
  const defOf = (id: string): Json => {
    let def = defs.get(id);
    if (!def) {
      const node = named.get(objectOfId.get(id) ?? id);
      if (!node) throw new Error(`internal: no named schema ${id}`);
      def = convert(node);
      defs.set(id, def);
    }
    return def;
  };
  // What each definition refers to, found once: most files reach the same few hundred definitions.
  const defRefs = new Map<string, string[]>();
  const refsOfDef = (id: string): string[] => {
    let refs = defRefs.get(id);
    if (!refs) {
      refs = refsIn(defOf(id));
      defRefs.set(id, refs);
    }
    return refs;
  };
  const bodies = new Map<PlannedSchema, Json>();
  const bodyOf = (s: PlannedSchema): Json => {
    let body = bodies.get(s);
    if (!body) {
      body = s.kind === 'named' ? refTo(s.typeName) : convert(s.node);
      bodies.set(s, body);
    }
    return body;
  };

  return {
    fileOf(schema) {
      const roots = schema ? [schema] : plan.events;
      if (roots.some((s) => reachesCycle(s.node))) return undefined;
      // The event union is Zod's discriminated union: `oneOf`, never compacted; with no events, `z.never()`.
      const body = schema ? bodyOf(schema) : plan.events.length > 0 ? { oneOf: plan.events.map(bodyOf) } : { not: {} };
      const reached = reachedDefs(refsIn(body), refsOfDef);
      return {
        $schema: SCHEMA_URI,
        ...body,
        ...(reached.length > 0 ? { $defs: Object.fromEntries(reached.map((id) => [id, defOf(id)])) } : {}),
      };
    },
  };
}
