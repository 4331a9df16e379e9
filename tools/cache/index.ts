/**
 * Caching for later stages. `loadModelCached(config, root)` builds the canonical model from the
 * configured sources like `buildModel`, with OpenAPI extracts served from `config.cacheDir` when
 * the file, its config and the reader's code are unchanged. `extractCached` caches one source.
 */
export { extractCached, cacheKey, cachePath, CACHED_KINDS } from './extract-cache.js';
export { loadModelCached } from './load-model-cached.js';
