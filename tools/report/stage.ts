/**
 * Wiring between what the command (or the pipeline's report stage) has read and `buildReport`:
 * loads and validates mapping.json, and gathers the linked API sections the model keeps per docs page.
 * Kept apart from the pure builder; the pipeline can call `reportFromInputs` as is.
 */
import { resolve } from 'node:path';
import type { Config } from '../config/schema.js';
import { readMappingFile } from '../mapping/read.js';
import type { Mapping } from '../mapping/schema.js';
import type { LinkedSection, Model } from '../model/schema.js';
import { buildReport } from './build.js';
import type { CrosscheckFinding, Report } from './schema.js';

/** Reads mapping.json; undefined when it does not exist (the report then says no code is mapped). */
export async function readMapping(root: string, path: string): Promise<Mapping | undefined> {
  return readMappingFile(resolve(root, path), path);
}

/** The sections the docs pages' navigation links to, as extraction stored them: first occurrence wins, page order kept. */
export function linkedSectionsOf(model: Model): LinkedSection[] {
  const seen = new Map<string, LinkedSection>();
  for (const source of model.sources) for (const s of source.linkedSections ?? []) if (!seen.has(s.slug)) seen.set(s.slug, s);
  return [...seen.values()];
}

export interface ReportInputs {
  model: Model;
  mapping: Mapping | undefined;
  config: Config;
  crosscheck?: readonly CrosscheckFinding[];
  generatedAt?: string;
}

export async function reportFromInputs(inputs: ReportInputs): Promise<Report> {
  const { model, mapping, config } = inputs;
  return buildReport(model, mapping, {
    ...(config.categories ? { categories: config.categories } : {}),
    lanes: config.lanes,
    implemented: config.status.implemented,
    ...(config.generate.tracker?.columns ? { trackerColumns: config.generate.tracker.columns } : {}),
    linkedSections: linkedSectionsOf(model),
    ...(inputs.crosscheck ? { crosscheck: inputs.crosscheck } : {}),
    ...(inputs.generatedAt ? { generatedAt: inputs.generatedAt } : {}),
  });
}
