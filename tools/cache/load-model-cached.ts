import { resolve } from 'node:path';
import type { Config } from '../config/schema.js';
import { buildModel, type BuildResult } from '../sources/load.js';

/** `buildModel` with the parse cache under `config.cacheDir` (relative to `root`). */
export function loadModelCached(config: Config, root: string): Promise<BuildResult> {
  return buildModel(config, root, { cacheDir: resolve(root, config.cacheDir) });
}
