/** Reads the configured sources from disk and builds the canonical model. */
import type { Config } from '../config/schema.js';
import { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { Model, SourceInfo } from '../model/schema.js';
import { enrichEvents } from './enrich.js';
import { mergeExtracts } from './merge.js';
import { getReader } from './registry.js';
import { readSources, type SourceFile } from './read.js';

export { readSources, sha256, type SourceFile } from './read.js';
import type { SourceExtract } from './source-extract.js';

export async function extractSources(files: readonly SourceFile[], bag: DiagnosticBag): Promise<SourceExtract[]> {
  const out: SourceExtract[] = [];
  for (const file of files) {
    const read = await getReader(file.info.kind);
    out.push(await read(file.text, file.info, file.config, bag));
  }
  return out;
}

export interface BuildResult {
  model: Model;
  diagnostics: DiagnosticBag;
}

/** sources → canonical model. Never throws for bad input: everything lands in `diagnostics`. */
export async function buildModel(config: Config, root: string): Promise<BuildResult> {
  const bag = new DiagnosticBag();
  const files = await readSources(config, root, bag);
  return { model: await buildFromFiles(files, config, bag), diagnostics: bag };
}

/** Already-read sources → canonical model; problems go to `bag`. */
export async function buildFromFiles(files: readonly SourceFile[], config: Config, bag: DiagnosticBag): Promise<Model> {
  const extracts = await extractSources(files, bag);
  const merged = mergeExtracts(extracts, bag);
  return {
    ...merged,
    events: enrichEvents(merged.events, { categories: config.categories, correlationKeys: config.correlationKeys }),
  };
}
