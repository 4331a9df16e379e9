/**
 * The one place the commands (`map`, `import`, `sync`, `check`) call the analyzer
 * (`analyzeWorkspace`): loaded lazily so `where` and `check` with nothing to analyze never pay for
 * the TypeScript compiler or tree-sitter.
 */
import { resolve } from 'node:path';
import { projectCacheDir } from '../cache/settings.js';
import { recordTiming, startWhenSettled } from '../cache/timings.js';
import type { AnalyzerWarning, CodeFact } from '../analyzer/facts.js';
import type { Config } from '../config/schema.js';
import type { Model } from '../model/schema.js';
import type { StatAt } from '../io/read-hashes.js';

export interface AnalyzeResult {
  facts: CodeFact[];
  warnings: AnalyzerWarning[];
}

/**
 * `model` may still be in the making: the analyzer starts on what needs no model meanwhile.
 * `cache`: where its fact cache lives, when not the project's cache folder (none: no cache).
 */
async function analyzeForMapping(
  model: Model | Promise<Model>,
  config: Config,
  root: string,
  cache?: { dir: string | undefined },
  statAt?: StatAt,
): Promise<AnalyzeResult> {
  // Timed from when the model is ready: what runs before (listing files, loading parsers) overlaps it.
  const t0 = startWhenSettled(model);
  const { analyzeWorkspace } = await import('../analyzer/index.js');
  const result = await analyzeWorkspace({
    root: resolve(root, config.workspace),
    lanes: config.lanes,
    model,
    cacheDir: cache ? cache.dir : projectCacheDir(config, root),
    unknownLiteralPatterns: config.unknownLiterals,
    ...(statAt ? { statAt } : {}),
  });
  recordTiming(
    'analyze the workspace',
    t0(),
    `${result.stats.files} files, ${result.stats.parsed} parsed, ${result.stats.cached} from cache`,
  );
  return result;
}

/**
 * The analysis started beside the model's build: it begins on what needs no model (listing files,
 * loading parsers) while the sources parse, and fails only after the model does, so that a model
 * that cannot be built is the error reported (the analysis's own rejection is handled here).
 */
export function analyzeWhileBuilding(
  building: Promise<{ model: Model }>,
  config: Config,
  root: string,
  cache?: { dir: string | undefined },
  statAt?: StatAt,
): Promise<AnalyzeResult> {
  // Nothing to analyze: the model's promise is not even waited on (a failure is the caller's).
  if (!config.lanes.length) return Promise.resolve({ facts: [], warnings: [] });
  const analysis = analyzeForMapping(
    building.then((s) => s.model),
    config,
    root,
    cache,
    statAt,
  );
  analysis.catch(() => {});
  return analysis;
}
