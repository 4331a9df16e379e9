/**
 * The canonical model: the only contract between specmap's stages (DESIGN.md "The pipeline").
 * Sources (markdown docs, OpenAPI, catalogs) produce it; generators, the analyzer, checks and
 * reports consume it and nothing else. Defined once here as Zod schemas; the TS types are
 * derived with `z.infer` and the published JSON Schema (`schema/model.schema.json`) with
 * `z.toJSONSchema`.
 */
import { z } from 'zod';

import { MODEL_VERSION } from './version.js';

/** Bumped (in version.ts) whenever a change to these schemas would make an older model.json unreadable. */
export { MODEL_VERSION };

export const JsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonValueSchema), z.record(z.string(), JsonValueSchema)]),
);
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** `DOC_streaming_events.md:304-367` (a range) or `openai-openapi-2026-08-21.yaml:1234` (a line). */
export const AnchorSchema = z.string().regex(/^[^:]+:\d+(-\d+)?$/, 'expected file:start-end');
export type Anchor = z.infer<typeof AnchorSchema>;

export const LiteralValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type LiteralValue = z.infer<typeof LiteralValueSchema>;

/**
 * A parsed type expression. The docs give words (`string or object`, `integer or null`, `array`,
 * `map`); OpenAPI gives full schemas. Both land here. `object` without `fields` is an open
 * object whose structure no source gave; `ref` points into `Model.schemas` (OpenAPI components,
 * which may be recursive).
 */
export type TypeExpr =
  | { kind: 'string'; format?: string }
  | { kind: 'integer' }
  | { kind: 'number' }
  | { kind: 'boolean' }
  | { kind: 'null' }
  | { kind: 'unknown' }
  | { kind: 'literal'; value: LiteralValue }
  | { kind: 'enum'; values: LiteralValue[] }
  | { kind: 'array'; items?: TypeExpr }
  | { kind: 'map'; values?: TypeExpr }
  | { kind: 'object'; fields?: Field[]; additional?: boolean }
  | { kind: 'union'; variants: TypeExpr[]; discriminator?: string }
  | { kind: 'ref'; name: string };

export const TypeExprSchema: z.ZodType<TypeExpr> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('string'), format: z.string().optional() }),
    z.strictObject({ kind: z.literal('integer') }),
    z.strictObject({ kind: z.literal('number') }),
    z.strictObject({ kind: z.literal('boolean') }),
    z.strictObject({ kind: z.literal('null') }),
    z.strictObject({ kind: z.literal('unknown') }),
    z.strictObject({ kind: z.literal('literal'), value: LiteralValueSchema }),
    z.strictObject({ kind: z.literal('enum'), values: z.array(LiteralValueSchema) }),
    z.strictObject({ kind: z.literal('array'), items: TypeExprSchema.optional() }),
    z.strictObject({ kind: z.literal('map'), values: TypeExprSchema.optional() }),
    z.strictObject({ kind: z.literal('object'), fields: z.array(FieldSchema).optional(), additional: z.boolean().optional() }),
    z.strictObject({ kind: z.literal('union'), variants: z.array(TypeExprSchema), discriminator: z.string().optional() }),
    z.strictObject({ kind: z.literal('ref'), name: z.string() }),
  ]),
) as z.ZodType<TypeExpr>;

/** Where two sources disagree on one property of a field, the model records every value. */
export const ConflictSchema = z.strictObject({
  property: z.enum(['type', 'required', 'nullable', 'deprecated', 'default', 'enum', 'presence']),
  values: z.array(z.strictObject({ source: z.string(), value: JsonValueSchema })),
});
export type Conflict = z.infer<typeof ConflictSchema>;

export interface Field {
  name: string;
  /** The type words exactly as the docs wrote them (`string or object`), when a doc gave them. */
  typeText?: string;
  type: TypeExpr;
  /** `null` when the source does not say (the docs' event fields carry no markers). */
  required: boolean | null;
  nullable: boolean;
  deprecated: boolean;
  default?: JsonValue;
  enum?: LiteralValue[];
  description: string;
  /** The scrape collapsed this field's nested structure ("Show properties" / "Show possible types"). */
  collapsed: boolean;
  /** Source ids (see `SourceInfo.id`) that define this field. */
  sources: string[];
  anchors: Anchor[];
  conflicts?: Conflict[];
}

export const FieldSchema: z.ZodType<Field> = z.lazy(() =>
  z.strictObject({
    name: z.string().min(1),
    typeText: z.string().optional(),
    type: TypeExprSchema,
    required: z.boolean().nullable(),
    nullable: z.boolean(),
    deprecated: z.boolean(),
    default: JsonValueSchema.optional(),
    enum: z.array(LiteralValueSchema).optional(),
    description: z.string(),
    collapsed: z.boolean(),
    sources: z.array(z.string()),
    anchors: z.array(AnchorSchema),
    conflicts: z.array(ConflictSchema).optional(),
  }),
) as z.ZodType<Field>;

export const SourceKindSchema = z.enum(['openai-docs', 'openapi', 'catalog']);
export type SourceKind = z.infer<typeof SourceKindSchema>;

/** An API section a docs page's navigation links to; the report names the ones no source defines. */
export const LinkedSectionSchema = z.strictObject({
  title: z.string(),
  /** The last path segment of the reference URL (`audio`, `responses-streaming`). */
  slug: z.string(),
  /** The nav group label above the link (`Platform APIs`). */
  group: z.string(),
});
export type LinkedSection = z.infer<typeof LinkedSectionSchema>;

