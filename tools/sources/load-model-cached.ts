import type { Config } from '../config/schema.js';
import { buildModel, type BuildResult } from './load.js';
import { projectCacheDir } from '../cache/settings.js';

/** `buildModel` with the parse cache under `config.cacheDir` (relative to `root`); none with `--no-cache`. */
export function loadModelCached(config: Config, root: string): Promise<BuildResult> {
  return buildModel(config, root, { cacheDir: projectCacheDir(config, root) ?? false });
}
