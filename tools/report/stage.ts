/**
 * Wiring between what the command (or the pipeline's report stage) has read and `buildReport`:
 * loads and validates mapping.json, and reads the linked API sections from the docs pages' nav.
 * Kept apart from the pure builder; the pipeline can call `reportFromInputs` as is.
 */
import { resolve } from 'node:path';
import type { Config } from '../config/schema.js';
import { readMappingFile } from '../mapping/read.js';
import type { Mapping } from '../mapping/schema.js';
import type { Model } from '../model/schema.js';
import { buildReport } from './build.js';
import { extractLinkedSections, mergeLinkedSections, type LinkedSection } from './linked-sections.js';
import type { CrosscheckFinding, Report } from './schema.js';

/** Reads mapping.json; undefined when it does not exist (the report then says no code is mapped). */
export async function readMapping(root: string, path: string): Promise<Mapping | undefined> {
  return readMappingFile(resolve(root, path), path);
}

/** The nav of every docs page: only the block before the first heading is parsed. */
export async function linkedSectionsOf(pages: readonly { text: string }[]): Promise<LinkedSection[]> {
  if (!pages.length) return [];
  const { unified } = await import('unified');
  const { default: remarkParse } = await import('remark-parse');
  const parser = unified().use(remarkParse);
  return mergeLinkedSections(
    pages.map((p) => {
      const cut = p.text.search(/^#/m);
      return extractLinkedSections(parser.parse(cut >= 0 ? p.text.slice(0, cut) : p.text));
    }),
  );
}

export interface ReportInputs {
  model: Model;
  mapping: Mapping | undefined;
  config: Config;
  /** Texts of the `openai-docs` sources (for the linked sections). */
  docsPages: readonly { text: string }[];
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
    linkedSections: await linkedSectionsOf(inputs.docsPages),
    ...(inputs.crosscheck ? { crosscheck: inputs.crosscheck } : {}),
    ...(inputs.generatedAt ? { generatedAt: inputs.generatedAt } : {}),
  });
}
