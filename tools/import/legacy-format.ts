/**
 * The legacy hand-made mapping (`SPEC_TO_CODE_MAPPING.json`, the format users have today): sections
 * `endpoints` (keyed `METHOD /path`), `request_parameters` (keyed by request-model class, then by
 * parameter), `streaming_events` (keyed by event type) and `summary`, plus top-level metadata. Read
 * loosely: every key an entry has is a field to keep, known or not.
 */
import { z } from 'zod';
import { JsonValueSchema, type JsonValue } from '../model/schema.js';

const EntrySchema = z.record(z.string(), JsonValueSchema);
export type LegacyEntry = Record<string, JsonValue>;

export const LegacyMappingSchema = z.looseObject({
  endpoints: z.record(z.string(), EntrySchema).optional(),
  request_parameters: z.record(z.string(), z.record(z.string(), EntrySchema)).optional(),
  streaming_events: z.record(z.string(), EntrySchema).optional(),
  summary: EntrySchema.optional(),
});
export type LegacyMapping = z.infer<typeof LegacyMappingSchema>;

export const LEGACY_SECTIONS = ['endpoints', 'request_parameters', 'streaming_events', 'summary'] as const;
