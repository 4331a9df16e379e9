/** The programmatic API: every CLI command is a function here. */
export * from './model/index.js';
export * from './config/index.js';
export * from './diagnostics/index.js';
export { buildModel, readSources } from './sources/load.js';
export { runExtract } from './commands/extract.js';
export { runGenerate } from './commands/generate.js';
export { generate, generateWithDiagnostics, type GenerateInputs } from './generate/generate.js';
export { readGenerateInputs } from './generate/inputs.js';
export { renderTracker } from './generate/tracker/render-tracker.js';
export { trackerView } from './generate/tracker/tracker-view.js';
export { buildEventSchemas, buildEventUnion, buildRuntimeSchemas } from './generate/zod/runtime-schemas.js';
