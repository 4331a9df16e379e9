/** What one source contributes to the model before merging. */
import type { Endpoint, EnumValue, Event, Model, ObjectItem, Param, SourceInfo } from '../model/schema.js';

export interface SourceExtract {
  source: SourceInfo;
  events: Event[];
  endpoints: Endpoint[];
  params: Param[];
  enums: EnumValue[];
  objects: ObjectItem[];
  schemas: Model['schemas'];
}

export function emptyExtract(source: SourceInfo): SourceExtract {
  return { source, events: [], endpoints: [], params: [], enums: [], objects: [], schemas: {} };
}
