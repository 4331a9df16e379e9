/**
 * specmap.config.json: one Zod strict schema (unknown keys are errors), defaults applied here and
 * nowhere else (STYLE.md "Config"). `schema/config.schema.json` is derived from it for editors.
 */
import { z } from 'zod';
import { profileOfKind } from '../profiles/source-profile.js';
import { ApiScopeSchema } from '../profiles/source-profile-schema.js';

export const SourceConfigSchema = z.strictObject({
  /** A file path or glob, relative to the config file. */
  path: z.string().min(1),
  /** Inferred from the file when omitted: `.md` → openai-docs (or catalog with `group`), `.yaml/.yml/.json` → openapi/catalog. */
  kind: z.enum(['openai-docs', 'openapi', 'catalog']).optional(),
  /** OpenAPI: the path prefix the servers add (`/v1`), so endpoint ids match whatever the source. */
  pathPrefix: z.string().optional(),
  /** Catalog: the category its items belong to (e.g. `agents`). */
  group: z.string().optional(),
  /**
   * OpenAPI: the APIs to read, each a name from the document's bundled profile (`"realtime"`) or a
   * scope of its own (`{ "name": "pets", "paths": ["/pets/**"] }`). Omitted: the profile's defaults,
   * or, for a document no profile knows, every path and every stream. With more than one, event ids
   * carry the API (`event:realtime/error`).
   */
  apis: z
    .array(z.union([z.string().regex(/^[a-z][a-z0-9-]*$/), ApiScopeSchema]))
    .min(1)
    .optional(),
});
export type SourceConfig = z.infer<typeof SourceConfigSchema>;

export const CategoryConfigSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string(),
  /** Globs over the event type (`response.mcp_*`); first matching category wins, in config order. */
  match: z.array(z.string()).default([]),
  /** Sub-groups, same matching rules (e.g. built-in tools → web search). */
  subcategories: z
    .array(z.strictObject({ id: z.string().regex(/^[a-z0-9-]+$/), title: z.string(), match: z.array(z.string()) }))
    .default([]),
});
export type CategoryConfig = z.infer<typeof CategoryConfigSchema>;

export const FACT_KINDS = ['definition', 'emitter', 'handler', 'test', 'param', 'route'] as const;
export const FactKindSchema = z.enum(FACT_KINDS);
export type FactKind = z.infer<typeof FactKindSchema>;

export const LaneConfigSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/),
  title: z.string(),
  include: z.array(z.string()).min(1),
  exclude: z.array(z.string()).default([]),
  language: z.enum(['typescript', 'python', 'trace', 'auto']).default('auto'),
  /** Which fact kinds count as a location in this lane. */
  kinds: z.array(FactKindSchema).min(1),
});
export type LaneConfig = z.infer<typeof LaneConfigSchema>;

export const ImplementationConfigSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9][\w .@/()-]*$/),
  /** A server emits events and serves endpoints; a client handles the events it receives. */
  role: z.enum(['server', 'client']).default('server'),
  /** The implementation's code, relative to the config file; its lanes' globs are relative to it. */
  workspace: z.string().default('.'),
  lanes: z.array(LaneConfigSchema).default([]),
  /** Lanes that must all have a location for Implemented (as the top-level `status.implemented`). */
  implemented: z.array(z.string()).default([]),
  /** Recorded streams this implementation sent (globs relative to the config file): the `observed` evidence. */
  recordings: z.array(z.string()).default([]),
  /** A mapping.json of this implementation whose manual status overrides the matrix honours. */
  mapping: z.string().optional(),
});
export type ImplementationConfig = z.infer<typeof ImplementationConfigSchema>;

export const SeveritySchema = z.enum(['error', 'warn', 'off']);

export const GENERATE_TARGETS = ['zod', 'types', 'json-schema', 'tracker', 'stubs-ts', 'stubs-py', 'pydantic'] as const;

