/**
 * The cache layer (store.ts): one folder, `config.cacheDir`, every entry keyed by its inputs and
 * the tool's code. `loadModelCached(config, root)` builds the canonical model like `buildModel`,
 * with every source's extract served from the cache when the file, its config and the tool are
 * unchanged. `extractCached` caches one source.
 */
export { extractCached, sourceCacheKey, cachePath } from './extract-cache.js';
export { loadModelCached } from './load-model-cached.js';
export { toolCodeHash } from './tool-hash.js';
export { setCacheEnabled, cacheEnabled, projectCacheDir } from './settings.js';
