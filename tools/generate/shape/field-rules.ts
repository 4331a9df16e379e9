/**
 * How a model field becomes a property: optional or required, nullable or not, literal or not.
 * Every target (runtime Zod, emitted Zod, Pydantic) asks this one module, so they cannot disagree.
 *
 * The docs' event fields carry no required/optional markers (`required: null`, reference README).
 * Rule for those: the `type` field is required and is the literal event type; any other field is
 * required when the item's own example payload has it, optional when the example leaves it out,
 * and required when there is no example (the docs list it, so we expect it). A field is nullable
 * when a source says so or the example shows it as `null` (a doc that writes `"param": null` for a
 * `string` field documents a nullable field, whatever its type words say). Sources that do say
 * (OpenAPI, request parameters) win: `required: true|false` is taken as is.
 */
import type { Example, Field, TypeExpr } from '../../model/schema.js';

export interface PropertyRule {
  name: string;
  type: TypeExpr;
  optional: boolean;
  nullable: boolean;
  description: string;
  deprecated: boolean;
}

function exampleObject(example: Example | undefined): Record<string, unknown> | undefined {
  const v = example?.value;
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

export function propertyRules(
  fields: readonly Field[],
  example?: Example,
  discriminator?: { name: string; value: string },
): PropertyRule[] {
  const sample = exampleObject(example);
  return fields.map((f) => {
    if (discriminator && f.name === discriminator.name) {
      return {
        name: f.name,
        type: { kind: 'literal', value: discriminator.value },
        optional: false,
        nullable: false,
        description: f.description,
        deprecated: f.deprecated,
      };
    }
    const optional = f.required !== null ? !f.required : sample ? !Object.hasOwn(sample, f.name) : false;
    const nullable = f.nullable || (sample !== undefined && Object.hasOwn(sample, f.name) && sample[f.name] === null);
    return { name: f.name, type: f.type, optional, nullable, description: f.description, deprecated: f.deprecated };
  });
}
