import type { Command } from 'commander';
import { action } from './run-action.js';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write the coverage and gap report (markdown, JSON, HTML dashboard) from the model and mapping.json')
    .option('-f, --format <formats>', 'markdown, json, html (comma-separated); default: config report.formats')
    .option('-o, --out-dir <dir>', 'write here instead of config report.outDir')
    .option('--stdout', 'print one format instead of writing files')
    .option('--timestamp', 'stamp the report with the current time (off: same inputs, same bytes)')
    .option('--matrix', 'the coverage matrix across the configured implementations (matrix.md, matrix.json, matrix.html)')
    .action(
      action<{ format?: string; outDir?: string; stdout?: boolean; timestamp?: boolean; matrix?: boolean }>(async (opts) => {
        if (opts.matrix) return runMatrixReport(opts);
        const { reportCommand, reportSummaryLine } = await import('../../commands/report.js');
        const r = await reportCommand({ ...opts, config: opts.config });
        if (r.text !== undefined) process.stdout.write(r.text);
        else if (opts.json) {
          const { toJsonText } = await import('../../io/json.js');
          process.stdout.write(
            toJsonText({
              outDir: r.outDir,
              written: r.written,
              unchanged: r.unchanged,
              mapped: r.report.summary.mapped,
              overall: r.report.summary.overall,
            }),
          );
        } else process.stdout.write(reportSummaryLine(r));
        return 0;
      }),
    );
}

async function runMatrixReport(opts: {
  format?: string;
  outDir?: string;
  stdout?: boolean;
  config: string;
  json?: boolean;
  allowOutside?: boolean;
  cwd?: string;
}): Promise<number> {
  const { UsageError } = await import('../../diagnostics/errors.js');
  const formats = (opts.format ?? 'markdown,json,html')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const bad = formats.filter((f) => !['markdown', 'json', 'html'].includes(f));
  if (bad.length || !formats.length)
    throw new UsageError(`unknown matrix format ${bad.map((b) => `\`${b}\``).join(', ') || '(none)'}, expected markdown, json or html`);
  if (opts.stdout && formats.length !== 1)
    throw new UsageError(`--stdout prints one format, found ${formats.length}; pass --format with one of markdown, json, html`);
  const { buildMatrixFromConfig, matrixPaths } = await import('../../commands/matrix.js');
  const { createProgress, progressEnabled } = await import('../progress.js');
  const progress = createProgress(progressEnabled(Boolean(opts.json || opts.stdout)));
  const { matrix, config, root, warnings } = await buildMatrixFromConfig({
    config: opts.config,
    cwd: opts.cwd,
    allowOutside: opts.allowOutside,
    onProgress: (s) => progress.step(s),
  });
  progress.done();
  const { toJsonText } = await import('../../io/json.js');
  const { renderMatrixMarkdown } = await import('../../matrix/render-markdown.js');
  const { renderMatrixHtml } = await import('../../matrix/render-html.js');
  const render = (f: string): string =>
    f === 'json' ? toJsonText(matrix) : f === 'html' ? renderMatrixHtml(matrix) : renderMatrixMarkdown(matrix);
  if (opts.stdout) {
    process.stdout.write(render(formats[0]!));
    return 0;
  }
  const paths = matrixPaths(config, opts.outDir);
  const { applyPlan, planWrites } = await import('../../io/write-plan.js');
  const files = formats.map((f) => ({ path: paths[f as keyof typeof paths], content: render(f), producedBy: 'specmap report --matrix' }));
  const written = applyPlan(planWrites(root, files));
  if (!opts.json) for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
  if (opts.json) {
    process.stdout.write(toJsonText({ written, implementations: matrix.implementations, warnings }));
  } else {
    const per = matrix.implementations
      .map(
        (i) =>
          `${i.name} ${i.counts.implemented} implemented, ${i.counts.partial} partial${i.recordings ? `, ${i.counts.observed} observed` : ''}`,
      )
      .join('; ');
    process.stdout.write(
      `${written.length ? 'wrote' : 'unchanged'} ${files.map((f) => f.path).join(', ')}: ${matrix.rows.length} items × ${matrix.implementations.length} implementations (${per})\n`,
    );
  }
  return 0;
}
