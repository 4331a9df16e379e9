/** The mapping part of `check`: recompute the mapping from the code and compare with mapping.json. */
import type { Config } from '../config/schema.js';
import { resolveInside } from '../io/write-plan.js';
import type { Mapping } from '../mapping/schema.js';
import type { Model } from '../model/schema.js';
import type { Finding } from './findings.js';
import { mappingDrift } from './mapping-drift.js';

export interface MappingCheck {
  findings: Omit<Finding, 'severity'>[];
  /** The mapping `sync` would write; the generated tracker tables are checked against it. */
  mapping: Mapping;
}

export async function checkMapping(model: Model, config: Config, root: string): Promise<MappingCheck> {
  const [{ analyzeForMapping }, { computeMapping }, { readMappingFile }] = await Promise.all([
    import('../mapping/run-analyzer.js'),
    import('../mapping/compute.js'),
    import('../mapping/read.js'),
  ]);
  const previous = readMappingFile(resolveInside(root, config.mapping), config.mapping);
  const { facts } = await analyzeForMapping(model, config, root);
  const mapping = computeMapping(model, facts, config, previous);
  return { findings: mappingDrift(previous, mapping), mapping };
}
