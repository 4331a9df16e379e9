/** `specmap report`: model + mapping.json → coverage and gap report (markdown, JSON, HTML) in `report.outDir`. */
import { loadConfig } from '../config/load.js';
import { EXIT, UsageError } from '../diagnostics/errors.js';
import { applyPlan, planWrites } from '../io/write-plan.js';
import { toJsonText } from '../io/json.js';
import { loadModelState } from '../pipeline/model.js';
import { renderFormat, renderReport, REPORT_FORMATS, type ReportFormat } from '../report/render.js';
import { readMapping, reportFromInputs } from '../report/stage.js';
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
  const list = (Array.isArray(raw) ? raw : [raw]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  const bad = list.filter((f) => !(REPORT_FORMATS as readonly string[]).includes(f));
  if (bad.length || !list.length) {
    throw new UsageError(`unknown report format ${bad.map((b) => `\`${b}\``).join(', ') || '(none)'}, expected one of ${REPORT_FORMATS.join(', ')}`);
  }
  return [...new Set(list)] as ReportFormat[];
}

export async function runReport(opts: ReportOptions): Promise<number> {
  const { config, root } = await loadConfig(opts.config, opts.cwd);
  const formats = parseFormats(opts.format, config.report.formats);
  if (opts.stdout && formats.length !== 1) {
    throw new UsageError(`--stdout prints one format, found ${formats.length} (${formats.join(', ')}); pass --format with one of ${REPORT_FORMATS.join(', ')}`);
  }
  const state = await loadModelState(config, root);
  const mapping = await readMapping(root, config.mapping);
  const crosscheck = await crosscheckFindings(state.model);
  const report = await reportFromInputs({
    model: state.model,
    mapping,
    config,
    docsPages: state.sources.filter((s) => s.info.kind === 'openai-docs'),
    ...(crosscheck ? { crosscheck } : {}),
    ...(opts.timestamp ? { generatedAt: new Date().toISOString() } : {}),
  });
  if (opts.stdout) {
    process.stdout.write(renderFormat(report, formats[0]!));
    return EXIT.clean;
  }
  const outDir = opts.outDir ?? config.report.outDir;
  const plan = planWrites(root, renderReport(report, formats, outDir));
  const written = applyPlan(plan);
  const o = report.summary.overall;
  if (opts.json) {
    process.stdout.write(toJsonText({ outDir, written, unchanged: plan.unchanged.map((f) => f.path), mapped: report.summary.mapped, overall: o }));
  } else {
    const files = [...plan.changed.map((c) => c.file.path), ...plan.unchanged.map((f) => f.path)].sort();
    process.stdout.write(`${written.length ? 'wrote' : 'unchanged'} ${files.join(', ')}: ${o.implemented} of ${o.total - o.ignored} items implemented (${o.percent}%), ${o.partial} partial, ${o.missing} missing${report.summary.mapped ? '' : ' (no mapping.json: no code mapped)'}\n`);
  }
  return EXIT.clean;
}
