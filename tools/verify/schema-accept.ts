/**
 * A fast yes for check 2. Zod's `safeParse` builds a parsed copy of every payload and an issue list,
 * which made schema validation the largest cost of `verify` after `JSON.parse`. Almost every event is valid, so each schema is compiled once into a plain predicate
 * that only answers "Zod would accept this": `true` is trusted, `false` means "ask Zod", which then
 * produces the real issues. The predicate is conservative by construction: a node it does not fully
 * understand (checks other than `int`, pipes, transforms, defaults…) is answered by Zod itself, and
 * every rule below mirrors, or is stricter than, the Zod 4 rule it stands for (core/schemas.js).
 */
import type { z } from 'zod';

export type Accept = (value: unknown) => boolean;

/** The public surface of a classic Zod 4 schema this file reads: `.def`, and a number's `isInt`/`format`. */
interface ZodNode {
  def: NodeDef;
  isInt?: boolean;
  format?: string | null;
  safeParse(value: unknown): { success: boolean };
}

interface NodeDef {
  type: string;
  checks?: unknown[];
  shape?: Record<string, ZodNode>;
  catchall?: ZodNode;
  element?: ZodNode;
  keyType?: ZodNode;
  valueType?: ZodNode;
  innerType?: ZodNode;
  options?: ZodNode[];
  values?: unknown[];
  entries?: Record<string, unknown>;
  getter?: () => ZodNode;
}

const compiled = new WeakMap<object, Accept>();

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

let lastSchema: z.ZodType | undefined;
let lastAccept: Accept = () => false;

/**
 * The predicate for `schema`, compiled on first use and cached per schema (so per event type).
 * Streams mostly repeat one type (a run of deltas), so the last answer is kept out of the WeakMap.
 */
export function getAccept(schema: z.ZodType): Accept {
  if (schema !== lastSchema) {
    lastAccept = acceptOf(schema as unknown as ZodNode);
    lastSchema = schema;
  }
  return lastAccept;
}

function acceptOf(node: ZodNode): Accept {
  let accept = compiled.get(node);
  if (!accept) {
    // Recursive schemas reach themselves through `lazy`; the placeholder resolves on first call.
    let real: Accept | undefined;
    compiled.set(node, (v) => {
      real ??= compiled.get(node)!;
      return real(v);
    });
    accept = compile(node);
    real = accept;
    compiled.set(node, accept);
  }
  return accept;
}

const askZod =
  (node: ZodNode): Accept =>
  (v) =>
    node.safeParse(v).success;

function compile(node: ZodNode): Accept {
  const def = node.def;
  const checks = def.checks ?? [];
  if (def.type === 'number') {
    if (checks.length === 0) return (v) => typeof v === 'number' && Number.isFinite(v);
    // `.int()` is one check that makes the number a safe integer; any other check is Zod's to judge.
    if (checks.length === 1 && node.isInt && node.format === 'safeint') return (v) => Number.isSafeInteger(v);
    return askZod(node);
  }
  if (checks.length) return askZod(node);
  switch (def.type) {
    case 'string':
      return (v) => typeof v === 'string';
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'null':
      return (v) => v === null;
    case 'unknown':
    case 'any':
      return () => true;
    case 'never':
      return () => false;
    case 'literal': {
      const values = def.values ?? [];
      return values.length === 1 ? (v) => v === values[0] : (v) => values.includes(v);
    }
    case 'enum': {
      const values = Object.values(def.entries ?? {});
      if (!values.every((v) => typeof v === 'string')) return askZod(node);
      const set = new Set(values);
      return (v) => set.has(v as string);
    }
    case 'optional': {
      const inner = acceptOf(def.innerType!);
      return (v) => v === undefined || inner(v);
    }
    case 'nullable': {
      const inner = acceptOf(def.innerType!);
      return (v) => v === null || inner(v);
    }
    case 'lazy': {
      let inner: Accept | undefined;
      return (v) => {
        inner ??= acceptOf(def.getter!());
        return inner(v);
      };
    }
    case 'union': {
      const options = (def.options ?? []).map(acceptOf);
      return (v) => options.some((accept) => accept(v));
    }
    case 'array': {
      const element = acceptOf(def.element!);
      return (v) => {
        if (!Array.isArray(v)) return false;
        for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
        return true;
      };
    }
    case 'record':
      return compileRecord(node, def);
    case 'object':
      return compileObject(def);
    default:
      return askZod(node);
  }
}

/** `z.record(z.string(), X)` only; JSON objects are plain, so Zod's plain-object test is `isObject` here. */
function compileRecord(node: ZodNode, def: NodeDef): Accept {
  const key = def.keyType?.def;
  if (key?.type !== 'string' || key.checks?.length) return askZod(node);
  const value = acceptOf(def.valueType!);
  return (v) => {
    if (!isObject(v) || Object.getPrototypeOf(v) !== Object.prototype) return false;
    for (const k in v) if (!value(v[k])) return false;
    return true;
  };
}

/**
 * Zod reads a key with `key in input` and accepts an absent one only when its schema is `optional`;
 * an unknown key is an error for a strict object (catchall `never`), run through the catchall
 * otherwise, and ignored without one (strip).
 */
function compileObject(def: NodeDef): Accept {
  const shape = def.shape ?? {};
  const keys = Object.keys(shape);
  const accepts = keys.map((k) => acceptOf(shape[k]!));
  const optional = keys.map((k) => shape[k]!.def.type === 'optional');
  const known = new Set(keys);
  const catchall = def.catchall ? (def.catchall.def.type === 'unknown' ? 'any' : acceptOf(def.catchall)) : undefined;
  return (v) => {
    if (!isObject(v)) return false;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      if (!(k in v)) {
        if (optional[i]) continue;
        return false;
      }
      if (!accepts[i]!(v[k])) return false;
    }
    if (catchall === undefined || catchall === 'any') return true;
    for (const k in v) if (!known.has(k) && !catchall(v[k])) return false;
    return true;
  };
}