export const ConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  sources: z.array(SourceConfigSchema).min(1),
  /** Where `extract` writes the canonical model. */
  model: z.string().default('spec/model.json'),
  /** Content-hash keyed caches (parsed sources, code facts). */
  cacheDir: z.string().default('.specmap/cache'),
  /** Event categories, in the order trackers and reports list them. Defaults: categories.ts. */
  categories: z.array(CategoryConfigSchema).optional(),
  /** Field names that count as correlation keys besides the built-in ones. */
  correlationKeys: z.array(z.string()).default([]),
  generate: z
    .strictObject({
      outDir: z.string().default('generated'),
      /** A folder of the user's own templates; a file there overrides the built-in one of the same name. */
      templates: z.string().optional(),
      targets: z.array(z.enum(GENERATE_TARGETS)).default([...GENERATE_TARGETS]),
      zodObjects: z.enum(['strict', 'passthrough', 'strip']).default('passthrough'),
      /** Tracker table options; omitted means every code column shows the lane of the same name. */
      tracker: z
        .strictObject({
          /** Tracker code column → the lanes whose locations fill it (default: the lane named like the column). */
          columns: z
            .strictObject({
              inbound: z.array(z.string()).optional(),
              outbound: z.array(z.string()).optional(),
              frontend: z.array(z.string()).optional(),
              handler: z.array(z.string()).optional(),
              golden: z.array(z.string()).optional(),
            })
            .optional(),
        })
        .optional(),
    })
    .prefault({}),
  /** The code specmap maps: the root all lane globs are relative to. */
  workspace: z.string().default('.'),
  lanes: z.array(LaneConfigSchema).default([]),
  status: z
    .strictObject({
      /** Lanes that must all have a location for an item to be Implemented; any location makes it Partial. */
      implemented: z.array(z.string()).default([]),
    })
    .prefault({}),
  /** Regexes for string literals that look like event types; a match no spec item has is "unknown". */
  unknownLiterals: z.array(z.string()).default(() => [...(profileOfKind('openai-docs')?.unknownLiterals ?? [])]),
  mapping: z.string().default('mapping.json'),
  report: z
    .strictObject({
      outDir: z.string().default('reports'),
      formats: z.array(z.enum(['markdown', 'json', 'html'])).default(['markdown', 'json', 'html']),
    })
    .prefault({}),
  check: z
    .strictObject({
      severity: z.record(z.string(), SeveritySchema).default({}),
    })
    .prefault({}),
  /** `specmap verify`: stream conformance of recorded traces. */
  verify: z
    .strictObject({
      /** Recordings of the reference server (a folder, learned on each run) or a profile learned from them (`.json`). */
      baseline: z.string().optional(),
      /**
       * The stream grammar (profiles/streams/NAME.json, or a path to such a file relative to the
       * config): lifecycle, item families, accumulation, ordering. Omitted: the bundled profile whose
       * events the model holds, if any; `none`: framing, schema and per-type checks only.
       */
      profile: z.string().min(1).optional(),
      /** Build the model from one kind of source only, instead of accepting either where docs and OpenAPI disagree. */
      strictSource: z.enum(['docs', 'openapi']).optional(),
      /** Findings printed per check, severity and trace; the rest are counted. */
      maxFindings: z.number().int().positive().default(50),
      /** Longest trace line read, in characters; a longer one is a framing error and the trace is unreadable (exit 2). */
      maxLineLength: z
        .number()
        .int()
        .positive()
        .default(32 * 1024 * 1024),
    })
    .prefault({}),
  /**
   * Several implementations mapped against the same model, for `report --matrix` and `compare`:
   * a fork and its upstream, another server, the clients that must understand what they send.
   */
  implementations: z.array(ImplementationConfigSchema).default([]),
});

/** The config as written by a user (defaults not yet applied). */
export type ConfigInput = z.input<typeof ConfigSchema>;
/** The config with every default applied. */
export type Config = z.output<typeof ConfigSchema>;

/** Typed config files (`specmap.config.ts` users, programmatic callers). */
export function defineConfig(config: ConfigInput): ConfigInput {
  return config;
}
