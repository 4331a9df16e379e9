/** The static analyzer's public surface: workspace → neutral code facts. */
export { analyzeWorkspace } from './analyze-workspace.js';
