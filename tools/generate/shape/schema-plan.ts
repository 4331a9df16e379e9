/**
 * Which schemas the Zod-based targets produce, in which order, under which names: named shapes
 * (`Model.schemas`, dependencies first, lazy only on edges that close a cycle), then objects,
 * request bodies and events in model order. One plan feeds runtime schemas, emitted Zod source,
 * TS types, JSON Schema and Pydantic, so they all agree on names and structure.
 */
import { plainField } from '../../model/field.js';
import type { Endpoint, Model } from '../../model/schema.js';
import { compareStrings } from '../../model/sort.js';
import { objectIr, toIr, type IrContext, type ObjectMode, type ZNode } from '../zod/zod-ir.js';
import { propertyRules } from './field-rules.js';
import { eventTypeName, namedSchemaTypeName, NameRegistry, objectTypeName, requestBodyTypeName } from './names.js';

type PlannedKind = 'named' | 'object' | 'body' | 'event';

export interface PlannedSchema {
  kind: PlannedKind;
  /** Model item id (`event:response.created`), or `schema:<name>` for a named shape. */
  id: string;
  typeName: string;
  node: ZNode;
  description: string;
  /** Events only: the wire `type`. */
  eventType?: string;
  /** Primary anchor, for diagnostics and comments. */
  anchor?: string;
}

export interface SchemaPlan {
  schemas: PlannedSchema[];
  events: PlannedSchema[];
  /** Names of refs no source defines (typed as `unknown`, reported by `generate`). */
  unresolvedRefs: string[];
}

export interface PlanOptions {
  objects: ObjectMode;
}

/** Body parameters grouped per endpoint, in model order. */
function requestBodies(model: Model): { endpoint: Endpoint; fields: Model['params'][number]['field'][] }[] {
  return model.endpoints
    .map((endpoint) => ({
      endpoint,
      fields: model.params.filter((p) => p.endpoint === endpoint.id && p.in === 'body').map((p) => p.field),
    }))
    .filter((b) => b.fields.length > 0);
}

/**
 * Names the generated modules declare or import themselves, so no type may take them: TS (`z`, the
 * `S` and `T` namespace imports, the union and its helpers) and Python (`typing` names, pydantic's,
 * the module's own, and the constants a PascalCase name can spell: a schema named `none` is not `None`).
 */
const RESERVED = [
  'StreamEvent',
  'EventType',
  'EventByType',
  'EVENT_TYPES',
  'StreamEventSchema',
  'z',
  'S',
  'T',
  'Any',
  'Dict',
  'List',
  'Literal',
  'Optional',
  'Union',
  'BaseModel',
  'Field',
  'EVENT_MODELS',
  'None',
  'True',
  'False',
];

export function planSchemas(model: Model, opts: PlanOptions): SchemaPlan {
  const names = new NameRegistry(RESERVED);
  const namedNames = new Map<string, string>();
  for (const key of Object.keys(model.schemas).sort(compareStrings)) namedNames.set(key, names.claim(namedSchemaTypeName(key)));

  const schemas: PlannedSchema[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const unresolved = new Set<string>();
  const ctx: IrContext = {
    mode: opts.objects,
    ref(name) {
      const typeName = namedNames.get(name);
      if (!typeName) {
        unresolved.add(name);
        return { k: 'unknown' };
      }
      const s = state.get(name);
      if (s === 'visiting') return { k: 'ref', name: typeName, lazy: true };
      if (s === undefined) visit(name);
      return { k: 'ref', name: typeName, lazy: false };
    },
  };
  function visit(name: string): void {
    state.set(name, 'visiting');
    const node = toIr(model.schemas[name]!, ctx);
    state.set(name, 'done');
    schemas.push({ kind: 'named', id: `schema:${name}`, typeName: namedNames.get(name)!, node, description: '' });
  }
  for (const name of namedNames.keys()) if (!state.has(name)) visit(name);

  for (const o of model.objects) {
    schemas.push({
      kind: 'object',
      id: o.id,
      typeName: names.claim(objectTypeName(o)),
      node: objectIr(propertyRules(o.fields, o.example), opts.objects, ctx),
      description: o.description,
      anchor: o.anchors[0],
    });
  }
  for (const { endpoint, fields } of requestBodies(model)) {
    schemas.push({
      kind: 'body',
      id: endpoint.id,
      typeName: names.claim(requestBodyTypeName(endpoint)),
      node: objectIr(propertyRules(fields), opts.objects, ctx),
      description: endpoint.title,
      anchor: endpoint.anchors[0],
    });
  }
  const events: PlannedSchema[] = [];
  for (const e of model.events) {
    const hasType = e.fields.some((f) => f.name === 'type');
    const fields = hasType ? e.fields : [...e.fields, plainField('type', { required: true })];
    const planned: PlannedSchema = {
      kind: 'event',
      id: e.id,
      typeName: names.claim(eventTypeName(e)),
      node: objectIr(propertyRules(fields, e.example, { name: 'type', value: e.type }), opts.objects, ctx),
      description: e.description,
      eventType: e.type,
      anchor: e.anchors[0],
    };
    events.push(planned);
    schemas.push(planned);
  }
  return { schemas, events, unresolvedRefs: [...unresolved].sort(compareStrings) };
}
