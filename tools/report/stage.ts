/**
 * Wiring between what the command (or the pipeline's report stage) has read and `buildReport`:
 * loads and validates mapping.json, and reads the linked API sections from the docs pages' nav.
 * Kept apart from the pure builder; the pipeline can call `reportFromInputs` as is.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../config/schema.js';
import { InputError } from '../diagnostics/errors.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Mapping } from '../mapping/schema.js';
import type { Model } from '../model/schema.js';
import { buildReport } from './build.js';
import { extractLinkedSections, mergeLinkedSections, type LinkedSection } from './linked-sections.js';
import type { CrosscheckFinding, Report } from './schema.js';

/** Reads mapping.json; undefined when it does not exist (the report then says no code is mapped). */
export async function readMapping(root: string, path: string): Promise<Mapping | undefined> {
  let text: string;
  try {
    text = readFileSync(resolve(root, path), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const fail = (message: string, hint: string): never => {
    const d: Diagnostic = { severity: 'error', code: 'mapping-invalid', file: path, line: 1, column: 1, message, hint };
    throw new InputError(`cannot read ${path}`, [d]);
  };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail(`Found invalid JSON (${(error as Error).message}), expected a mapping.json`, 'run `specmap map` to rewrite it');
  }
  const { MappingSchema } = await import('../mapping/schema.js');
  const parsed = MappingSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail(`Found ${issue.message} at \`${issue.path.join('.')}\`, expected the mapping.json shape (mappingVersion 1)`, 'run `specmap map` to rewrite it');
  }
  return parsed.data;
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
