/**
 * The shape of a bundled source profile (profiles/*.json). The files are ours and shipped as they
 * are: a test holds each to this schema, written out in full (no default left to fill in), so
 * reading one needs no validation at run time and the OpenAPI reader does not depend on Zod.
 */
import { z } from 'zod';

export const ApiScopeSchema = z.strictObject({
  /** Lower-case name; ids carry it when a source reads more than one API (`event:realtime/error`). */
  name: z.string().regex(/^[a-z][a-z0-9-]*$/),
  /** Path globs (picomatch) over the document's path keys, query part removed: `/responses/**` also matches `/responses`. */
  paths: z.array(z.string().min(1)).default([]),
  /** Component schemas whose union members are this API's events, besides the unions its paths stream. */
  events: z.union([z.string().min(1), z.array(z.string().min(1))]).optional(),
  /**
   * Properties to follow from each streamed chunk to the union whose members are the events, when the
   * chunk wraps them (Llama Stack's agent turns: `event` → `payload`, named by `event_type`).
   */
  eventPath: z.array(z.string().min(1)).optional(),
  /** The property whose fixed value names an event (default `type`; Chat Completions chunks use `object`). */
  discriminator: z.string().min(1).optional(),
  /** The stream profile (profiles/streams/NAME.json) `verify` uses for this API's traces. */
  stream: z.string().optional(),
});
export type ApiScope = z.output<typeof ApiScopeSchema>;

export const SourceProfileSchema = z.strictObject({
  $comment: z.string().optional(),
  name: z.string(),
  /** The profile applies to a document that defines all these component schemas. */
  detect: z.strictObject({ schemas: z.array(z.string()).min(1) }),
  /** Source kinds whose items belong to this profile's first default API (the reference pages). */
  sourceKinds: z.array(z.string()).default([]),
  /** The APIs read when the source config names none. */
  defaultApis: z.array(z.string()).min(1),
  apis: z.array(ApiScopeSchema).min(1),
  /**
   * Default event categories for the trackers and reports of this profile's events, in order
   * (config `categories` replaces them; first match wins): the groups the API's users track.
   */
  categories: z
    .array(
      z.strictObject({
        id: z.string(),
        title: z.string(),
        match: z.array(z.string()),
        subcategories: z.array(z.strictObject({ id: z.string(), title: z.string(), match: z.array(z.string()) })),
      }),
    )
    .optional(),
  /**
   * Scopes `diff` and `crosscheck` review by default (the first), besides `all`: every event, the
   * endpoints whose path (server version prefix and query removed) a glob takes, their parameters
   * and values, and the objects they return.
   */
  reviewScopes: z
    .array(z.strictObject({ name: z.string().regex(/^[a-z][a-z0-9-]*$/), paths: z.array(z.string().min(1)).min(1) }))
    .optional(),
  /** Default config `unknownLiterals`: regexes for strings shaped like this API's event types. */
  unknownLiterals: z.array(z.string()).optional(),
  sdk: z
    .strictObject({
      /** Packages the class names are exported by: a class ties to an event only through an import from one of these. */
      packages: z.array(z.string()),
      /** API name → event type → SDK class names. */
      classNames: z.record(z.string(), z.record(z.string(), z.array(z.string()))),
      /**
       * SDK helpers that send the request of a call the spec's examples make (`responses.stream`
       * and `responses.parse` send `responses.create`'s): call → its helpers. Code that calls a
       * helper calls that endpoint.
       */
      helpers: z.record(z.string(), z.array(z.string())).optional(),
    })
    .optional(),
});
export type SourceProfile = z.output<typeof SourceProfileSchema>;
