/** `report` as the pipeline runs it. Wired to the report builder once it lands. */
import type { Config } from '../config/schema.js';
import type { OutputFile } from '../io/write-plan.js';
import type { Mapping } from '../mapping/schema.js';
import type { Model, SourceInfo } from '../model/schema.js';

export async function reportStage(_model: Model, _mapping: Mapping | undefined, _config: Config, _root: string, _sources: SourceInfo[]): Promise<OutputFile[]> {
  return [];
}
