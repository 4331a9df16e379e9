/** The model of the repository's own config (docs pages + agents catalog), as `check` and `sync` load it. */
import { join, resolve } from 'node:path';
import { loadConfig } from '../../tools/config/load.js';
import type { Model } from '../../tools/model/schema.js';
import { loadModelState } from '../../tools/pipeline/model.js';

const ROOT = resolve(import.meta.dirname, '../..');

export async function loadRootModel(): Promise<Model> {
  const { config, root } = await loadConfig(join(ROOT, 'specmap.config.json'));
  return (await loadModelState(config, root)).model;
}
