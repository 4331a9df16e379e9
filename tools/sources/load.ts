/** Reads the configured sources from disk and builds the canonical model. */
import { extractCached } from '../cache/extract-cache.js';
import { projectCacheDir } from '../cache/settings.js';
import { recordTiming } from '../cache/timings.js';
import type { Config } from '../config/schema.js';
import { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { Model, SourceInfo } from '../model/schema.js';
import { checkIdText } from './check-text.js';
import { checkModelNesting } from './limits.js';
import { enrichEvents } from './enrich.js';
import { mergeExtracts } from './merge.js';
import { getReader, type SourceReader } from './registry.js';
import { readSources, type SourceFile } from './read.js';

export { readSources, sha256, type SourceFile } from './read.js';
import { emptyExtract, type SourceExtract } from './source-extract.js';

export interface BuildOptions {
  /** Absolute folder for the parsed-source cache (tools/cache); `false` or absent: no cache. */
  cacheDir?: string | false;
}

/**
 * A reader, with a stack overflow turned into an error about the source: the nesting checks run
 * before parsing (limits.ts), this catches what they cannot predict (a deeply nested YAML or JSON
 * document) so the user hears which file, not "internal error".
 */
async function readGuarded(read: SourceReader, file: SourceFile, bag: DiagnosticBag): Promise<SourceExtract> {
  try {
    return await read(file.text, file.info, file.config, bag);
  } catch (error) {
    if (!(error instanceof RangeError && /call stack/i.test(error.message))) throw error;
    bag.error({
      code: 'source-too-deep',
      file: file.info.path,
      line: 1,
      column: 1,
      message: `Found structures nested too deeply to read (${error.message}), expected a document nested at most a few dozen levels`,
      hint: 'flatten the nesting; a real API document nests far less than this',
    });
    return emptyExtract(file.info);
  }
}

export async function extractSources(files: readonly SourceFile[], bag: DiagnosticBag, options: BuildOptions = {}): Promise<SourceExtract[]> {
  const out: SourceExtract[] = [];
  for (const file of files) {
    const t0 = performance.now();
    const read = await getReader(file.info.kind);
    let parsed = false;
    const extract = await extractCached(file, options.cacheDir || undefined, bag, (b) => ((parsed = true), readGuarded(read, file, b)));
    recordTiming(`source ${file.info.id}`, t0, parsed ? 'parsed' : 'from cache');
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
export async function buildFromFiles(files: readonly SourceFile[], config: Config, bag: DiagnosticBag, options: BuildOptions = {}): Promise<Model> {
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
