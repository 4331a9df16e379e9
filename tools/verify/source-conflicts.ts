/**
 * Sources that disagree do not make a server wrong. The merged model records where the docs and the
 * OpenAPI document disagree about a field (`Field.conflicts`, the same data `crosscheck` reports);
 * when a trace's value is what one source allows and another forbids, check 2 accepts it and says so
 * in an `info` finding naming both. `--strict-source docs|openapi` builds the model from one kind of
 * source only, so there is nothing to disagree about and each deviation is an error again.
 */
import type { Conflict, Field, Model, TypeExpr } from '../model/schema.js';

/** Which conflicting properties can explain a deviation of each kind. */
const EXPLAINS: ReadonlyMap<string, readonly Conflict['property'][]> = new Map([
  ['null', ['nullable', 'type']],
  ['missing', ['required', 'presence']],
  ['type', ['type']],
  ['value', ['enum', 'type']],
]);

/** The coarse shapes a JSON value has, as the merge compares types (merge-fields.ts `shapeOf`). */
function shapesOf(value: unknown): string[] {
  if (value === null) return ['null'];
  if (Array.isArray(value)) return ['array'];
  if (typeof value === 'number') return Number.isInteger(value) ? ['integer', 'number'] : ['number'];
  return [typeof value];
}

/** Whether some source's side of the conflict allows what the trace has. */
function someSourceAllows(conflict: Conflict, kind: string, value: unknown): boolean {
  return conflict.values.some(({ value: says }) => {
    switch (conflict.property) {
      case 'nullable':
        return kind === 'null' && says === true;
      case 'required':
      case 'presence':
        return kind === 'missing' && says === false;
      case 'type':
        return Array.isArray(says) && shapesOf(value).some((s) => (says as unknown[]).includes(s));
      case 'enum':
        return Array.isArray(says) && (says as unknown[]).includes(String(value));
      default:
        return false;
    }
  });
}

const NONE: never[] = [];

export class SourceConflicts {
  private readonly events = new Map<string, Field[]>();
  /** Per event type, its top-level fields that have a nullable or required conflict (checked on every event). */
  private readonly watched = new Map<string, Field[]>();

  constructor(private readonly model: Pick<Model, 'events' | 'schemas'>) {
    for (const e of model.events) {
      this.events.set(e.type, e.fields);
      const watch = e.fields.filter((f) =>
        f.conflicts?.some((c) => c.property === 'nullable' || c.property === 'required' || c.property === 'presence'),
      );
      if (watch.length) this.watched.set(e.type, watch);
    }
  }

  /** The model field a payload path leads to (array indices skipped, union members searched in order). */
  fieldAt(eventType: string, segments: readonly PropertyKey[]): Field | undefined {
    let fields = this.events.get(eventType);
    let field: Field | undefined;
    for (const key of segments) {
      if (typeof key === 'number') continue;
      if (!fields) return undefined;
      field = fields.find((f) => f.name === key);
      if (!field) return undefined;
      fields = this.fieldsOf(field.type, 0);
    }
    return field;
  }

  private fieldsOf(type: TypeExpr, depth: number): Field[] | undefined {
    if (depth > 8) return undefined;
    switch (type.kind) {
      case 'object':
        return type.fields;
      case 'ref': {
        const target = Object.hasOwn(this.model.schemas, type.name) ? this.model.schemas[type.name] : undefined;
        return target ? this.fieldsOf(target, depth + 1) : undefined;
      }
      case 'array':
        return type.items ? this.fieldsOf(type.items, depth + 1) : undefined;
      case 'map':
        return type.values ? this.fieldsOf(type.values, depth + 1) : undefined;
      case 'union':
        return type.variants.flatMap((v) => this.fieldsOf(v, depth + 1) ?? []);
      default:
        return undefined;
    }
  }

  /**
   * A note when the sources disagree about this very field and one of them allows what the trace has
   * (`value`, absent for `missing`); else undefined, and the deviation stays what it is.
   */
  explain(eventType: string, segments: readonly PropertyKey[], kind: string, value: unknown): string | undefined {
    const properties = EXPLAINS.get(kind);
    if (!properties) return undefined;
    const field = this.fieldAt(eventType, segments);
    const conflict = field?.conflicts?.find((c) => properties.includes(c.property) && someSourceAllows(c, kind, value));
    return conflict ? describe(field!.name, conflict) : undefined;
  }

  /** Notes for values the merged schema accepts that one source forbids (null or absent top-level fields). */
  watch(eventType: string, payload: Record<string, unknown>): { field: string; kind: string; note: string }[] {
    const fields = this.watched.get(eventType);
    if (!fields) return NONE;
    const out: { field: string; kind: string; note: string }[] = [];
    for (const f of fields) {
      const present = Object.hasOwn(payload, f.name);
      const kind = !present ? 'missing' : payload[f.name] === null ? 'null' : undefined;
      if (!kind) continue;
      const conflict = f.conflicts!.find(
        (c) => (EXPLAINS.get(kind) ?? []).includes(c.property) && someSourceAllows(c, kind, payload[f.name]),
      );
      if (conflict) out.push({ field: f.name, kind, note: describe(f.name, conflict) });
    }
    return out;
  }
}

function describe(field: string, conflict: Conflict): string {
  const says = conflict.values.map((v) => `${v.source} says ${JSON.stringify(v.value)}`).join(', ');
  return `\`${field}\` ${conflict.property}: ${says}`;
}

/** One note for an event's disagreements. */
export function disagreementNote(parts: readonly string[]): string {
  return `sources disagree on ${[...new Set(parts)].join('; ')}; either is accepted (--strict-source docs|openapi picks one)`;
}
