/**
 * An object schema's properties with `$ref`s followed and `allOf` members merged (later members
 * refine earlier ones, as generators such as openapi-typescript read them), each property keeping
 * the pointer of the place that defines it.
 */
import { deref, isObject, type Json, type Located, type OpenApiContext } from './context.js';

interface Property {
  name: string;
  at: Located;
}

export interface ObjectShape {
  properties: Property[];
  required: Set<string>;
  /** `additionalProperties` as written (true, false, a schema), from the last member that says. */
  additional?: unknown;
  /** Whether anything object-like was found (properties, `type: object`, additionalProperties). */
  objectLike: boolean;
}

export function objectShape(ctx: OpenApiContext, at: Located, seen: Set<Json> = new Set()): ObjectShape {
  const shape: ObjectShape = { properties: [], required: new Set(), objectLike: false };
  collect(ctx, at, shape, seen);
  return shape;
}

function collect(ctx: OpenApiContext, start: Located, shape: ObjectShape, seen: Set<Json>): void {
  const at = deref(ctx, start);
  if (!at || seen.has(at.value)) return;
  seen.add(at.value);
  const s = at.value;
  if (Array.isArray(s.allOf)) {
    s.allOf.forEach((m, i) => {
      if (isObject(m)) collect(ctx, { value: m, pointer: [...at.pointer, 'allOf', i] }, shape, seen);
    });
  }
  if (s.type === 'object' || (Array.isArray(s.type) && s.type.includes('object'))) shape.objectLike = true;
  if (isObject(s.properties)) {
    shape.objectLike = true;
    for (const [name, value] of Object.entries(s.properties)) {
      if (!isObject(value)) continue;
      const prop: Property = { name, at: { value, pointer: [...at.pointer, 'properties', name] } };
      const i = shape.properties.findIndex((p) => p.name === name);
      if (i >= 0) shape.properties[i] = prop;
      else shape.properties.push(prop);
    }
  }
  if (Array.isArray(s.required)) for (const r of s.required) if (typeof r === 'string') shape.required.add(r);
  if (s.additionalProperties !== undefined) {
    shape.objectLike = true;
    shape.additional = s.additionalProperties;
  }
  seen.delete(at.value);
}
