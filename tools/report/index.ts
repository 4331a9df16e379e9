export * from './schema.js';
export { buildReport, type ReportExtras } from './build.js';
export { renderReport, type ReportFormat } from './render.js';
export { renderMarkdown } from './reporters/markdown.js';
export { renderJson } from './reporters/json.js';
export { renderHtml } from './reporters/html.js';
