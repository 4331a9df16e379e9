/** What one source contributes to the model before merging. */
import type { Endpoint, EnumValue, Event, Model, ObjectItem, Param, SourceInfo } from '../model/schema.js';

/** A path the reader saw in scope and did not read, with why. */
export interface SkippedPath {
  path: string;
  anchor: string;
  reason: string;
}

export interface SourceExtract {
  source: SourceInfo;
  events: Event[];
  endpoints: Endpoint[];
  params: Param[];
  enums: EnumValue[];
  objects: ObjectItem[];
  schemas: Model['schemas'];
  /** Paths in scope the reader left out (OpenAPI: `/responses?beta=true`); absent when none. */
  skipped?: SkippedPath[];
}

export function emptyExtract(source: SourceInfo): SourceExtract {
  return { source, events: [], endpoints: [], params: [], enums: [], objects: [], schemas: {} };
}
