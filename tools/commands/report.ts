/** `specmap report`: model + mapping.json → coverage and gap report (markdown, JSON, HTML) in `report.outDir`. */
import { loadConfig } from '../config/load.js';
import { UsageError } from '../diagnostics/errors.js';
import { applyPlan, planWrites } from '../io/write-plan.js';
import { loadModelState } from '../pipeline/model.js';
import { renderFormat, renderReport, REPORT_FORMATS, type ReportFormat } from '../report/render.js';
import { readMapping, reportFromInputs } from '../report/stage.js';
import type { Report } from '../report/schema.js';
import { crosscheckFindings } from '../pipeline/report-stage.js';

export interface ReportOptions {
  config?: string;
  cwd?: string;
  /** Comma-separated or repeated: `markdown,json,html`; the config's `report.formats` otherwise. */
  format?: string | string[];
  outDir?: string;
  /** Print the one format to stdout instead of writing files. */
  stdout?: boolean;
  /** Stamp the report with the current time (off by default: same inputs, same bytes). */
  timestamp?: boolean;
  json?: boolean;
}

function parseFormats(raw: string | string[] | undefined, fallback: readonly ReportFormat[]): ReportFormat[] {
  if (raw === undefined) return [...fallback];
  const list = (Array.isArray(raw) ? raw : [raw])
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = list.filter((f) => !(REPORT_FORMATS as readonly string[]).includes(f));
  if (bad.length || !list.length) {
    throw new UsageError(
      `unknown report format ${bad.map((b) => `\`${b}\``).join(', ') || '(none)'}, expected one of ${REPORT_FORMATS.join(', ')}`,
    );
  }
  return [...new Set(list)] as ReportFormat[];
}

export interface ReportCommandResult {
  report: Report;
  /** With `stdout`: the one rendered format, and nothing written. */
  text?: string;
  outDir: string;
  /** Files written (changed bytes), and files whose bytes were already right. */
  written: string[];
  unchanged: string[];
}

/** Builds the report from the model and mapping.json and writes its formats (or renders one with `stdout`). */
export async function reportCommand(opts: Omit<ReportOptions, 'json'> = {}): Promise<ReportCommandResult> {
  const { config, root } = await loadConfig(opts.config, opts.cwd);
  const formats = parseFormats(opts.format, config.report.formats);
  if (opts.stdout && formats.length !== 1) {
    throw new UsageError(
      `--stdout prints one format, found ${formats.length} (${formats.join(', ')}); pass --format with one of ${REPORT_FORMATS.join(', ')}`,
    );
  }
  const state = await loadModelState(config, root);
  const mapping = await readMapping(root, config.mapping);
  const crosscheck = await crosscheckFindings(state.model);
  const report = await reportFromInputs({
    model: state.model,
    mapping,
    config,
    ...(crosscheck ? { crosscheck } : {}),
    ...(opts.timestamp ? { generatedAt: new Date().toISOString() } : {}),
  });
  const outDir = opts.outDir ?? config.report.outDir;
  if (opts.stdout) return { report, text: renderFormat(report, formats[0]!), outDir, written: [], unchanged: [] };
  const plan = planWrites(root, renderReport(report, formats, outDir));
  const written = applyPlan(plan);
  return { report, outDir, written, unchanged: plan.unchanged.map((f) => f.path) };
}

/** The CLI's line for a written report. */
export function reportSummaryLine(r: ReportCommandResult): string {
  const o = r.report.summary.overall;
  const files = [...r.written, ...r.unchanged].sort();
  return `${r.written.length ? 'wrote' : 'unchanged'} ${files.join(', ')}: ${o.implemented} of ${o.total - o.ignored} items implemented (${o.percent}%), ${o.partial} partial, ${o.missing} missing${r.report.summary.mapped ? '' : ' (no mapping.json: no code mapped)'}\n`;
}
