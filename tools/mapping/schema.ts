/**
 * mapping.json (DESIGN.md "mapping.json"): keyed by item id; per item the spec anchor, code
 * locations per lane, a computed status and a manual block the tool never overwrites. Holds only
 * ids, anchors and code locations (no doc prose), so it is committed.
 */
import { z } from 'zod';
import { FactKindSchema } from '../config/schema.js';
import { JsonValueSchema } from '../model/schema.js';
import { MAPPING_VERSION } from './version.js';

const LocationSchema = z.strictObject({
  file: z.string(),
  symbol: z.string(),
  /** Refreshed on every run; a change of line alone is not drift. */
  line: z.number().int().positive(),
  /** `literal`: an event-type-shaped string in no recognised role (unknown literals only). */
  kind: z.union([FactKindSchema, z.literal('literal')]),
  /** Why the analyzer ties this code to the item (`Literal type field`, `import from openai.types.responses`, `case label`). */
  evidence: z.string().optional(),
  /** How sure that tie is: `high` when the code states the type itself, `medium` through a class or call name. */
  confidence: z.enum(['high', 'medium', 'low']).optional(),
  /** A definition by import: the external class the import names. */
  external: z.string().optional(),
});
export type Location = z.infer<typeof LocationSchema>;

export const STATUSES = ['implemented', 'partial', 'planned', 'ignored', 'missing'] as const;
const StatusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof StatusSchema>;

/**
 * What humans write. Known keys are typed; anything else (fields imported from a legacy mapping)
 * is kept as is. specmap reads it back and never overwrites it.
 */
const ManualSchema = z.looseObject({
  notes: z.string().optional(),
  knownIssues: z.array(z.string()).optional(),
  priority: z.string().optional(),
  statusOverride: z.enum(['implemented', 'partial', 'planned', 'ignored']).optional(),
  used: z.string().optional(),
  mode: z.string().optional(),
  /** A tracker Status cell a human typed that is none of the status words (kept as written). */
  trackerStatus: z.string().optional(),
});
export type Manual = z.infer<typeof ManualSchema>;

const MappingEntrySchema = z.strictObject({
  kind: z.enum(['event', 'endpoint', 'param', 'enum', 'object']),
  /** The API the item belongs to, when the sources hold more than one (`realtime`). */
  api: z.string().optional(),
  /** Primary spec anchor (`DOC_streaming_events.md:304-367`), or null for a source without anchors. */
  anchor: z.string().nullable(),
  category: z.string().optional(),
  /** Fields the spec requires (or, for the docs' events, declares): a definition lacking one is partial. */
  requiredFields: z.array(z.string()).optional(),
  lanes: z.record(z.string(), z.array(LocationSchema)),
  /** Computed from the lanes and the config's status rules; a manual statusOverride wins in reports. */
  status: StatusSchema,
  /** What the computation found lacking: lanes without a location, fields a definition lacks, … */
  gaps: z.array(z.string()).optional(),
  /**
   * Declarations whose own `type` literal names this item but whose fields clearly belong to
   * something else (another API's event of the same name): listed for a reader, never counted.
   */
  sameLiteralOtherShape: z.array(LocationSchema).optional(),
  /** Where an imported legacy mapping (`manual.legacy`) disagrees with the code: claims and stale code lines. */
  legacyFindings: z.array(z.string()).optional(),
  manual: ManualSchema.optional(),
});
export type MappingEntry = z.infer<typeof MappingEntrySchema>;

const UnknownLiteralSchema = z.strictObject({
  literal: z.string(),
  locations: z.array(LocationSchema),
});

/** A manual block whose item the sources no longer (or never) have: kept, and reported. */
const OrphanSchema = z.strictObject({
  manual: ManualSchema,
  /** Where it came from (`import SPEC_TO_CODE_MAPPING.json`, or an item that disappeared). */
  origin: z.string(),
});

export const MappingSchema = z.strictObject({
  $schema: z.string().optional(),
  mappingVersion: z.literal(MAPPING_VERSION),
  /** Content hashes of the sources the mapping was computed from (source id → sha256). */
  sources: z.record(z.string(), z.string()),
  lanes: z.array(z.strictObject({ name: z.string(), title: z.string() })),
  items: z.record(z.string(), MappingEntrySchema),
  orphans: z.record(z.string(), OrphanSchema),
  unknownLiterals: z.array(UnknownLiteralSchema),
  summary: JsonValueSchema,
});
export type Mapping = z.infer<typeof MappingSchema>;
