/** The static analyzer's public surface: workspace → neutral code facts. */
export { analyzeWorkspace, type AnalyzeOptions, type AnalyzeResult } from './analyze-workspace.js';
export type { AnalyzerWarning, CodeFact, CodeFactKind } from './facts.js';
export { isTestPath, languageOf } from './file-role.js';
