/** Reads the configured sources from disk and builds the canonical model. */
import { lookupExtract, storeExtract } from './extract-cache.js';
import { projectCacheDir } from '../cache/settings.js';
import { recordTiming } from '../cache/timings.js';
import type { Config } from '../config/schema.js';
import { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { Model } from '../model/schema.js';
import { checkIdText } from './check-text.js';
import { checkModelNesting } from './limits.js';
import { enrichEvents } from './enrich.js';
import { mergeExtracts } from './merge.js';
import { readSourceGuarded } from './read-guarded.js';
import { readSources, type SourceFile } from './read.js';

export { readSources, sha256, type SourceFile } from './read.js';
import type { SourceExtract } from './source-extract.js';

export interface BuildOptions {
  /** Absolute folder for the parsed-source cache (tools/cache); `false` or absent: no cache. */
  cacheDir?: string | false;
}

export async function extractSources(
  files: readonly SourceFile[],
  bag: DiagnosticBag,
  options: BuildOptions = {},
): Promise<SourceExtract[]> {
  const cacheDir = options.cacheDir || undefined;
  const out: SourceExtract[] = [];
  for (const file of files) {
    const t0 = performance.now();
    const hit = lookupExtract(file, cacheDir);
    let extract: SourceExtract;
    if (hit) {
      for (const d of hit.diagnostics) bag.add(d);
      extract = hit.extract;
    } else {
      const before = bag.items.length;
      extract = await readSourceGuarded(file, bag);
      storeExtract(file, cacheDir, bag.items.slice(before), extract);
    }
    recordTiming(`source ${file.info.id}`, t0, hit ? 'from cache' : 'parsed');
    // Nesting first: the id check walks the same trees recursively.
    if (checkModelNesting(extract, bag)) checkIdText(extract, bag);
    out.push(extract);
  }
  return out;
}

export interface BuildResult {
  model: Model;
  diagnostics: DiagnosticBag;
}

/**
 * sources → canonical model. Never throws for bad input: everything lands in `diagnostics`.
 * Extracts are cached under `config.cacheDir` unless `options.cacheDir` or `--no-cache` says otherwise.
 */
export async function buildModel(config: Config, root: string, options: BuildOptions = {}): Promise<BuildResult> {
  const bag = new DiagnosticBag();
  const files = await readSources(config, root, bag);
  const cacheDir = options.cacheDir ?? projectCacheDir(config, root) ?? false;
  return { model: await buildFromFiles(files, config, bag, { cacheDir }), diagnostics: bag };
}

/** Already-read sources → canonical model; problems go to `bag`. */
export async function buildFromFiles(
  files: readonly SourceFile[],
  config: Config,
  bag: DiagnosticBag,
  options: BuildOptions = {},
): Promise<Model> {
  const extracts = await extractSources(files, bag, options);
  const merged = mergeExtracts(extracts, bag);
  const enriched = enrichEvents(merged.events, { categories: config.categories, correlationKeys: config.correlationKeys });
  return {
    ...merged,
    // A catalog states its events' correlation keys (they have no fields to derive them from).
    events: enriched.map((e, i) => {
      const stated = merged.events[i]!.correlationKeys;
      return stated.length ? { ...e, correlationKeys: [...new Set([...stated, ...e.correlationKeys])] } : e;
    }),
  };
}
