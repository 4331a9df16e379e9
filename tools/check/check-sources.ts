/**
 * The sources part of `check`: the model on disk was built from other source bytes. Which items
 * changed, and how, comes from the same semantic diff as `specmap diff` (not a hash).
 */
import type { Config } from '../config/schema.js';
import type { ModelState } from '../pipeline/model.js';
import type { Change } from '../diff/change.js';
import { describeChange } from '../diff/describe.js';
import type { Finding } from './findings.js';

/** The field path inside the item (`sequence_number`), then the diff engine's own sentence and class. */
function message(c: Change): string {
  const at = c.path.startsWith(c.item) ? c.path.slice(c.item.length).replace(/^#/, '') : c.path;
  return `${at ? `\`${at}\`: ` : ''}${describeChange(c)} (${c.class})`;
}

export async function checkSources(state: ModelState, config: Config): Promise<Omit<Finding, 'severity'>[]> {
  if (state.upToDate) return [];
  if (!state.onDisk)
    return [{ kind: 'model-missing', file: config.model, message: `there is no model at ${config.model} yet`, fix: 'specmap sync' }];
  const { diffModels } = await import('../diff/diff-models.js');
  const changes = diffModels(state.onDisk, state.model, { scope: 'all' });
  const changedSources = state.sources.filter((s) => !state.onDisk!.sources.some((o) => o.id === s.info.id && o.sha256 === s.info.sha256));
  if (!changes.length) {
    // Bytes changed but nothing the model keeps did (whitespace, navigation): still a rebuild.
    return changedSources.map((s) => ({
      kind: 'source-changed' as const,
      file: s.info.path,
      message: `${s.info.id} changed without changing any item`,
      fix: 'specmap sync',
    }));
  }
  return changes.map((c) => ({
    kind: 'source-changed' as const,
    id: c.item,
    anchor: c.anchors.new ?? c.anchors.old,
    message: message(c),
    fix: 'specmap sync',
  }));
}
