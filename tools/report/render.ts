/** Report → output files, one per format, for the one write path (`tools/io`). Formats only; no decisions. */
import { folderPrefix } from '../io/folder-prefix.js';
import type { OutputFile } from '../io/write-plan.js';
import { renderHtml } from './reporters/html.js';
import { renderJson } from './reporters/json.js';
import { renderMarkdown } from './reporters/markdown.js';
import type { Report } from './schema.js';

export const REPORT_FORMATS = ['markdown', 'json', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const REPORT_FILES: Record<ReportFormat, string> = { markdown: 'report.md', json: 'report.json', html: 'report.html' };

export function renderFormat(report: Report, format: ReportFormat, linkBase = ''): string {
  switch (format) {
    case 'markdown':
      return renderMarkdown(report);
    case 'json':
      return renderJson(report);
    case 'html':
      return renderHtml(report, { linkBase });
  }
}

/** `outDir` relative to the config root, `/`-separated; links in the dashboard climb back to the root. */
export function renderReport(report: Report, formats: readonly ReportFormat[], outDir: string): OutputFile[] {
  const dir = folderPrefix(outDir);
  const linkBase = dir
    ? dir
        .split('/')
        .map(() => '../')
        .join('')
    : '';
  return [...new Set(formats)].map((format) => ({
    path: dir ? `${dir}/${REPORT_FILES[format]}` : REPORT_FILES[format],
    content: renderFormat(report, format, linkBase),
    producedBy: 'specmap report',
  }));
}
