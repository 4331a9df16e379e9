/** The programmatic API: every CLI command is a function here. */
export * from './model/index.js';
export * from './config/index.js';
export * from './diagnostics/index.js';
export { buildModel, readSources } from './sources/load.js';
export { runExtract } from './commands/extract.js';
