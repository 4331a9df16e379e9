/**
 * Operations → endpoints, their parameters (path, query and the JSON request body's properties,
 * `allOf` merged as in `CreateResponse`), one enum item per value of enum-valued parameters, and
 * the objects the by-id `GET`s return (`Response` → `object:response`). Ids use the source's
 * path prefix so that they equal the docs' ids (`endpoint:POST /v1/responses`).
 */
import { sdkCallsIn, withSdkCalls } from '../sdk-calls.js';
import { endpointId, enumId, objectId, paramId } from '../../model/ids.js';
import type { Endpoint, EnumValue, ObjectItem, Param } from '../../model/schema.js';
import { anchorAt, childOf, deref, type Located, type OpenApiContext } from './context.js';
import { objectShape } from './object-shape.js';
import type { Operation } from './operations.js';
import { describe, enumOf, fieldOf } from './to-type.js';

export interface EndpointExtract {
  endpoints: Endpoint[];
  params: Param[];
  enums: EnumValue[];
  objects: ObjectItem[];
}

/** `ConversationResource` → `conversation`, `Response` → `response`. */
function objectName(schemaName: string): string {
  return schemaName
    .replace(/Resource$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

const jsonSchemaOf = (at: Located | undefined): Located | undefined => {
  const content = at && childOf(at, 'content');
  if (!content) return undefined;
  const type = Object.keys(content.value).find((k) => /json/.test(k)) ?? Object.keys(content.value)[0];
  return type === undefined ? undefined : childOf(content, type, 'schema');
};

function successResponse(ctx: OpenApiContext, op: Operation): Located | undefined {
  const responses = childOf(op.at, 'responses');
  const code = responses && Object.keys(responses.value).find((c) => /^2/.test(c));
  const at = code === undefined ? undefined : childOf(responses!, code);
  return at && deref(ctx, at);
}

export function extractEndpoints(ctx: OpenApiContext, ops: readonly Operation[], prefix: string): EndpointExtract {
  const out: EndpointExtract = { endpoints: [], params: [], enums: [], objects: [] };
  const objects = new Map<string, ObjectItem>();
  for (const op of ops) {
    const path = `${prefix}${op.path}`;
    const id = endpointId(op.method, path);
    const o = op.at.value;
    const body = deref(ctx, childOf(op.at, 'requestBody') ?? { value: {}, pointer: [] });
    const bodySchema = jsonSchemaOf(body);
    const response = successResponse(ctx, op);
    const returned = jsonSchemaOf(response);
    const object =
      op.method === 'GET' && /\}$/.test(op.path.replace(/\?.*$/, '')) && returned ? objectItem(ctx, returned, objects) : undefined;
    const summary = typeof o.summary === 'string' ? o.summary.trim() : '';
    const description = typeof o.description === 'string' ? o.description.trim() : '';
    out.endpoints.push({
      id,
      kind: 'endpoint',
      method: op.method,
      path,
      title: summary || (typeof o.operationId === 'string' ? o.operationId : `${op.method} ${path}`),
      section: Array.isArray(o.tags) && typeof o.tags[0] === 'string' ? o.tags[0] : sectionOf(op.path),
      description: description || summary,
      anchors: [anchorAt(ctx, op.at.pointer)],
      sources: [ctx.file],
      ...(response
        ? {
            returns: {
              description: typeof response.value.description === 'string' ? response.value.description.trim() : '',
              ...(object ? { object } : {}),
            },
          }
        : {}),
      classNames: bodySchema?.value.$ref && typeof bodySchema.value.$ref === 'string' ? [bodySchema.value.$ref.split('/').pop()!] : [],
      ...withSdkCalls(sdkCallsIn(exampleCode(o['x-oaiMeta']), op.path)),
    });
    for (const p of parameters(ctx, op)) addParam(ctx, out, id, p.in, p.name, p.schema, p.required, p.at);
    if (bodySchema) {
      const shape = objectShape(ctx, bodySchema);
      for (const prop of shape.properties) addParam(ctx, out, id, 'body', prop.name, prop.at, shape.required.has(prop.name));
    }
  }
  // Objects returned by several endpoints are listed once; ids make the link.
  for (const ep of out.endpoints) {
    const obj = ep.returns?.object;
    if (obj && !out.objects.some((x) => x.id === obj)) out.objects.push(objects.get(obj)!);
  }
  // A non-GET endpoint returning a known object names it too (`POST /v1/responses` → response).
  for (const [i, op] of ops.entries()) {
    const ep = out.endpoints[i]!;
    if (!ep.returns || ep.returns.object) continue;
    const ref = jsonSchemaOf(successResponse(ctx, op))?.value.$ref;
    const name = typeof ref === 'string' ? objectId(objectName(ref.split('/').pop()!)) : undefined;
    if (name && objects.has(name)) ep.returns = { ...ep.returns, object: name };
  }
  return out;
}

const sectionOf = (path: string): string => {
  const first = path.split('/')[1] ?? '';
  return first.charAt(0).toUpperCase() + first.slice(1);
};

interface RawParam {
  in: Param['in'];
  name: string;
  schema: Located;
  required: boolean;
  /** The parameter object (its `name` line is the anchor; its description wins over the schema's). */
  at: Located;
}

function parameters(ctx: OpenApiContext, op: Operation): RawParam[] {
  const byKey = new Map<string, RawParam>();
  // Operation-level parameters override path-item-level ones with the same name and location.
  for (const owner of [op.item, op.at]) {
    const list = owner.value.parameters;
    if (!Array.isArray(list)) continue;
    list.forEach((_, i) => {
      const at = deref(ctx, childOf(owner, 'parameters', i) ?? { value: {}, pointer: [] });
      if (!at) return;
      const p = at.value;
      if ((p.in !== 'path' && p.in !== 'query') || typeof p.name !== 'string') return;
      const schema = childOf(at, 'schema') ?? { value: {}, pointer: [...at.pointer, 'schema'] };
      byKey.set(`${p.in} ${p.name}`, { in: p.in, name: p.name, schema, required: p.required === true || p.in === 'path', at });
    });
  }
  return [...byKey.values()];
}

function addParam(
  ctx: OpenApiContext,
  out: EndpointExtract,
  endpoint: string,
  location: Param['in'],
  name: string,
  schema: Located,
  required: boolean,
  param?: Located,
): void {
  const field = fieldOf(ctx, name, schema, required);
  if (param) {
    field.anchors = [anchorAt(ctx, [...param.pointer, 'name'])];
    if (typeof param.value.description === 'string') field.description = param.value.description.trim();
    if (param.value.deprecated === true) field.deprecated = true;
  }
  const id = paramId(endpoint, name);
  if (out.params.some((p) => p.id === id)) return;
  out.params.push({ id, kind: 'param', endpoint, in: location, field });
  const listed = enumOf(ctx, schema);
  if (!listed) return;
  listed.values.forEach((value, i) => {
    out.enums.push({
      id: enumId(id, value),
      kind: 'enum',
      param: id,
      value,
      description: '',
      anchors: [anchorAt(ctx, [...listed.at.pointer, 'enum', i])],
      sources: [ctx.file],
    });
  });
}

function objectItem(ctx: OpenApiContext, schema: Located, objects: Map<string, ObjectItem>): string | undefined {
  const target = deref(ctx, schema);
  if (!target?.name) return undefined;
  const shape = objectShape(ctx, target);
  if (!shape.properties.length) return undefined;
  const name = objectName(target.name);
  const id = objectId(name);
  if (!objects.has(id)) {
    objects.set(id, {
      id,
      kind: 'object',
      name,
      title: `The ${name.replace(/_/g, ' ')} object`,
      description: describe(ctx, target),
      anchors: [anchorAt(ctx, target.pointer)],
      sources: [ctx.file],
      fields: shape.properties.map((p) => fieldOf(ctx, p.name, p.at, shape.required.has(p.name))),
      classNames: [target.name],
    });
  }
  return id;
}

/**
 * The code of an operation's examples (`x-oaiMeta.examples[].request.<language>`, as OpenAI's spec
 * writes them): every string under `examples`, whatever its nesting.
 */
function exampleCode(meta: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (typeof v === 'string') out.push(v);
    else if (depth < 4 && v && typeof v === 'object') for (const x of Object.values(v)) walk(x, depth + 1);
  };
  if (meta && typeof meta === 'object' && 'examples' in meta) walk((meta as { examples: unknown }).examples, 0);
  return out;
}
