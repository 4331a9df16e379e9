/**
 * The cache layer (store.ts): one folder, `config.cacheDir`, every entry keyed by its inputs and
 * the tool's code. The caches of what a stage computes live with that stage (the sources' extracts
 * in tools/sources/extract-cache.ts, facts in tools/analyzer/fact-cache.ts); this folder knows no stage.
 */
export { toolCodeHash } from './tool-hash.js';
export { setCacheEnabled, cacheEnabled, projectCacheDir } from './settings.js';
