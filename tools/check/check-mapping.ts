/** The mapping part of `check`: recompute the mapping from the code and compare with mapping.json. */
import { readFileSync } from 'node:fs';
import type { CodeFact } from '../analyzer/facts.js';
import type { Config } from '../config/schema.js';
import { projectCacheDir } from '../cache/settings.js';
import { canWriteBelow } from '../io/confine.js';
import { resolveInsideReal } from '../io/write-plan.js';
import { analyzeWhileBuilding } from '../mapping/run-analyzer.js';
import type { StatAt } from '../io/read-hashes.js';
import type { Mapping } from '../mapping/schema.js';
import type { Model } from '../model/schema.js';
import type { Finding } from './findings.js';
import { mappingDrift } from './mapping-drift.js';

export interface MappingCheck {
  findings: Omit<Finding, 'severity'>[];
  /** The mapping `sync` would write; the generated tracker tables are checked against it. */
  mapping: Mapping;
}

/**
 * The analyzer as `map` runs it, except for its fact cache: `check` must work on a read-only
 * checkout, so the cache is used only where it can be written, and never with `--no-cache`.
 */
export async function analyzeForCheck(
  building: Promise<{ model: Model }>,
  config: Config,
  root: string,
  noCache: boolean,
  statAt?: StatAt,
): Promise<CodeFact[]> {
  const dir = projectCacheDir(config, root);
  return (await analyzeWhileBuilding(building, config, root, { dir: !noCache && dir && canWriteBelow(dir) ? dir : undefined }, statAt))
    .facts;
}

/** `facts`: the analysis, begun by the caller while the model was built (`analyzeForCheck`). */
export async function checkMapping(model: Model, config: Config, root: string, facts: Promise<CodeFact[]>): Promise<MappingCheck> {
  const [{ computeMapping }, { readMappingSnapshotRemembered }] = await Promise.all([
    import('../mapping/compute.js'),
    import('../mapping/read-remembered.js'),
  ]);
  const cacheDir = projectCacheDir(config, root);
  const previous = (await readMappingSnapshotRemembered(resolveInsideReal(root, config.mapping), config.mapping, cacheDir)).mapping;
  const mapping = computeMapping(model, await facts, config, previous);
  return { findings: [...mappingDrift(previous, mapping), ...(await trackerEdits(model, config, root, previous))], mapping };
}

/**
 * Edits made in the tracker that only `sync` stores in mapping.json: until then they live in a
 * file that is not committed, and a clone would not have them.
 */
async function trackerEdits(
  model: Model,
  config: Config,
  root: string,
  previous: Mapping | undefined,
): Promise<Omit<Finding, 'severity'>[]> {
  const { mergeTrackerEdits, trackerFilePath } = await import('../generate/tracker/merge-edits.js');
  const file = trackerFilePath(config);
  if (!file) return [];
  let text: string;
  try {
    text = readFileSync(resolveInsideReal(root, file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const merged = mergeTrackerEdits(model, previous, text, file);
  return [
    ...merged.conflicts.map((d) => ({
      kind: 'mapping-tracker-conflict' as const,
      file,
      line: d.line,
      message: d.message,
      fix: d.hint ?? 'make the two agree',
    })),
    ...merged.edits.map((e) => ({
      kind: 'mapping-tracker-edit' as const,
      id: e.id,
      file,
      line: e.line,
      message: `\`${e.type}\` ${e.keys.join(', ')} edited in the tracker and not yet stored in ${config.mapping}`,
      fix: 'specmap sync',
    })),
  ];
}
