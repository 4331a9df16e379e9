/** The programmatic API: every CLI command is a function here. */
export * from './model/index.js';
export * from './config/index.js';
export * from './diagnostics/index.js';
export { EnvironmentError } from './io/env-error.js';
export { buildModel, readSources } from './sources/load.js';
export { extractCommand, type ExtractOptions, type ExtractResult, type ModelCounts } from './commands/extract.js';
export { applyInit, planInit, runInit, starterConfig, type InitPlan } from './commands/init.js';
export { proposeConfig } from './init/propose.js';
export { scanRepository } from './init/scan.js';
export { mapCommand, type MapOptions, type MapCommandResult } from './commands/map.js';
export { syncCommand, watchSync, type SyncOptions, type SyncResult, type AnalyzerNote, type WatchSyncHandlers } from './commands/sync.js';
export { checkCommand, type CheckCommandOptions, type CheckCommandResult } from './commands/check.js';
export type { CheckResult } from './check/run-check.js';
export type { Finding as CheckFinding } from './check/findings.js';
export { enableTimings, timingsSoFar, type Timings } from './cache/timings.js';
export { importLegacy, type ImportResult } from './commands/import.js';
export { whereCommand } from './commands/where.js';
export { computeMapping } from './mapping/compute.js';
export { mappingText } from './mapping/render.js';
export { where } from './mapping/where.js';
export type { Mapping, MappingEntry, Location, Manual } from './mapping/schema.js';
export { verifyCommand } from './commands/verify.js';
export { verifyTraces, learnBaseline, loadBaseline } from './verify/verify.js';
export { verifyStream } from './verify/verify-stream.js';
export { Baseline, profileText, type BaselineProfile } from './verify/baseline.js';
export type { VerifyReport, TraceReport, Violation, CheckId, Deviation, Verdict } from './verify/types.js';
export { generateCommand, type GenerateOptions, type GenerateResult, type GeneratedFileStatus } from './commands/generate.js';
export { generate, generateWithDiagnostics, type GenerateInputs } from './generate/generate.js';
export { readGenerateInputs } from './generate/inputs.js';
export { renderTracker } from './generate/tracker/render-tracker.js';
export { trackerView } from './generate/tracker/tracker-view.js';
export { buildEventSchemas, buildEventUnion, buildRuntimeSchemas } from './generate/zod/runtime-schemas.js';
export { reportCommand } from './commands/report.js';
export {
  buildMatrixFromConfig,
  compareFromConfig,
  type MatrixOptions,
  type MatrixResult,
  type CompareOptions,
  type CompareResult,
} from './commands/matrix.js';
export { buildReport, renderReport, renderMarkdown, renderJson, renderHtml, REPORT_VERSION } from './report/index.js';
export type { Report, ReportExtras, ReportFormat } from './report/index.js';
export { extractCached } from './sources/extract-cache.js';
export { loadModelCached } from './sources/load-model-cached.js';
export { extractOpenApi, type OpenApiOptions } from './sources/openapi/read.js';
export { buildFromFiles, extractSources, type BuildOptions } from './sources/load.js';
export { runDiff, diffFiles, type DiffResult } from './commands/diff.js';
export { diffModels, countByClass } from './diff/diff-models.js';
export { failsOn, FAIL_ON, type FailOn } from './diff/fail-on.js';
export type { Change, ChangeClass, ChangeKind } from './diff/change.js';
export { crosscheckSources, type CrosscheckResult } from './commands/crosscheck.js';
export { crosscheck } from './crosscheck/crosscheck.js';
export type { Finding, FindingKind } from './crosscheck/finding.js';
export * from './problems/index.js';