export const SourceInfoSchema = z.strictObject({
  /** The file's base name; anchors and `Field.sources` use it. */
  id: z.string(),
  kind: SourceKindSchema,
  /** Path relative to the config file's folder, with `/` separators. */
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Docs pages: the API sections the page's navigation links to, in page order. */
  linkedSections: z.array(LinkedSectionSchema).optional(),
});
export type SourceInfo = z.infer<typeof SourceInfoSchema>;

const itemBase = {
  /** Stable id: `event:response.created`, `endpoint:POST /v1/responses`, … (see ids.ts). */
  id: z.string(),
  description: z.string(),
  /** Source anchors, primary (the one users cite) first. */
  anchors: z.array(AnchorSchema),
  sources: z.array(z.string()),
  /** The API the item belongs to, when its source reads more than one (`realtime`); ids then carry it too. */
  api: z.string().optional(),
};

export const ExampleSchema = z.strictObject({ anchor: AnchorSchema, value: JsonValueSchema });
export type Example = z.infer<typeof ExampleSchema>;

export const EventSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('event'),
  /** The `type` string on the wire, underscores unescaped. */
  type: z.string().min(1),
  /** Category id (config `categories`), e.g. `lifecycle`, `builtin-tools`. */
  category: z.string(),
  /** Sub-group within the category, e.g. `web-search` under `builtin-tools`. */
  subcategory: z.string().optional(),
  fields: z.array(FieldSchema),
  /** Keys a consumer uses to route the event to its item/part: `response.id`, `item_id`, … */
  correlationKeys: z.array(z.string()),
  example: ExampleSchema.optional(),
  /** Class/schema names that SDKs and specs use for this event (`ResponseCreatedEvent`); for the analyzer. */
  classNames: z.array(z.string()),
});
export type Event = z.infer<typeof EventSchema>;

export const ReturnsSchema = z.strictObject({
  description: z.string(),
  /** The object item the endpoint returns, when one is named (`object:response`). */
  object: z.string().optional(),
});

export const EndpointSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('endpoint'),
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']),
  /** Full path with the configured prefix: `/v1/responses/{response_id}`. */
  path: z.string().startsWith('/'),
  title: z.string(),
  /** API section the endpoint belongs to, e.g. `Responses`, `Conversations`. */
  section: z.string(),
  returns: ReturnsSchema.optional(),
  /** Class names of request models in SDKs/specs (`ResponseCreateParams`, `CreateResponse`). */
  classNames: z.array(z.string()),
  /** The SDK calls the spec's examples make for it, client object left out (`responses.create`, `responses.input_tokens.count`). */
  sdkCalls: z.array(z.string()).optional(),
});
export type Endpoint = z.infer<typeof EndpointSchema>;

export const ParamLocationSchema = z.enum(['body', 'path', 'query']);

/** A request parameter of an endpoint: `param:POST /v1/responses#include`. */
export const ParamSchema = z.strictObject({
  id: z.string(),
  kind: z.literal('param'),
  endpoint: z.string(),
  in: ParamLocationSchema,
  field: FieldSchema,
  /** As on every item: the API, when its source reads more than one. */
  api: z.string().optional(),
});
export type Param = z.infer<typeof ParamSchema>;

/** One listed value of an enum-valued parameter: `enum:POST /v1/responses#include=file_search_call.results`. */
export const EnumValueSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('enum'),
  param: z.string(),
  value: LiteralValueSchema,
});
export type EnumValue = z.infer<typeof EnumValueSchema>;

/** A documented object (`object:response`); its fields have ids `object:response#status`. */
export const ObjectItemSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('object'),
  name: z.string(),
  title: z.string(),
  fields: z.array(FieldSchema),
  example: ExampleSchema.optional(),
  classNames: z.array(z.string()),
});
export type ObjectItem = z.infer<typeof ObjectItemSchema>;

/** A problem the model's build reported (a doc defect), as the commands print it. */
export const BuildDiagnosticSchema = z.strictObject({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  file: z.string(),
  line: z.number().int().nonnegative(),
  column: z.number().int().nonnegative(),
  message: z.string(),
  hint: z.string().optional(),
});

const SHA256 = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * How the model file was built, so that a run with no cache can take the file as the model instead
 * of parsing the sources again (pipeline/model-text.ts): the inputs' hash, the build's warnings,
 * and a hash that changes with any edit to the file.
 */
export const ModelBuildSchema = z.strictObject({
  /** sha256 of the sources' bytes and settings, the config parts that shape the model, and the specmap that built it. */
  inputs: SHA256,
  /** What the build reported (warnings only: a model with errors is never written), replayed by a run that takes the file. */
  diagnostics: z.array(BuildDiagnosticSchema),
  /** sha256 of `inputs`, `diagnostics` and the file's text without this member. */
  sha256: SHA256,
});
export type ModelBuild = z.infer<typeof ModelBuildSchema>;

export const ModelSchema = z.strictObject({
  $schema: z.string().optional(),
  modelVersion: z.literal(MODEL_VERSION),
  sources: z.array(SourceInfoSchema),
  events: z.array(EventSchema),
  endpoints: z.array(EndpointSchema),
  params: z.array(ParamSchema),
  enums: z.array(EnumValueSchema),
  objects: z.array(ObjectItemSchema),
  /** Named shapes (OpenAPI components) that `ref` type expressions point to. */
  schemas: z.record(z.string(), TypeExprSchema),
  /** In the model file only: how it was built (see ModelBuildSchema); never part of the model a command works on. */
  build: ModelBuildSchema.optional(),
});
export type Model = z.infer<typeof ModelSchema>;

export type Item = Event | Endpoint | Param | EnumValue | ObjectItem;
export type ItemKind = Item['kind'];
